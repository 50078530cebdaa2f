"""Uploads kept between preview and confirm: private, bound to a user, expiring, used once.

The file goes to private storage (never under MEDIA_ROOT) under a random name; the user gets a
random token whose hash names the row. Confirming consumes the row with a guarded UPDATE in the
import's transaction, so a double click or a replay cannot import the same upload twice, and a
failed import leaves it unconsumed.
"""

from __future__ import annotations

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from certificates.storage import private_storage
from packages.models import PendingPackage

PENDING_TTL = timedelta(hours=1)
DIRECTORY = "package-uploads"
_CHUNK = 64 * 1024


class UploadChanged(Exception):
    """The stored file no longer has the hash that was previewed."""


def _hash(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8", "surrogatepass")).hexdigest()


def file_sha256(handle) -> str:
    digest = hashlib.sha256()
    handle.seek(0)
    while chunk := handle.read(_CHUNK):
        digest.update(chunk)
    handle.seek(0)
    return digest.hexdigest()


@transaction.atomic
def pending_package_create(*, user, upload, update: bool) -> tuple[PendingPackage, str]:
    """Store the previewed upload privately; (the row, the token to give the user)."""
    pending_packages_sweep()
    storage = private_storage()
    sha256 = file_sha256(upload)
    name = storage.save(f"{DIRECTORY}/{secrets.token_hex(16)}.zip", upload)
    # If this transaction rolls back, no row names the file and a later sweep removes it.
    token = secrets.token_urlsafe(32)
    pending = PendingPackage.objects.create(
        token_hash=_hash(token),
        user=user,
        file_name=name,
        sha256=sha256,
        original_name=(getattr(upload, "name", "") or "package.zip")[:255],
        update=update,
        expires_at=timezone.now() + PENDING_TTL,
    )
    return pending, token


def pending_package_consume(*, user, token: str) -> PendingPackage | None:
    """Claim the upload for this confirmation, or None (unknown, foreign, expired or used).

    Must run inside the transaction that imports it: the UPDATE holds the row until commit, so a
    parallel confirm waits and then finds it consumed; a rollback gives it back."""
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        return None
    now = timezone.now()
    claimed = PendingPackage.objects.filter(
        token_hash=_hash(token), user=user, consumed_at__isnull=True, expires_at__gt=now
    ).update(consumed_at=now)
    if claimed != 1:
        return None
    return PendingPackage.objects.get(token_hash=_hash(token))


def pending_package_open(pending: PendingPackage):
    """The stored file, checked against the hash that was previewed."""
    try:
        handle = private_storage().open(pending.file_name, "rb")
    except FileNotFoundError:
        raise UploadChanged(pending.file_name) from None
    if file_sha256(handle) != pending.sha256:
        handle.close()
        raise UploadChanged(pending.file_name)
    return handle


def pending_package_lookup(*, user, token: str) -> PendingPackage | None:
    """The user's unexpired, unconsumed upload for this token (for showing its preview)."""
    if not isinstance(token, str) or not 20 <= len(token) <= 100:
        return None
    return PendingPackage.objects.filter(
        token_hash=_hash(token),
        user=user,
        consumed_at__isnull=True,
        expires_at__gt=timezone.now(),
    ).first()


def pending_package_discard(pending: PendingPackage) -> None:
    """After a successful import: the file goes once the transaction commits."""
    name = pending.file_name
    transaction.on_commit(lambda: private_storage().delete(name))


def pending_packages_sweep() -> int:
    """Delete expired and consumed uploads (rows and files), and files no row names."""
    storage = private_storage()
    now = timezone.now()
    stale = PendingPackage.objects.filter(expires_at__lte=now) | PendingPackage.objects.filter(
        consumed_at__isnull=False
    )
    names = list(stale.values_list("file_name", flat=True))
    stale.delete()
    try:
        _, files = storage.listdir(DIRECTORY)
    except FileNotFoundError:
        files = []
    known = set(PendingPackage.objects.values_list("file_name", flat=True))
    cutoff = now - PENDING_TTL
    for file in files:
        name = f"{DIRECTORY}/{file}"
        if name in known:
            continue
        if name in names or storage.get_modified_time(name) < cutoff:
            storage.delete(name)
    return len(names)
