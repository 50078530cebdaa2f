"""OB 3.0 "JSON Web Token Proof Format": sign a credential as a compact JWS; read one strictly.

joserfc signs and checks signatures. Parsing is strict on purpose: base64url segments must be
canonical (re-encoding gives the same text), so changing the unused low bits of the last
character cannot yield a second spelling of the same signed token.
"""

from __future__ import annotations

import base64
import binascii
import json
import warnings
from dataclasses import dataclass

from joserfc import jws
from joserfc.errors import JoseError
from joserfc.jwk import OKPKey

from certificates.badges import jwt_claims

ALG = "EdDSA"
# OB 3.0 "Create the JOSE Header": additional JOSE headers are not allowed.
HEADER_NAMES = {"alg", "kid", "typ"}
_registry = jws.JWSRegistry(algorithms=[ALG])


class MalformedToken(ValueError):
    """The text is not a compact JWS we can read; the message says what is wrong."""


@dataclass(frozen=True)
class ParsedToken:
    header: dict
    payload: dict
    token: str


def b64url_encode(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode("ascii")


def b64url_decode(segment: str, what: str) -> bytes:
    if not segment or any(c not in _B64URL for c in segment) or len(segment) % 4 == 1:
        raise MalformedToken(f"the {what} is not base64url text")
    try:
        data = base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4))
    except (binascii.Error, ValueError) as error:
        raise MalformedToken(f"the {what} is not base64url text") from error
    if b64url_encode(data) != segment:
        raise MalformedToken(f"the {what} is not canonical base64url (a changed character)")
    return data


_B64URL = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")


def canonical_json(value: dict) -> bytes:
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True).encode()


def sign_payload(payload: dict, *, key: OKPKey, kid: str) -> str:
    header = {"alg": ALG, "kid": kid, "typ": "JWT"}
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # joserfc: "EdDSA is deprecated via RFC 9864" (see README)
        return jws.serialize_compact(header, canonical_json(payload), key, registry=_registry)


def sign_credential(credential: dict, *, key: OKPKey, kid: str) -> str:
    return sign_payload(jwt_claims(credential), key=key, kid=kid)


def parse(token: str) -> ParsedToken:
    """Split and decode without trusting anything; raise MalformedToken with the reason."""
    token = token.strip()
    parts = token.split(".")
    if len(parts) != 3:
        raise MalformedToken(
            f"a compact JWT has three parts separated by dots; this has {len(parts)}"
        )
    header = _json_object(b64url_decode(parts[0], "header"), "header")
    payload = _json_object(b64url_decode(parts[1], "payload"), "payload")
    b64url_decode(parts[2], "signature")
    return ParsedToken(header=header, payload=payload, token=token)


def _json_object(data: bytes, what: str) -> dict:
    try:
        value = json.loads(data.decode("utf-8"))
    except (UnicodeDecodeError, ValueError, RecursionError) as error:  # deep nesting too
        raise MalformedToken(f"the {what} is not JSON") from error
    if not isinstance(value, dict):
        raise MalformedToken(f"the {what} is not a JSON object")
    return value


def signature_valid(token: str, jwk: dict) -> bool:
    """True if the public JWK verifies the token's EdDSA signature."""
    try:
        key = OKPKey.import_key({k: v for k, v in jwk.items() if k in {"kty", "crv", "x"}})
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            jws.deserialize_compact(token, key, algorithms=[ALG], registry=_registry)
    except (JoseError, ValueError, TypeError, KeyError):
        return False
    return True
