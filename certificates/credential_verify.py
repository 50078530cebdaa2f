"""Verify an Open Badges 3.0 credential with nothing but the issuer's JWK Set and status list.

One pure function for `manage.py verify_credential` and the public verify page's upload form.
Every input, however broken, gives a report: a list of checks, each passed, failed (with the
reason) or not checked, never an exception.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from datetime import UTC, datetime

from certificates import status_list as bitstring
from certificates.badges import CREDENTIAL_TYPES, OB_CONTEXT, VC_CONTEXT, numeric_date
from certificates.credential_jwt import (
    ALG,
    HEADER_NAMES,
    MalformedToken,
    ParsedToken,
    parse,
    signature_valid,
)

MAX_BYTES = 256 * 1024
ENVELOPE_PREFIX = "data:application/vc+jwt,"
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"


@dataclass(frozen=True)
class Check:
    name: str
    ok: bool | None  # None: not checked
    detail: str


@dataclass
class Report:
    checks: list[Check] = field(default_factory=list)
    credential: dict | None = None

    @property
    def valid(self) -> bool:
        return bool(self.checks) and all(check.ok is True for check in self.checks)

    @property
    def summary(self) -> str:
        if self.valid:
            return "Valid: every check passed."
        failed = next((c for c in self.checks if c.ok is False), None)
        if failed is None:
            unchecked = next(c for c in self.checks if c.ok is None)
            return f"Not verified: {unchecked.name.lower()} {unchecked.detail}"
        return f"Not valid because {failed.detail}"

    def add(self, name: str, ok: bool | None, detail: str) -> bool | None:
        self.checks.append(Check(name, ok, detail))
        return ok


def token_from_upload(raw: bytes) -> str:
    """The compact JWT inside a .jwt, a .json (enveloped or with a JWT proof) or a baked PNG."""
    if len(raw) > MAX_BYTES:
        raise MalformedToken(f"the file is larger than {MAX_BYTES // 1024} KB")
    if raw.startswith(PNG_SIGNATURE):
        from certificates.badge_png import BakingError, extract

        try:
            return extract(raw)
        except BakingError as error:
            raise MalformedToken(str(error)) from error
    try:
        text = raw.decode("utf-8").lstrip("\ufeff").strip()
    except UnicodeDecodeError as error:
        raise MalformedToken("the file is neither UTF-8 text nor a PNG badge") from error
    if not text.startswith("{"):
        return text
    try:
        document = json.loads(text)
    except (ValueError, RecursionError) as error:  # 100,000 nested brackets fit in 256 KB
        raise MalformedToken("the file starts like JSON but is not valid JSON") from error
    return _token_in_json(document)


def _token_in_json(document) -> str:
    if not isinstance(document, dict):
        raise MalformedToken("the JSON is not an object")
    envelope = document.get("id")
    if isinstance(envelope, str) and envelope.startswith(ENVELOPE_PREFIX):
        return envelope[len(ENVELOPE_PREFIX) :]
    proofs = document.get("proof")
    for proof in proofs if isinstance(proofs, list) else [proofs]:
        if isinstance(proof, dict) and isinstance(proof.get("jwt"), str):
            return proof["jwt"]
    raise MalformedToken(
        "the JSON carries no signature (neither an enveloped VC-JWT nor a JWT proof), "
        "so it proves nothing on its own"
    )


def _dig(value, *path):
    for step in path:
        if isinstance(step, int):
            value = value[step] if isinstance(value, list) and len(value) > step else None
        else:
            value = value.get(step) if isinstance(value, dict) else None
    return value


def verify(
    raw: bytes | str, *, jwks: dict, status_list: bytes | str | None, now: datetime | None = None
) -> Report:
    now = now or datetime.now(UTC)
    report = Report()
    raw = raw.encode("utf-8", "surrogatepass") if isinstance(raw, str) else raw
    try:
        parsed = parse(token_from_upload(raw))
    except MalformedToken as error:
        report.add("Format", False, f"{error}.")
        for name in ("Issuer key", "Signature", "Contents", "Dates", "Status"):
            report.add(name, None, "not checked: the file could not be read.")
        return report
    report.add("Format", True, "a compact JWT (an OB 3.0 VC-JWT).")
    report.credential = parsed.payload
    key = _check_header_and_key(report, parsed, jwks)
    if key is None:
        report.add("Signature", None, "not checked: no key to check it with.")
    elif signature_valid(parsed.token, key):
        report.add("Signature", True, "the issuer's key made it; nothing changed since.")
    else:
        report.add(
            "Signature", False, "the signature does not match: the file was changed after signing."
        )
    _check_contents(report, parsed.payload)
    _check_dates(report, parsed.payload, now)
    _check_status(report, parsed.payload, jwks, status_list)
    return report


def _check_header_and_key(report: Report, parsed: ParsedToken, jwks: dict) -> dict | None:
    header = parsed.header
    extra = sorted(set(header) - HEADER_NAMES)
    if header.get("alg") != ALG:
        report.add("Issuer key", False, f"the header names algorithm {header.get('alg')!r}.")
        return None
    if extra or header.get("typ", "JWT") != "JWT":
        report.add("Issuer key", False, f"the header has fields OB 3.0 forbids: {extra}.")
        return None
    kid = header.get("kid")
    keys = jwks.get("keys") if isinstance(jwks, dict) else None
    match = next(
        (
            k
            for k in keys or []
            if isinstance(k, dict) and isinstance(kid, str) and k.get("kid") == kid
        ),
        None,
    )
    if match is None:
        report.add(
            "Issuer key", False, f"it was signed by a key the issuer does not publish ({kid!r})."
        )
        return None
    report.add("Issuer key", True, f"the issuer publishes key {_short(kid)}.")
    return match


def _short(kid: str) -> str:
    return kid.rpartition("#")[2] or kid


def _check_contents(report: Report, payload: dict) -> None:
    types = payload.get("type")
    if not isinstance(types, list) or not set(CREDENTIAL_TYPES) <= set(
        t for t in types if isinstance(t, str)
    ):
        report.add("Contents", False, "it is not typed as an OpenBadgeCredential.")
        return
    if payload.get("@context") != [VC_CONTEXT, OB_CONTEXT]:
        report.add("Contents", False, "its @context is not VC 2.0 + Open Badges 3.0.3.")
        return
    pairs = [
        ("iss", _dig(payload, "issuer", "id"), "issuer.id"),
        ("jti", payload.get("id"), "id"),
        ("sub", _dig(payload, "credentialSubject", "id"), "credentialSubject.id"),
        ("nbf", _date(payload.get("validFrom")), "validFrom"),
        ("exp", _date(payload.get("validUntil")), "validUntil"),
    ]
    for claim, expected, name in pairs:
        if payload.get(claim) is None or payload.get(claim) != expected:
            report.add("Contents", False, f"the JWT claim {claim} does not match {name}.")
            return
    report.add("Contents", True, "claims iss, jti, sub, nbf and exp agree with the credential.")


def _date(value):
    if not isinstance(value, str):
        return None
    try:
        return numeric_date(value)
    except (ValueError, OverflowError, OSError):
        return None


def _check_dates(report: Report, payload: dict, now: datetime) -> None:
    nbf, exp = payload.get("nbf"), payload.get("exp")
    if not _is_int(nbf) or not _is_int(exp):
        report.add("Dates", False, "it has no valid nbf and exp dates.")
    elif now.timestamp() < nbf:
        report.add("Dates", False, f"it is not valid before {_show(nbf)}.")
    elif now.timestamp() >= exp:
        report.add("Dates", False, f"it expired on {_show(exp)}.")
    else:
        report.add("Dates", True, f"valid from {_show(nbf)} until {_show(exp)}.")


def _is_int(value) -> bool:
    return isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 253402300800


def _show(stamp: int) -> str:
    return datetime.fromtimestamp(stamp, UTC).strftime("%-d %B %Y %H:%M UTC")


def _check_status(report: Report, payload: dict, jwks: dict, status_list) -> None:
    entry = payload.get("credentialStatus")
    index = _dig(entry, "statusListIndex")
    list_url = _dig(entry, "statusListCredential")
    if (
        _dig(entry, "type") != "BitstringStatusListEntry"
        or _dig(entry, "statusPurpose") != bitstring.STATUS_PURPOSE
        or not isinstance(index, str)
        or not index.isascii()
        or not index.isdigit()
        or len(index) > 9
    ):
        report.add("Status", False, "it has no revocation entry in a Bitstring Status List.")
        return
    if status_list is None:
        report.add("Status", None, f"not checked: fetch the status list from {list_url}.")
        return
    try:
        bits = _trusted_status_bits(status_list, jwks, list_url, payload)
    except (MalformedToken, bitstring.BadStatusList) as error:
        report.add("Status", False, f"the status list cannot be trusted: {error}.")
        return
    try:
        revoked = bitstring.is_set(bits, int(index))
    except bitstring.BadStatusList as error:
        report.add("Status", False, f"its status entry is wrong: {error}.")
        return
    if revoked:
        report.add("Status", False, "the issuer has revoked it (its status list bit is set).")
    else:
        report.add("Status", True, f"not revoked (bit {index} of the status list is 0).")


def _trusted_status_bits(status_list, jwks: dict, list_url, payload: dict) -> bytes:
    raw = status_list.encode() if isinstance(status_list, str) else status_list
    parsed = parse(token_from_upload(raw))
    probe = Report()
    key = _check_header_and_key(probe, parsed, jwks)
    if key is None or not signature_valid(parsed.token, key):
        raise MalformedToken("its signature is not the issuer's")
    body = parsed.payload
    if body.get("id") != list_url:
        raise MalformedToken(f"it is {body.get('id')!r}, not the list {list_url!r}")
    if _dig(body, "issuer", "id") != _dig(payload, "issuer", "id"):
        raise MalformedToken("it was issued by someone else")
    subject = body.get("credentialSubject")
    if _dig(subject, "statusPurpose") != bitstring.STATUS_PURPOSE:
        raise MalformedToken("it is not a revocation list")
    return bitstring.decode(_dig(subject, "encodedList"))
