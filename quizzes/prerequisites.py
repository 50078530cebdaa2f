"""Quiz prerequisites as a graph: the rule an author's save is checked against. Pure.

A quiz needing another that (through any chain) needs it back could never be started by anyone,
so such a rule is refused in the editor (QuizPageForm.clean_prerequisites).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping


def requirement_path(start: int, goal: int, edges: Mapping[int, Iterable[int]]) -> list[int] | None:
    """The shortest chain start → … → goal along `edges` (quiz → quizzes it needs), or None."""
    if start == goal:
        return [start]
    previous: dict[int, int] = {start: start}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for needed in edges.get(node, ()):
                if needed in previous:
                    continue
                previous[needed] = node
                if needed == goal:
                    path = [goal]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return path[::-1]
                following.append(needed)
        frontier = following
    return None


def cycle_through(quiz: int, required: int, edges: Mapping[int, Iterable[int]]) -> list[int] | None:
    """If `quiz` needing `required` closes a cycle, the cycle as quiz → required → … → quiz."""
    if required == quiz:
        return [quiz, quiz]
    back = requirement_path(required, quiz, edges)
    return [quiz, *back] if back else None


def saved_prerequisites(*, course, excluding) -> dict[int, list[int]]:
    """The published rules of the course's other quizzes: quiz id → ids of quizzes it needs."""
    from quizzes.models import QuizPrerequisite

    edges: dict[int, list[int]] = {}
    rows = QuizPrerequisite.objects.filter(quiz__path__startswith=course.path)
    if excluding is not None:
        rows = rows.exclude(quiz_id=excluding)
    for quiz_id, required_id in rows.values_list("quiz_id", "required_quiz_id"):
        edges.setdefault(quiz_id, []).append(required_id)
    return edges


def prerequisite_errors(*, quiz, parent, required: list) -> list[str | None]:
    """Per required quiz (in the editor's rows), why it cannot be a prerequisite of `quiz`."""
    from courses.models import CoursePage

    if not required:
        return []
    course = None
    if parent is not None:
        course = CoursePage.objects.ancestor_of(parent, inclusive=True).first()
    edges = saved_prerequisites(course=course, excluding=quiz.pk) if course else {}
    titles = {}
    errors: list[str | None] = []
    seen: set[int] = set()
    for other in required:
        titles[other.pk] = other.title
        if quiz.pk is not None and other.pk == quiz.pk:
            errors.append("A quiz cannot require itself.")
        elif course is None or not other.path.startswith(course.path):
            where = f"“{course.title}”" if course else "this course"
            errors.append(
                f"“{other.title}” is in another course: prerequisites must be quizzes of {where}."
            )
        elif other.pk in seen:
            errors.append(f"“{other.title}” is already required above.")
        elif quiz.pk is not None and (cycle := cycle_through(quiz.pk, other.pk, edges)):
            errors.append(_cycle_message(other, cycle, titles))
        else:
            errors.append(None)
        seen.add(other.pk)
    return errors


def _cycle_message(other, cycle: list[int], titles: dict[int, str]) -> str:
    from quizzes.models import QuizPage

    missing = [pk for pk in cycle[1:-1] if pk not in titles]
    titles.update(QuizPage.objects.filter(pk__in=missing).values_list("pk", "title"))
    chain = " → ".join(
        "this quiz" if index in (0, len(cycle) - 1) else f"“{titles.get(pk, pk)}”"
        for index, pk in enumerate(cycle)
    )
    return (
        f"“{other.title}” already depends on this quiz ({chain}): with this rule neither "
        "could ever be started."
    )
