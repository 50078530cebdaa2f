"""axe-core on the practical-skill pages: the trainee's skill page (sessions logged, a request
awaiting, the invitation form), the external supervisor's co-sign page, and the instructor's
queue and request page in the admin, at 1280 and 390 px: no WCAG 2.1 A/AA violations."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.urls import reverse

from tests.e2e.test_practice_logbook import log_in, skill_site  # noqa: F401 - fixture

pytestmark = pytest.mark.e2e
WCAG = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}


def violations(page, context="main") -> list[str]:
    assert page.locator(context).count() == 1, page.url  # axe checks something real
    results = Axe().run(page, context=context, options=WCAG)
    return [
        f"{v['id']}: {v['help']} — {[n['target'] for n in v['nodes']][:3]}"
        for v in results.response["violations"]
    ]


@pytest.mark.parametrize("width", [1280, 390])
def test_practice_pages_have_no_axe_violations(page, browser, skill_site, width):  # noqa: F811
    from practice.services import practice_session_log, supervisor_invitation_create
    from tests.practice.test_services import requested

    data, base = skill_site
    practice_session_log(
        user=data.trainee,
        skill=data.skill,
        practised_on=data.trainee.enrollments.get().enrolled_at.date(),
        setting="clinic",
        external_supervisor="Sam Supervisor",
    )
    request = requested(data, data.trainee)
    _, token = supervisor_invitation_create(
        user=data.trainee, skill=data.skill, email="sam@clinic.example", name="Sam Supervisor"
    )
    page.set_viewport_size({"width": width, "height": 900})
    found = {}

    outsider = browser.new_page(viewport={"width": width, "height": 900})
    outsider.goto(base + reverse("practice_cosign", args=[token]))
    found["co-sign"] = violations(outsider)
    outsider.close()

    log_in(page, base, data.trainee)
    page.goto(base + data.skill.url)
    found["skill page"] = violations(page)
    page.goto(base + data.course.url)
    found["course page"] = violations(page)
    page.goto(base + "/accounts/logout/")
    page.get_by_role("button", name="Sign Out").click()

    log_in(page, base, data.instructor)
    page.goto(base + reverse("practice_queue"))
    found["queue"] = violations(page)
    page.goto(base + reverse("practice_signoff", args=[request.pk]))
    found["request page"] = violations(page)
    assert found == {name: [] for name in found}
