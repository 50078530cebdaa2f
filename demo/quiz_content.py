"""Sample quiz content for the demo course: the bank, its categories, variant sets and quizzes.

Facts come from shared/seeds/ and demo/content.py; items tagged `guidance:*` examine the general
professional guidance the lessons label as going beyond the five source articles. Everything is
data (no per-question code), so it converts to the package format by export.

Must-pass items are case-based single-best-answer questions, two variants (a variant set) per
contraindication, for pneumothorax and per red flag, so a retake sees another case. Tags name what
each item examines (`contraindication:pregnancy`, `risk:pneumothorax`, `red-flag:cauda-equina`…):
tests/demo/ checks that every seed topic is examined and that the final always covers every
contraindication and pneumothorax. The wrong options are written as choices a clinician would
consider, and are of the same length and detail as the right one (quizzes/checks.py passes the
whole bank without a warning; tests/demo/test_demo_assessment.py asserts it).
"""

from demo.quiz_bank_cases import CASE_QUESTIONS, SCENARIOS
from demo.quiz_bank_safety import SAFETY_QUESTIONS
from demo.quiz_bank_technique import TECHNIQUE_QUESTIONS
from demo.quiz_common import (
    BLEEDING,
    CONTRAINDICATION_SETS,
    DIABETES,
    FINAL,
    IMMUNE,
    METAL,
    PNEUMOTHORAX,
    PREGNANCY,
    RED_FLAG_SETS,
    SAFETY,
    SKIN,
    TECHNIQUE,
)

__all__ = [
    "BANK",
    "CATEGORIES",
    "CONTRAINDICATION_SETS",
    "FINAL",
    "PNEUMOTHORAX",
    "QUESTIONS",
    "QUIZZES",
    "RED_FLAG_SETS",
    "SAFETY",
    "SCENARIOS",
    "TECHNIQUE",
    "VARIANT_SETS",
]

BANK = "Dry needling foundations (sample)"

CATEGORIES = [
    {
        "name": "Contraindications",
        "parent": None,
        "description": (
            "The six situations the sources name in which dry needling may be unsuitable or need "
            "adapting, one sub-category each, and how to screen for them."
        ),
    },
    {
        "name": "Pregnancy",
        "parent": "Contraindications",
        "description": "Pregnancy, especially the first trimester.",
    },
    {
        "name": "Bleeding disorders and blood thinners",
        "parent": "Contraindications",
        "description": "Bleeding disorders and blood-thinning medication.",
    },
    {
        "name": "Compromised immune system",
        "parent": "Contraindications",
        "description": "A weakened immune system and the risk of infection.",
    },
    {
        "name": "Skin infection at the site",
        "parent": "Contraindications",
        "description": "Skin infection over or near an intended needling site.",
    },
    {
        "name": "Metal allergy",
        "parent": "Contraindications",
        "description": "Allergy to metals such as nickel or stainless steel.",
    },
    {
        "name": "Uncontrolled diabetes",
        "parent": "Contraindications",
        "description": "Poorly controlled diabetes: infection and delayed healing.",
    },
    {
        "name": "Red flags",
        "parent": None,
        "description": (
            "General professional guidance beyond the five source articles: findings that mean "
            "not to needle and to refer (cauda equina signs, suspected cancer, infection or "
            "fracture, progressive neurological deficit)."
        ),
    },
    {
        "name": "Risks and adverse events",
        "parent": None,
        "description": (
            "The side effects and risks named in the sources, from common soreness to rare "
            "pneumothorax, fainting and needlestick injury, and how each is handled."
        ),
    },
    {
        "name": "Evidence and mechanisms",
        "parent": None,
        "description": (
            "The proposed mechanisms, what the 2018 review found, the presentations dry needling "
            "is used for, and how to tell marketing claims from evidence."
        ),
    },
    {
        "name": "Session technique",
        "parent": None,
        "description": (
            "The steps of a session: hand hygiene, consent, clean technique, sharps disposal at "
            "the point of use, counting needles, records, and the anatomy that shapes them."
        ),
    },
    {
        "name": "Aftercare and combined care",
        "parent": None,
        "description": (
            "Aftercare advice, warning symptoms, follow-up, and how dry needling fits with "
            "exercise, manual therapy and pain education."
        ),
    },
    {
        "name": "Case studies",
        "parent": None,
        "description": "Questions on a shared case vignette, for the technique quiz.",
    },
    {
        "name": "Scope and communication",
        "parent": None,
        "description": (
            "How dry needling differs from acupuncture, scope of practice and training, and "
            "honest communication with patients."
        ),
    },
]

