"""The wait after a failed attempt: units, the words a trainee reads, the refusal, the migration."""

import importlib
import re
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone
from hypothesis import given
from hypothesis import strategies as st

from quizzes.cooldown import amount_in_words, cooldown_delta, largest_unit, next_attempt_in_words
from quizzes.services import QuizUnavailable, attempt_save_responses, attempt_start, attempt_submit
from tests.factories import lessons_of
from tests.factories.quizzes import QuestionFactory, quiz_with_questions
from tests.quizzes.test_attempts import key_response

LONDON = ZoneInfo("Europe/London")
NOW = datetime(2026, 12, 2, 14, 30, tzinfo=LONDON)


@pytest.mark.parametrize(
    ("wait", "expected"),
    [
        (timedelta(seconds=20), "in 1 minute"),
        (timedelta(minutes=25), "in 25 minutes"),
        (timedelta(minutes=59, seconds=30), "in 1 hour, today at 15:30"),
        (timedelta(hours=3), "in 3 hours, today at 17:30"),
        (timedelta(hours=1), "in 1 hour, today at 15:30"),
        (timedelta(hours=12), "in 12 hours, tomorrow at 02:30"),
        (timedelta(days=2), "in 2 days, on 4 December at 14:30"),
        (timedelta(days=1, seconds=1), "in 1 day, on 3 December at 14:31"),
        (timedelta(days=40), "in 40 days, on 11 January 2027 at 14:30"),
    ],
)
def test_next_attempt_in_words(settings, wait, expected):
    settings.TIME_ZONE = "Europe/London"
    assert next_attempt_in_words(until=NOW + wait, now=NOW) == expected


def test_local_time_is_the_sites_not_utc(settings):
    settings.TIME_ZONE = "Europe/London"
    summer = datetime(2026, 7, 1, 12, 0, tzinfo=ZoneInfo("UTC"))
    assert next_attempt_in_words(until=summer + timedelta(days=2), now=summer).endswith("13:00")


@given(
    wait=st.timedeltas(min_value=timedelta(seconds=1), max_value=timedelta(days=400)),
    now=st.datetimes(
        min_value=datetime(2020, 1, 1), max_value=datetime(2035, 1, 1), timezones=st.just(LONDON)
    ),
)
def test_words_never_promise_a_time_before_the_wait_is_over(wait, now):
    until = now + wait
    text = next_attempt_in_words(until=until, now=now)
    number, unit = re.match(r"in (\d+) (minute|hour|day)s?\b", text).groups()
    assert int(number) >= 1 and " 0 " not in text
    size = {"minute": timedelta(minutes=1), "hour": timedelta(hours=1), "day": timedelta(days=1)}
    assert abs(int(number) * size[unit] - wait) <= size[unit] / 2 + timedelta(minutes=1)
    clock = re.search(r"at (\d\d):(\d\d)$", text)
    if clock:  # the clock shown is the end of the wait (local time), rounded up to the minute
        local = until.astimezone(timezone.get_default_timezone())
        rounded_up = local.replace(second=0, microsecond=0) + timedelta(
            minutes=1 if local.second or local.microsecond else 0
        )
        assert clock.groups() == (f"{rounded_up:%H}", f"{rounded_up:%M}")


@given(minutes=st.integers(min_value=0, max_value=999 * 1440))
def test_largest_unit_keeps_the_length(minutes):
    amount, unit = largest_unit(minutes)
    assert cooldown_delta(amount, unit) == timedelta(minutes=minutes)


@pytest.mark.parametrize(
    ("amount", "unit", "words"),
    [(1, "days", "1 day"), (2, "hours", "2 hours"), (1, "minutes", "1 minute")],
)
def test_amount_in_words(amount, unit, words):
    assert amount_in_words(amount, unit) == words


def test_migration_moves_minutes_to_a_unit_and_makes_review_retake_safe():
    migration = importlib.import_module("quizzes.migrations.0010_retake_safe_review_data")
    assert migration.retake_safe(
        {"cooldown_minutes": 1440, "review_timing": "immediately", "review_policy": "answers"}
    ) == {"cooldown_amount": 1, "cooldown_unit": "days", "review_timing": "pass_or_last"}
    assert migration.retake_safe(
        {"cooldown_minutes": 90, "review_timing": "immediately", "review_policy": "score"}
    ) == {"cooldown_amount": 90, "cooldown_unit": "minutes"}  # no key shown: timing left
    assert migration.retake_safe(
        {"cooldown_minutes": 0, "review_timing": "after_close", "review_policy": "answers"}
    ) == {"cooldown_amount": 0, "cooldown_unit": "minutes"}  # a deliberate choice: kept


# ---- the rule at start, and the words on the quiz page -----------------------------------


@pytest.fixture
def cooldown_quiz(quiz_course):
    module = lessons_of(quiz_course)[0].get_parent()
    return quiz_with_questions(
        module, [QuestionFactory()], attempts_allowed=0, cooldown_amount=2, cooldown_unit="days"
    )


def _submit(quiz, user, *, right: bool):
    attempt, _ = attempt_start(quiz=quiz, user=user)
    if right:
        row = attempt.questions.get()
        attempt_save_responses(attempt=attempt, responses={row.position: key_response(row)})
    return attempt_submit(attempt=attempt)


