"""W3C Bitstring Status List v1.0: the revocation list as a credential, built and read purely.

Bit ``i`` is the ``i``-th bit from the left of the uncompressed bitstring (most significant bit
of byte ``i // 8`` first); 1 means revoked. The list is GZIP-compressed and base64url-encoded
with the multibase prefix ``u``; it has at least 131,072 entries (16 KB), so one holder's
index says little about who else is on it.
"""

from __future__ import annotations

import base64
import binascii
import gzip
import zlib
from collections.abc import Iterable
from datetime import datetime

from certificates.badges import VC_CONTEXT, iso

MIN_BITS = 131_072
MAX_ENCODED = 2 * 1024 * 1024  # refuse to inflate a hostile list beyond reason
STATUS_PURPOSE = "revocation"


class BadStatusList(ValueError):
    pass


def encode(revoked: Iterable[int], size: int = MIN_BITS) -> str:
    bits = bytearray(size // 8)
    for index in revoked:
        if not 0 <= index < size:
            raise ValueError(f"status index {index} outside the list of {size}")
        bits[index // 8] |= 0x80 >> (index % 8)
    compressed = gzip.compress(bytes(bits), mtime=0)
    return "u" + base64.urlsafe_b64encode(compressed).rstrip(b"=").decode("ascii")


def decode(encoded: str) -> bytes:
    if not isinstance(encoded, str) or not encoded.startswith("u") or len(encoded) > MAX_ENCODED:
        raise BadStatusList("encodedList is not multibase base64url (it must start with 'u')")
    body = encoded[1:]
    try:
        padded = body + "=" * (-len(body) % 4)
        compressed = base64.b64decode(padded, altchars=b"-_", validate=True)
        inflater = zlib.decompressobj(wbits=31)  # gzip framing
        bits = inflater.decompress(compressed, MIN_BITS * 8)
    except (binascii.Error, ValueError, zlib.error) as error:
        raise BadStatusList("encodedList is not GZIP-compressed base64url") from error
    if not compressed:
        raise BadStatusList("encodedList is not GZIP-compressed base64url (it is empty)")
    if len(bits) * 8 < MIN_BITS:
        raise BadStatusList(f"the list has {len(bits) * 8} entries; the minimum is {MIN_BITS}")
    return bits


def is_set(bits: bytes, index: int) -> bool:
    if not 0 <= index < len(bits) * 8:
        raise BadStatusList(f"status index {index} is outside the list of {len(bits) * 8}")
    return bool(bits[index // 8] & (0x80 >> (index % 8)))


def status_list_credential(
    *, url: str, issuer_id: str, revoked: Iterable[int], valid_from: datetime
) -> dict:
    """The BitstringStatusListCredential that every badge's credentialStatus points at."""
    return {
        "@context": [VC_CONTEXT],
        "id": url,
        "type": ["VerifiableCredential", "BitstringStatusListCredential"],
        "issuer": {"id": issuer_id},
        "validFrom": iso(valid_from),
        "credentialSubject": {
            "id": f"{url}#list",
            "type": "BitstringStatusList",
            "statusPurpose": STATUS_PURPOSE,
            "encodedList": encode(revoked),
        },
    }


def status_list_claims(credential: dict) -> dict:
    from certificates.badges import numeric_date

    claims = dict(credential)
    claims["iss"] = credential["issuer"]["id"]
    claims["jti"] = credential["id"]
    claims["sub"] = credential["credentialSubject"]["id"]
    claims["nbf"] = numeric_date(credential["validFrom"])
    return claims
