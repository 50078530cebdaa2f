import re

import pytest
from django.contrib.auth import get_user_model
from django.core.management import call_command
from wagtail.models import Page, Revision

from courses.models import CoursePage, Enrollment, LessonCompletion, LessonPage, ModulePage
from demo import content
from demo.loader import DEMO_ACCOUNTS, TRAINEE_LESSONS_DONE

pytestmark = pytest.mark.django_db


def snapshot():
    return {
        "pages": Page.objects.count(),
        "revisions": Revision.objects.count(),
        "users": get_user_model().objects.count(),
        "enrollments": Enrollment.objects.count(),
        "completions": LessonCompletion.objects.count(),
    }


def test_load_demo_builds_the_course_and_is_idempotent(capsys):
    call_command("load_demo")
    first = snapshot()
    call_command("load_demo")
    assert snapshot() == first
    assert "nothing changed" in capsys.readouterr().out

    course = CoursePage.objects.get(slug=content.COURSE["slug"])
    assert course.is_sample_content and course.live
    assert ModulePage.objects.child_of(course).count() >= 4
    assert LessonPage.objects.live().descendant_of(course).count() >= 10


def test_demo_accounts_log_in_and_trainee_is_part_way(client):
    call_command("load_demo")
    for data in DEMO_ACCOUNTS.values():
        response = client.post(
            "/accounts/login/", {"login": data["email"], "password": data["password"]}
        )
        assert response.status_code == 302, data["email"]
        client.post("/accounts/logout/")
    trainee = get_user_model().objects.get(email=DEMO_ACCOUNTS["trainee"]["email"])
    enrollment = Enrollment.objects.get(user=trainee)
    assert enrollment.completions.count() == TRAINEE_LESSONS_DONE
    assert enrollment.completed_at is None
    instructor = get_user_model().objects.get(email=DEMO_ACCOUNTS["instructor"]["email"])
    assert instructor.has_perm("wagtailadmin.access_admin")
    assert not trainee.has_perm("wagtailadmin.access_admin")


def test_demo_pages_render(client):
    call_command("load_demo")
    client.force_login(get_user_model().objects.get(email=DEMO_ACCOUNTS["trainee"]["email"]))
    for page in Page.objects.live().exclude(depth=1).specific():
        response = client.get(page.url, follow=True)
        assert response.status_code == 200, page.url


def _lesson_text() -> str:
    parts = []
    for module in content.MODULES:
        for lesson in module["lessons"]:
            parts.append(repr(lesson["body"]))
    return re.sub(r"\s+", " ", " ".join(parts)).lower()


@pytest.mark.parametrize(
    "topic",
    [
        # every contraindication and risk the seed articles name
        "pregnan",
        "bleeding disorder",
        "blood-thinning",
        "immune",
        "skin infection",
        "metal allergy",
        "diabetes",
        "pneumothorax",
        "nerve",
        "bruising",
        "soreness",
        "infection",
        "allergic",
        "delayed healing",
        "swelling",
        # the honest evidence picture
        "2018",
        "low-to-moderate",
        "acupuncture",
    ],
)
def test_demo_content_teaches_every_seed_safety_topic(topic):
    assert topic in _lesson_text()