@pytest.mark.django_db
def test_a_failed_attempt_waits_in_days_and_says_until_when(client, enrolled, cooldown_quiz):
    start = timezone.now().astimezone(LONDON).replace(hour=14, minute=30, second=0, microsecond=0)
    start += timedelta(days=1)
    in_two_days = f"{(start + timedelta(days=2)).day} {start + timedelta(days=2):%B}"
    with time_machine.travel(start, tick=False):
        assert not _submit(cooldown_quiz, enrolled, right=False).passed
        with pytest.raises(QuizUnavailable) as refused:
            attempt_start(quiz=cooldown_quiz, user=enrolled)
        assert str(refused.value) == (
            f"After a failed attempt, you can try again in 2 days, on {in_two_days} at 14:30."
        )
        client.force_login(enrolled)
        html = client.get(cooldown_quiz.url).content.decode()
        assert "Wait after a failed attempt: <strong>2 days</strong>" in html
        assert f"you can try again in 2 days, on {in_two_days} at 14:30." in html
        assert "Start another attempt" not in html
    with (
        time_machine.travel(start + timedelta(days=1, hours=23), tick=False),
        pytest.raises(QuizUnavailable, match="in 1 hour, today at 14:30"),
    ):
        attempt_start(quiz=cooldown_quiz, user=enrolled)
    with time_machine.travel(start + timedelta(days=2), tick=False):
        assert _submit(cooldown_quiz, enrolled, right=True).passed


@pytest.mark.django_db
def test_a_passed_attempt_needs_no_wait(enrolled, cooldown_quiz):
    assert _submit(cooldown_quiz, enrolled, right=True).passed
    attempt, created = attempt_start(quiz=cooldown_quiz, user=enrolled)
    assert created


@pytest.mark.django_db
def test_quiz_rules_carry_the_wait(enrolled, cooldown_quiz):
    from quizzes.services import quiz_rules

    assert quiz_rules(quiz=cooldown_quiz, user=enrolled).cooldown == timedelta(days=2)
    cooldown_quiz.cooldown_minutes = 90  # the old spelling still works, in the largest unit
    assert (cooldown_quiz.cooldown_amount, cooldown_quiz.cooldown_unit) == (90, "minutes")


@pytest.mark.parametrize(
    ("timing", "attempts", "closes", "refused"),
    [
        ("after_close", 3, None, True),
        ("after_last", 0, None, True),
        ("after_last", 0, NOW, False),
        ("after_last", 3, None, False),
        ("pass_or_last", 0, None, False),  # unlimited: the answers wait for a pass
        ("after_pass", 0, None, False),
        ("immediately", 0, None, False),
    ],
)
def test_editor_refuses_a_review_that_would_never_come(timing, attempts, closes, refused):
    from quizzes.review_rules import timing_problem

    problem = timing_problem(timing=timing, attempts_allowed=attempts, closes=closes)
    assert ("would never be shown" in problem) is refused


def post_editor(client, quiz, **fields):
    """The quiz editor's own POST, as an author saving and publishing the page."""
    from wagtail.test.utils.form_data import inline_formset

    from tests.quizzes.editor_form import post_quiz_editor

    slot = quiz.slots.get()
    rows = [{"id": slot.pk, "question": slot.question_id, "count": 1}]
    return post_quiz_editor(client, quiz, slots=inline_formset(rows, initial=1), **fields)


@pytest.mark.django_db
def test_the_editor_saves_the_wait_and_refuses_a_review_that_never_comes(client, quiz_course):
    from tests.factories import UserFactory

    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    module = lessons_of(quiz_course)[0].get_parent()
    quiz = quiz_with_questions(module, [QuestionFactory()])
    response, saved = post_editor(client, quiz, cooldown_amount=3, cooldown_unit="days")
    assert response.status_code == 302, response.context["form"].errors
    assert saved.cooldown == timedelta(days=3) and saved.review_timing == "pass_or_last"

    response, saved = post_editor(client, quiz, review_timing="after_close")
    assert response.status_code == 200
    assert "would never be shown" in response.context["form"].errors["review_timing"][0]
    assert saved.review_timing == "pass_or_last"  # nothing saved
    response, _ = post_editor(client, quiz, cooldown_amount=5, cooldown_unit="weeks")
    assert "cooldown_unit" in response.context["form"].errors  # not a unit: refused, no 500


@pytest.mark.django_db
def test_the_editor_shows_amount_unit_and_the_timing_help(client, quiz_course):
    from tests.factories import UserFactory

    admin = UserFactory(is_superuser=True, is_staff=True)
    module = lessons_of(quiz_course)[0].get_parent()
    quiz = quiz_with_questions(module, [QuestionFactory()])
    client.force_login(admin)
    html = client.get(reverse("wagtailadmin_pages:edit", args=[quiz.id])).content.decode()
    assert 'name="cooldown_amount"' in html and 'name="cooldown_unit"' in html
    assert "keeps retakes honest" in html and "Once passed, or after the last allowed" in html
    assert 'value="pass_or_last" selected' in html  # the retake-safe default
