"""Public credential endpoints (keys, issuer, status list, upload check) and the holder's files."""

from __future__ import annotations

import json

from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, render
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_http_methods

from certificates.badge_png import baked_badge
from certificates.badges import OB_CONTEXT, VC_CONTEXT, issuer_profile
from certificates.credential_keys import public_jwks
from certificates.credential_services import credential_issue, issuer_facts, status_list_current
from certificates.credential_verify import ENVELOPE_PREFIX, MAX_BYTES, verify
from certificates.models import Certificate, IssuedCredential
from certificates.ratelimit import verify_limited

PUBLIC_CACHE = "public, max-age=300"


def _public(response: HttpResponse) -> HttpResponse:
    response["Cache-Control"] = PUBLIC_CACHE
    response["Access-Control-Allow-Origin"] = "*"  # wallets and verifiers fetch from anywhere
    return response


@require_GET
def jwks(request):
    return _public(JsonResponse(public_jwks(), content_type="application/jwk-set+json"))


@require_GET
def issuer(request):
    profile = {"@context": [VC_CONTEXT, OB_CONTEXT], **issuer_profile(issuer_facts())}
    profile["jwks_uri"] = issuer_facts().jwks_url  # where the keys of every kid are published
    return _public(JsonResponse(profile, content_type="application/ld+json"))


@require_GET
def status_list(request):
    publication = status_list_current()
    return _public(HttpResponse(publication.jwt, content_type="application/vc+jwt"))


def _live_credential(request, certificate_id: int) -> tuple[Certificate, IssuedCredential]:
    """The holder's live credential; anyone else, or a revoked certificate, gets a 404."""
    certificate = get_object_or_404(Certificate, pk=certificate_id, user=request.user)
    credential = credential_issue(certificate=certificate)  # signs now if the worker has not
    if credential is None:
        raise Http404("A revoked certificate has no credential to download.")
    return certificate, credential


def _attachment(response: HttpResponse, name: str) -> HttpResponse:
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    response["Cache-Control"] = "private, no-store"
    response["X-Content-Type-Options"] = "nosniff"
    return response


@login_required
@require_GET
def download_json(request, certificate_id: int):
    """The VC 2.0 enveloped form: JSON any wallet recognises, the JWT inside it."""
    certificate, credential = _live_credential(request, certificate_id)
    envelope = {
        "@context": [VC_CONTEXT],
        "id": f"{ENVELOPE_PREFIX}{credential.jwt}",
        "type": "EnvelopedVerifiableCredential",
    }
    body = json.dumps(envelope, indent=2)
    response = HttpResponse(body, content_type="application/json")
    return _attachment(response, f"credential-{certificate.display_code}.json")


@login_required
@require_GET
def download_jwt(request, certificate_id: int):
    certificate, credential = _live_credential(request, certificate_id)
    response = HttpResponse(credential.jwt, content_type="application/vc+jwt")
    return _attachment(response, f"credential-{certificate.display_code}.jwt")


@login_required
@require_GET
def download_badge(request, certificate_id: int):
    certificate, credential = _live_credential(request, certificate_id)
    png = baked_badge(
        title=certificate.course_title, issuer=settings.CREDENTIAL_ISSUER_NAME, token=credential.jwt
    )
    response = HttpResponse(png, content_type="image/png")
    return _attachment(response, f"badge-{certificate.display_code}.png")


@csrf_exempt  # changes nothing; CSRF's token check would parse a huge body before our limit
@require_http_methods(["GET", "POST"])
def verify_upload(request):
    """Anyone checks a credential file here with the same function as the command line."""
    context = {"max_kb": MAX_BYTES // 1024}
    if request.method == "GET":
        return render(request, "certificates/credential_verify.html", context)
    try:
        declared = int(request.META.get("CONTENT_LENGTH") or 0)
    except ValueError:
        declared = 0
    too_big = declared > MAX_BYTES + 16 * 1024  # refused before the body is read or parsed
    if not too_big and (minutes := verify_limited(request)):
        from certificates.views import _too_many

        return _too_many(request, minutes)
    status = 200
    upload = None if too_big else request.FILES.get("credential")
    if too_big or (upload is not None and upload.size > MAX_BYTES):
        context["error"] = f"The file is too large: a credential is under {context['max_kb']} KB."
        status = 413
    elif upload is None:
        context["error"] = "Choose a credential file (.json, .jwt or a badge .png) to check."
        status = 400
    else:
        raw = upload.read(MAX_BYTES + 1)
        context["report"] = verify(raw, jwks=public_jwks(), status_list=status_list_current().jwt)
    response = render(request, "certificates/credential_verify.html", context, status=status)
    response["X-Robots-Tag"] = "noindex"
    return response
