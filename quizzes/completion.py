"""How quizzes take part in course completion and gating (registered from QuizzesConfig.ready)."""

from __future__ import annotations

from collections import defaultdict

from courses.completion import Requirement
from courses.gating import ModuleLock


class RequiredQuizzesProvider:
    """Every live quiz marked "required" must be passed during the current enrollment cycle."""

    kind = "quiz"

    def requirements(self, *, courses):
        from quizzes.selectors import quizzes_by_course

        return {
            course_id: [
                Requirement(key=f"quiz:{quiz.id}", kind="quiz", label=quiz.title, page=quiz)
                for quiz in quizzes
                if quiz.is_required
            ]
            for course_id, quizzes in quizzes_by_course(courses=courses).items()
        }

    def met(self, *, enrollments):
        from quizzes.models import Attempt

        enrollments = list(enrollments)
        keys: dict[int, set[str]] = defaultdict(set)
        if not enrollments:
            return keys
        by_user: dict[int, list] = defaultdict(list)
        for enrollment in enrollments:
            by_user[enrollment.user_id].append(enrollment)
        passes = Attempt.objects.filter(passed=True, user_id__in=list(by_user)).values_list(
            "user_id", "quiz_id", "submitted_at", "quiz__path"
        )
        for user_id, quiz_id, submitted_at, quiz_path in passes:
            for enrollment in by_user[user_id]:
                in_course = quiz_path.startswith(enrollment.course.path)
                if in_course and submitted_at >= enrollment.enrolled_at:
                    keys[enrollment.id].add(f"quiz:{quiz_id}")
        return keys


class QuizGate:
    """Modules named as "unlocked by" a quiz stay locked until the trainee has passed it."""

    def locked_modules(self, *, user, course) -> dict[int, ModuleLock]:
        """One query: the gating quizzes under this course, each with "has this trainee passed"."""
        from django.db.models import Exists, OuterRef, Value

        from quizzes.models import Attempt, QuizPage

        passed = Value(False)
        if user.is_authenticated:
            passed = Exists(Attempt.objects.filter(user=user, passed=True, quiz=OuterRef("pk")))
        gates = (
            QuizPage.objects.live()
            .descendant_of(course)
            .filter(unlocks_module__isnull=False)
            .annotate(passed=passed)
            .only("id", "title", "path", "depth", "url_path", "unlocks_module_id")
        )
        return {
            quiz.unlocks_module_id: ModuleLock(f"Pass “{quiz.title}” to open these lessons.", quiz)
            for quiz in gates
            if not quiz.passed
        }
