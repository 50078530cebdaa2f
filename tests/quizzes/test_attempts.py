import json

import pytest
import time_machine
from django.urls import reverse
from django.utils import timezone

from quizzes.models import Attempt
from quizzes.services import (
    QuizUnavailable,
    attempt_save_responses,
    attempt_start,
    attempt_submit,
    attempts_submit_expired,
)
from tests.factories import lessons_of
from tests.factories.quizzes import SAMPLE_BODIES, QuestionFactory, body, quiz_with_questions

pytestmark = pytest.mark.django_db


def key_response(row) -> dict:
    """The full-marks answer for a frozen question (tests only; the server never sends this)."""
    snapshot = row.snapshot
    kind, key = snapshot["type"], snapshot["key"]
    if kind == "single_choice":
        return {"choice": max(key["options"], key=lambda o: o["credit"])["id"]}
    if kind == "multiple_response":
        return {"choices": [o["id"] for o in key["options"] if o["credit"] > 0]}
    if kind == "true_false":
        return {"value": "true" if key["answer"] else "false"}
    if kind == "numeric":
        answer = key["answers"][0]
        return {"value": str(answer["value"] if answer.get("value") is not None else answer["min"])}
    if kind == "short_text":
        return {"text": key["answers"][0]["text"].replace("*", "x")}
    if kind == "matching":
        return {"matches": dict(key["pairs"])}
    if kind == "ordering":
        return {"order": list(key["order"])}
    if kind == "hotspot":
        return hotspot_key_point(key)
    raise AssertionError(kind)


def hotspot_key_point(key) -> dict:
    """A point inside the best-credited zone."""
    from quizzes.marking import point_in_zone

    zone = max(key["zones"], key=lambda z: z["credit"])
    coords = zone["coords"]
    if zone["shape"] == "circle":
        x, y = coords[0], coords[1]
    elif zone["shape"] == "rect":
        x, y = coords[0] + coords[2] / 2, coords[1] + coords[3] / 2
    else:
        x = sum(point[0] for point in coords) / len(coords)
        y = sum(point[1] for point in coords) / len(coords)
    assert point_in_zone(x, y, zone)
    return {"x": x, "y": y}


def answer_all(attempt, *, wrong_positions=()):
    responses = {}
    for row in attempt.questions.all():
        responses[row.position] = {} if row.position in wrong_positions else key_response(row)
    result = attempt_save_responses(attempt=attempt, responses=responses)
    assert result.errors == {} and result.saved == len(responses)


def test_start_freezes_questions_and_resumes(enrolled, all_types_quiz):
    attempt, created = attempt_start(quiz=all_types_quiz, user=enrolled)
    again, created_again = attempt_start(quiz=all_types_quiz, user=enrolled)
    assert created and not created_again and again.pk == attempt.pk
    assert attempt.questions.count() == len(SAMPLE_BODIES)
    assert attempt.max_score == len(SAMPLE_BODIES)


def test_editing_a_question_does_not_change_a_started_attempt(enrolled, all_types_quiz):
    attempt, _ = attempt_start(quiz=all_types_quiz, user=enrolled)
    row = attempt.questions.get(snapshot__type="single_choice")
    before = row.snapshot
    question = row.question
    question.stem = "<p>Edited stem</p>"
    question.body = body(
        "single_choice",
        options=[
            {"text": "New", "credit": 1.0, "feedback": ""},
            {"text": "Old", "credit": 0, "feedback": ""},
        ],
    )
    question.save()
    row.refresh_from_db()
    assert row.snapshot == before
    answer_all(attempt)
    assert attempt_submit(attempt=attempt).percent == 100


def test_full_marks_pass_and_submitting_twice_grades_once(enrolled, all_types_quiz):
    attempt, _ = attempt_start(quiz=all_types_quiz, user=enrolled)
    answer_all(attempt)
    first = attempt_submit(attempt=attempt)
    submitted_at = first.submitted_at
    second = attempt_submit(attempt=Attempt.objects.get(pk=attempt.pk))
    assert first.passed and first.percent == 100
    assert second.submitted_at == submitted_at
    assert Attempt.objects.get(pk=attempt.pk).score == first.score


