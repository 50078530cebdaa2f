from wagtail import hooks
from wagtail.log_actions import LogFormatter
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from certificates.admin_views import CertificateRegisterViewSet, RegisterPermissionPolicy
from certificates.models import Certificate, CertificateTemplate


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full-inverse"
    menu_label = "Certificate designs"
    add_to_admin_menu = True
    menu_order = 220
    list_display = ["course", "title", "signatory_name", "accrediting_body"]


register_snippet(CertificateTemplateViewSet)
register_permission_policy(Certificate, RegisterPermissionPolicy(Certificate))


@hooks.register("register_admin_viewset")
def register_certificate_register():
    return CertificateRegisterViewSet("certificate_register")


class WithReason(LogFormatter):
    def format_message(self, log_entry):
        reason = log_entry.data.get("reason", "")
        return f"{self.message}: {reason}" if reason else self.message


@hooks.register("register_log_actions")
def register_certificate_log_actions(actions):
    actions.register_action("certificates.issue", "Issue certificate", "Certificate issued")
    actions.register_action("certificates.resend", "Resend certificate", "Email resend requested")
    actions.register_action(
        "certificates.email_sent", "Certificate email sent", "Certificate email delivered"
    )

    @actions.register_action("certificates.revoke")
    class Revoke(WithReason):
        label = "Revoke certificate"
        message = "Certificate revoked"

    @actions.register_action("certificates.new_cycle")
    class NewCycle(WithReason):
        label = "Start a new cycle for the holder"
        message = "New course cycle started for the holder"

    @actions.register_action("certificates.review_flag")
    class ReviewFlag(WithReason):
        label = "Flag certificate for review"
        message = "Certificate flagged for review"

    @actions.register_action("certificates.review_clear")
    class ReviewClear(WithReason):
        label = "Clear certificate review flag"
        message = "Review flag cleared"

    @actions.register_action("certificates.reissue")
    class Reissue(WithReason):
        label = "Re-issue certificate"
        message = "Certificate re-issued with a new code"
