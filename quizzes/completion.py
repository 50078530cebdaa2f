"""How quizzes take part in course completion and gating (registered from QuizzesConfig.ready)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import F

from courses.completion import Requirement, TraineeState
from courses.gating import ModuleLock
from courses.outline_cache import kept_value


class RequiredQuizzesProvider:
    """Every live quiz marked "required" must be passed during the current enrollment cycle.

    Quizzes are outline rows: their rules come joined into the outline query, and one query of
    passed attempts gives what is done, which modules stay locked (see QuizGate) and, for a
    viewer, which quizzes need others passed first (their QuizPrerequisite rows: page content,
    kept with the outline, so the one query is about trainees only).
    """

    kind = "quiz"
    plural = "quizzes"
    todo = "pass {}"
    outline_fields = {
        "is_quiz": F("quizpage__page_ptr_id"),
        "quiz_required": F("quizpage__is_required"),
        "quiz_unlocks_module": F("quizpage__unlocks_module_id"),
    }

    def step_key(self, row):
        return f"quiz:{row.id}" if getattr(row, "is_quiz", None) else None

    def requirements(self, *, outlines):
        return {
            course_id: [
                Requirement(key=f"quiz:{row.id}", kind="quiz", label=row.title, page=row)
                for row in outline.rows
                if getattr(row, "is_quiz", None) and row.quiz_required
            ]
            for course_id, outline in outlines.items()
        }

    def met_page_ids(self, *, enrollment, page_ids):
        """Quizzes passed since the trainee enrolled (this cycle), as trainee_state counts them."""
        from quizzes.models import Attempt

        rows = Attempt.objects.filter(
            passed=True,
            user_id=enrollment.user_id,
            quiz_id__in=page_ids,
            submitted_at__gte=enrollment.enrolled_at,
        )
        return rows.order_by().values_list("quiz_id", flat=True)

    def trainee_state(self, *, user, enrollments, outlines):
        state = TraineeState()
        quizzes = {
            course_id: [row for row in outline.rows if getattr(row, "is_quiz", None)]
            for course_id, outline in outlines.items()
        }
        quiz_ids = [row.id for rows in quizzes.values() for row in rows]
        viewer = user.pk if user is not None and user.is_authenticated else None
        users = {e.user_id for e in enrollments} | ({viewer} if viewer else set())
        passes: dict[int, dict[int, list]] = defaultdict(lambda: defaultdict(list))
        if quiz_ids and users:
            for user_id, quiz_id, submitted_at in _passes(users=users, quiz_ids=quiz_ids):
                passes[user_id][quiz_id].append(submitted_at)
        if quiz_ids and viewer is not None:
            for quiz_id, required_id in _prerequisites(quiz_ids):
                state.needs.setdefault(quiz_id, []).append(f"quiz:{required_id}")
        for enrollment in enrollments:
            for row in quizzes.get(enrollment.course_id, []):
                times = passes[enrollment.user_id].get(row.id, [])
                if any(at >= enrollment.enrolled_at for at in times):
                    state.done[enrollment.id].add(f"quiz:{row.id}")
        if user is not None:
            for course_id, rows in quizzes.items():
                for row in rows:
                    if row.quiz_unlocks_module and row.id not in passes[viewer]:
                        state.locks[course_id].setdefault(row.quiz_unlocks_module, gate_lock(row))
        return state


def _passes(*, users, quiz_ids):
    """(user, quiz, submitted_at) per pass: the one query about trainees."""
    from quizzes.models import Attempt

    return Attempt.objects.filter(passed=True, user_id__in=users, quiz_id__in=quiz_ids).values_list(
        "user_id", "quiz_id", "submitted_at"
    )


def _prerequisites(quiz_ids) -> list[tuple[int, int]]:
    """(quiz, required quiz) pairs. Saved with the quiz pages, so kept like their outline."""
    from quizzes.models import QuizPrerequisite

    def read():
        rows = QuizPrerequisite.objects.filter(quiz_id__in=quiz_ids).order_by("quiz", "sort_order")
        return list(rows.values_list("quiz_id", "required_quiz_id"))

    return kept_value(("quiz-prerequisites", tuple(sorted(quiz_ids))), read)


def gate_lock(quiz) -> ModuleLock:
    return ModuleLock(f"Pass “{quiz.title}” to open these lessons.", quiz)


class QuizGate:
    """Modules named as "unlocked by" a quiz stay locked until the trainee has passed it."""

    def locked_modules(self, *, user, course) -> dict[int, ModuleLock]:
        """One query: the gating quizzes under this course that this trainee has not passed.

        The trainee's passes are an uncorrelated subquery (run once), not one per quiz.
        """
        from quizzes.models import Attempt, QuizPage

        gates = (
            QuizPage.objects.live()
            .descendant_of(course)
            .filter(unlocks_module__isnull=False)
            .only("id", "title", "path", "depth", "url_path", "unlocks_module_id")
        )
        if user.is_authenticated:
            passed = Attempt.objects.filter(user=user, passed=True).values("quiz_id")
            gates = gates.exclude(pk__in=passed)
        return {quiz.unlocks_module_id: gate_lock(quiz) for quiz in gates}
