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


@pytest.fixture(autouse=True)
def _leave_the_page_before_the_database_is_flushed(request):
    """A page left open (the Wagtail editor pings the server in the background) can be mid-request
    when the test's database is flushed, and SQLite then refuses the flush ("database table is
    locked"). Set up after the database, the live server and the page, this is torn down before
    them: it takes the browser off the site first, then waits for the server to finish."""
    if "page" not in request.fixturenames or "live_server" not in request.fixturenames:
        yield
        return
    request.getfixturevalue("transactional_db")
    request.getfixturevalue("live_server")
    page = request.getfixturevalue("page")
    yield
    if not page.is_closed():
        page.goto("about:blank")
    from tests.e2e.inflight import wait_until_quiet

    wait_until_quiet()  # a request the page started (or a beacon on leaving) may still run
