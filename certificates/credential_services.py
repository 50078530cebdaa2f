"""Issue, supersede and revoke Open Badges 3.0 credentials; rebuild the signed status list."""

from __future__ import annotations

import logging
import secrets
import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Exists, F, OuterRef
from django.utils import timezone
from django.utils.html import strip_tags

from certificates import status_list as bitstring
from certificates.badges import (
    AchievementFacts,
    CredentialFacts,
    IssuerFacts,
    identity_hash,
    open_badge_credential,
)
from certificates.credential_jwt import sign_credential, sign_payload
from certificates.credential_keys import current_key, jwks_url
from certificates.models import (
    Certificate,
    CertificateTemplate,
    IssuedCredential,
    StatusListPublication,
)

logger = logging.getLogger(__name__)
ISSUER_PATH = "/credentials/issuer.json"
STATUS_LIST_PATH = "/credentials/status/revocation"
INDEX_TRIES = 20


def issuer_url() -> str:
    return f"{settings.SITE_URL}{ISSUER_PATH}"


def status_list_url() -> str:
    return f"{settings.SITE_URL}{STATUS_LIST_PATH}"


def issuer_facts(design: CertificateTemplate | None = None) -> IssuerFacts:
    return IssuerFacts(
        id=issuer_url(),
        name=settings.CREDENTIAL_ISSUER_NAME,
        url=settings.SITE_URL,
        jwks_url=jwks_url(),
        accrediting_body=design.accrediting_body if design else "",
        provider_number=design.provider_number if design else "",
    )


def practical_skills(course) -> tuple[str, ...]:
    """The course's required practical skills, in course order (each signed off to earn it)."""
    from practice.models import PracticalSkillPage

    skills = PracticalSkillPage.objects.live().descendant_of(course).filter(is_required=True)
    return tuple(skills.order_by("path").values_list("title", flat=True))


def achievement_facts(certificate: Certificate) -> AchievementFacts:
    course = certificate.course
    outcomes = " ".join(strip_tags(course.learning_outcomes or "").split())
    criteria = (
        f"Completed every required lesson and passed every required quiz of "
        f"“{certificate.course_title}”."
    )
    if outcomes:
        criteria += f" Learning outcomes: {outcomes}"
    return AchievementFacts(
        id=f"urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, f'{settings.SITE_URL}/course/{course.pk}')}",
        name=certificate.course_title,
        description=course.summary or certificate.course_title,
        criteria=criteria,
        cpd_hours=certificate.cpd_hours,
        validity_months=course.validity_months,
        practical_skills=practical_skills(course),
    )


def _lock(certificate: Certificate) -> Certificate:
    Certificate.objects.filter(pk=certificate.pk).update(status=F("status"))  # as services._lock
    return Certificate.objects.select_related("course", "user").get(pk=certificate.pk)


@transaction.atomic
def credential_issue(*, certificate: Certificate) -> IssuedCredential | None:
    """The live credential for the certificate's current code, signing one if needed.

    Safe to run twice. A credential signed for an older code (the certificate was re-issued)
    is superseded: its status bit is set and a new one is signed with the new details.
    """
    certificate = _lock(certificate)
    if certificate.status == Certificate.Status.REVOKED:
        return None
    live = certificate.credentials.filter(standing=IssuedCredential.Standing.LIVE).first()
    if live is not None and live.code == certificate.code:
        return live
    if live is not None:
        _set_status(
            IssuedCredential.objects.filter(pk=live.pk), IssuedCredential.Standing.SUPERSEDED
        )
    key = current_key()
    row = _allocate(certificate, kid=key.kid)
    salt = secrets.token_hex(16)
    design = CertificateTemplate.objects.filter(course_id=certificate.course_id).first()
    facts = CredentialFacts(
        id=row.credential_id,
        subject_id=f"urn:uuid:{uuid.uuid4()}",
        identity_hash=identity_hash(certificate.user.email, salt),
        salt=salt,
        holder_name=certificate.holder_name,
        valid_from=certificate.issued_at,
        valid_until=certificate.expires_at,
        verify_url=f"{settings.SITE_URL}/certificates/verify/{certificate.code}/",
        status_list_url=status_list_url(),
        status_index=row.status_index,
        issuer=issuer_facts(design),
        achievement=achievement_facts(certificate),
    )
    row.jwt = sign_credential(open_badge_credential(facts), key=key.key, kid=key.kid)
    row.save(update_fields=["jwt"])
    return row


