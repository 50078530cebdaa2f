"""{% linkedin_add_url certificate as url %}: LinkedIn's "Add licence or certification" link."""

from django import template
from django.conf import settings
from django.urls import reverse

from certificates.badges import linkedin_add_url

register = template.Library()


@register.simple_tag
def linkedin_url(certificate) -> str:
    return linkedin_add_url(
        name=certificate.course_title,
        organisation=settings.CREDENTIAL_ISSUER_NAME,
        issued=certificate.issued_at,
        expires=certificate.expires_at,
        cert_url=settings.SITE_URL + reverse("certificates:verify", args=[certificate.code]),
        cert_id=certificate.display_code,
    )
