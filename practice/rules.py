"""Pure rules of the logbook: a skill's state for a trainee, what may be signed, and the frozen
record of a signature. No database here, so hypothesis can drive them."""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass

NOT_STARTED = "not_started"
PRACTISING = "practising"
READY = "ready"  # enough sessions logged, sign-off not yet requested
AWAITING = "awaiting"
RETURNED = "returned"
SIGNED = "signed"

LABELS = {
    NOT_STARTED: "Not started",
    PRACTISING: "Practising",
    READY: "Ready to request sign-off",
    AWAITING: "Awaiting sign-off",
    RETURNED: "Returned with a comment",
    SIGNED: "Signed off",
}


@dataclass(frozen=True)
class SkillState:
    code: str
    logged: int
    required: int

    @property
    def label(self) -> str:
        if self.code in (PRACTISING, RETURNED) or self.code == READY:
            return f"{LABELS[self.code]} ({self.logged} of {self.required} logged)"
        return LABELS[self.code]

    @property
    def may_request(self) -> bool:
        return self.code in (READY, RETURNED) and self.logged >= self.required


def skill_state(*, logged: int, required: int, latest_request: str | None) -> SkillState:
    """The trainee's state on one skill from sessions logged and their latest request's status
    ("awaiting", "returned", "signed", "withdrawn" or None)."""
    if latest_request == "signed":
        code = SIGNED
    elif latest_request == "awaiting":
        code = AWAITING
    elif latest_request == "returned":
        code = RETURNED
    elif logged == 0:
        code = NOT_STARTED
    elif logged < required:
        code = PRACTISING
    else:
        code = READY
    return SkillState(code, logged, required)


def signing_refusals(
    *,
    logged: int,
    required: int,
    criteria: Iterable[int],
    observed: Iterable[int],
    prerequisites_unmet: str | None,
) -> list[str]:
    """Why a request may not be signed yet; empty when it may."""
    reasons = []
    if prerequisites_unmet:
        reasons.append(prerequisites_unmet)
    if logged < required:
        reasons.append(f"Only {logged} of the {required} supervised sessions required are logged.")
    missing = set(criteria) - set(observed)
    if missing:
        reasons.append("Every criterion must be observed before signing off.")
    if set(observed) - set(criteria):
        reasons.append("A ticked criterion is not one of this skill's criteria.")
    return reasons


def signed_record(
    *,
    skill: dict,
    criteria: list[dict],
    sessions: list[dict],
    signer: dict,
    signed_at: str,
) -> tuple[dict, str]:
    """What a signature covers, and its SHA-256 (hex) over the canonical JSON."""
    record = {
        "skill": skill,
        "criteria_observed": criteria,
        "sessions": sessions,
        "signer": signer,
        "signed_at": signed_at,
    }
    return record, record_hash(record)


def record_hash(record: dict) -> str:
    canonical = json.dumps(record, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8", "surrogatepass")).hexdigest()