def test_wrong_critical_item_fails_whatever_the_score(enrolled, quiz_course):
    critical = QuestionFactory(
        kind="true_false", critical=True, critical_reason="Pregnancy matters."
    )
    others = [QuestionFactory(kind="single_choice", points=10) for _ in range(3)]
    module = lessons_of(quiz_course)[0].get_parent()
    quiz = quiz_with_questions(module, [critical, *others], pass_mark=50)
    attempt, _ = attempt_start(quiz=quiz, user=enrolled)
    critical_position = attempt.questions.get(question=critical).position
    answer_all(attempt, wrong_positions={critical_position})
    result = attempt_submit(attempt=attempt)
    assert result.percent > 90
    assert result.failed_critical and not result.passed


def test_answers_after_submit_are_refused(enrolled, all_types_quiz):
    attempt, _ = attempt_start(quiz=all_types_quiz, user=enrolled)
    attempt_submit(attempt=attempt)
    from quizzes.services import AttemptClosed

    with pytest.raises(AttemptClosed):
        attempt_save_responses(attempt=Attempt.objects.get(pk=attempt.pk), responses={1: {}})


def test_deadline_submits_with_saved_answers_and_refuses_late_ones(enrolled, all_types_quiz):
    from quizzes.services import DeadlinePassed

    start = timezone.now()
    with time_machine.travel(start, tick=False):
        attempt, _ = attempt_start(quiz=all_types_quiz, user=enrolled)
        answer_all(attempt)
    late = start + timezone.timedelta(minutes=21)
    with time_machine.travel(late, tick=False), pytest.raises(DeadlinePassed):
        attempt_save_responses(attempt=attempt, responses={1: {}})
    attempt.refresh_from_db()
    assert attempt.auto_submitted and attempt.passed and attempt.percent == 100


def test_periodic_sweep_submits_expired_attempts(enrolled, all_types_quiz):
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        attempt, _ = attempt_start(quiz=all_types_quiz, user=enrolled)
    with time_machine.travel(start + timezone.timedelta(minutes=19), tick=False):
        assert attempts_submit_expired() == 0
    with time_machine.travel(start + timezone.timedelta(minutes=21), tick=False):
        assert attempts_submit_expired() == 1
        assert attempts_submit_expired() == 0
    attempt.refresh_from_db()
    assert attempt.status == "submitted" and attempt.auto_submitted and not attempt.passed


def test_attempt_limit_and_cooldown(enrolled, quiz_course):
    module = lessons_of(quiz_course)[0].get_parent()
    quiz = quiz_with_questions(module, [QuestionFactory()], attempts_allowed=2, cooldown_minutes=10)
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        attempt, _ = attempt_start(quiz=quiz, user=enrolled)
        attempt_submit(attempt=attempt)
        with pytest.raises(QuizUnavailable, match="try again in 10 minutes"):
            attempt_start(quiz=quiz, user=enrolled)
    with time_machine.travel(start + timezone.timedelta(minutes=11), tick=False):
        attempt, _ = attempt_start(quiz=quiz, user=enrolled)
        attempt_submit(attempt=attempt)
    later = start + timezone.timedelta(minutes=30)
    with time_machine.travel(later, tick=False), pytest.raises(QuizUnavailable, match="used all 2"):
        attempt_start(quiz=quiz, user=enrolled)
    assert Attempt.objects.filter(user=enrolled).count() == 2


def test_not_enrolled_cannot_start(trainee, all_types_quiz):
    with pytest.raises(QuizUnavailable, match="Enrol in"):
        attempt_start(quiz=all_types_quiz, user=trainee)
    assert not Attempt.objects.exists()


def test_draw_n_from_category_is_seeded_and_distinct(enrolled, quiz_course):
    from quizzes.models import QuizSlot
    from tests.factories.quizzes import QuestionCategoryFactory, QuizPageFactory

    category = QuestionCategoryFactory(name="Risks")
    pool = [QuestionFactory(category=category) for _ in range(8)]
    quiz = QuizPageFactory(parent=quiz_course)
    QuizSlot.objects.create(quiz=quiz, category=category, count=5)
    attempt, _ = attempt_start(quiz=quiz, user=enrolled)
    drawn = list(attempt.questions.values_list("question_id", flat=True))
    assert len(drawn) == len(set(drawn)) == 5
    assert set(drawn) <= {q.pk for q in pool}


# ---- the HTTP layer: bad input never saves, never 500s -------------------------------------


@pytest.fixture
def started(client, enrolled, all_types_quiz):
    client.force_login(enrolled)
    response = client.post(reverse("quizzes:start", args=[all_types_quiz.id]))
    attempt = Attempt.objects.get(user=enrolled)
    assert response["Location"] == reverse("quizzes:attempt", args=[attempt.id])
    return attempt


