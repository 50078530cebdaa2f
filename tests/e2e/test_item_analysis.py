"""Item analysis in Chromium: an instructor opens it from the Reports menu, sees the score
histogram, the facility/discrimination scatter, option bars and the hotspot heat map (each with
its table), the flawed item flagged next to its item-writing warnings; screenshots at 1280 and
390 px."""

from pathlib import Path

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e

SPINE = (
    Path(__file__).resolve().parents[2]
    / "demo"
    / "course"
    / "assets"
    / "lower-back-posterior-view.svg"
)
PASSWORD = "analysis-instructor-2026"


def build_analysed_quiz():
    """A course whose quiz has 90 submitted attempts: good items, a flawed one whose strong
    trainees pick a distractor, a short-text item, a hotspot on the spine diagram and a variant
    set; and an instructor who may edit the course."""
    import random

    from django.contrib.auth.models import Group, Permission
    from django.core.files.uploadedfile import SimpleUploadedFile
    from wagtail.images.models import Image
    from wagtail.models import GroupPagePermission

    from quizzes.models import QuizSlot, VariantSet
    from tests.factories import UserFactory, build_course, wagtail_initial_data
    from tests.factories.quizzes import QuestionFactory, body, quiz_with_questions
    from tests.insight.analysis_data import right_response, submit_attempts, wrong_response

    wagtail_initial_data()
    course = build_course(title="Dry needling for low back pain", modules=1)
    image = Image(title="Lumbar spine", file=SimpleUploadedFile("spine.svg", SPINE.read_bytes()))
    image.save()
    zone = [{"shape": "rect", "coords": "196, 300, 86, 300", "credit": 1.0}]
    variants = VariantSet.objects.create(name="Depth near the lung")
    questions = [
        QuestionFactory(title="Absolute contraindication"),
        QuestionFactory(title="Which sign means stop", kind="multiple_response"),
        QuestionFactory(title="Needles are single use", kind="true_false", critical=True),
        QuestionFactory(title="Name the complication", kind="short_text"),
        QuestionFactory(title="Consent before needling"),  # the flawed one
        QuestionFactory(
            title="Find the lumbar multifidus",
            body=body("hotspot", image=image.pk, image_alt="Lumbar spine", zones=zone),
        ),
        QuestionFactory(title="Depth over the ribs (A)", variant_set=variants),
        QuestionFactory(title="Depth over the ribs (B)", variant_set=variants),
    ]
    quiz = quiz_with_questions(course, questions[:6], title="Safety quiz", pass_mark=70)
    QuizSlot.objects.create(quiz=quiz, variant_set=variants, sort_order=10)
    rng = random.Random(5)

    def respond(index, ability, snapshot, rng):
        if index == 4:  # strong trainees read "Recent holiday" as right
            if ability > 0.6:
                return wrong_response(snapshot, rng, option=0)
            return right_response(snapshot) if rng.random() < 0.6 else wrong_response(snapshot, rng)
        if index == 5 and rng.random() >= ability:
            width, height = snapshot["display"]["width"], snapshot["display"]["height"]
            return {"x": round(rng.uniform(0, width), 1), "y": round(rng.uniform(0, height), 1)}
        if index == 5:
            return {"x": round(rng.uniform(200, 278), 1), "y": round(rng.uniform(305, 595), 1)}
        if rng.random() < 0.25 + 0.7 * ability:
            return right_response(snapshot)
        return wrong_response(snapshot, rng)

    for member, seed in ((questions[6], 1), (questions[7], 2)):
        abilities = [rng.random() for _ in range(45)]
        submit_attempts(
            quiz=quiz, questions=[*questions[:6], member], abilities=abilities,
            respond=respond, seed=seed,
        )  # fmt: skip
    group = Group.objects.create(name="Analysis instructors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group, page=course, permission=Permission.objects.get(codename="change_page")
    )
    instructor = UserFactory(email="analyst@example.org", full_name="Dr Alex Morgan")
    instructor.set_password(PASSWORD)
    instructor.save()
    instructor.groups.add(group)
    return quiz, instructor


def tall(page, width: int) -> None:
    page.set_viewport_size({"width": width, "height": 900})
    height = page.evaluate(
        "Math.max(...[...document.querySelectorAll('*')].map(e => e.scrollHeight))"
    )
    page.set_viewport_size({"width": width, "height": min(height + 50, 16000)})


def test_instructor_opens_item_analysis_and_sees_the_charts(
    transactional_db, live_server, page, screenshot
):
    quiz, instructor = build_analysed_quiz()
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_login").fill(instructor.email)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("main button[type=submit]").click()
    expect(page).not_to_have_url(live_server.url + "/accounts/login/")
    page.goto(live_server.url + "/admin/")
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Item analysis").click()
    page.get_by_role("link", name="Safety quiz", exact=True).click()
    expect(page.get_by_role("heading", name="Item analysis: Safety quiz")).to_be_visible()
    for chart in (
        "Score distribution",
        "Facility and discrimination of each item",
        "Where trainees clicked",
    ):
        expect(page.get_by_role("img", name=chart).first).to_be_visible()
    expect(
        page.get_by_role("img", name="Option choices by the bottom and top thirds").first
    ).to_be_visible()
    flawed = page.locator(
        "section", has=page.get_by_role("heading", name="Consent before needling")
    )
    expect(flawed.get_by_text("Distractor “Recent holiday” drew")).to_be_visible()
    expect(flawed.get_by_role("heading", name="Item-writing checks")).to_be_visible()
    expect(
        page.get_by_role("cell", name="Depth near the lung (variant set, 2 drawn)")
    ).to_be_visible()
    page.get_by_text("Score distribution as a table").click()
    expect(page.get_by_role("cell", name="70–79 %")).to_be_visible()
    tall(page, 1280)  # the admin scrolls inside its layout: a tall window shows it all
    screenshot("item-analysis-1280")
    tall(page, 390)
    screenshot("item-analysis-390")
    page.set_viewport_size({"width": 1280, "height": 900})
    with page.expect_download() as download:
        page.get_by_role("link", name="CSV").click()
    assert download.value.suggested_filename.startswith("item-analysis-")
