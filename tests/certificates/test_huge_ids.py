"""Ids beyond the database's integer range in certificate URLs are a 404, never a 500."""

import pytest
from django.contrib.auth.models import Permission
from django.urls import reverse

from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

HUGE = str(2**64)


@pytest.mark.parametrize("action", ["download", "resend", "recertify"])
def test_trainee_certificate_urls_with_a_huge_id_are_404(client, action):
    client.force_login(UserFactory())
    response = client.post(f"/certificates/{HUGE}/{action}/")
    assert response.status_code == 404
    assert client.get(f"/certificates/{HUGE}/download/").status_code == 404


@pytest.mark.parametrize("action", ["revoke", "reissue", "resend", "new-cycle"])
def test_register_urls_with_a_huge_id_are_404(client, action):
    staff = UserFactory(is_staff=True, is_superuser=True)
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)
    prefix = reverse("certificate_register:index")
    assert client.get(f"{prefix}{HUGE}/{action}/").status_code == 404
    assert client.post(f"{prefix}{HUGE}/{action}/").status_code == 404