def autosave(client, attempt, payload, raw=None):
    return client.post(
        reverse("quizzes:autosave", args=[attempt.id]),
        data=raw if raw is not None else json.dumps(payload),
        content_type="application/json",
    )


def test_autosave_saves_a_valid_answer(client, started):
    row = started.questions.get(snapshot__type="single_choice")
    response = autosave(client, started, {"responses": {str(row.position): key_response(row)}})
    assert response.status_code == 200
    assert response.json() == {"saved": 1, "answered": [row.position], "unanswered": []}
    row.refresh_from_db()
    assert row.response == key_response(row)


def test_autosave_says_which_answers_it_stored_and_which_it_cleared(client, started):
    """The page keeps its "N of M answered" count from these lists."""
    chosen = started.questions.get(snapshot__type="single_choice")
    cleared = started.questions.get(snapshot__type="true_false")
    autosave(client, started, {"responses": {str(cleared.position): {"value": "true"}}})
    body = autosave(
        client,
        started,
        {"responses": {str(chosen.position): key_response(chosen), str(cleared.position): {}}},
    ).json()
    assert body == {"saved": 2, "answered": [chosen.position], "unanswered": [cleared.position]}
    assert started.questions.exclude(response={}).get() == chosen


def test_autosave_with_a_bad_answer_still_lists_the_answers_it_stored(client, started):
    chosen = started.questions.get(snapshot__type="single_choice")
    numeric = started.questions.get(snapshot__type="numeric")
    response = autosave(
        client,
        started,
        {
            "responses": {
                str(chosen.position): key_response(chosen),
                str(numeric.position): {"value": "twelve"},
            }
        },
    )
    body = response.json()
    assert response.status_code == 400
    assert body["answered"] == [chosen.position] and body["unanswered"] == []
    assert list(body["errors"]) == [str(numeric.position)]


@pytest.mark.parametrize(
    ("payload", "status", "message"),
    [
        ({"responses": {"999": {}}}, 400, "not part of this attempt"),
        ({"responses": {"abc": {}}}, 400, "not part of this attempt"),
        ({"responses": []}, 400, "could not be read"),
        ({"nothing": 1}, 400, "could not be read"),
    ],
)
def test_autosave_rejects_malformed_payloads(client, started, payload, status, message):
    response = autosave(client, started, payload)
    assert response.status_code == status
    assert message in response.json()["error"]
    assert not started.questions.exclude(response={}).exists()


def test_autosave_rejects_option_from_another_question(client, started):
    single = started.questions.get(snapshot__type="single_choice")
    multi = started.questions.get(snapshot__type="multiple_response")
    foreign = multi.snapshot["display"]["options"][0]["id"]
    response = autosave(client, started, {"responses": {str(single.position): {"choice": foreign}}})
    assert response.status_code == 400
    assert "does not belong to this question" in response.json()["errors"][str(single.position)]
    single.refresh_from_db()
    assert single.response == {}


def test_autosave_keeps_valid_answers_and_reports_invalid_ones(client, started):
    single = started.questions.get(snapshot__type="single_choice")
    numeric = started.questions.get(snapshot__type="numeric")
    autosave(client, started, {"responses": {str(numeric.position): {"value": "12"}}})
    payload = {
        "responses": {
            str(single.position): key_response(single),
            str(numeric.position): {"value": "twelve"},
        }
    }
    response = autosave(client, started, payload)
    assert response.status_code == 400
    body = response.json()
    assert body["saved"] == 1
    assert "Enter a number" in body["errors"][str(numeric.position)]
    single.refresh_from_db()
    numeric.refresh_from_db()
    assert single.response == key_response(single)
    assert numeric.response == {"value": "12"}  # the bad value did not overwrite the saved one


def test_form_path_keeps_other_answers_when_one_is_invalid(client, started):
    single = started.questions.get(snapshot__type="single_choice")
    ordering = started.questions.get(snapshot__type="ordering")
    items = [item["id"] for item in ordering.snapshot["display"]["items"]]
    data = {
        f"q{single.position}-present": "1",
        f"q{single.position}-choice": key_response(single)["choice"],
        f"q{ordering.position}-present": "1",
        **{f"q{ordering.position}-rank-{item}": "1" for item in items},
        "action": "submit",
    }
    response = client.post(reverse("quizzes:save", args=[started.id]), data, follow=True)
    html = response.content.decode()
    assert f"Question {ordering.position}: Use each position number once. (not saved)" in html
    single.refresh_from_db()
    started.refresh_from_db()
    assert single.response == key_response(single)
    assert started.is_open  # a submit with a problem stays on the page


