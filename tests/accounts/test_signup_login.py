import pytest
from django.core import mail
from django.urls import reverse

from accounts.models import User
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

SIGNUP = {
    "full_name": "Jordan Lee",
    "email": "jordan@example.org",
    "profession": "physiotherapist",
    "registration_number": "PH998877",
    "password1": "a-long-unusual-passphrase",
    "password2": "a-long-unusual-passphrase",
}


def test_signup_form_is_crispy_and_labelled(client):
    html = client.get(reverse("account_signup")).content.decode()
    assert 'class="form-control' in html  # crispy bootstrap5 rendering
    for field in ["full_name", "email", "profession", "registration_number", "password1"]:
        assert f'for="id_{field}"' in html


def test_signup_stores_profile_and_sends_verification(client):
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 302
    user = User.objects.get(email="jordan@example.org")
    assert user.full_name == "Jordan Lee"
    assert user.profession == "physiotherapist"
    assert user.registration_number == "PH998877"
    assert len(mail.outbox) == 1
    assert "confirm" in mail.outbox[0].body.lower()


def test_signup_without_full_name_is_refused(client):
    data = {**SIGNUP, "full_name": ""}
    response = client.post(reverse("account_signup"), data)
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not User.objects.filter(email=SIGNUP["email"]).exists()


def test_duplicate_email_is_refused(client):
    UserFactory(email="jordan@example.org")
    response = client.post(reverse("account_signup"), SIGNUP)
    assert response.status_code == 200
    assert User.objects.filter(email="jordan@example.org").count() == 1


def test_login_by_email(client):
    UserFactory(email="sam@example.org")
    response = client.post(
        reverse("account_login"), {"login": "sam@example.org", "password": "correct-horse-battery"}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("courses:dashboard")


def test_lockout_after_repeated_failures(client, settings):
    UserFactory(email="sam@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("account_login"), {"login": "sam@example.org", "password": "wrong"})
    response = client.post(
        reverse("account_login"), {"login": "sam@example.org", "password": "correct-horse-battery"}
    )
    assert response.status_code == 429
    assert "Too many failed log-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_lockout_is_per_account_not_per_address(client, settings):
    UserFactory(email="typo@example.org")
    UserFactory(email="colleague@example.org")
    for _ in range(settings.AXES_FAILURE_LIMIT):
        client.post(reverse("account_login"), {"login": "typo@example.org", "password": "wrong"})
    # A colleague behind the same clinic address still logs in.
    response = client.post(
        reverse("account_login"),
        {"login": "colleague@example.org", "password": "correct-horse-battery"},
    )
    assert response.status_code == 302
    assert client.session["_auth_user_id"]


def test_lockout_ignores_email_case_and_spacing(client, settings):
    UserFactory(email="sam@example.org")
    for index in range(settings.AXES_FAILURE_LIMIT):
        login = " SAM@example.org " if index % 2 else "sam@example.org"
        client.post(reverse("account_login"), {"login": login, "password": "wrong"})
    response = client.post(
        reverse("account_login"), {"login": "sam@example.org", "password": "correct-horse-battery"}
    )
    assert response.status_code == 429


def test_instructor_lands_in_admin_after_login(client):
    from courses.roles import instructors_group_ensure

    instructor = UserFactory(email="teach@example.org")
    instructor.groups.add(instructors_group_ensure())
    response = client.post(
        reverse("account_login"),
        {"login": "teach@example.org", "password": "correct-horse-battery"},
    )
    assert response["Location"] == "/admin/"


def test_password_reset_sends_email(client):
    UserFactory(email="sam@example.org")
    response = client.post(reverse("account_reset_password"), {"email": "sam@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body
    assert "Hello from Needlepoint Academy" in mail.outbox[0].body


def test_logout_requires_post(client):
    user = UserFactory()
    client.force_login(user)
    client.post(reverse("account_logout"))
    assert "_auth_user_id" not in client.session


def test_trainee_is_kept_out_of_admin(client):
    client.force_login(UserFactory())
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"] == reverse("courses:dashboard")


def test_instructor_reaches_admin_and_can_add_lessons(client, course):
    from courses.roles import instructors_group_ensure

    instructor = UserFactory()
    instructor.groups.add(instructors_group_ensure())
    client.force_login(instructor)
    assert client.get("/admin/").status_code == 200
    module = course.get_children().first()
    response = client.get(f"/admin/pages/add/courses/lessonpage/{module.id}/")
    assert response.status_code == 200


def test_profile_edit_changes_name_but_not_email(client):
    user = UserFactory(email="sam@example.org")
    client.force_login(user)
    response = client.post(
        reverse("accounts:profile"),
        {
            "full_name": "Sam Q. Public",
            "profession": "osteopath",
            "registration_number": "OS1",
            "email": "evil@example.org",
        },
        follow=True,
    )
    assert "Your profile has been saved" in response.content.decode()
    user.refresh_from_db()
    assert (user.full_name, user.profession, user.email) == (
        "Sam Q. Public",
        "osteopath",
        "sam@example.org",
    )


def test_profile_rejects_blank_name(client):
    user = UserFactory(full_name="Sam")
    client.force_login(user)
    response = client.post(reverse("accounts:profile"), {"full_name": "", "profession": "other"})
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    user.refresh_from_db()
    assert user.full_name == "Sam"


def test_server_error_page_is_friendly(client, monkeypatch):
    def explode(**kwargs):
        raise RuntimeError("boom")

    monkeypatch.setattr("courses.views.dashboard_rows", explode)
    client.raise_request_exception = False
    client.force_login(UserFactory())
    response = client.get(reverse("courses:dashboard"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
