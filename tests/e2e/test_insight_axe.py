"""axe-core (bundled by axe-playwright-python, MPL-2.0) on the instructor's insight pages: no
violations of WCAG 2.1 A/AA in what this product renders inside the Wagtail admin."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from quizzes.models import Attempt
from tests.e2e.test_gradebook import gradebook_site, log_in  # noqa: F401 - fixture

pytestmark = pytest.mark.e2e
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page) -> list[str]:
    results = Axe().run(page, context="main", options=WCAG)
    return [
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("width", [1280, 390])
def test_insight_pages_have_no_axe_violations(page, gradebook_site, width):  # noqa: F811
    base, instructor = gradebook_site
    page.set_viewport_size({"width": width, "height": 900})
    log_in(page, base, instructor)
    stuck = Attempt.objects.filter(user__full_name="Cleo Stuck").first()
    pages = {
        "gradebook": "/admin/insight/gradebook/",
        "record": f"/admin/insight/trainees/{stuck.user_id}/",
        "attempt": f"/admin/insight/attempts/{stuck.pk}/",
        "results": f"/admin/insight/results/{stuck.quiz_id}/",
        "item analysis": f"/admin/insight/analysis/{stuck.quiz_id}/",
    }
    found = {}
    for name, path in pages.items():
        response = page.goto(base + path)
        assert response.status == 200, (name, path)
        expect(page.locator("main")).to_be_visible()
        found[name] = violations(page)
    assert found == {name: [] for name in pages}
