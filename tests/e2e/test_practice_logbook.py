"""Issue 13, the trainee's side in a browser: a trainee who passed the safety quiz logs two
supervised sessions and requests sign-off, invites an external clinician, who opens the emailed
link (no account) and signs; the trainee then sees "Signed off" and can download the logbook.
Screenshots at 1280 and 390 px for a person to look at."""

import os
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


def at_both_widths(page, screenshot, name: str):
    for width, height in ((1280, 900), (390, 844)):
        page.set_viewport_size({"width": width, "height": height})
        screenshot(f"{name}-{width}")
    page.set_viewport_size({"width": 1280, "height": 900})


@pytest.fixture
def skill_site(transactional_db, live_server):
    from tests.factories import wagtail_initial_data
    from tests.practice.skill_data import skill_course

    wagtail_initial_data()
    data = skill_course(allow_external_supervisor=True)
    data.trainee = data.ready_to_practise(
        full_name="Tess Trainee", registration_number="PH-998877", profession="physiotherapist"
    )
    return data, live_server.url


def log_in(page, base, user):
    from tests.practice.skill_data import PASSWORD

    page.goto(base + "/accounts/login/")
    page.get_by_label("Email").fill(user.email)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign In").click()
    expect(page.get_by_role("link", name="Log in")).to_have_count(0)


def log_a_session(page, data, reflection: str, external: str = ""):
    """The date is left as the form offers it: today (a date input shows only ISO values)."""
    form = page.get_by_test_id("session-form")
    expect(form.get_by_label("Date of the session")).to_have_value(timezone.localdate().isoformat())
    form.get_by_label("Where").select_option("course")
    if external:
        form.get_by_label("Supervisor", exact=True).select_option("external")
        form.get_by_label("External supervisor's name").fill(external)
    else:
        form.get_by_label("Supervisor", exact=True).select_option(str(data.instructor.pk))
    for box in form.get_by_role("checkbox").all():
        box.check()
    form.get_by_label("Reflection").fill(reflection)
    form.get_by_role("button", name="Log this session").click()
    expect(page.get_by_text("Session logged.")).to_be_visible()


