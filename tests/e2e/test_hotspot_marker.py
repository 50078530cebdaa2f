"""The hotspot marker is drawn where the trainee clicked, at any width and however CSS scales it."""

import pytest
from playwright.sync_api import expect

from tests.e2e.attempts import hotspot_position, log_in, start_technique_attempt
from tests.e2e.conftest import SCREENSHOTS

pytestmark = pytest.mark.e2e

# A point on the right lower ribs of the demo diagram (600 × 800), in the image's own pixels.
RIB = (460, 150)

IMAGE_BOX = """img => {
  const r = img.getBoundingClientRect();
  return {left: r.left + img.clientLeft, top: r.top + img.clientTop,
          width: img.clientWidth, height: img.clientHeight};
}"""
CENTRE = """el => { const r = el.getBoundingClientRect();
  return {x: r.left + r.width / 2, y: r.top + r.height / 2, hidden: el.hidden}; }"""


def open_hotspot(page, demo_site, *, width: int, css: str = ""):
    page.set_viewport_size({"width": width, "height": 900})
    user = log_in(page, demo_site)
    attempt = start_technique_attempt(user)
    position = hotspot_position(attempt)
    page.goto(f"{demo_site}/attempts/{attempt.id}/")
    if css:
        page.add_style_tag(content=css)
    question = page.locator(f"#question-{position}")
    image = question.locator(".hotspot img")
    image.scroll_into_view_if_needed()
    expect(image).to_be_visible()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    return question, image, question.locator(".hotspot-marker"), position


def client_point(image, x: float, y: float) -> tuple[float, float]:
    """Where the image's own pixel (x, y) is on screen, from the image's rendered content box."""
    box = image.evaluate(IMAGE_BOX)
    return box["left"] + x * box["width"] / 600, box["top"] + y * box["height"] / 800


def wait_saved(page):
    """Let the autosave land before the test (and its database) ends."""
    expect(page.locator("#save-status")).to_contain_text("All answers saved")


def assert_marker_at(marker, x: float, y: float):
    centre = marker.evaluate(CENTRE)
    assert not centre["hidden"]
    assert abs(centre["x"] - x) <= 2 and abs(centre["y"] - y) <= 2, (centre, (x, y))


@pytest.mark.parametrize(
    ("width", "css"),
    [
        (1280, ""),
        (1024, ""),
        (768, ""),
        (390, ""),
        (1280, ".hotspot img { width: 330px; }"),  # shrunk by a style sheet
        (1280, ".hotspot img { width: 900px; max-width: 100%; }"),  # stretched past its own size
    ],
    ids=["1280", "1024", "768", "390", "1280-css-330px", "1280-css-900px"],
)
def test_marker_drawn_where_clicked(page, demo_site, width, css):
    question, image, marker, position = open_hotspot(page, demo_site, width=width, css=css)
    x, y = client_point(image, *RIB)
    page.mouse.click(x, y)
    wait_saved(page)
    assert_marker_at(marker, x, y)
    saved_x = float(question.locator(f"#q{position}-x").input_value())
    saved_y = float(question.locator(f"#q{position}-y").input_value())
    # Mouse events carry whole screen pixels: allow one, in the image's pixels, plus rounding.
    tolerance = 600 / image.evaluate(IMAGE_BOX)["width"] + 0.5
    assert abs(saved_x - RIB[0]) <= tolerance and abs(saved_y - RIB[1]) <= tolerance
    if width in (1280, 390) and not css:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        question.screenshot(path=str(SCREENSHOTS / f"hotspot-clicked-{width}.png"))


@pytest.mark.parametrize("width", [1280, 390])
def test_arrow_key_marker_drawn_at_its_coordinates(page, demo_site, width):
    question, image, marker, position = open_hotspot(page, demo_site, width=width)
    image.focus()
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Shift+ArrowUp")
    wait_saved(page)
    # From the centre (300, 400): 5 right, 25 up.
    expect(question.locator(f"#q{position}-x")).to_have_value("305")
    expect(question.locator(f"#q{position}-y")).to_have_value("375")
    assert_marker_at(marker, *client_point(image, 305, 375))


def test_marker_follows_the_image_when_the_window_is_resized(page, demo_site):
    question, image, marker, position = open_hotspot(page, demo_site, width=390)
    page.mouse.click(*client_point(image, *RIB))
    wait_saved(page)
    page.set_viewport_size({"width": 1280, "height": 900})
    image.scroll_into_view_if_needed()
    page.wait_for_timeout(100)
    assert_marker_at(marker, *client_point(image, *RIB))


def test_saved_answer_is_drawn_on_reload(page, demo_site):
    question, image, marker, position = open_hotspot(page, demo_site, width=1280)
    page.mouse.click(*client_point(image, *RIB))
    wait_saved(page)
    page.reload()
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    assert_marker_at(marker, *client_point(image, *RIB))


@pytest.mark.parametrize("width", [1280, 390])
def test_review_draws_the_marker_and_zones_over_the_image(page, demo_site, width):
    """The result page's overlay covers the picture exactly, not the picture and its caption."""
    from quizzes.models import QuizPage
    from quizzes.services import attempt_save_responses, attempt_submit
    from tests.e2e.attempts import TECHNIQUE_SLUG

    # About drawing, not timing: a failed attempt's review shows at once (the demo waits for a
    # pass or the last attempt)
    QuizPage.objects.filter(slug=TECHNIQUE_SLUG).update(review_timing="immediately")
    page.set_viewport_size({"width": width, "height": 900})
    attempt = start_technique_attempt(log_in(page, demo_site))
    position = hotspot_position(attempt)
    attempt_save_responses(attempt=attempt, responses={position: {"x": RIB[0], "y": RIB[1]}})
    attempt_submit(attempt=attempt)
    page.goto(f"{demo_site}/attempts/{attempt.id}/result/")
    review = page.locator(f"#review-{position}")
    image = review.locator("figure img")
    image.scroll_into_view_if_needed()
    page.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=image.element_handle()
    )
    assert_marker_at(review.locator("circle.review-marker"), *client_point(image, *RIB))
    overlay = review.locator("figure svg").evaluate(
        "s => { const r = s.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; }"
    )
    box = image.evaluate(IMAGE_BOX)
    expected = [box["left"], box["top"], box["width"], box["height"]]
    assert all(abs(a - b) <= 1.5 for a, b in zip(overlay, expected, strict=True)), overlay
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    review.screenshot(path=str(SCREENSHOTS / f"hotspot-review-{width}.png"))
