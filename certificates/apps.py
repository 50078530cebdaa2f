from django.apps import AppConfig


class CertificatesConfig(AppConfig):
    name = "certificates"
    verbose_name = "Certificates"

    def ready(self):
        from courses.signals import course_completed

        from .receivers import issue_on_completion

        course_completed.connect(issue_on_completion, dispatch_uid="certificates-issue")

        from practice.signals import signoff_withdrawn

        from .receivers import flag_on_signoff_withdrawn

        signoff_withdrawn.connect(flag_on_signoff_withdrawn, dispatch_uid="certificates-review")

        from courses.roles import register_instructor_models

        from .models import Certificate, CertificateTemplate

        register_instructor_models(CertificateTemplate)
        register_instructor_models(Certificate, actions=("view", "change"))

        from courses.dashboard import register_enrollment_panel

        from .dashboard import CertificatePanels

        register_enrollment_panel(CertificatePanels())

        from django.core.checks import register

        from .credential_keys import check_signing_keys

        register(check_signing_keys)
