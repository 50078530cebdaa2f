"""The certificate panel on the trainee's dashboard: being prepared, then the download link."""

from django.utils import timezone

from certificates.models import Certificate
from courses.dashboard import EnrollmentPanel

TEMPLATE = "certificates/includes/dashboard_panel.html"


class CertificatePanels:
    def panels(self, enrollments: list) -> dict[int, EnrollmentPanel]:
        completed = [e.pk for e in enrollments if e.completed_at is not None]
        if not completed:
            return {}
        now = timezone.now()
        panels = {
            certificate.enrollment_id: EnrollmentPanel(
                TEMPLATE,
                {
                    "certificate": certificate,
                    "preparing": not certificate.pdf,
                    "standing": certificate.standing(now),
                },
            )
            for certificate in Certificate.objects.filter(enrollment_id__in=completed)
        }
        for enrollment_id in completed:  # completion seen, certificate not issued yet
            panels.setdefault(enrollment_id, EnrollmentPanel(TEMPLATE, {"preparing": True}))
        return panels
