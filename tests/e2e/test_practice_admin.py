"""An instructor signs a practical skill off in Chromium: the menu shows one request waiting,
the queue lists it, the request page shows the sessions; tick the criteria, re-enter the
password, sign; the page shows the signature. Screenshots at 1280 and 390 px wide."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_gradebook import log_in, whole_page
from tests.factories import wagtail_initial_data

pytestmark = pytest.mark.e2e
PASSWORD = "correct-horse-battery"


@pytest.fixture
def signoff_site(transactional_db, live_server):
    from tests.practice.skill_data import skill_course
    from tests.practice.test_services import log, requested

    wagtail_initial_data()
    data = skill_course()
    trainee = data.ready_to_practise(full_name="Tess Trainee", registration_number="HCPC-PH4004")
    data.finish_theory(trainee)
    log(
        data,
        trainee,
        setting="clinic",
        reflection="Checked the anticoagulant history first; my supervisor asked me to angle "
        "the needle more caudally next time.",
    )
    request = requested(data, trainee)
    return live_server.url, data, request


@pytest.mark.parametrize("width", [1280, 390])
def test_instructor_signs_off_a_skill(page, signoff_site, screenshot, width):
    from practice.models import SignOffRequest

    base, data, request = signoff_site
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, base, data.instructor)
    page.goto(base + "/admin/")
    if width < 800:  # the sidebar is folded away on a phone
        page.get_by_role("button", name="Toggle sidebar").click()
    page.get_by_role("link", name=re.compile(r"Sign-off requests \(1\)")).click()
    expect(page.get_by_role("heading", name="Sign-off requests")).to_be_visible()
    rows = page.get_by_test_id("queue-row")
    expect(rows).to_have_count(1)
    expect(rows.first).to_contain_text("Tess Trainee")
    expect(rows.first).to_contain_text("3 (2 required)")
    whole_page(page, screenshot, f"signoff-queue-{width}")

    rows.first.get_by_role("link", name="Tess Trainee").click()
    expect(page.get_by_role("heading", name="Supervised needling")).to_be_visible()
    expect(page.get_by_test_id("sessions").locator("li").first).to_contain_text("Clinic")
    expect(page.get_by_test_id("sessions")).to_contain_text("anticoagulant history")
    form = page.get_by_test_id("sign-form")
    form.get_by_label("Screens for contraindications").check()
    form.get_by_label("Disposes of sharps at once").check()
    form.get_by_label("Your password").fill(PASSWORD)
    whole_page(page, screenshot, f"signoff-detail-{width}")

    form.get_by_test_id("sign-button").click()
    expect(page.get_by_text("“Supervised needling” signed off for Tess Trainee.")).to_be_visible()
    expect(page.get_by_test_id("request-status")).to_have_text("Signed off")
    request = SignOffRequest.objects.get(pk=request.pk)
    expect(page.get_by_test_id("signed-hash")).to_have_text(request.signed_hash)
    expect(page.get_by_test_id("signature")).to_contain_text(data.instructor.full_name)
    expect(page.get_by_role("button", name="Withdraw sign-off")).to_be_visible()
    whole_page(page, screenshot, f"signoff-signed-{width}")


def test_withdrawal_flags_the_certificate_and_an_instructor_clears_it(
    page, signoff_site, screenshot
):
    from certificates.models import Certificate
    from tests.practice.test_services import sign

    base, data, request = signoff_site
    sign(data, request)
    certificate = Certificate.objects.get(enrollment_id=request.enrollment_id)
    page.set_viewport_size({"width": 1280, "height": 900})
    log_in(page, base, data.instructor)
    page.goto(f"{base}/admin/practice/signoffs/{request.pk}/")
    page.get_by_label("Reason for withdrawing").fill("Signed the wrong trainee's logbook.")
    page.get_by_role("button", name="Withdraw sign-off").click()
    expect(page.get_by_test_id("request-status")).to_have_text("Withdrawn")
    whole_page(page, screenshot, "signoff-withdrawn-1280")

    page.goto(f"{base}/admin/certificate_register/?review=flagged")
    row = page.locator("tr", has_text="Tess Trainee")
    expect(row).to_contain_text("Flagged for review")
    expect(row).to_contain_text("Valid")
    whole_page(page, screenshot, "register-flagged-1280")

    page.goto(f"{base}/admin/certificate_register/inspect/{certificate.pk}/")
    flag = page.get_by_test_id("review-flag")
    expect(flag).to_be_visible()
    expect(page.get_by_text("Signed the wrong trainee's logbook.")).to_be_visible()
    whole_page(page, screenshot, "register-inspect-flagged-1280")
    page.set_viewport_size({"width": 390, "height": 900})
    whole_page(page, screenshot, "register-inspect-flagged-390")
    page.set_viewport_size({"width": 1280, "height": 900})

    page.get_by_role("link", name="Clear the review flag…").click()
    page.get_by_label("Reason").fill("Checked with Dr B: re-signed after a supervised session.")
    page.get_by_role("button", name="Clear the review flag").click()
    expect(page.get_by_text("Review flag cleared.")).to_be_visible()
    expect(page.get_by_test_id("review-flag")).to_have_count(0)
    certificate.refresh_from_db()
    assert certificate.review_flagged_at is None and certificate.status == "valid"
