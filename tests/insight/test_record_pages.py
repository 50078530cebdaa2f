"""A trainee's record: enrolments, lessons, attempts a page at a time (thousands render fine),
responses from the snapshot with the key, overrides granted from here, and course separation."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Revision

from quizzes.models import Attempt, Question, QuizOverride, QuizSlot
from tests.insight.grade_data import gradebook_course, instructor_of

pytestmark = pytest.mark.django_db


@pytest.fixture
def setting():
    data = gradebook_course()
    trainee = data.stuck(full_name="Cleo Stuck")
    return data, trainee, instructor_of(data.course)


def test_record_shows_enrolment_lessons_attempts_and_links(client, setting):
    data, trainee, instructor = setting
    client.force_login(instructor)
    response = client.get(reverse("insight_record", args=[trainee.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert data.course.title in html and data.lessons[0].title in html
    attempt = Attempt.objects.get(user=trainee)
    assert reverse("insight_attempt", args=[attempt.pk]) in html
    assert "Must-pass item missed" in html
    assert "17%" in html  # the trainee's own progress: 1 of 6 requirements


def test_attempt_page_shows_what_the_trainee_saw_answered_and_the_key(client, setting):
    data, trainee, instructor = setting
    client.force_login(instructor)
    attempt = Attempt.objects.get(user=trainee)
    html = client.get(reverse("insight_attempt", args=[attempt.pk])).content.decode()
    assert "GATE-STEM" in html
    assert "<strong>Trainee's answer:</strong> False" in html
    assert "<strong>Correct answer:</strong> True" in html
    assert "Pneumothorax is the most serious risk." in html  # the must-pass reason
    assert "GENERAL-FEEDBACK-SECRET" in html  # instructors see the feedback the key carries


def test_a_question_deleted_since_still_shows_from_the_snapshot(client, setting):
    data, trainee, instructor = setting
    attempt = Attempt.objects.get(user=trainee)
    row = attempt.questions.get(position=2)
    QuizSlot.objects.filter(question_id=row.question_id).delete()
    Question.objects.filter(pk=row.question_id).delete()
    client.force_login(instructor)
    html = client.get(reverse("insight_attempt", args=[attempt.pk])).content.decode()
    assert "deleted from the bank since" in html
    assert html.count('data-testid="response"') == 2


def test_a_broken_snapshot_says_so_rather_than_failing(client, setting):
    data, trainee, instructor = setting
    attempt = Attempt.objects.get(user=trainee)
    row = attempt.questions.get(position=1)
    row.response = {"unexpected": 1}
    row.save()
    client.force_login(instructor)
    response = client.get(reverse("insight_attempt", args=[attempt.pk]))
    assert response.status_code == 200
    assert "(cannot be shown)" in response.content.decode()


def _bulk_attempts(quiz, user, count, start=10):
    now = timezone.now()
    Attempt.objects.bulk_create(
        Attempt(
            quiz=quiz,
            user=user,
            number=start + n,
            seed=n,
            status=Attempt.Status.SUBMITTED,
            submitted_at=now,
            score=0,
            max_score=2,
            percent=0,
            passed=False,
        )
        for n in range(count)
    )


def test_thousands_of_attempts_render_a_page_at_a_time_in_the_same_queries(client, setting):
    data, trainee, instructor = setting
    client.force_login(instructor)
    url = reverse("insight_record", args=[trainee.pk])
    client.get(url)
    with CaptureQueriesContext(connection) as small:
        client.get(url)
    _bulk_attempts(data.final, trainee, 3000)
    with CaptureQueriesContext(connection) as large:
        response = client.get(url, {"p": "40"})
    assert response.status_code == 200
    assert len(large) == len(small)
    html = response.content.decode()
    assert html.count(reverse("insight_attempt", args=[0])[:-2]) >= 25
    assert "Page 40 of 121" in html


def test_an_instructor_grants_an_override_from_the_record(client, setting):
    data, trainee, instructor = setting
    client.force_login(instructor)
    url = reverse("insight_record_override", args=[trainee.pk])
    form = {"quiz": data.gate.pk, "extra_attempts": 1, "extra_minutes": 0, "reason": "Was ill"}
    response = client.post(url, form)
    assert response.status_code == 302
    override = QuizOverride.objects.get(user=trainee, quiz=data.gate)
    assert (override.extra_attempts, override.reason) == (1, "Was ill")
    client.post(url, {**form, "extra_attempts": 2, "reason": "Again"})
    override.refresh_from_db()
    assert override.extra_attempts == 3
    revisions = Revision.objects.for_instance(override)
    assert [r.user_id for r in revisions] == [instructor.pk, instructor.pk]
    html = client.get(reverse("insight_record", args=[trainee.pk])).content.decode()
    assert "Again" in html


@pytest.mark.parametrize(
    "form",
    [
        {"extra_attempts": 0, "extra_minutes": 0, "reason": "nothing"},
        {"extra_attempts": 99, "extra_minutes": 0, "reason": "too many"},
        {"extra_attempts": "-1", "extra_minutes": 0, "reason": "negative"},
        {"extra_attempts": "1", "extra_minutes": str(10**30), "reason": "huge"},
        {"extra_attempts": 1, "extra_minutes": 0, "reason": ""},
        {"extra_attempts": 1, "extra_minutes": 0, "reason": "x", "quiz": "999999999999999999999"},
    ],
)
def test_nonsense_grants_are_refused_with_a_message(client, setting, form):
    data, trainee, instructor = setting
    client.force_login(instructor)
    url = reverse("insight_record_override", args=[trainee.pk])
    response = client.post(url, {"quiz": data.gate.pk, **form})
    assert response.status_code == 400
    assert not QuizOverride.objects.exists()


def test_other_course_instructors_and_trainees_cannot_see_or_grant(client, setting):
    data, trainee, _ = setting
    other = gradebook_course(slug="cupping", title="Cupping basics")
    outsider = instructor_of(other.course)
    attempt = Attempt.objects.get(user=trainee)
    client.force_login(outsider)
    assert client.get(reverse("insight_record", args=[trainee.pk])).status_code == 404
    assert client.get(reverse("insight_attempt", args=[attempt.pk])).status_code == 404
    form = {"quiz": data.gate.pk, "extra_attempts": 1, "extra_minutes": 0, "reason": "x"}
    assert client.post(reverse("insight_record_override", args=[trainee.pk]), form).status_code
    assert not QuizOverride.objects.exists()
    # an instructor of the other course asking about their own trainee's quiz on this course
    mixed = other.in_progress(full_name="Mixed")
    client.force_login(outsider)
    response = client.post(
        reverse("insight_record_override", args=[mixed.pk]), {**form, "quiz": data.gate.pk}
    )
    assert response.status_code == 400 and not QuizOverride.objects.exists()
    client.force_login(trainee)
    response = client.get(reverse("insight_record", args=[trainee.pk]))
    assert response.status_code == 302 and b"Cleo" not in response.content


def test_unknown_trainee_is_a_404(client, setting):
    _, _, instructor = setting
    client.force_login(instructor)
    assert client.get("/admin/insight/trainees/999999999/").status_code == 404
    assert client.get(f"/admin/insight/trainees/{10**30}/").status_code == 404


def test_the_overrides_listing_is_scoped_too(client, setting):
    data, trainee, instructor = setting
    client.force_login(instructor)
    form = {"quiz": data.gate.pk, "extra_attempts": 1, "extra_minutes": 0, "reason": "Was ill"}
    client.post(reverse("insight_record_override", args=[trainee.pk]), form)
    override = QuizOverride.objects.get()
    listing = "/admin/snippets/quizzes/quizoverride/"
    assert "Was ill" in client.get(listing).content.decode()
    other = gradebook_course(slug="cupping", title="Cupping basics")
    client.force_login(instructor_of(other.course))
    assert "Was ill" not in client.get(listing).content.decode()
    for view in ("edit", "delete", "history"):
        assert client.get(f"{listing}{view}/{override.pk}/").status_code == 404, view


def test_the_record_lists_certificates_and_their_emails(client, django_capture_on_commit_callbacks):
    from certificates.models import Certificate, CertificateEmail

    data = gradebook_course()
    with django_capture_on_commit_callbacks(execute=True):
        trainee = data.completed(full_name="Cleo Done")
    certificate = Certificate.objects.get(user=trainee)
    emails = list(CertificateEmail.objects.filter(certificate=certificate))
    assert emails  # the delivery email, sent eagerly in tests
    client.force_login(instructor_of(data.course))
    html = client.get(reverse("insight_record", args=[trainee.pk])).content.decode()
    section = html.split("Certificates and emails", 1)[1]
    assert certificate.display_code in section
    assert reverse("certificate_register:inspect", args=[certificate.pk]) in section
    for email in emails:
        assert email.get_kind_display() in section and email.get_status_display() in section
    other = gradebook_course(slug="other", title="Another course")
    client.force_login(instructor_of(other.course, name="Other instructors"))
    assert client.get(reverse("insight_record", args=[trainee.pk])).status_code == 404