def test_trainee_logs_requests_and_an_external_supervisor_signs(page, skill_site, screenshot):
    from notifications.models import OutboxEmail
    from practice.models import SignOffRequest

    data, base = skill_site
    page.goto(base + data.skill.url)  # a visitor is told what to do
    expect(page.get_by_test_id("skill-login")).to_contain_text("Log in and enrol")
    at_both_widths(page, screenshot, "39-skill-page-visitor")
    log_in(page, base, data.trainee)

    page.goto(base + data.course.url)
    row = page.locator("li", has=page.locator(f'a[href="{data.skill.url}"]'))
    expect(row.get_by_test_id("skill-label")).to_have_text("Practical skill")
    at_both_widths(page, screenshot, "40-outline-with-skill")

    page.goto(base + data.skill.url)
    expect(page.get_by_test_id("skill-state")).to_have_text("Not started")
    # Progressive enhancement: the external name field shows only for "someone else".
    external = page.locator("#external-supervisor")
    expect(external).to_be_hidden()
    page.get_by_label("Supervisor", exact=True).select_option("external")
    expect(external).to_be_visible()
    page.get_by_label("Supervisor", exact=True).select_option(str(data.instructor.pk))
    expect(external).to_be_hidden()
    at_both_widths(page, screenshot, "41-skill-page-not-started")

    # A date in the future is refused and what was typed is kept.
    form = page.get_by_test_id("session-form")
    form.get_by_label("Date of the session").fill("2999-01-01")
    form.get_by_label("Where").select_option("course")
    form.get_by_label("Supervisor", exact=True).select_option(str(data.instructor.pk))
    form.get_by_label("Reflection").fill("Typed before the mistake.")
    form.get_by_role("button", name="Log this session").click()
    expect(page.get_by_test_id("session-form").get_by_role("alert")).to_contain_text(
        "cannot be in the future"
    )
    expect(page.get_by_label("Reflection")).to_have_value("Typed before the mistake.")
    at_both_widths(page, screenshot, "42-skill-page-refused-date")

    page.goto(base + data.skill.url)  # start again from a fresh form
    log_a_session(page, data, "Screened first; positioned prone; slow insertion.")
    expect(page.get_by_test_id("skill-state")).to_have_text("Practising (1 of 2 logged)")
    log_a_session(
        page, data, "Found the landmarks at once; sharps into the bin.", external="Dr Ana Silva"
    )
    expect(page.get_by_test_id("skill-state")).to_contain_text("Ready to request sign-off")
    at_both_widths(page, screenshot, "43-skill-page-ready")

    page.get_by_role("button", name="Request sign-off").click()
    expect(page.get_by_test_id("skill-state")).to_have_text("Awaiting sign-off")
    invite = page.get_by_test_id("invite-form")
    invite.get_by_label("Supervisor's name").fill("Dr Ana Silva")
    invite.get_by_label("Supervisor's email").fill("ana.silva@example.org")
    invite.get_by_role("button", name="Send the invitation").click()
    expect(page.get_by_test_id("invitations")).to_contain_text("not used yet")
    at_both_widths(page, screenshot, "44-skill-page-awaiting-invited")

    body = OutboxEmail.objects.get(to="ana.silva@example.org").body_text
    link = re.search(r"https?://\S+/practice/cosign/\S+/", body).group(0)
    path = link[link.index("/practice/") :]

    supervisor = page.context.browser.new_context()  # a different person, no account
    other = supervisor.new_page()
    other.goto(base + path)
    expect(other.get_by_role("heading", level=1)).to_contain_text("Tess Trainee")
    expect(other.get_by_test_id("cosign-sessions").locator(":scope > li")).to_have_count(2)
    other.get_by_role("button", name="Sign off this skill").click()  # nothing filled in
    expect(other.get_by_test_id("cosign-errors")).to_contain_text("Nothing was signed yet")
    for width, height in ((1280, 900), (390, 844)):
        other.set_viewport_size({"width": width, "height": height})
        other.screenshot(path=str(_path(f"45-cosign-errors-{width}")), full_page=True)
    other.set_viewport_size({"width": 1280, "height": 900})
    for box in other.get_by_test_id("cosign-form").get_by_role("checkbox").all():
        box.check()
    other.get_by_label("Your full name").fill("Dr Ana Silva")
    other.get_by_label("Professional registration number").fill("PT-12345")
    other.get_by_role("button", name="Sign off this skill").click()
    expect(other.get_by_test_id("cosign-done")).to_contain_text("Thank you: signed off")
    other.screenshot(path=str(_path("46-cosign-done-1280")), full_page=True)
    other.goto(base + path)  # the link works once
    expect(other.get_by_test_id("cosign-refused")).to_contain_text("already been used")
    other.screenshot(path=str(_path("47-cosign-replayed-1280")), full_page=True)
    supervisor.close()

    assert SignOffRequest.objects.get().status == "signed"
    page.reload()
    expect(page.get_by_test_id("skill-state")).to_have_text("✔ Signed off")
    expect(page.get_by_test_id("signed-off")).to_contain_text("Dr Ana Silva")
    expect(page.get_by_test_id("signed-off")).to_contain_text("PT-12345")
    at_both_widths(page, screenshot, "48-skill-page-signed")

    with page.expect_download() as download:
        page.get_by_test_id("logbook-pdf").click()
    pdf = download.value.path()
    assert open(pdf, "rb").read(5) == b"%PDF-"  # noqa: SIM115

    page.goto(base + data.course.url)
    row = page.locator("li", has=page.locator(f'a[href="{data.skill.url}"]'))
    expect(row.locator(".done-mark")).to_be_visible()
    at_both_widths(page, screenshot, "49-outline-skill-signed")
    page.goto(base + data.lesson.url)
    expect(page.get_by_role("complementary", name="Course outline")).to_contain_text(
        "Practical skill"
    )
    at_both_widths(page, screenshot, "50-lesson-sidebar-with-skill")
    page.goto(base + "/learning/")
    expect(page.get_by_test_id("logbook-pdf")).to_be_visible()
    at_both_widths(page, screenshot, "51-dashboard-logbook-link")


def _path(name: str):
    from tests.e2e.conftest import SCREENSHOTS

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS / f"{name}.png"


def test_before_the_safety_quiz_the_skill_page_says_why(page, skill_site, screenshot):
    data, base = skill_site
    log_in(page, base, data.enrol(full_name="Lena Locked"))
    page.goto(base + data.skill.url)
    box = page.get_by_test_id("skill-locked")
    expect(box).to_contain_text("Pass “Safety quiz” first.")
    expect(box.get_by_role("link", name="Safety quiz")).to_have_attribute("href", data.quiz.url)
    expect(page.get_by_test_id("session-form")).to_have_count(0)
    at_both_widths(page, screenshot, "38-skill-page-locked")
