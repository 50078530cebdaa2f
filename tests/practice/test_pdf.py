"""The trainee's logbook PDF: only their own, tagged, and readable by a regulator."""

import io

import pytest
from django.urls import reverse
from django.utils import timezone
from pypdf import PdfReader

from practice.services import practice_session_log, signoff_request_submit, signoff_sign
from tests.factories import UserFactory
from tests.practice.skill_data import PASSWORD, add_skill, skill_course

pytestmark = pytest.mark.django_db


def signed_trainee(data, **fields):
    trainee = data.ready_to_practise(**fields)
    for reflection in ("First go: slow but safe.", "Second: landmarks found at once."):
        practice_session_log(
            user=trainee,
            skill=data.skill,
            practised_on=timezone.localdate(),
            setting="clinic",
            supervisor=data.instructor,
            criteria_ids=data.criteria_ids,
            reflection=reflection,
        )
    request = signoff_request_submit(user=trainee, skill=data.skill)
    signoff_sign(
        request_id=request.pk,
        signer=data.instructor,
        password=PASSWORD,
        observed_ids=data.criteria_ids,
    )
    request.refresh_from_db()
    return trainee, request


def pdf_text(response) -> tuple[PdfReader, str]:
    reader = PdfReader(io.BytesIO(response.content))
    # Without whitespace: pypdf splits kerned words ("T ess") and joins table cells.
    return reader, "".join("".join(page.extract_text().split()) for page in reader.pages)


def has(content: str, expected: str) -> bool:
    return "".join(expected.split()) in content


def test_the_logbook_lists_skills_sessions_and_the_signature(client):
    data = skill_course()
    add_skill(data.module.specific, title="Clean technique and sharps", min_repetitions=1)
    trainee, request = signed_trainee(
        data,
        full_name="Tess Trainee",
        registration_number="PH-998877",
        profession="physiotherapist",
    )
    client.force_login(trainee)
    response = client.get(reverse("practice:logbook", args=[data.course.id]))
    assert response.status_code == 200 and response["Content-Type"] == "application/pdf"
    assert "attachment" in response["Content-Disposition"]
    reader, content = pdf_text(response)
    for expected in (
        "Practical skills logbook",
        "Tess Trainee",
        "Physiotherapist",
        "PH-998877",
        data.course.title,
        "Supervised needling",
        "Screens for contraindications",
        "Second: landmarks found at once.",
        "Clinic, with a patient",
        "Signed off",
        data.instructor.full_name,
        "Clean technique and sharps",
        "No sessions logged.",
        "1 of 2 signed off",
    ):
        assert has(content, expected), expected
    assert request.signed_hash in content
    catalog = reader.trailer["/Root"]  # tagged PDF/UA-1, as the certificate and transcript
    assert "/StructTreeRoot" in catalog and bool(catalog["/MarkInfo"]["/Marked"])
    assert catalog["/Lang"] == "en-GB"
    assert bool(catalog["/ViewerPreferences"]["/DisplayDocTitle"])
    assert "Practical skills logbook — Tess Trainee" in reader.metadata.title
    assert "pdfuaid" in reader.xmp_metadata.rdf_root.toxml()


def test_only_the_trainees_own_logbook(client):
    data = skill_course()
    signed_trainee(data, full_name="Owner Person")
    other = data.enrol(full_name="Nosy Neighbour")
    url = reverse("practice:logbook", args=[data.course.id])
    assert client.get(url).status_code == 302  # log in first
    client.force_login(UserFactory())
    assert client.get(url).status_code == 404  # not enrolled
    client.force_login(other)
    response = client.get(url)
    assert response.status_code == 200
    _, content = pdf_text(response)
    assert has(content, "Nosy Neighbour") and not has(content, "Owner Person")
    assert has(content, "No sessions logged.")
    assert not has(content, data.instructor.full_name)
    assert client.get(reverse("practice:logbook", args=[2**40])).status_code == 404
    assert client.get(f"/courses/{2**70}/logbook.pdf").status_code == 404


def logbook_queries(client, data, trainee) -> int:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client.force_login(trainee)
    url = reverse("practice:logbook", args=[data.course.id])
    client.get(url)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_logbook_queries_do_not_grow_with_skills_or_sessions(client):
    small, large = skill_course(), skill_course()
    for n in range(4):
        add_skill(large.module.specific, title=f"Extra skill {n}", min_repetitions=1)
    few, _ = signed_trainee(small)
    many, _ = signed_trainee(large)
    for skill in large.course.get_descendants().type(type(large.skill)).specific():
        if skill.pk != large.skill.pk:
            for _ in range(5):
                practice_session_log(
                    user=many,
                    skill=skill,
                    practised_on=timezone.localdate(),
                    setting="peer",
                    supervisor=large.instructor,
                    criteria_ids=[],
                )
    one_skill = logbook_queries(client, small, few)
    five_skills = logbook_queries(client, large, many)
    print(
        f"logbook PDF queries: 1 skill/2 sessions {one_skill}, 5 skills/22 sessions {five_skills}"
    )
    assert one_skill == five_skills
