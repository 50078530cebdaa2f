"""In Chromium: the holder's credential buttons and the public file check, at 1280 and 390 px."""

import os
from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e
SCREENSHOTS = Path(os.environ.get("E2E_SCREENSHOT_DIR", "test-results/screenshots"))


@pytest.fixture
def holder(transactional_db, live_server, settings, tmp_path, django_capture_on_commit_callbacks):
    from certificates.models import IssuedCredential
    from tests.certificates.conftest import complete_course
    from tests.factories import UserFactory, build_course, wagtail_initial_data

    settings.CREDENTIAL_KEYS_DIR = tmp_path / "keys"
    settings.SITE_URL = live_server.url
    wagtail_initial_data()
    user = UserFactory(full_name="Jordan Ellis", email="jordan@example.org")
    course = build_course(modules=1, lessons_per_module=1, title="Dry needling: safety first")
    certificate = complete_course(user, course, django_capture_on_commit_callbacks)
    assert IssuedCredential.objects.filter(certificate=certificate).exists()
    return live_server.url, certificate


@pytest.mark.parametrize("width", [1280, 390])
def test_holder_downloads_the_badge_and_a_stranger_checks_it(page, holder, tmp_path, width):
    site, certificate = holder
    page.set_viewport_size({"width": width, "height": 900})
    page.goto(site + "/accounts/login/")
    page.get_by_label("Email").fill("jordan@example.org")
    page.get_by_label("Password").fill("correct-horse-battery")
    page.get_by_role("button", name="Sign In").click()
    page.goto(site + "/certificates/")
    expect(page.get_by_role("link", name="Badge image (.png)")).to_be_visible()
    expect(page.get_by_role("link", name="Add to LinkedIn")).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"credential-01-mine-{width}.png"), full_page=True)
    with page.expect_download() as download:
        page.get_by_role("link", name="Badge image (.png)").click()
    badge = tmp_path / "badge.png"
    download.value.save_as(badge)
    stranger = page.context.browser.new_page(viewport={"width": width, "height": 900})
    stranger.goto(site + f"/certificates/verify/{certificate.code}/")
    stranger.get_by_role("link", name="Check a credential file").click()
    stranger.get_by_label("Credential file").set_input_files(str(badge))
    stranger.get_by_role("button", name="Check the file").click()
    expect(stranger.get_by_test_id("credential-result")).to_have_text("Valid: every check passed.")
    stranger.screenshot(
        path=str(SCREENSHOTS / f"credential-02-checked-{width}.png"), full_page=True
    )
    tampered = tmp_path / "tampered.jwt"
    tampered.write_text(certificate.credentials.get().jwt[:-3] + "AAA")
    stranger.get_by_label("Credential file").set_input_files(str(tampered))
    stranger.get_by_role("button", name="Check the file").click()
    expect(stranger.get_by_test_id("credential-result")).to_contain_text("Not valid because")
    stranger.screenshot(
        path=str(SCREENSHOTS / f"credential-03-tampered-{width}.png"), full_page=True
    )
    stranger.close()
    page.goto("about:blank")
