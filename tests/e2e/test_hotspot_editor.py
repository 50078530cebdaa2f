"""Instructors draw hotspot zones on the image in the question editor."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.e2e


def test_instructor_draws_a_circle_zone(page, live_server, transactional_db, screenshot):
    import wagtail_factories

    from courses.roles import instructors_group_ensure
    from tests.factories import UserFactory, wagtail_initial_data
    from tests.factories.quizzes import QuestionFactory, body

    wagtail_initial_data()
    instructor = UserFactory(email="teach@example.org")
    instructor.groups.add(instructors_group_ensure())
    image = wagtail_factories.ImageFactory(file__width=400, file__height=300)
    question = QuestionFactory(
        body=body(
            "hotspot",
            image=image.pk,
            image_alt="A test diagram",
            zones=[{"shape": "rect", "coords": "10, 10, 50, 40", "credit": 1.0}],
        )
    )

    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_login").fill("teach@example.org")
    page.locator("#id_password").fill("correct-horse-battery")
    page.locator("main button[type=submit]").click()
    page.goto(f"{live_server.url}/admin/snippets/quizzes/question/edit/{question.pk}/")
    page.get_by_role("button", name="Draw zones on the image").click()
    stage = page.locator("[data-stage] svg")
    expect(stage).to_be_visible()
    expect(stage.locator("rect")).to_have_count(1)  # the existing zone is drawn

    page.locator('select[name$="zones-0-value-shape"]').select_option("circle")
    box = stage.bounding_box()
    page.mouse.click(box["x"] + 5, box["y"] + 5)  # a stray click while not drawing changes nothing
    assert page.locator('input[name$="zones-0-value-coords"]').input_value() == "10, 10, 50, 40"
    page.get_by_label("Draw on this zone").check()
    page.mouse.click(box["x"] + box["width"] * 0.5, box["y"] + box["height"] * 0.5)
    page.mouse.click(box["x"] + box["width"] * 0.6, box["y"] + box["height"] * 0.5)
    coords = page.locator('input[name$="zones-0-value-coords"]')
    x, y, radius = (float(n) for n in coords.input_value().split(","))
    assert abs(x - 200) < 3 and abs(y - 150) < 3 and abs(radius - 40) < 3
    expect(stage.locator("circle")).to_have_count(1)
    screenshot("20-hotspot-zone-editor")


@pytest.mark.django_db
def test_image_info_endpoint_is_for_admin_users_only(client):
    import wagtail_factories

    from courses.roles import instructors_group_ensure
    from tests.factories import UserFactory

    image = wagtail_factories.ImageFactory(file__width=400, file__height=300)
    url = f"/admin/quiz-image/{image.pk}/"
    client.force_login(UserFactory())
    assert client.get(url).status_code == 302  # trainees are sent away from the admin
    instructor = UserFactory()
    instructor.groups.add(instructors_group_ensure())
    client.force_login(instructor)
    data = client.get(url).json()
    assert (data["width"], data["height"]) == (400, 300)


def test_new_hotspot_question_has_one_image_field_and_a_readable_zone_editor(
    page, live_server, transactional_db, screenshot
):
    import wagtail_factories

    from courses.roles import instructors_group_ensure
    from tests.factories import UserFactory, wagtail_initial_data

    wagtail_initial_data()
    instructor = UserFactory(email="teach@example.org")
    instructor.groups.add(instructors_group_ensure())
    image = wagtail_factories.ImageFactory(file__width=400, file__height=300)
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto(live_server.url + "/accounts/login/")
    page.locator("#id_login").fill("teach@example.org")
    page.locator("#id_password").fill("correct-horse-battery")
    page.locator("main button[type=submit]").click()
    page.goto(f"{live_server.url}/admin/snippets/quizzes/question/add/")
    question_image = page.locator("#id_image-chooser")
    expect(question_image).to_be_visible()  # any other type may show a picture above the stem
    page.locator("#panel-body-section button[title='Insert a block']").first.click()
    page.get_by_role("option", name="Image hotspot").click()
    expect(question_image).to_be_hidden()  # the hotspot's image is the one in its answer block
    expect(page.get_by_label("Image alt", exact=True)).to_have_count(1)

    page.evaluate(
        "pk => { const i = document.querySelector('input[name=\"body-0-value-image\"]');"
        " i.value = pk; i.dispatchEvent(new Event('change', {bubbles: true})); }",
        image.pk,
    )
    page.get_by_role("button", name="Draw zones on the image").click()
    expect(page.locator("[data-stage] svg")).to_be_visible()
    help_text = page.locator("[data-help]")
    expect(help_text).to_have_text(
        "Circle: click the centre, then a point on its edge. "
        "Coordinates are in the image's own pixels."
    )
    zone = page.locator("[data-zone]")
    expect(zone.locator("option")).to_have_text(["1 — Circle"])

    page.locator('select[name="body-0-value-zones-0-value-shape"]').select_option("rect")
    expect(zone.locator("option")).to_have_text(["1 — Rectangle"])
    expect(help_text).to_contain_text("Rectangle: click one corner")
    screenshot("22-new-hotspot-zone-editor")
