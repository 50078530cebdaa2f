"""The demo trainee finishes the demo course, gets the certificate, and a stranger verifies it.

The quizzes are passed and the practical skills signed off through the services (their pages have
their own browser tests); every lesson is completed by clicking, as a trainee would.
"""

import re
import shutil

import pytest
from playwright.sync_api import expect
from pypdf import PdfReader

from tests.e2e.conftest import SCREENSHOTS

pytestmark = pytest.mark.e2e


def pass_required_quizzes(user):
    from quizzes.models import QuizPage
    from quizzes.services import attempt_save_responses, attempt_start, attempt_submit
    from tests.quizzes.test_attempts import key_response

    for quiz in QuizPage.objects.live().filter(is_required=True):
        if quiz.attempts.filter(user=user, passed=True).exists():
            continue  # the demo trainee passed the safety quiz already
        attempt, _ = attempt_start(quiz=quiz, user=user)
        rows = attempt.questions.all()
        attempt_save_responses(
            attempt=attempt, responses={r.position: key_response(r) for r in rows}
        )
        assert attempt_submit(attempt=attempt).passed, quiz.title


def test_demo_trainee_completes_course_and_certificate_verifies_from_its_qr(
    page, demo_site, screenshot, settings, tmp_path
):
    from accounts.models import User
    from demo.loader import DEMO_ACCOUNTS
    from practice.models import PracticalSkillPage
    from tests.certificates.pdf_tools import decode_qr
    from tests.practice.skill_data import sign_every_skill

    settings.SITE_URL = demo_site  # the QR must point at this server
    page.goto(demo_site + "/accounts/login/")
    page.get_by_label("Email").fill("trainee@example.org")
    page.get_by_label("Password").fill("needle-trainee-2026")
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("heading", name="My learning")).to_be_visible()
    trainee = User.objects.get(email="trainee@example.org")
    pass_required_quizzes(trainee)
    sign_every_skill(
        trainee=trainee,
        instructor=User.objects.get(email=DEMO_ACCOUNTS["instructor"]["email"]),
        password=DEMO_ACCOUNTS["instructor"]["password"],
    )

    for _ in range(20):
        page.goto(demo_site + "/learning/")
        link = page.get_by_role("link", name=re.compile("^Continue: "))
        if link.count() == 0:
            break
        link.click()
        page.get_by_role("button", name="Mark lesson complete").click()
        expect(page.get_by_test_id("lesson-complete")).to_be_visible()
    expect(
        page.get_by_text("Congratulations").or_(page.get_by_text("Completed")).first
    ).to_be_visible()

    page.goto(demo_site + "/learning/")
    panel = page.get_by_test_id("dashboard-certificate")
    expect(panel).to_contain_text("valid until")
    screenshot("certificate-01-dashboard")
    page.get_by_role("link", name="All certificates").click()
    expect(page.get_by_role("heading", name="My certificates")).to_be_visible()
    screenshot("certificate-02-my-certificates")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download PDF").click()
    pdf = tmp_path / "certificate.pdf"
    download.value.save_as(pdf)
    [url] = decode_qr(pdf.read_bytes(), tmp_path)
    text = " ".join(PdfReader(pdf).pages[0].extract_text().split())
    assert "supervised practical assessment" in text
    for title in PracticalSkillPage.objects.live().values_list("title", flat=True):
        assert " ".join(title.split()[:3]) in text, title  # each skill signed off is listed
    assert url.startswith(demo_site + "/certificates/verify/")

    stranger = page.context.browser.new_page()
    stranger.goto(url)
    expect(stranger.get_by_test_id("certificate-status")).to_have_text("Valid")
    expect(stranger.get_by_text("Sam Taylor")).to_be_visible()
    assert "trainee@example.org" not in stranger.content()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    stranger.screenshot(path=str(SCREENSHOTS / "certificate-03-verified.png"), full_page=True)
    shutil.copy(next(tmp_path.glob("page*.png")), SCREENSHOTS / "certificate-04-pdf.png")