def test_autosave_refuses_huge_and_non_json_bodies(client, started):
    assert autosave(client, started, None, raw="x" * 70_000).status_code == 413
    response = autosave(client, started, None, raw="{not json")
    assert response.status_code == 400


def test_another_trainees_attempt_is_404(client, started, quiz_course):
    from courses.services import enrollment_create
    from tests.factories import UserFactory

    intruder = UserFactory()
    enrollment_create(user=intruder, course=quiz_course)
    client.force_login(intruder)
    assert client.get(reverse("quizzes:attempt", args=[started.id])).status_code == 404
    assert autosave(client, started, {"responses": {"1": {}}}).status_code == 404
    assert client.post(reverse("quizzes:submit", args=[started.id])).status_code == 404
    assert client.get(reverse("quizzes:result", args=[started.id])).status_code == 404


def test_answers_to_a_submitted_attempt_get_409(client, started):
    client.post(reverse("quizzes:submit", args=[started.id]))
    response = autosave(client, started, {"responses": {"1": {}}})
    assert response.status_code == 409
    assert "submitted" in response.json()["error"]


def test_form_path_saves_and_submits_without_javascript(client, started):
    single = started.questions.get(snapshot__type="single_choice")
    choice = key_response(single)["choice"]
    data = {
        f"q{single.position}-present": "1",
        f"q{single.position}-choice": choice,
        "action": "submit",
    }
    response = client.post(reverse("quizzes:save", args=[started.id]), data)
    assert response.status_code == 302
    single.refresh_from_db()
    assert single.score == 1
    html = client.get(response["Location"]).content.decode()
    assert "Not passed" in html


def test_form_path_with_tampered_option_saves_nothing(client, started):
    single = started.questions.get(snapshot__type="single_choice")
    data = {f"q{single.position}-present": "1", f"q{single.position}-choice": "tampered"}
    response = client.post(reverse("quizzes:save", args=[started.id]), data, follow=True)
    assert "does not belong to this question" in response.content.decode()
    single.refresh_from_db()
    assert single.response == {}


def test_beat_task_submits_expired_attempts(enrolled, all_types_quiz):
    from quizzes.tasks import submit_expired_attempts

    start = timezone.now()
    with time_machine.travel(start, tick=False):
        attempt, _ = attempt_start(quiz=all_types_quiz, user=enrolled)
    with time_machine.travel(start + timezone.timedelta(hours=1), tick=False):
        assert submit_expired_attempts.delay().get() == 1
    attempt.refresh_from_db()
    assert attempt.status == "submitted" and attempt.auto_submitted


def test_override_grants_extra_attempt_and_time(enrolled, quiz_course):
    from quizzes.models import QuizOverride

    module = lessons_of(quiz_course)[0].get_parent()
    quiz = quiz_with_questions(
        module, [QuestionFactory()], attempts_allowed=1, time_limit_minutes=10
    )
    attempt, _ = attempt_start(quiz=quiz, user=enrolled)
    attempt_submit(attempt=attempt)
    with pytest.raises(QuizUnavailable):
        attempt_start(quiz=quiz, user=enrolled)
    QuizOverride.objects.create(
        quiz=quiz, user=enrolled, extra_attempts=1, extra_minutes=15, reason="Dyslexia: extra time"
    )
    second, _ = attempt_start(quiz=quiz, user=enrolled)
    assert second.number == 2
    assert (second.deadline - second.started_at).total_seconds() == pytest.approx(25 * 60, abs=2)


def test_availability_window(enrolled, quiz_course):
    module = lessons_of(quiz_course)[0].get_parent()
    now = timezone.now()
    later = quiz_with_questions(
        module, [QuestionFactory()], available_from=now + timezone.timedelta(days=1)
    )
    with pytest.raises(QuizUnavailable, match="opens on"):
        attempt_start(quiz=later, user=enrolled)
    closed = quiz_with_questions(
        module, [QuestionFactory()], available_until=now - timezone.timedelta(minutes=1)
    )
    with pytest.raises(QuizUnavailable, match="has closed"):
        attempt_start(quiz=closed, user=enrolled)
    assert not Attempt.objects.exists()


