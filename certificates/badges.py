"""The Open Badges 3.0 credential for a certificate, as a pure function of plain facts.

OB 3.0 on the Verifiable Credentials Data Model 2.0: the VC v2 context first, then the OB
context 3.0.3; ``validFrom``/``validUntil`` (not the VC 1.1 ``issuanceDate``). The holder is
named by a salted SHA-256 of their email (an OB 3.0 IdentityObject): a relying party
who is told the email can check it, nobody can read it.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import UTC, datetime
from decimal import Decimal

VC_CONTEXT = "https://www.w3.org/ns/credentials/v2"
OB_CONTEXT = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"
CREDENTIAL_TYPES = ["VerifiableCredential", "OpenBadgeCredential"]
OB_SCHEMA = (
    "https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json"
)
CPD_RESULT_TYPE = "ext:CPDHours"


@dataclass(frozen=True)
class IssuerFacts:
    id: str  # the issuer profile's URL
    name: str
    url: str
    jwks_url: str
    accrediting_body: str = ""
    provider_number: str = ""


@dataclass(frozen=True)
class AchievementFacts:
    id: str
    name: str
    description: str
    criteria: str
    cpd_hours: Decimal
    validity_months: int
    practical_skills: tuple[str, ...] = field(default_factory=tuple)


@dataclass(frozen=True)
class CredentialFacts:
    id: str  # urn:uuid:…, also the JWT's jti
    subject_id: str
    identity_hash: str
    salt: str
    holder_name: str
    valid_from: datetime
    valid_until: datetime
    verify_url: str
    status_list_url: str
    status_index: int
    issuer: IssuerFacts
    achievement: AchievementFacts


def identity_hash(email: str, salt: str) -> str:
    """OB's IdentityHash: ``sha256$`` + hex of the identifier with the salt appended."""
    normalised = email.strip().lower()
    return "sha256$" + hashlib.sha256((normalised + salt).encode()).hexdigest()


def iso(moment: datetime) -> str:
    """DateTimeZ, to the second: JWT NumericDates have no fractions, the two must agree."""
    return moment.astimezone(UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def issuer_profile(issuer: IssuerFacts) -> dict:
    profile = {
        "id": issuer.id,
        "type": ["Profile"],
        "name": issuer.name,
        "url": issuer.url,
    }
    if issuer.accrediting_body:
        accredited = f"Accredited by {issuer.accrediting_body}"
        if issuer.provider_number:
            accredited += f", provider number {issuer.provider_number}"
        profile["description"] = accredited + "."
    if issuer.provider_number:
        profile["otherIdentifier"] = [
            {
                "type": "IdentifierEntry",
                "identifier": issuer.provider_number,
                "identifierType": "identifier",
            }
        ]
    return profile


def criteria_narrative(achievement: AchievementFacts) -> str:
    """What the holder did: the theory (lessons and quizzes) and, when the course has them,
    the practical skills practised under supervision and signed off by an instructor."""
    text = achievement.criteria.strip()
    if achievement.practical_skills:
        skills = "\n".join(f"- {skill}" for skill in achievement.practical_skills)
        text += (
            "\n\nAssessed in theory and in supervised practice. Practical skills, each practised "
            f"under supervision and signed off by an instructor:\n{skills}"
        )
    months = achievement.validity_months
    return text + f"\n\nValid for {months} months from issue; then the holder recertifies."


def hours(value: Decimal) -> float:
    return float(Decimal(value).normalize())


def achievement_json(achievement: AchievementFacts, issuer: IssuerFacts) -> dict:
    result_id = f"{achievement.id}#cpd-hours"
    return {
        "id": achievement.id,
        "type": ["Achievement"],
        "achievementType": "Certificate",
        "name": achievement.name,
        "description": achievement.description or achievement.name,
        "criteria": {"narrative": criteria_narrative(achievement)},
        "creditsAvailable": hours(achievement.cpd_hours),
        "resultDescription": [
            {
                "id": result_id,
                "type": ["ResultDescription"],
                "name": "CPD hours",
                "resultType": CPD_RESULT_TYPE,
            }
        ],
        "creator": issuer_profile(issuer),
    }


def open_badge_credential(facts: CredentialFacts) -> dict:
    """The unsigned OpenBadgeCredential (OB 3.0 data model: AchievementCredential)."""
    achievement = achievement_json(facts.achievement, facts.issuer)
    return {
        "@context": [VC_CONTEXT, OB_CONTEXT],
        "id": facts.id,
        "type": list(CREDENTIAL_TYPES),
        "name": f"{facts.achievement.name}: certificate of completion",
        "description": f"{facts.holder_name} completed {facts.achievement.name}.",
        "issuer": issuer_profile(facts.issuer),
        "validFrom": iso(facts.valid_from),
        "validUntil": iso(facts.valid_until),
        "credentialSubject": {
            "id": facts.subject_id,
            "type": ["AchievementSubject"],
            "identifier": [
                {
                    "type": "IdentityObject",
                    "identityHash": facts.identity_hash,
                    "identityType": "emailAddress",
                    "hashed": True,
                    "salt": facts.salt,
                }
            ],
            "achievement": achievement,
            "creditsEarned": hours(facts.achievement.cpd_hours),
            "result": [
                {
                    "type": ["Result"],
                    "resultDescription": achievement["resultDescription"][0]["id"],
                    "value": str(hours(facts.achievement.cpd_hours)),
                }
            ],
        },
        "evidence": [
            {
                "id": facts.verify_url,
                "type": ["Evidence"],
                "name": "Public verification page",
                "narrative": "The issuer's page showing this certificate's current status.",
            }
        ],
        "credentialStatus": {
            "id": f"{facts.status_list_url}#{facts.status_index}",
            "type": "BitstringStatusListEntry",
            "statusPurpose": "revocation",
            "statusListIndex": str(facts.status_index),
            "statusListCredential": facts.status_list_url,
        },
        "credentialSchema": [{"id": OB_SCHEMA, "type": "1EdTechJsonSchemaValidator2019"}],
    }


def jwt_claims(credential: dict) -> dict:
    """OB 3.0 "JWT Payload Format": the credential plus the registered claims it implies."""
    claims = dict(credential)
    claims["iss"] = credential["issuer"]["id"]
    claims["jti"] = credential["id"]
    claims["sub"] = credential["credentialSubject"]["id"]
    claims["nbf"] = numeric_date(credential["validFrom"])
    if "validUntil" in credential:
        claims["exp"] = numeric_date(credential["validUntil"])
    return claims


def numeric_date(value: str) -> int:
    return int(datetime.fromisoformat(value.replace("Z", "+00:00")).timestamp())


LINKEDIN_ADD = "https://www.linkedin.com/profile/add"


def linkedin_add_url(
    *,
    name: str,
    organisation: str,
    issued: datetime,
    expires: datetime,
    cert_url: str,
    cert_id: str,
) -> str:
    """LinkedIn's add-to-profile link, prefilled; the verify page is the proof it links to."""
    from urllib.parse import urlencode

    query = {
        "startTask": "CERTIFICATION_NAME",
        "name": name,
        "organizationName": organisation,
        "issueYear": issued.year,
        "issueMonth": issued.month,
        "expirationYear": expires.year,
        "expirationMonth": expires.month,
        "certUrl": cert_url,
        "certId": cert_id,
    }
    return f"{LINKEDIN_ADD}?{urlencode(query)}"
