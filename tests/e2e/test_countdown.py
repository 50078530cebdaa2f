"""The time left stays in view on a long one-page quiz; screen readers hear 5 and 1 minutes left."""

import pytest
from playwright.sync_api import expect

from tests.e2e.attempts import log_in, start_technique_attempt
from tests.e2e.conftest import SCREENSHOTS

pytestmark = pytest.mark.e2e

IN_VIEW = """el => { const r = el.getBoundingClientRect();
  return r.width > 0 && r.top >= 0 && r.left >= 0 && r.bottom <= innerHeight
    && r.right <= document.documentElement.clientWidth; }"""

# Focus every control of the form, last to first and then first to last, as a keyboard user
# moving back up and down the page would; the browser scrolls each into view. Report any control
# that ends up under the countdown or outside the viewport.
COVERED_CONTROLS = """countdown => {
  // What stays on screen: the countdown's sticky or fixed container, if it has one.
  let timer = countdown;
  for (let el = countdown; el; el = el.parentElement) {
    if (["sticky", "fixed"].includes(getComputedStyle(el).position)) { timer = el; break; }
  }
  const controls = [...document.querySelectorAll(
    "#attempt-form input:not([type=hidden]), #attempt-form select, #attempt-form textarea, "
    + "#attempt-form button:not([tabindex='-1']), #attempt-form [tabindex='0']")]
    .filter(el => el.getClientRects().length && getComputedStyle(el).visibility !== "hidden");
  const problems = [];
  for (const el of [...controls].reverse().concat(controls)) {
    el.focus();
    const r = el.getBoundingClientRect(), t = timer.getBoundingClientRect();
    const overlaps = r.left < t.right && t.left < r.right && r.top < t.bottom && t.top < r.bottom;
    const inside = r.top >= -1 && r.bottom <= innerHeight + 1;  // sub-pixel rounding
    if (overlaps || !inside) problems.push((el.id || el.name || el.textContent.trim())
      + ` at ${Math.round(r.top)}–${Math.round(r.bottom)},`
      + ` timer ${Math.round(t.top)}–${Math.round(t.bottom)}`);
  }
  return {count: controls.length, problems, timer: timer.className};
}"""


def open_long_timed_quiz(page, demo_site, width: int):
    page.set_viewport_size({"width": width, "height": 800})
    user = log_in(page, demo_site)
    attempt = start_technique_attempt(user)
    assert attempt.deadline is not None and attempt.questions.count() >= 10
    page.clock.install()
    page.goto(f"{demo_site}/attempts/{attempt.id}/")
    expect(page.locator(".countdown")).to_contain_text("Time left")
    return attempt


@pytest.mark.parametrize("width", [1280, 390])
def test_time_left_stays_in_view_without_covering_controls(page, demo_site, width):
    open_long_timed_quiz(page, demo_site, width)
    timer = page.locator(".countdown")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    page.wait_for_timeout(100)
    assert page.evaluate("scrollY") > 2000, "the quiz should be long enough to scroll"
    assert timer.evaluate(IN_VIEW), "the time left scrolled out of view"
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"countdown-scrolled-{width}.png"))

    for name in ("Submit for marking", "Save"):
        button = page.get_by_role("button", name=name, exact=True).last
        assert button.evaluate(IN_VIEW)
        centre = button.evaluate(
            "b => { const r = b.getBoundingClientRect();"
            " const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);"
            " return hit === b || b.contains(hit); }"
        )
        assert centre, f"something covers “{name}”"

    # Bootstrap scrolls smoothly; measure where each focus scroll ends, not mid-animation.
    page.emulate_media(reduced_motion="reduce")
    result = page.evaluate(COVERED_CONTROLS, timer.element_handle())
    assert result["count"] > 30
    assert result["problems"] == []
    assert timer.evaluate(IN_VIEW)


def test_five_and_one_minutes_left_are_announced_once(page, demo_site):
    open_long_timed_quiz(page, demo_site, 1280)
    warning = page.locator("#time-warning")
    assert warning.get_attribute("aria-live") in ("polite", "assertive")
    expect(warning).to_have_text("")
    # The ticking clock itself is not a live region: it would be read out every second.
    assert page.locator(".countdown").get_attribute("aria-live") in (None, "off")

    page.clock.fast_forward("19:30")
    page.clock.run_for(1000)
    expect(warning).to_have_text("")
    page.clock.fast_forward("00:31")  # 25 minutes − 20 minutes 1 second: 4:59 left
    page.clock.run_for(1000)
    expect(warning).to_have_text("5 minutes left. Your answers are saved.")
    page.evaluate("window.scrollTo(0, document.documentElement.scrollHeight)")
    expect(warning).to_be_in_viewport()
    page.clock.run_for(3000)
    expect(warning).to_have_text("5 minutes left. Your answers are saved.")

    page.clock.fast_forward("04:00")
    page.clock.run_for(1000)
    expect(warning).to_have_text("1 minute left. Your answers are saved.")
    expect(warning).to_be_in_viewport()
    page.screenshot(path=str(SCREENSHOTS / "countdown-one-minute-1280.png"))