def _allocate(certificate: Certificate, *, kid: str) -> IssuedCredential:
    """A row with a random, unused status index; the unique constraint settles any race."""
    for _ in range(INDEX_TRIES):
        try:
            with transaction.atomic():
                return IssuedCredential.objects.create(
                    certificate=certificate,
                    credential_id=f"urn:uuid:{uuid.uuid4()}",
                    code=certificate.code,
                    status_index=secrets.randbelow(bitstring.MIN_BITS),
                    kid=kid,
                )
        except IntegrityError:
            continue
    raise RuntimeError("No free status-list index after 20 tries: the list needs to grow.")


def _set_status(queryset, standing: str) -> int:
    changed = queryset.filter(standing=IssuedCredential.Standing.LIVE).update(
        standing=standing, status_set_at=timezone.now()
    )
    if changed:
        enqueue_status_list_rebuild()
    return changed


def credentials_withdraw(*, certificate: Certificate, superseded: bool) -> int:
    """Set the status bit of the certificate's live credential (revoked, or re-issued)."""
    standing = (
        IssuedCredential.Standing.SUPERSEDED if superseded else IssuedCredential.Standing.REVOKED
    )
    return _set_status(IssuedCredential.objects.filter(certificate=certificate), standing)


def credentials_sweep(*, limit: int = 500) -> int:
    """Beat: sign the credential of every valid certificate that lacks one (a lost task, or no
    key yet when it was issued). One bad certificate does not stop the others."""
    live = IssuedCredential.objects.filter(
        certificate=OuterRef("pk"), code=OuterRef("code"), standing=IssuedCredential.Standing.LIVE
    )
    missing = (
        Certificate.objects.filter(status=Certificate.Status.VALID)
        .exclude(pdf="")
        .exclude(Exists(live))
        .order_by("pk")[:limit]
    )
    signed = 0
    for certificate in missing:
        try:
            signed += credential_issue(certificate=certificate) is not None
        except Exception:
            logger.exception("Could not sign the credential of certificate %s", certificate.pk)
    return signed


def enqueue_credential_issue(certificate_id: int) -> None:
    """Called by the render task once the PDF is stored; a broker outage only delays it."""
    from certificates.credential_tasks import issue_credential

    try:
        issue_credential.delay(certificate_id)
    except Exception:  # noqa: BLE001 - the holder's download view signs one on demand
        logger.warning("Could not queue the credential for certificate %s", certificate_id)


def enqueue_status_list_rebuild() -> None:
    """After commit, rebuild the list in the worker; if the broker is down, beat catches up."""

    def queue():
        from certificates.credential_tasks import rebuild_status_list

        try:
            rebuild_status_list.delay()
        except Exception:  # noqa: BLE001 - committed already; the periodic rebuild follows
            logger.warning("Could not queue the status list rebuild; beat will rebuild it")

    transaction.on_commit(queue)


@transaction.atomic
def status_list_rebuild() -> StatusListPublication:
    """Sign the revocation list as it stands. Serialised on the publication row, so a slow
    rebuild that read an older state can never overwrite a newer list."""
    now = timezone.now()
    publication, _ = StatusListPublication.objects.get_or_create(
        purpose=bitstring.STATUS_PURPOSE, defaults={"jwt": "", "built_at": now}
    )
    publication = StatusListPublication.objects.select_for_update().get(pk=publication.pk)
    revoked = list(
        IssuedCredential.objects.exclude(standing=IssuedCredential.Standing.LIVE).values_list(
            "status_index", flat=True
        )
    )
    credential = bitstring.status_list_credential(
        url=status_list_url(), issuer_id=issuer_url(), revoked=revoked, valid_from=now
    )
    key = current_key()
    publication.jwt = sign_payload(
        bitstring.status_list_claims(credential), key=key.key, kid=key.kid
    )
    publication.revoked_count = len(revoked)
    publication.built_at = now
    publication.save()
    return publication


def status_list_current() -> StatusListPublication:
    publication = StatusListPublication.objects.filter(purpose=bitstring.STATUS_PURPOSE).first()
    if publication is None or not publication.jwt:
        publication = status_list_rebuild()
    return publication
