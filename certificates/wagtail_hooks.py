from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from certificates.models import CertificateTemplate


class CertificateTemplateViewSet(SnippetViewSet):
    model = CertificateTemplate
    icon = "doc-full-inverse"
    menu_label = "Certificate designs"
    add_to_admin_menu = True
    menu_order = 220
    list_display = ["course", "title", "signatory_name", "accrediting_body"]


register_snippet(CertificateTemplateViewSet)
