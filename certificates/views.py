from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from certificates.codes import display, normalise
from certificates.lifecycle import recertification_start
from certificates.models import Certificate
from certificates.pdf import signed_skills
from certificates.ratelimit import verify_limited
from certificates.selectors import (
    certificate_for_code,
    my_certificate_rows,
    transcript,
    transcript_csv,
    transcript_pdf,
)
from certificates.services import CertificateActionError, certificate_render, certificate_resend

VIEW = "certificates.view_certificate"


def _too_many(request, minutes: int):
    response = render(request, "certificates/too_many.html", {"minutes": minutes}, status=429)
    response["Retry-After"] = str(minutes * 60)
    response["X-Robots-Tag"] = "noindex"
    return response


@require_GET
def verify(request, code: str):
    """Public: anyone with the code sees holder, course, dates and status, never contact details."""
    canonical = normalise(code)
    if canonical and canonical != code:
        return redirect("certificates:verify", code=canonical)
    if minutes := verify_limited(request):
        return _too_many(request, minutes)
    found = certificate_for_code(canonical) if canonical else None
    if found is None:
        verify_limited(request, miss=True)
    response = render(
        request,
        "certificates/verify.html",
        {
            "found": found,
            "certificate": found.certificate if found else None,
            "status": found.status if found else None,
            "code": display(canonical) if canonical else code[:40],
            # What the holder was assessed on: the practical skills signed off, if any.
            "skills": signed_skills(found.certificate) if found else [],
        },
        status=200 if found else 404,
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
    return render(
        request,
        "certificates/mine.html",
        {"rows": my_certificate_rows(user=request.user), "now": timezone.now()},
    )


@login_required
def download(request, certificate_id: int):
    """The holder, or staff who may read the register, download the PDF; anyone else gets a 404.

    Files are streamed from private storage: there is no public URL to leak or cache.
    """
    certificate = get_object_or_404(Certificate, pk=certificate_id)
    if certificate.user_id != request.user.pk and not request.user.has_perm(VIEW):
        raise Http404("No such certificate.")
    revoked = certificate.status == Certificate.Status.REVOKED
    if not certificate.pdf and revoked:
        # Revoking deleted the original; the stamped copy is queued, but do not make them wait.
        certificate = certificate_render(certificate=certificate)
    if not certificate.pdf:
        raise Http404("This certificate is still being prepared.")
    suffix = "-REVOKED" if revoked else ""
    response = FileResponse(
        certificate.pdf.open("rb"),
        as_attachment=True,
        filename=f"certificate-{certificate.display_code}{suffix}.pdf",
        content_type="application/pdf",
    )
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@login_required
def resend(request, certificate_id: int):
    certificate = get_object_or_404(Certificate, pk=certificate_id, user=request.user)
    try:
        certificate_resend(certificate=certificate, user=request.user)
    except CertificateActionError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, f"We are emailing your certificate to {request.user.email}.")
    return redirect("certificates:mine")


@require_POST
@login_required
def recertify(request, certificate_id: int):
    certificate = get_object_or_404(Certificate, pk=certificate_id, user=request.user)
    try:
        enrollment = recertification_start(user=request.user, certificate=certificate)
    except CertificateActionError as error:
        messages.error(request, str(error))
        return redirect("certificates:mine")
    messages.success(
        request,
        f"Recertification cycle {enrollment.cycle} of “{certificate.course_title}” has started. "
        "Work through the lessons and required quizzes again to earn a new certificate.",
    )
    return redirect(certificate.course.get_url(request))


@login_required
def transcript_download(request, fmt: str):
    """The trainee's CPD transcript: every certificate with its hours, as CSV or PDF."""
    data = transcript(user=request.user)
    stamp = timezone.localdate().isoformat()
    if fmt == "csv":
        response = HttpResponse(transcript_csv(data), content_type="text/csv; charset=utf-8")
    else:
        response = HttpResponse(transcript_pdf(data), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="cpd-transcript-{stamp}.{fmt}"'
    return response
