"""How quizzes take part in course completion and gating (registered from QuizzesConfig.ready)."""

from __future__ import annotations

from collections import defaultdict

from django.db.models import DateTimeField, F, IntegerField, Value

from courses.completion import Requirement, TraineeState
from courses.gating import ModuleLock


class RequiredQuizzesProvider:
    """Every live quiz marked "required" must be passed during the current enrollment cycle.

    Quizzes are outline rows: their rules come joined into the outline query, and one query of
    passed attempts gives what is done, which modules stay locked (see QuizGate) and, for a
    viewer, which quizzes need others passed first (their QuizPrerequisite rows, in the same
    query: the lesson and course pages are held to three queries above a bare page).
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
            for user_id, quiz_id, submitted_at, required_id in _passes_and_prerequisites(
                users=users, quiz_ids=quiz_ids, with_prerequisites=viewer is not None
            ):
                if required_id is not None:
                    state.needs.setdefault(quiz_id, []).append(f"quiz:{required_id}")
                else:
                    passes[user_id][quiz_id].append(submitted_at)
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


def _passes_and_prerequisites(*, users, quiz_ids, with_prerequisites: bool):
    """(user, quiz, submitted_at, None) per pass, then (None, quiz, None, required quiz) per
    prerequisite of these quizzes: one round trip (UNION ALL) for both."""
    from quizzes.models import Attempt, QuizPrerequisite

    passes = (
        Attempt.objects.filter(passed=True, user_id__in=users, quiz_id__in=quiz_ids)
        .annotate(required_id=Value(None, output_field=IntegerField()))
        .values_list("user_id", "quiz_id", "submitted_at", "required_id")
        .order_by()
    )
    if not with_prerequisites:
        return passes
    prerequisites = (
        QuizPrerequisite.objects.filter(quiz_id__in=quiz_ids)
        .annotate(
            no_user=Value(None, output_field=IntegerField()),
            no_time=Value(None, output_field=DateTimeField()),
        )
        .values_list("no_user", "quiz_id", "no_time", "required_quiz_id")
        .order_by()
    )
    return list(passes.union(prerequisites, all=True))


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
