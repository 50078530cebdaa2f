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
