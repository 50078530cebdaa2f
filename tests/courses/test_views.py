import pytest
from django.urls import reverse

from courses.models import Enrollment, LessonCompletion
from courses.services import enrollment_create
from tests.factories import UserFactory, build_course, lessons_of

pytestmark = pytest.mark.django_db

LESSON_TEXT = "Needle safety matters."


@pytest.fixture
def client_trainee(client, trainee):
    client.force_login(trainee)
    return client


def test_course_page_offers_enrolment_and_lists_lessons(client, course):
    response = client.get(course.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "Sign up to enrol" in html
    for lesson in lessons_of(course):
        assert lesson.title in html


def test_enrol_then_course_page_shows_progress(client_trainee, trainee, course):
    response = client_trainee.post(reverse("courses:enrol", args=[course.id]), follow=True)
    assert response.status_code == 200
    assert "You are enrolled" in response.content.decode()
    assert Enrollment.objects.filter(user=trainee, course=course).count() == 1
    assert 'aria-valuenow="0"' in response.content.decode()


def test_double_enrol_post_creates_one_enrollment(client_trainee, trainee, course):
    url = reverse("courses:enrol", args=[course.id])
    client_trainee.post(url)
    response = client_trainee.post(url, follow=True)
    assert "already enrolled" in response.content.decode()
    assert Enrollment.objects.filter(user=trainee).count() == 1


def test_enrol_requires_post(client_trainee, course):
    response = client_trainee.get(reverse("courses:enrol", args=[course.id]))
    assert response.status_code == 405
    assert not Enrollment.objects.exists()


def test_enrol_requires_login(client, course):
    response = client.post(reverse("courses:enrol", args=[course.id]))
    assert response.status_code == 302
    assert reverse("account_login") in response["Location"]
    assert not Enrollment.objects.exists()


@pytest.mark.parametrize("tampered", ["999999", "abc", "-1", "1.5"])
def test_enrol_with_tampered_course_id_is_404(client_trainee, course, tampered):
    response = client_trainee.post(f"/courses/{tampered}/enrol/")
    assert response.status_code == 404
    assert not Enrollment.objects.exists()


def test_enrol_using_a_lesson_id_is_404(client_trainee, course):
    lesson = lessons_of(course)[0]
    response = client_trainee.post(reverse("courses:enrol", args=[lesson.id]))
    assert response.status_code == 404


def test_enrol_in_unpublished_course_is_404(client_trainee, course):
    course.unpublish()
    response = client_trainee.post(reverse("courses:enrol", args=[course.id]))
    assert response.status_code == 404
    assert not Enrollment.objects.exists()


def test_enrol_in_closed_course_shows_message_and_changes_nothing(client_trainee):
    closed = build_course(enrolment_open=False)
    response = client_trainee.post(reverse("courses:enrol", args=[closed.id]), follow=True)
    assert "closed" in response.content.decode()
    assert not Enrollment.objects.exists()


def test_lesson_body_hidden_until_enrolled(client_trainee, trainee, course):
    lesson = lessons_of(course)[0]
    before = client_trainee.get(lesson.url).content.decode()
    assert LESSON_TEXT not in before
    assert "This lesson is for enrolled trainees" in before
    enrollment_create(user=trainee, course=course)
    after = client_trainee.get(lesson.url).content.decode()
    assert LESSON_TEXT in after
    assert "Mark lesson complete" in after


def test_complete_lesson_updates_progress_bar(client_trainee, trainee, course):
    enrollment_create(user=trainee, course=course)
    lesson = lessons_of(course)[0]
    response = client_trainee.post(
        reverse("courses:complete_lesson", args=[lesson.id]), follow=True
    )
    html = response.content.decode()
    assert "marked complete" in html
    assert 'aria-valuenow="25"' in html  # 1 of 4 lessons
    assert 'data-testid="lesson-complete"' in html


def test_complete_lesson_twice_records_once(client_trainee, trainee, course):
    enrollment_create(user=trainee, course=course)
    url = reverse("courses:complete_lesson", args=[lessons_of(course)[0].id])
    client_trainee.post(url)
    response = client_trainee.post(url, follow=True)
    assert "already complete" in response.content.decode()
    assert LessonCompletion.objects.count() == 1


def test_complete_lesson_without_enrollment_is_403(client_trainee, course):
    lesson = lessons_of(course)[0]
    response = client_trainee.post(reverse("courses:complete_lesson", args=[lesson.id]))
    assert response.status_code == 403
    assert "Enrol in" in response.content.decode()
    assert not LessonCompletion.objects.exists()


def test_complete_with_tampered_lesson_id_is_404(client_trainee, trainee, course):
    enrollment_create(user=trainee, course=course)
    response = client_trainee.post(reverse("courses:complete_lesson", args=[course.id]))
    assert response.status_code == 404
    response = client_trainee.post("/lessons/not-a-number/complete/")
    assert response.status_code == 404
    assert not LessonCompletion.objects.exists()


def test_complete_requires_post_and_login(client, course):
    url = reverse("courses:complete_lesson", args=[lessons_of(course)[0].id])
    assert client.post(url).status_code == 302
    client.force_login(UserFactory())
    assert client.get(url).status_code == 405


def test_dashboard_shows_enrollments_progress_and_continue_link(client_trainee, trainee, course):
    enrollment_create(user=trainee, course=course)
    lessons = lessons_of(course)
    client_trainee.post(reverse("courses:complete_lesson", args=[lessons[0].id]))
    html = client_trainee.get(reverse("courses:dashboard")).content.decode()
    assert course.title in html
    assert 'aria-valuenow="25"' in html
    assert f"Continue: {lessons[1].title}" in html


def test_dashboard_shows_only_own_enrollments(client_trainee, course):
    other_course = build_course()
    enrollment_create(user=UserFactory(), course=other_course)
    html = client_trainee.get(reverse("courses:dashboard")).content.decode()
    assert other_course.title not in html
    assert "not enrolled in any course" in html


def test_dashboard_requires_login(client):
    response = client.get(reverse("courses:dashboard"))
    assert response.status_code == 302


def test_prev_next_navigation_crosses_modules(client_trainee, trainee, course):
    enrollment_create(user=trainee, course=course)
    lessons = lessons_of(course)
    html = client_trainee.get(lessons[1].url).content.decode()
    assert f'rel="prev" href="{lessons[0].url}"' in html
    assert f'rel="next" href="{lessons[2].url}"' in html  # first lesson of the next module


def test_unknown_page_uses_friendly_404(client, course):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert "Page not found" in response.content.decode()


def test_completing_the_last_lesson_congratulates(client_trainee, trainee, course):
    enrollment_create(user=trainee, course=course)
    lessons = lessons_of(course)
    for lesson in lessons[:-1]:
        client_trainee.post(reverse("courses:complete_lesson", args=[lesson.id]))
    response = client_trainee.post(
        reverse("courses:complete_lesson", args=[lessons[-1].id]), follow=True
    )
    assert "Congratulations" in response.content.decode()
    html = client_trainee.get(reverse("courses:dashboard")).content.decode()
    assert 'aria-valuenow="100"' in html
    assert "Completed " in html


@pytest.mark.parametrize("big", [2**63, 2**64, 10**30])
def test_huge_ids_to_enrol_and_complete_are_404(client_trainee, trainee, course, big):
    enrollment_create(user=trainee, course=course)
    assert client_trainee.post(f"/courses/{big}/enrol/").status_code == 404
    assert client_trainee.post(f"/lessons/{big}/complete/").status_code == 404
    assert not LessonCompletion.objects.exists()


@pytest.mark.parametrize("value", ["²", "٣", "１", str(2**63), "-1", " 2"])
def test_strange_next_lesson_is_a_400_that_records_nothing(client_trainee, trainee, course, value):
    enrollment_create(user=trainee, course=course)
    url = reverse("courses:complete_lesson", args=[lessons_of(course)[0].id])
    response = client_trainee.post(url, {"next_lesson": value})
    assert response.status_code == 400
    assert "next lesson" in response.content.decode()
    assert not LessonCompletion.objects.exists()


def test_next_lesson_that_does_not_exist_stays_on_the_lesson(client_trainee, trainee, course):
    enrollment_create(user=trainee, course=course)
    lesson = lessons_of(course)[0]
    url = reverse("courses:complete_lesson", args=[lesson.id])
    response = client_trainee.post(url, {"next_lesson": "999999"})
    assert response.status_code == 302 and response["Location"] == lesson.url
    assert LessonCompletion.objects.count() == 1
