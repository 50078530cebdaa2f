import os
from pathlib import Path

import pytest

SCREENSHOTS = Path(os.environ.get("E2E_SCREENSHOT_DIR", "test-results/screenshots"))


@pytest.fixture
def screenshot(page):
    """Save a full-page screenshot under test-results/screenshots/ for a person to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)

    def take(name: str) -> Path:
        path = SCREENSHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=True)
        return path

    return take


@pytest.fixture
def demo_site(transactional_db, live_server):
    """The demo course on a live server.

    Live-server tests flush the database after each test, which also removes the rows Wagtail's
    migrations create (locale, root page, root collection). Serialized rollback cannot restore
    them here: Playwright's event loop gives this test a different connection object. So we put
    them back ourselves.
    """
    from django.core.management import call_command

    from tests.factories import wagtail_initial_data

    wagtail_initial_data()
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    return live_server.url
