"""Tell the author when unpublishing or deleting a quiz lifts a prerequisite of other quizzes.

A prerequisite that is no longer a live quiz of the course is not enforced (courses.prerequisites):
trainees are never locked out for good, and the author learns here what that changes.
"""

from django.contrib import messages
from wagtail import hooks


def _dependents(page) -> tuple[list[str], list[str]]:
    """Titles of the quizzes going away and of the live quizzes outside them that need them."""
    from quizzes.models import QuizPage, QuizPrerequisite

    leaving = QuizPage.objects.descendant_of(page, inclusive=True)
    rows = (
        QuizPrerequisite.objects.filter(required_quiz__in=leaving, quiz__live=True)
        .exclude(quiz__in=leaving)
        .values_list("required_quiz__title", "quiz__title")
        .order_by("quiz__path")
    )
    rows = list(rows)
    required = list(dict.fromkeys(title for title, _ in rows))
    needing = list(dict.fromkeys(title for _, title in rows))
    return required, needing


def _quoted(titles: list[str]) -> str:
    quoted = [f"“{title}”" for title in titles]
    return quoted[0] if len(quoted) == 1 else ", ".join(quoted[:-1]) + " and " + quoted[-1]


def _warn(request, page, *, gone: str) -> None:
    required, needing = _dependents(page)
    if needing:
        messages.warning(
            request,
            f"{_quoted(needing)} required {_quoted(required)} passed first. {gone}, so trainees "
            "can now start them without it: edit their prerequisites if that is not intended.",
        )


@hooks.register("after_unpublish_page")
def warn_after_unpublish(request, page):
    _warn(request, page, gone="While it is unpublished that rule is not applied")


@hooks.register("before_delete_page")
def warn_before_delete(request, page):
    if request.method == "POST":  # confirmed; the rule is deleted with the quiz
        _warn(request, page, gone="Deleting it removes that rule")
