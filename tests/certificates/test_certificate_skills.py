"""A course with practical skills: the certificate says theory and supervised practice and lists
the skills signed off (who, when); a course without them keeps the online-assessments wording.
The Open Badges criteria name the practical skills when the course has them."""

import io
import re
import shutil
from pathlib import Path

import pytest
from django.utils import timezone
from pypdf import PdfReader

from certificates.models import Certificate
from certificates.pdf import THEORY_AND_PRACTICE, THEORY_ONLY, certificate_html, signed_skills
from practice.services import practice_session_log, signoff_request_submit, signoff_sign
from tests.certificates.pdf_tools import decode_qr
from tests.certificates.test_pdf_tagging import assert_tagged
from tests.practice.skill_data import PASSWORD, skill_course

pytestmark = pytest.mark.django_db


def pdf_bytes(certificate) -> bytes:
    certificate.refresh_from_db()
    with certificate.pdf.open("rb") as handle:
        return handle.read()


def pdf_text(certificate) -> str:
    reader = PdfReader(io.BytesIO(pdf_bytes(certificate)))
    assert len(reader.pages) == 1  # the skills table fits on the one landscape page
    return " ".join(reader.pages[0].extract_text().split())


def signed_certificate(capture):
    """A trainee who passes the quiz, logs two sessions, is signed off and reads the lesson."""
    data = skill_course()
    data.instructor.full_name = "Dr Ines Instructor"
    data.instructor.save()
    trainee = data.ready_to_practise(full_name="Tess Trainee")
    for _ in range(data.skill.min_repetitions):  # enrolled today: sessions are dated today
        practice_session_log(
            user=trainee,
            skill=data.skill,
            practised_on=timezone.localdate(),
            setting="course",
            supervisor=data.instructor,
            criteria_ids=data.criteria_ids,
        )
    request = signoff_request_submit(user=trainee, skill=data.skill)
    with capture(execute=True):
        signoff_sign(
            request_id=request.pk,
            signer=data.instructor,
            password=PASSWORD,
            observed_ids=data.criteria_ids,
        )
        data.finish_theory(trainee)
    return data, Certificate.objects.get(user=trainee, course=data.course)


def test_a_course_without_skills_keeps_the_online_assessments_wording(issue):
    certificate = issue()
    text = pdf_text(certificate)
    assert THEORY_ONLY in text
    assert "supervised practical" not in text and "Practical skills signed off" not in text


def test_the_certificate_lists_the_skills_signed_off_and_says_theory_and_practice(
    django_capture_on_commit_callbacks, tmp_path
):
    data, certificate = signed_certificate(django_capture_on_commit_callbacks)
    text = pdf_text(certificate)
    assert " ".join(THEORY_AND_PRACTICE.split()) in text
    assert THEORY_ONLY not in text
    assert "Practical skills signed off" in text
    day = timezone.localdate()
    assert re.search(rf"Supervised needling\s+Dr Ines Instructor\s+{day.day} {day:%B %Y}", text), (
        text
    )
    assert [s.title for s in signed_skills(certificate)] == ["Supervised needling"]
    assert_tagged(pdf_bytes(certificate), "Tess Trainee")  # the table keeps it PDF/UA-1
    # Looked at: the PNG is kept under test-results/ (the QR still decodes with the table in).
    assert decode_qr(pdf_bytes(certificate), tmp_path)
    Path("test-results").mkdir(exist_ok=True)
    shutil.copy(next(tmp_path.glob("page*.png")), "test-results/certificate-with-skills.png")


def test_a_withdrawn_sign_off_is_not_listed(django_capture_on_commit_callbacks):
    from practice.models import SignOffRequest
    from practice.services import signoff_withdraw

    data, certificate = signed_certificate(django_capture_on_commit_callbacks)
    request = SignOffRequest.objects.get(enrollment=certificate.enrollment)
    signoff_withdraw(request_id=request.pk, by=data.instructor, reason="Signed in error")
    assert signed_skills(certificate) == []
    html = certificate_html(certificate, None)  # a re-render claims no practical assessment
    assert THEORY_ONLY in html and "Practical skills signed off" not in html


def test_the_badge_criteria_name_the_practical_skills_when_the_course_has_them(
    django_capture_on_commit_callbacks, issue
):
    from certificates.badges import criteria_narrative
    from certificates.credential_services import achievement_facts

    _, certificate = signed_certificate(django_capture_on_commit_callbacks)
    narrative = criteria_narrative(achievement_facts(certificate))
    assert "Assessed in theory and in supervised practice" in narrative
    assert "- Supervised needling" in narrative

    without = criteria_narrative(achievement_facts(issue()))
    assert "practical" not in without.lower() and "supervised" not in without.lower()


def test_an_external_supervisor_is_named_with_their_registration():
    from types import SimpleNamespace

    from certificates.pdf import _signer

    request = SimpleNamespace(
        decided_by_id=None, external_signer_name="Jo Bloggs", external_signer_registration="PT1"
    )
    assert _signer(request) == "Jo Bloggs (external supervisor, registration PT1)"


def test_the_public_verify_page_says_what_the_holder_was_assessed_on(
    client, django_capture_on_commit_callbacks
):
    """Theory only for a course without skills; the skills signed off (and by whom) otherwise,
    as the sign-offs stand now: a withdrawn one is no longer listed."""
    from certificates.models import Certificate
    from practice.services import signoff_withdraw
    from tests.practice.skill_data import skill_course
    from tests.practice.test_services import requested, sign

    data = skill_course()
    trainee = data.ready_to_practise()
    data.finish_theory(trainee)
    request = requested(data, trainee)
    with django_capture_on_commit_callbacks(execute=True):
        sign(data, request)
    certificate = Certificate.objects.get(user=trainee)
    url = f"/certificates/verify/{certificate.code}/"
    html = client.get(url).content.decode()
    assert "supervised practical assessment" in html
    assert f"{data.skill.title}: signed off by {data.instructor.full_name}" in html
    signoff_withdraw(request_id=request.pk, by=data.instructor, reason="Wrong trainee.")
    html = client.get(url).content.decode()
    assert data.skill.title not in html and "supervised practical" not in html
    assert "Online theory, safety and contraindications assessments" in html
