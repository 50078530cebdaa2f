from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET

from certificates.codes import display, normalise
from certificates.models import Certificate


@require_GET
def verify(request, code: str):
    """Public: anyone with the code sees holder, course, dates and status, never contact details."""
    canonical = normalise(code)
    if canonical and canonical != code:
        return redirect("certificates:verify", code=canonical)
    certificate = Certificate.objects.filter(code=canonical).first() if canonical else None
    status = None
    if certificate is not None:
        if certificate.status == Certificate.Status.REVOKED:
            status = "revoked"
        elif certificate.expires_at <= timezone.now():
            status = "expired"
        else:
            status = "valid"
    response = render(
        request,
        "certificates/verify.html",
        {
            "certificate": certificate,
            "status": status,
            "code": display(canonical) if canonical else code,
        },
        status=200 if certificate else 404,
    )
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def lookup(request):
    code = request.GET.get("code", "")
    if code:
        canonical = normalise(code)
        if canonical:
            return redirect("certificates:verify", code=canonical)
    return render(
        request,
        "certificates/lookup.html",
        {"code": code[:40], "invalid": bool(code)},
        status=400 if code else 200,
    )


@login_required
def my_certificates(request):
    certificates = Certificate.objects.filter(user=request.user).order_by("-issued_at")
    return render(
        request,
        "certificates/mine.html",
        {"certificates": certificates, "now": timezone.now()},
    )


@login_required
def download(request, certificate_id: int):
    """Only the holder downloads their PDF; any other id is a 404."""
    certificate = get_object_or_404(Certificate, pk=certificate_id, user=request.user)
    if not certificate.pdf:
        raise Http404("This certificate is still being prepared.")
    return FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certificate-{certificate.code}.pdf",
        content_type="application/pdf",
    )