def test_deadline_never_runs_past_the_window(enrolled, quiz_course):
    module = lessons_of(quiz_course)[0].get_parent()
    closes = timezone.now() + timezone.timedelta(minutes=5)
    quiz = quiz_with_questions(
        module, [QuestionFactory()], time_limit_minutes=60, available_until=closes
    )
    attempt, _ = attempt_start(quiz=quiz, user=enrolled)
    assert attempt.deadline == closes


def test_review_after_close_shows_only_the_score_until_then(client, enrolled, quiz_course):
    module = lessons_of(quiz_course)[0].get_parent()
    closes = timezone.now() + timezone.timedelta(days=1)
    quiz = quiz_with_questions(
        module,
        [QuestionFactory()],
        review_policy="answers",
        review_timing="after_close",
        available_until=closes,
    )
    attempt, _ = attempt_start(quiz=quiz, user=enrolled)
    attempt_submit(attempt=attempt)
    client.force_login(enrolled)
    url = reverse("quizzes:result", args=[attempt.id])
    html = client.get(url).content.decode()
    assert "Score:" in html and "Correct answer" not in html and "FEEDBACK-" not in html
    with time_machine.travel(closes + timezone.timedelta(minutes=1)):
        html = client.get(url).content.decode()
    assert "Correct answer" in html and "GENERAL-FEEDBACK-SECRET" in html


@pytest.mark.parametrize("policy", ["none", "score", "responses"])
def test_review_policy_limits_what_results_show(client, enrolled, quiz_course, policy):
    module = lessons_of(quiz_course)[0].get_parent()
    quiz = quiz_with_questions(
        module, [QuestionFactory()], review_policy=policy, review_timing="immediately"
    )
    attempt, _ = attempt_start(quiz=quiz, user=enrolled)
    attempt_submit(attempt=attempt)
    client.force_login(enrolled)
    html = client.get(reverse("quizzes:result", args=[attempt.id])).content.decode()
    assert "Correct answer" not in html and "FEEDBACK-" not in html
    assert ("Score:" in html) is (policy != "none")
    assert ("Your answer" in html) is (policy == "responses")


def test_one_per_page_navigation_marks_answered_questions(client, enrolled, quiz_course):
    module = lessons_of(quiz_course)[0].get_parent()
    quiz = quiz_with_questions(module, [QuestionFactory() for _ in range(3)], questions_per_page=1)
    client.force_login(enrolled)
    client.post(reverse("quizzes:start", args=[quiz.id]))
    attempt = Attempt.objects.get(user=enrolled)
    first = attempt.questions.get(position=1)
    autosave(client, attempt, {"responses": {"1": key_response(first)}})
    html = client.get(reverse("quizzes:attempt", args=[attempt.id]), {"page": 2}).content.decode()
    assert 'aria-label="Question 1, answered"' in html
    assert 'aria-label="Question 3"' in html
    assert "Page 2 of 3" in html


def test_a_start_submits_an_expired_open_attempt_then_starts_afresh(enrolled, all_types_quiz):
    """Found under the enrolment lock, the expired attempt is submitted outside it (submit locks
    the attempt, then the enrolment), and the start is tried again."""
    start = timezone.now()
    with time_machine.travel(start, tick=False):
        first, created = attempt_start(quiz=all_types_quiz, user=enrolled)
        answer_all(first)
        assert created
        assert attempt_start(quiz=all_types_quiz, user=enrolled) == (first, False)  # resumed
    with time_machine.travel(start + timezone.timedelta(minutes=21), tick=False):
        second, created = attempt_start(quiz=all_types_quiz, user=enrolled)
    first.refresh_from_db()
    assert first.status == "submitted" and first.auto_submitted and first.passed
    assert created and second.number == 2 and second.is_open


def test_an_override_deleted_takes_its_attempts_away_at_once(enrolled, quiz_course):
    """Overrides are kept per quiz (quizzes.services.quiz_overrides): a delete drops them."""
    from quizzes.models import QuizOverride

    module = lessons_of(quiz_course)[0].get_parent()
    quiz = quiz_with_questions(module, [QuestionFactory()], attempts_allowed=1)
    override = QuizOverride.objects.create(
        quiz=quiz, user=enrolled, extra_attempts=1, reason="Unwell on the day"
    )
    attempt_submit(attempt=attempt_start(quiz=quiz, user=enrolled)[0])
    override.delete()
    with pytest.raises(QuizUnavailable, match="your only attempt"):
        attempt_start(quiz=quiz, user=enrolled)
