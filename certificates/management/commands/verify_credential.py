"""`manage.py verify_credential FILE`: check an Open Badges 3.0 credential offline.

Needs only the issuer's JWK Set and status list (files, or URLs fetched once); prints each check.
Exit status 0 when valid, 1 when not.
"""

import json
import urllib.request
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from certificates.credential_verify import MAX_BYTES, verify

FETCH_LIMIT = 4 * 1024 * 1024


def read_source(source: str) -> bytes:
    if source.startswith(("https://", "http://")):
        with urllib.request.urlopen(source, timeout=20) as response:  # noqa: S310 - http(s) only
            return response.read(FETCH_LIMIT)
    path = Path(source)
    if not path.is_file():
        raise CommandError(f"{source}: no such file")
    with path.open("rb") as handle:
        return handle.read(FETCH_LIMIT)


class Command(BaseCommand):
    help = "Verify an Open Badges 3.0 credential (.json, .jwt or baked .png) offline."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument(
            "--keys", help="the issuer's JWK Set (file or URL); default: this site's keys"
        )
        parser.add_argument(
            "--status-list",
            help="the status list credential (file or URL); default with --keys: not checked",
        )

    def handle(self, *args, file, keys, status_list, **options):
        with Path(file).open("rb") if Path(file).is_file() else _missing(file) as handle:
            raw = handle.read(MAX_BYTES + 1)
        if keys:
            try:
                jwks = json.loads(read_source(keys))
            except ValueError as error:
                raise CommandError(f"{keys}: not a JSON JWK Set") from error
        else:  # on the issuer's own server: its keys, and its list unless another is given
            from certificates.credential_keys import public_jwks
            from certificates.credential_services import status_list_current

            jwks = public_jwks()
            status_list = status_list or "-"
        if status_list == "-" and not keys:
            status = status_list_current().jwt
        else:
            status = read_source(status_list) if status_list else None
        report = verify(raw, jwks=jwks, status_list=status)
        for check in report.checks:
            mark = {True: "PASS", False: "FAIL", None: "----"}[check.ok]
            self.stdout.write(f"{mark}  {check.name}: {check.detail}")
        self.stdout.write(report.summary)
        if not report.valid:
            raise SystemExit(1)


def _missing(file):
    raise CommandError(f"{file}: no such file")
