"""An editor manages trainees in the Wagtail admin: a trainee who signed up with a full name can
be saved (put in a cohort group, say), and the name printed on certificates is editable there."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    client.force_login(UserFactory(is_superuser=True, is_staff=True))
    return client


def test_a_trainee_with_only_a_full_name_is_saved_into_a_cohort(admin_client):
    trainee = UserFactory(full_name="Ana Lucía Pérez", first_name="", last_name="")
    cohort = Group.objects.create(name="Cohort 2027")
    edit = reverse("wagtailusers_users:edit", args=[trainee.pk])
    page = admin_client.get(edit).content.decode()
    assert 'name="full_name"' in page and "Ana Lucía Pérez" in page
    response = admin_client.post(
        edit,
        {
            "email": trainee.email,
            "full_name": "Ana Lucía Pérez García",
            "profession": "physiotherapist",
            "registration_number": "PH12345",
            "is_active": "on",
            "groups": [cohort.pk],
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    trainee.refresh_from_db()
    assert list(trainee.groups.all()) == [cohort]
    assert trainee.full_name == "Ana Lucía Pérez García"
    assert trainee.registration_number == "PH12345"


def test_the_full_name_is_required(admin_client):
    trainee = UserFactory()
    response = admin_client.post(
        reverse("wagtailusers_users:edit", args=[trainee.pk]),
        {"email": trainee.email, "full_name": "", "is_active": "on"},
    )
    assert response.status_code == 200
    trainee.refresh_from_db()
    assert trainee.full_name


def test_an_editor_creates_a_trainee_with_a_full_name(admin_client):
    response = admin_client.post(
        reverse("wagtailusers_users:add"),
        {
            "email": "new.clinician@example.org",
            "full_name": "Kofi Mensah",
            "profession": "physiotherapist",
            "password1": "a-long-enough-Passphrase-27",
            "password2": "a-long-enough-Passphrase-27",
            "is_active": "on",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    created = get_user_model().objects.get(email="new.clinician@example.org")
    assert created.full_name == "Kofi Mensah"
