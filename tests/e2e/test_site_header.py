"""The site header keeps every item on one line at 1280 px, and collapses into a menu at 390 px."""

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.attempts import log_in
from tests.e2e.conftest import SCREENSHOTS

pytestmark = pytest.mark.e2e

# Each header item's text on one line (one line box), the items in a single row, nothing
# spilling sideways out of the page.
WRAPPED_ITEMS = """() => {
  const items = [...document.querySelectorAll(
    "header .navbar-brand, header .nav-link, header .navbar-nav .btn,"
    + " header form[role=search] > *")]
    .filter(el => el.getClientRects().length);
  const wrapped = [];
  for (const el of items) {
    // The lines its visible text occupies (text meant only for screen readers is left out).
    const lines = new Set();
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim() || node.parentElement.closest(".visually-hidden")) continue;
      const range = document.createRange();
      range.selectNodeContents(node);
      for (const r of range.getClientRects()) if (r.width > 0) lines.add(Math.round(r.top));
    }
    if (lines.size > 1) wrapped.push(el.textContent.trim() || el.outerHTML.slice(0, 60));
  }
  const box = document.querySelector("header nav > .container").getBoundingClientRect();
  const spill = items.filter(el => { const r = el.getBoundingClientRect();
    return r.right > box.right + 0.5 || r.left < box.left - 0.5; })
    .map(el => el.textContent.trim());
  return {count: items.length, wrapped, spill,
          overflow: document.documentElement.scrollWidth > document.documentElement.clientWidth,
          navHeight: document.querySelector("header nav").getBoundingClientRect().height};
}"""


@pytest.mark.parametrize(
    ("width", "role"),
    [(1280, "trainee"), (1280, "instructor"), (1280, "anonymous"), (1200, "instructor")],
)
def test_header_items_each_on_one_line_at_1280(page, demo_site, width, role):
    page.set_viewport_size({"width": width, "height": 800})
    if role == "anonymous":
        page.goto(demo_site + "/courses/")
    else:
        log_in(page, demo_site, role)
        page.goto(demo_site + "/learning/")
    expect(page.get_by_role("link", name="Courses", exact=True)).to_be_visible()
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.locator("header").screenshot(path=str(SCREENSHOTS / f"header-{width}-{role}.png"))
    result = page.evaluate(WRAPPED_ITEMS)
    assert result["count"] >= 4
    assert result["wrapped"] == []
    assert result["spill"] == [], "header items run past the page's container"
    assert not result["overflow"]
    assert result["navHeight"] < 80, "the header items should sit in one row"


@pytest.mark.parametrize("width", [390, 1024])
def test_header_collapses_into_a_menu_at_390(page, demo_site, width):
    page.set_viewport_size({"width": width, "height": 800})
    log_in(page, demo_site, "instructor")
    page.goto(demo_site + "/learning/")
    my_learning = page.get_by_role("link", name="My learning", exact=True)
    expect(my_learning).to_be_hidden()
    page.get_by_role("button", name="Toggle navigation").click()
    expect(my_learning).to_be_visible()
    expect(page.locator("#main-nav")).to_have_class(re.compile(r"\bcollapse show\b"))  # opened
    result = page.evaluate(WRAPPED_ITEMS)
    assert result["wrapped"] == []
    assert not result["overflow"]
    page.screenshot(path=str(SCREENSHOTS / f"header-{width}-open.png"))
    my_learning.click()
    expect(page.get_by_role("heading", name="My learning")).to_be_visible()