VARIANT_SETS = [
    {
        "name": PREGNANCY,
        "objective": "Recognise pregnancy, above all the first trimester, and postpone needling.",
    },
    {
        "name": BLEEDING,
        "objective": "Recognise a bleeding disorder or blood thinner and clarify before needling.",
    },
    {
        "name": IMMUNE,
        "objective": "Recognise a compromised immune system (infection risk) before needling.",
    },
    {"name": SKIN, "objective": "Never needle through infected skin; choose what to do instead."},
    {"name": METAL, "objective": "Ask about and act on an allergy to metals such as nickel."},
    {
        "name": DIABETES,
        "objective": "Recognise uncontrolled diabetes (infection, delayed healing) and clarify.",
    },
    {
        "name": PNEUMOTHORAX,
        "objective": "Recognise a possible pneumothorax after needling and get urgent help.",
    },
    *(
        {"name": name, "objective": f"Recognise a red flag ({name.lower()}): do not needle; refer."}
        for name in RED_FLAG_SETS
    ),
]

QUESTIONS = [*SAFETY_QUESTIONS, *TECHNIQUE_QUESTIONS, *CASE_QUESTIONS]

QUIZZES = [
    {
        "slug": SAFETY,
        "title": "Safety and contraindications quiz",
        "module": "safety-and-contraindications",
        "intro": (
            "<p>This quiz checks that you can screen for every contraindication named in the "
            "sources, recognise the red flags that mean not to needle and to refer, and handle "
            "the risks of dry needling, from common soreness to rare pneumothorax. Each attempt "
            "shows a different case for each must-pass item; a wrong answer on any of them fails "
            "the attempt, whatever your score. You see the correct answers once you pass, or after "
            "your last attempt. "
            "After a failed attempt, wait an hour and revisit the safety lessons before the next "
            "one. Passing opens the treatment session module.</p>"
        ),
        "pass_mark": 80,
        "time_limit_minutes": 30,
        "attempts_allowed": 3,
        "cooldown_minutes": 60,  # after a failure (retake-safe, issue 10)
        "questions_per_page": 0,
        "shuffle_questions": True,
        "shuffle_options": True,
        "review_policy": "answers",
        "review_timing": "pass_or_last",  # no key until passed or out of attempts
        "required": True,
        "unlocks_module": "the-treatment-session",
        "requires": [],
        "slots": [
            *({"variant_set": name} for name in CONTRAINDICATION_SETS),
            {"variant_set": PNEUMOTHORAX},
            *({"variant_set": name} for name in RED_FLAG_SETS),
            {"fixed_questions_of": SAFETY},
        ],
    },
    {
        "slug": TECHNIQUE,
        "title": "Technique and clinical application",
        "module": "dry-needling-within-a-wider-plan",
        "intro": (
            "<p>This quiz covers the treatment session, aftercare, combining dry needling with "
            "other care, and the evidence behind it. It includes a short case: read the vignette "
            "before answering the questions that refer to it. The diagram item is a must-pass "
            "safety item.</p>"
        ),
        "pass_mark": 75,
        "time_limit_minutes": 25,
        "attempts_allowed": 3,
        "cooldown_minutes": 60,  # after a failure
        "questions_per_page": 0,
        "shuffle_questions": False,
        "shuffle_options": True,
        "review_policy": "answers",
        "review_timing": "pass_or_last",  # no retake from the key
        "required": True,
        "unlocks_module": None,
        "requires": [SAFETY],
        "slots": [{"fixed_questions_of": TECHNIQUE}],
    },
    {
        "slug": FINAL,
        "title": "Final assessment",
        "module": None,
        "intro": (
            "<p>The final assessment shows 20 questions, one per page: one case for each "
            "contraindication and one on pneumothorax in every attempt, and the rest drawn at "
            "random from the whole course. You need 75% to pass, and every must-pass safety item "
            "must be answered correctly.</p>"
        ),
        "pass_mark": 75,
        "time_limit_minutes": 40,
        "attempts_allowed": 3,
        "cooldown_minutes": 24 * 60,  # after a failure: a day
        "questions_per_page": 1,
        "shuffle_questions": True,
        "shuffle_options": True,
        "review_policy": "responses",
        "review_timing": "pass_or_last",
        "required": True,
        "unlocks_module": None,
        "requires": [SAFETY],
        "slots": [
            *({"variant_set": name} for name in CONTRAINDICATION_SETS),
            {"variant_set": PNEUMOTHORAX},
            {"category": "Red flags", "count": 2},
            {"category": "Risks and adverse events", "count": 3},
            {"category": "Evidence and mechanisms", "count": 2},
            {"category": "Session technique", "count": 3},
            {"category": "Aftercare and combined care", "count": 2},
            {"category": "Scope and communication", "count": 1},
        ],
    },
]
