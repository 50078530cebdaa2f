"""Names shared by the demo bank's modules: quiz slugs, variant sets, and small data builders."""

SAFETY = "safety-and-contraindications-quiz"
TECHNIQUE = "technique-and-clinical-application-quiz"
FINAL = "final-assessment"

PREGNANCY = "Pregnancy"
BLEEDING = "Bleeding disorders and blood thinners"
IMMUNE = "Compromised immune system"
SKIN = "Skin infection at the site"
METAL = "Metal allergy"
DIABETES = "Uncontrolled diabetes"
CONTRAINDICATION_SETS = [PREGNANCY, BLEEDING, IMMUNE, SKIN, METAL, DIABETES]
PNEUMOTHORAX = "Pneumothorax"

CAUDA_EQUINA = "Red flag: cauda equina signs"
CANCER = "Red flag: suspected cancer"
SPINAL_INFECTION = "Red flag: suspected spinal infection"
FRACTURE = "Red flag: suspected fracture"
NEURO_DEFICIT = "Red flag: progressive neurological deficit"
RED_FLAG_SETS = [CAUDA_EQUINA, CANCER, SPINAL_INFECTION, FRACTURE, NEURO_DEFICIT]

GUIDANCE = "General professional guidance beyond the five source articles"


def option(text: str, feedback: str = "", credit: float = 0.0) -> dict:
    return {"text": text, "credit": credit, "feedback": feedback}


def key(text: str, feedback: str = "") -> dict:
    return option(text, feedback, 1.0)


def question(**fields) -> dict:
    """A question's data with the defaults every demo question shares."""
    return {
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": "",
        "scenario": None,
        "quizzes": [],
        "tags": [],
        "variant_set": None,
        **fields,
    }


def must_pass(*, variant_set: str, reason: str, **fields) -> dict:
    """A must-pass case: single best answer, in a variant set, worth two points."""
    return question(
        type="single_choice",
        points=2,
        critical=True,
        critical_reason=reason,
        variant_set=variant_set,
        **fields,
    )
