"""Random sequences of what trainees and instructors do, against the rules that matter:

- a skill is never signed off without the repetitions and the prerequisite quiz passed;
- at most one request per skill is open (awaiting or signed);
- completion is recorded exactly once, by whichever action meets the last requirement, and
  never before every requirement (lesson, quiz, skill) is met.
"""

import contextlib

import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from courses.models import Enrollment
from courses.services import CourseActionError, lesson_complete
from courses.signals import course_completed
from practice.models import PracticeSession, SignOffRequest
from practice.services import (
    PracticeError,
    practice_session_log,
    signoff_request_submit,
    signoff_return,
    signoff_sign,
    signoff_withdraw,
)
from quizzes.services import QuizError
from tests.insight.grade_data import take
from tests.practice.skill_data import PASSWORD, skill_course


@pytest.mark.django_db
def test_random_sequences_keep_the_rules():
    data = skill_course()
    completions = []

    def on_completed(sender, enrollment, **kwargs):
        completions.append(enrollment.pk)

    course_completed.connect(on_completed)
    try:
        _run(data, completions)
    finally:
        course_completed.disconnect(on_completed)


def _run(data, completions):
    class Logbook(RuleBasedStateMachine):
        def __init__(self):
            super().__init__()
            completions.clear()
            self.trainee = data.enrol()
            self.enrollment = Enrollment.objects.get(user=self.trainee)
            self.quiz_passed = False
            self.lesson_done = False

        def _requests(self):
            return SignOffRequest.objects.filter(enrollment=self.enrollment)

        @rule(right=st.booleans())
        def take_quiz(self, right):
            try:
                attempt = take(data.quiz, self.trainee, right=right)
            except QuizError:  # out of attempts, or a wait after a failure: a refusal
                return
            self.quiz_passed |= bool(attempt.passed)

        @rule()
        def complete_lesson(self):
            try:
                lesson_complete(user=self.trainee, lesson=data.lesson)
            except CourseActionError:
                return
            self.lesson_done = True

        @rule(criteria=st.integers(0, 2))
        def log(self, criteria):
            try:
                practice_session_log(
                    user=self.trainee,
                    skill=data.skill,
                    practised_on=self.enrollment.enrolled_at.date(),
                    setting="clinic",
                    supervisor=data.instructor,
                    criteria_ids=data.criteria_ids[:criteria],
                )
            except PracticeError:
                assert not self.quiz_passed or self._requests().filter(status="signed").exists()

        @rule()
        def request(self):
            with contextlib.suppress(PracticeError):
                signoff_request_submit(user=self.trainee, skill=data.skill)

        @rule(all_criteria=st.booleans(), password=st.sampled_from([PASSWORD, "wrong"]))
        def sign(self, all_criteria, password):
            waiting = self._requests().filter(status="awaiting").first()
            if waiting is None:
                return
            observed = data.criteria_ids if all_criteria else data.criteria_ids[:1]
            try:
                signoff_sign(
                    request_id=waiting.pk,
                    signer=data.instructor,
                    password=password,
                    observed_ids=observed,
                )
            except PracticeError:
                waiting.refresh_from_db()
                assert waiting.status == "awaiting"
                return
            assert all_criteria and password == PASSWORD and self.quiz_passed

        @rule()
        def give_back(self):
            waiting = self._requests().filter(status="awaiting").first()
            if waiting:
                signoff_return(request_id=waiting.pk, by=data.instructor, comment="More practice.")

        @rule()
        def withdraw(self):
            signed = self._requests().filter(status="signed").first()
            if signed:
                signoff_withdraw(request_id=signed.pk, by=data.instructor, reason="Checked again.")

        @invariant()
        def a_signature_has_its_repetitions(self):
            logged = PracticeSession.objects.filter(enrollment=self.enrollment).count()
            for request in self._requests().filter(status__in=["signed", "withdrawn"]):
                assert len(request.signed_content["sessions"]) >= data.skill.min_repetitions
                assert len(request.signed_content["sessions"]) <= logged

        @invariant()
        def at_most_one_open_request(self):
            assert self._requests().filter(status__in=["awaiting", "signed"]).count() <= 1

        @invariant()
        def completion_once_and_only_when_everything_is_met(self):
            self.enrollment.refresh_from_db()
            done = self.enrollment.completed_at is not None
            assert completions.count(self.enrollment.pk) == (1 if done else 0)
            if done:
                assert self.lesson_done and self.quiz_passed
                assert self._requests().filter(status__in=["signed", "withdrawn"]).exists()

    Logbook.TestCase.settings = settings(
        max_examples=25,
        stateful_step_count=20,
        deadline=None,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
    )
    Logbook.TestCase("runTest").runTest()
