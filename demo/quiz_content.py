"""Sample quiz content for the demo course, from the facts in shared/seeds/ and demo/content.py.

Critical (must-pass) items: one for every contraindication named in the sources and lessons, and one
for the pneumothorax risk. Each sits in the "Safety and contraindications" quiz.
- Pregnancy, especially the first trimester -> "Pregnancy in the first trimester"
- Bleeding disorders or blood-thinning medication -> "Blood thinners and bleeding disorders"
- Compromised immune system -> "Compromised immune system"
- Skin infection at the site -> "Skin infection at the intended site"
- Allergy to metals, e.g. nickel or stainless steel -> "Metal allergy"
- Uncontrolled diabetes -> "Uncontrolled diabetes"
- Pneumothorax (very rare but serious; chest or upper back) -> "Pneumothorax: name the complication"

Other risks and side effects, each examined at least once: soreness ("Most common side effect"),
bruising ("Who bruises more easily"), bleeding ("Bleeding at the insertion site"), swelling ("Arnica
and turmeric for swelling"), infection ("Preventing infection"), allergic reaction and delayed
healing ("Contraindication and stated concern", "Metal allergy", "Uncontrolled diabetes"), nerve
injury ("Nerve injury").

Statements labelled "standard practice" or "standard clinical knowledge" repeat what the lessons
themselves label as going beyond the source articles.
"""

BANK = "Dry needling foundations (sample)"

CATEGORIES = [
    {
        "name": "Contraindications",
        "description": (
            "The six situations the sources name in which dry needling may be unsuitable or need "
            "adapting, and how to screen for them."
        ),
    },
    {
        "name": "Risks and adverse events",
        "description": (
            "The side effects and risks named in the sources, from common soreness to rare "
            "pneumothorax, and how each is minimised."
        ),
    },
    {
        "name": "Evidence and mechanisms",
        "description": (
            "The proposed mechanisms, what the 2018 review found, the presentations dry needling "
            "is used for, and how to tell marketing claims from evidence."
        ),
    },
    {
        "name": "Session technique",
        "description": (
            "The steps of a dry needling session, from assessment and consent to needle disposal "
            "and documentation, and the anatomy that shapes them."
        ),
    },
    {
        "name": "Aftercare and combined care",
        "description": (
            "Aftercare advice, warning symptoms, follow-up, and how dry needling fits with "
            "exercise, manual therapy and pain education."
        ),
    },
    {
        "name": "Scope and communication",
        "description": (
            "How dry needling differs from acupuncture, scope of practice and training, and "
            "honest communication with patients."
        ),
    },
]

SCENARIOS = [
    {
        "key": "acute-low-back-pain-case",
        "title": "Mr D: acute low back pain after lifting",
        "vignette": (
            "<p>Mr D, a 52-year-old warehouse supervisor, has had pain across his right lower back "
            "for six days since lifting a heavy box awkwardly. He has no pain, numbness or "
            "weakness in his legs. On examination you find a tender, taut band in the right lumbar "
            "paraspinal muscles that reproduces his familiar pain. He is keen to try dry needling "
            "because he has read online that it 'fixes the root cause' of back pain.</p>"
            "<p>On his screening form he reports: type 2 diabetes, which his doctor told him at "
            "his last check-up is poorly controlled; a blood-thinning tablet prescribed by his "
            "doctor; an allergy to penicillin; and acupuncture for a shoulder problem two years "
            "ago. The skin over his lower back is intact.</p>"
        ),
    },
]

SAFETY = "safety-and-contraindications-quiz"
TECHNIQUE = "technique-and-clinical-application-quiz"

# Hotspot zones for lumbar_spine.svg (viewBox 0 0 600 800): the lower ribs and the thoracic region
# lateral to the spine on each side, down to the twelfth rib. The midline (spinous processes and
# laminae), the lumbar region, the pelvis and the sacrum lie outside them.
_THORAX_RIGHT = [
    [334, 76],
    [592, 76],
    [592, 212],
    [566, 262],
    [524, 286],
    [470, 304],
    [450, 288],
    [420, 262],
    [380, 250],
    [334, 250],
]
_THORAX_LEFT = [[600 - x, y] for x, y in _THORAX_RIGHT]

QUESTIONS = [
    # ----------------------------------------------------------------------------------------
    # Safety and contraindications quiz: critical items (one per contraindication, and
    # pneumothorax)
    # ----------------------------------------------------------------------------------------
    {
        "title": "Pregnancy in the first trimester",
        "category": "Contraindications",
        "type": "single_choice",
        "stem": (
            "<p>At screening, a patient with acute low back pain tells you she is nine weeks "
            "pregnant. She has read that dry needling helps back pain and asks you to needle her "
            "lower back today.</p><p>Which course of action follows the sources as the course "
            "teaches them?</p>"
        ),
        "points": 2,
        "critical": True,
        "critical_reason": (
            "The sources advise against dry needling in pregnancy, especially in the first "
            "trimester, so missing this could lead you to needle a patient the guidance says "
            "should not be needled."
        ),
        "general_feedback": (
            "<p>The contraindications lesson lists pregnancy first: dry needling is generally not "
            "recommended during pregnancy, and the first trimester is singled out. Ask about "
            "pregnancy, and the possibility of pregnancy, at every screening, and continue with "
            "the parts of her plan that do not involve needling.</p>"
        ),
        "scenario": None,
        "quizzes": [SAFETY],
        "options": [
            {
                "text": (
                    "Do not dry needle her; the sources say it is generally not recommended in "
                    "pregnancy, particularly in the first trimester, so offer the rest of her "
                    "plan instead."
                ),
                "credit": 1.0,
                "feedback": (
                    "Correct: pregnancy, above all the first trimester, is the first "
                    "contraindication the sources name."
                ),
            },
            {
                "text": (
                    "Needle her, because the lower back is far enough from the pregnancy for the "
                    "contraindication not to apply."
                ),
                "credit": 0.0,
                "feedback": (
                    "The sources make no exception for the site needled; the caution applies to "
                    "pregnancy itself."
                ),
            },
            {
                "text": "Needle her, using shallower insertions than usual.",
                "credit": 0.0,
                "feedback": (
                    "The sources describe no adjustment that makes needling suitable in the first "
                    "trimester, so shallower needling does not resolve the concern."
                ),
            },
            {
                "text": "Needle her once she has signed a consent form.",
                "credit": 0.0,
                "feedback": (
                    "Consent records an informed decision about an appropriate treatment; it "
                    "does not remove a contraindication."
                ),
            },
        ],
    },
    {
        "title": "Blood thinners and bleeding disorders",
        "category": "Contraindications",
        "type": "true_false",
        "stem": (
            "<p>True or false: because dry needling uses very fine, solid needles, a patient's "
            "blood-thinning medication does not need to be considered when deciding whether to "
            "needle.</p>"
        ),
        "points": 1,
        "critical": True,
        "critical_reason": (
            "Patients with a bleeding disorder or taking blood thinners are at greater risk of "
            "bleeding and bruising, so failing to screen for them exposes them to avoidable harm."
        ),
        "general_feedback": (
            "<p>The contraindications lesson names bleeding disorders and blood-thinning "
            "medication together because both raise the risk of bleeding; the risks lesson adds "
            "that bruising is more likely in people who take blood thinners or bruise easily. The "
            "size of the needle does not change this. The course's cautious default is not to "
            "needle until the risk has been clarified with the patient (and, where relevant, "
            "their doctor) and your reasoning documented.</p>"
        ),
        "scenario": None,
        "quizzes": [SAFETY],
        "answer": False,
        "feedback_true": (
            "Incorrect: the sources list bleeding disorders and blood-thinning medication as a "
            "contraindication because they raise the risk of bleeding and make bruising more "
            "likely."
        ),
        "feedback_false": (
            "Correct: blood-thinning medication and bleeding disorders raise the risk of bleeding "
            "and bruising, so they must be identified and the risk clarified before needling."
        ),
    },
    {
        "title": "Compromised immune system",
        "category": "Contraindications",
        "type": "single_choice",
        "stem": (
            "<p>A patient takes medication that suppresses his immune system. According to the "
            "sources, what is the specific concern about dry needling him?</p>"
        ),
        "points": 1,
        "critical": True,
        "critical_reason": (
            "An immunocompromised patient is at greater risk of infection from needling, so this "
            "must be identified and weighed before any needle is used."
        ),
        "general_feedback": (
            "<p>The contraindications lesson lists a compromised immune system because it raises "
            "the risk of infection at the needling site. Infection is rare in general, and the "
            "sources credit sterile needles and strict infection control for that, but immune "
            "compromise raises this patient's own risk, so it must be found at screening.</p>"
        ),
        "scenario": None,
        "quizzes": [SAFETY],
        "options": [
            {
                "text": "A greater risk of infection at the needling site.",
                "credit": 1.0,
                "feedback": (
                    "Correct: a compromised immune system is listed because it increases the "
                    "risk of infection."
                ),
            },
            {
                "text": "A greater risk of an allergic reaction to the needles.",
                "credit": 0.0,
                "feedback": (
                    "The sources link an allergic reaction to the needles with metal allergy, not "
                    "with immune compromise."
                ),
            },
            {
                "text": "A greater risk of pneumothorax.",
                "credit": 0.0,
                "feedback": (
                    "Pneumothorax is linked to needling the chest or upper back, not to the "
                    "state of the immune system."
                ),
            },
            {
                "text": "No specific concern, provided the needles are sterile.",
                "credit": 0.0,
                "feedback": (
                    "Sterile needles reduce infection risk for everyone, but the sources still "
                    "list a compromised immune system as a contraindication."
                ),
            },
        ],
    },
    {
        "title": "Skin infection at the intended site",
        "category": "Contraindications",
        "type": "true_false",
        "stem": (
            "<p>While inspecting the skin before needling, you find an area of infected skin "
            "directly over the lumbar muscle you planned to needle. True or false: the sources "
            "say dry needling should not be performed over that area.</p>"
        ),
        "points": 1,
        "critical": True,
        "critical_reason": (
            "The sources exclude infected skin from needling outright, and standard infection "
            "control forbids needling through infected or broken skin, so missing this puts the "
            "patient at risk of infection."
        ),
        "general_feedback": (
            "<p>Of the six contraindications, skin infection is the one the source states most "
            "directly: do not needle areas with skin infection. The session lesson builds this "
            "into the step 'Position the patient and inspect the skin', in which you check the "
            "skin at each intended site before you needle.</p>"
        ),
        "scenario": None,
        "quizzes": [SAFETY],
        "answer": True,
        "feedback_true": (
            "Correct: the sources state plainly that dry needling should not be performed on "
            "areas with skin infection."
        ),
        "feedback_false": (
            "Incorrect: this is the contraindication the sources state without qualification, so "
            "do not needle over infected skin."
        ),
    },
    {
        "title": "Metal allergy",
        "category": "Contraindications",
        "type": "single_choice",
        "stem": (
            "<p>At screening a patient says she has 'no allergies to any medicines'. Which "
            "further question do the sources make essential before you needle her?</p>"
        ),
        "points": 1,
        "critical": True,
        "critical_reason": (
            "A patient allergic to metals such as nickel or stainless steel may react to the "
            "needles themselves, and a question about drug allergies alone will not reveal it."
        ),
        "general_feedback": (
            "<p>The contraindications lesson lists allergy to metals, giving nickel and stainless "
            "steel as examples, because such patients may have an allergic reaction to the "
            "needles. It advises asking specifically about metal allergy rather than relying on a "
            "question about drug allergies.</p>"
        ),
        "scenario": None,
        "quizzes": [SAFETY],
        "options": [
            {
                "text": "Whether she is allergic to metals such as nickel or stainless steel.",
                "credit": 1.0,
                "feedback": (
                    "Correct: the sources list allergy to metals because it may cause an "
                    "allergic reaction to the needles."
                ),
            },
            {
                "text": "Whether she is allergic to local anaesthetic.",
                "credit": 0.0,
                "feedback": (
                    "Dry needling needles are solid and deliver nothing, so the named allergy "
                    "concern is the metal of the needle itself."
                ),
            },
            {
                "text": "Whether she has ever had acupuncture.",
                "credit": 0.0,
                "feedback": (
                    "Previous acupuncture is not a contraindication in the sources and tells you "
                    "nothing reliable about allergy to the needles."
                ),
            },
            {
                "text": "None: a negative drug-allergy history covers every allergy that matters.",
                "credit": 0.0,
                "feedback": (
                    "The lesson says to ask specifically about metal allergy, not just about drug "
                    "allergies."
                ),
            },
        ],
    },
    {
        "title": "Uncontrolled diabetes",
        "category": "Contraindications",
        "type": "multiple_response",
        "stem": (
            "<p>The sources list uncontrolled diabetes as a contraindication. Which <b>two</b> "
            "concerns do they give for it? Select all that apply.</p>"
        ),
        "points": 1,
        "critical": True,
        "critical_reason": (
            "Uncontrolled diabetes may raise the risk of infection and delay healing after "
            "needling, so you must ask about diabetes and how well it is controlled."
        ),
        "general_feedback": (
            "<p>The contraindications lesson lists uncontrolled diabetes because it may increase "
            "the risk of infection and delay healing. That is why the screening questions ask not "
            "only whether a patient has diabetes but how well it is controlled.</p>"
        ),
        "scenario": None,
        "quizzes": [SAFETY],
        "options": [
            {
                "text": "A greater risk of infection",
                "credit": 0.5,
                "feedback": (
                    "Correct: uncontrolled diabetes is listed because it may increase the risk of "
                    "infection."
                ),
            },
            {
                "text": "Delayed healing",
                "credit": 0.5,
                "feedback": (
                    "Correct: the sources also give delayed healing as a concern in uncontrolled "
                    "diabetes."
                ),
            },
            {
                "text": "An allergic reaction to the needles",
                "credit": -0.5,
                "feedback": (
                    "The sources attach an allergic reaction to metal allergy, not diabetes."
                ),
            },
            {
                "text": "Pneumothorax",
                "credit": -0.5,
                "feedback": (
                    "Pneumothorax is linked to needling the chest or upper back, not to diabetes."
                ),
            },
            {
                "text": "A greater risk of bleeding",
                "credit": -0.5,
                "feedback": (
                    "Bleeding risk is the concern attached to bleeding disorders and "
                    "blood-thinning medication."
                ),
            },
        ],
    },
    {
        "title": "Pneumothorax: name the complication",
        "category": "Risks and adverse events",
        "type": "short_text",
        "stem": (
            "<p>Name the very rare but serious complication that the sources link to dry needling "
            "of the chest or upper back. You may give the medical term or its everyday name.</p>"
        ),
        "points": 1,
        "critical": True,
        "critical_reason": (
            "Pneumothorax is rare but serious, so you must know where it can occur, take great "
            "care near the chest and lower ribs, and tell patients to seek urgent help if it is "
            "suspected."
        ),
        "general_feedback": (
            "<p>The risks lesson names pneumothorax (a collapsed lung) as very rare but serious "
            "and links it to needling the chest or upper back. A course on low back pain does not "
            "remove the risk: needling near the lower ribs and the thoracolumbar junction demands "
            "precise anatomical knowledge. Standard clinical knowledge, beyond the sources: "
            "breathlessness or chest pain after needling, even after the patient has left, needs "
            "urgent medical help.</p>"
        ),
        "scenario": None,
        "quizzes": [SAFETY],
        "answers": [
            {"text": "pneumoth*", "credit": 1.0},
            {"text": "tension pneumothorax", "credit": 1.0},
            {"text": "collapsed lung", "credit": 1.0},
            {"text": "lung collapse", "credit": 1.0},
        ],  # articles, punctuation and plurals ignored: the answers' default (quizzes/blocks.py)
        "case_sensitive": False,
        "model_answer": "Pneumothorax (a collapsed lung)",
    },
    # ----------------------------------------------------------------------------------------
    # Safety and contraindications quiz: other risks
    # ----------------------------------------------------------------------------------------
    {
        "title": "Most common side effect",
        "category": "Risks and adverse events",
        "type": "single_choice",
        "stem": (
            "<p>A patient asks what she is most likely to notice after her first dry needling "
            "session. According to the sources, which is the most common side effect, and how "
            "long does it usually last?</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The risks lesson identifies soreness in the treated area as the most common side "
            "effect. One source says it lasts from a few hours to a couple of days; others say "
            "soreness and bruising settle within a few days. It can be managed with ice or heat "
            "and simple analgesia bought over the counter.</p>"
        ),
        "scenario": None,
        "quizzes": [SAFETY],
        "options": [
            {
                "text": (
                    "Soreness in the treated area, lasting from a few hours to a couple of days"
                ),
                "credit": 1.0,
                "feedback": (
                    "Correct: soreness is the most common side effect and usually settles within "
                    "hours to a few days."
                ),
            },
            {
                "text": "Bruising that usually lasts two to three weeks",
                "credit": 0.0,
                "feedback": (
                    "Bruising can occur, but it is not named as the most common effect and is "
                    "expected to settle within a few days."
                ),
            },
            {
                "text": "Infection at the needle site, lasting about a week",
                "credit": 0.0,
                "feedback": (
                    "Infection is described as rare, and it needs attention, not reassurance."
                ),
            },
            {
                "text": "Numbness in the leg lasting a few hours",
                "credit": 0.0,
                "feedback": (
                    "New numbness is not a normal after-effect; it may mean nerve irritation or "
                    "injury and needs assessment."
                ),
            },
        ],
    },
    {
        "title": "Who bruises more easily",
        "category": "Risks and adverse events",
        "type": "multiple_response",
        "stem": (
            "<p>Bruising can occur at needle insertion sites. In which patients do the sources "
            "say bruising is more likely? Select all that apply.</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The risks lesson notes that bruising is common, more likely in people who bruise "
            "easily or take blood thinners, and expected to settle within a few days. This is one "
            "reason the screening asks about bleeding disorders, blood-thinning medication and a "
            "tendency to bruise easily.</p>"
        ),
        "scenario": None,
        "quizzes": [SAFETY],
        "options": [
            {
                "text": "Patients who bruise easily",
                "credit": 0.5,
                "feedback": (
                    "Correct: the sources say bruising is more likely in people who are prone to "
                    "bruising."
                ),
            },
            {
                "text": "Patients taking blood-thinning medication",
                "credit": 0.5,
                "feedback": (
                    "Correct: blood-thinning medication is named as making bruising more likely."
                ),
            },
            {
                "text": "Patients with an allergy to nickel",
                "credit": -0.5,
                "feedback": (
                    "Nickel allergy is linked to an allergic reaction to the needles, not to "
                    "bruising."
                ),
            },
            {
                "text": "Patients who exercise regularly",
                "credit": -0.5,
                "feedback": (
                    "Nothing in the sources links regular exercise with bruising after needling."
                ),
            },
        ],
    },
    {
        "title": "Bleeding at the insertion site",
        "category": "Risks and adverse events",
        "type": "true_false",
        "stem": (
            "<p>True or false: the sources describe bleeding at the needle insertion site as a "
            "small risk that is usually minimal and stops by itself.</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The risks lesson describes bleeding at the insertion site as a small risk, usually "
            "minimal and self-limiting. The session lesson adds the standard practice of applying "
            "pressure if there is bleeding when the needle is withdrawn. Patients with bleeding "
            "disorders or on blood thinners are at greater risk, which is why they are screened "
            "for.</p>"
        ),
        "scenario": None,
        "quizzes": [SAFETY],
        "answer": True,
        "feedback_true": (
            "Correct: bleeding is a small, usually self-limiting risk, although screening for "
            "bleeding disorders and blood thinners still matters."
        ),
        "feedback_false": (
            "Incorrect: the sources describe bleeding at the insertion site as a small risk that "
            "is usually minimal and stops on its own."
        ),
    },
    {
        "title": "Preventing infection",
        "category": "Risks and adverse events",
        "type": "single_choice",
        "stem": (
            "<p>Infection after dry needling is rare. What do the sources credit with keeping the "
            "risk low?</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The risks lesson says infection is rare and credits its prevention to sterile "
            "needles and strict infection control. Standard practice adds hand hygiene, sterile "
            "single-use needles from intact packaging, never reusing a needle and never needling "
            "through infected or broken skin. Patients who are immunocompromised or have "
            "uncontrolled diabetes are at higher risk.</p>"
        ),
        "scenario": None,
        "quizzes": [SAFETY],
        "options": [
            {
                "text": "Sterile needles and strict infection control",
                "credit": 1.0,
                "feedback": (
                    "Correct: the sources say therapists use sterile needles and follow strict "
                    "infection control protocols to minimise the risk."
                ),
            },
            {
                "text": "Applying ice to the site straight after needling",
                "credit": 0.0,
                "feedback": "Ice is suggested for soreness, not as an infection-control measure.",
            },
            {
                "text": "Never inserting a needle deeper than a few millimetres",
                "credit": 0.0,
                "feedback": (
                    "Depth depends on the site and tissue, and the sources do not present "
                    "shallow needling as infection control."
                ),
            },
            {
                "text": "Taking turmeric after the session",
                "credit": 0.0,
                "feedback": (
                    "Turmeric is mentioned only for swelling and bruising, with no evidence, and "
                    "has nothing to do with infection control."
                ),
            },
        ],
    },
    {
        "title": "Contraindication and stated concern",
        "category": "Contraindications",
        "type": "matching",
        "stem": (
            "<p>Match each contraindication to the concern the sources give for it. Two of the "
            "concerns offered belong to none of these contraindications.</p>"
        ),
        "points": 2,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The contraindications table gives these concerns: bleeding disorders and blood "
            "thinners raise the risk of bleeding (and make bruising more likely); a compromised "
            "immune system raises the risk of infection; metal allergy may cause an allergic "
            "reaction to the needles; and uncontrolled diabetes raises the risk of infection and "
            "may delay healing. Nerve injury and pneumothorax depend on where and how you needle, "
            "not on these patient factors.</p>"
        ),
        "scenario": None,
        "quizzes": [SAFETY],
        "pairs": [
            {
                "prompt": "Bleeding disorder or blood-thinning medication",
                "answer": "Greater risk of bleeding",
            },
            {"prompt": "Compromised immune system", "answer": "Greater risk of infection"},
            {
                "prompt": "Allergy to metals such as nickel",
                "answer": "Allergic reaction to the needles",
            },
            {
                "prompt": "Uncontrolled diabetes",
                "answer": "Greater risk of infection and delayed healing",
            },
        ],
        "distractors": ["Nerve injury", "Pneumothorax"],
    },
    {
        "title": "Nerve injury",
        "category": "Risks and adverse events",
        "type": "multiple_response",
        "stem": (
            "<p>Which statements about nerve injury from dry needling match the sources and the "
            "lessons? Select all that apply.</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The risks lesson calls nerve injury very rare, with the risk rising close to "
            "major nerves. In the low back and buttock that means knowing where the major nerves "
            "run, including the sciatic nerve, and adjusting needle position, direction and depth "
            "to suit. New numbness, weakness or persistent sharp pain after treatment needs "
            "assessment.</p>"
        ),
        "scenario": None,
        "quizzes": [SAFETY],
        "options": [
            {
                "text": "It is very rare.",
                "credit": 0.5,
                "feedback": "Correct: the sources describe nerve injury as very rare.",
            },
            {
                "text": "The risk is higher when needling close to major nerves.",
                "credit": 0.5,
                "feedback": (
                    "Correct: the risk rises near major nerves, which in the low back and buttock "
                    "include the sciatic nerve."
                ),
            },
            {
                "text": "It is the most common side effect of dry needling.",
                "credit": -0.5,
                "feedback": "Soreness, not nerve injury, is the most common side effect.",
            },
            {
                "text": "New numbness or weakness after treatment is a normal part of recovery.",
                "credit": -1.0,
                "feedback": (
                    "New numbness, weakness or persistent sharp pain is not normal and needs "
                    "assessment."
                ),
            },
        ],
    },
    {
        "title": "Arnica and turmeric for swelling",
        "category": "Aftercare and combined care",
        "type": "true_false",
        "stem": (
            "<p>One source suggests that patients discuss arnica and turmeric with their "
            "practitioner to reduce swelling and bruising after dry needling. True or false: the "
            "course recommends these supplements because the source shows that they work.</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>Swelling appears in one source's aftercare advice, together with the suggestion "
            "to discuss arnica and turmeric. The aftercare lesson notes that the source offers no "
            "evidence and makes no recommendation; record any supplements a patient takes as "
            "part of their medication history.</p>"
        ),
        "scenario": None,
        "quizzes": [SAFETY],
        "answer": False,
        "feedback_true": (
            "Incorrect: the source offers no evidence, and the course makes no recommendation "
            "about these supplements."
        ),
        "feedback_false": (
            "Correct: no evidence is offered, so the course makes no recommendation, although "
            "supplements belong in the medication history."
        ),
    },
    # ----------------------------------------------------------------------------------------
    # Technique and clinical application quiz
    # ----------------------------------------------------------------------------------------
    {
        "title": "Order of session steps up to insertion",
        "category": "Session technique",
        "type": "ordering",
        "stem": (
            "<p>Put these steps of a dry needling session for low back pain in the order the "
            "session lesson gives them, from first to last.</p>"
        ),
        "points": 2,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The session lesson begins with assessment and planning, then screening for "
            "contraindications, then explanation and informed consent. Only after that is the "
            "patient positioned and the skin inspected, hands cleaned and sterile equipment (with "
            "a sharps container) made ready, and the target palpated and related to the "
            "underlying anatomy before the needle goes in. Much of the safety of the procedure "
            "rests on the steps around the needling itself.</p>"
        ),
        "scenario": None,
        "quizzes": [TECHNIQUE],
        "items": [
            "Assess and plan",
            "Screen for contraindications",
            "Explain and obtain consent",
            "Position the patient and inspect the skin",
            "Hand hygiene and sterile equipment",
            "Palpate and locate the target",
            "Insert the needle",
        ],
        "partial": True,
    },
    {
        "title": "Where the thorax lies beneath",
        "category": "Session technique",
        "type": "hotspot",
        "stem": (
            "<p>When you palpate towards the thoracolumbar junction, the session lesson asks you "
            "to relate what you feel to the thorax, because pneumothorax is linked to needling "
            "the chest or upper back.</p><p>On the diagram, a posterior view of the lower back, "
            "place a marker on a structure that overlies the thorax and so calls for this extra "
            "care.</p>"
        ),
        "points": 2,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The lower ribs, drawn on each side from the top of the diagram down to the short "
            "twelfth rib beside T12, overlie the thorax. The risks lesson warns that needling "
            "near the lower ribs and the thoracolumbar junction demands precise anatomical "
            "knowledge because of the risk of pneumothorax. The T9 to T12 vertebrae belong to the "
            "thoracic cage as well, so a marker there also counts. The lumbar region, the iliac "
            "crests and the sacrum lie below the ribs.</p>"
        ),
        "scenario": None,
        "quizzes": [TECHNIQUE],
        "image": "lumbar_spine.svg",
        "image_alt": (
            "Schematic diagram of the lower back seen from behind, from the lower thoracic "
            "vertebrae to the coccyx. The spinous processes are labelled T9 to L5. Curved bones "
            "run outwards and downwards from the upper four vertebrae on each side, shaded "
            "columns of muscle run either side of the spine, and the pelvis with its iliac "
            "crests, the sacrum and the coccyx are shown at the bottom."
        ),
        "zones": [
            {"shape": "polygon", "coords": _THORAX_LEFT, "credit": 1.0},
            {"shape": "polygon", "coords": _THORAX_RIGHT, "credit": 1.0},
            # T9 to T12: thoracic vertebrae belong to the thoracic cage too
            {"shape": "rect", "coords": [266, 76, 68, 184], "credit": 1.0},
        ],
    },
    {
        "title": "Avoiding intense activity after a session",
        "category": "Aftercare and combined care",
        "type": "numeric",
        "stem": (
            "<p>According to the aftercare advice in the sources, for about how many hours after "
            "a dry needling session should a patient avoid intense physical activity? Enter a "
            "number of hours within the range the sources give.</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The aftercare lesson advises avoiding intense physical activity for 24 to 48 "
            "hours after a session, and staying well hydrated. The combining lesson applies the "
            "same advice when it suggests keeping exercise gentle for a day or two after "
            "needling.</p>"
        ),
        "scenario": None,
        "quizzes": [TECHNIQUE],
        "answers": [{"min": 24, "max": 48, "credit": 1.0}],
        "unit": "hours",
    },
    {
        "title": "Aftercare advice in the sources",
        "category": "Aftercare and combined care",
        "type": "multiple_response",
        "stem": (
            "<p>Which of these are part of the aftercare advice the sources give? Select all that "
            "apply.</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The aftercare lesson gathers the sources' advice: manage soreness with ice or "
            "heat or simple analgesia, stay well hydrated, avoid intense physical activity for "
            "24 to 48 hours, and follow the stretching, exercise and pain-management advice "
            "given. Most people can drive home or return to work, and one source says its "
            "practitioners may avoid needling the same spot again within 72 hours.</p>"
        ),
        "scenario": None,
        "quizzes": [TECHNIQUE],
        "options": [
            {
                "text": "Stay well hydrated",
                "credit": 0.5,
                "feedback": "Correct: hydration is part of the aftercare advice in the sources.",
            },
            {
                "text": "Avoid intense physical activity for 24 to 48 hours",
                "credit": 0.5,
                "feedback": (
                    "Correct: the sources advise avoiding intense activity for 24 to 48 hours."
                ),
            },
            {
                "text": "Do not drive or return to work on the day of treatment",
                "credit": -0.5,
                "feedback": (
                    "The sources say most people can drive home or return to work after a session."
                ),
            },
            {
                "text": "Rest in bed until all soreness has gone",
                "credit": -0.5,
                "feedback": (
                    "The sources advise following stretching and exercise advice and avoiding "
                    "only intense activity for a day or two."
                ),
            },
            {
                "text": "Needle the same spot again the next day if it is still sore",
                "credit": -0.5,
                "feedback": (
                    "One source says practitioners may avoid needling the same spot again within "
                    "72 hours so that the tissue can recover."
                ),
            },
        ],
    },
    {
        "title": "Combined treatment in the 2018 review",
        "category": "Aftercare and combined care",
        "type": "single_choice",
        "stem": (
            "<p>What did the 2018 review, as reported in the sources, find about combining dry "
            "needling with other treatments for low back pain?</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The evidence lesson reports that dry needling combined with other treatments "
            "reduced pain intensity more than dry needling alone at post-intervention, on low "
            "quality evidence. The combining lesson adds that the review does not say which "
            "companion treatments matter most, and that the APTA paper described in the same "
            "source places dry needling within a wider physical therapy approach with manual "
            "therapy, exercise and patient education.</p>"
        ),
        "scenario": None,
        "quizzes": [TECHNIQUE],
        "options": [
            {
                "text": (
                    "Low quality evidence that dry needling combined with other treatments "
                    "reduced pain intensity more than dry needling alone at post-intervention"
                ),
                "credit": 1.0,
                "feedback": (
                    "Correct: this is the finding as reported, with the quality of the evidence "
                    "rated low."
                ),
            },
            {
                "text": "High quality evidence that the combination gives long-term relief",
                "credit": 0.0,
                "feedback": (
                    "The findings are reported only at post-intervention, and the evidence for "
                    "the combination was rated low quality."
                ),
            },
            {
                "text": "That exercise is the one companion treatment that matters most",
                "credit": 0.0,
                "feedback": (
                    "The review as reported does not say which companion treatments matter most."
                ),
            },
            {
                "text": "That adding other treatments made no difference to dry needling alone",
                "credit": 0.0,
                "feedback": (
                    "The reported finding favoured the combination, although on low quality "
                    "evidence."
                ),
            },
        ],
    },
    {
        "title": "Dry needling compared with acupuncture",
        "category": "Scope and communication",
        "type": "matching",
        "stem": (
            "<p>Match each feature to the way the sources describe it <b>for dry needling</b>. "
            "Two of the descriptions belong to acupuncture and match none of the features.</p>"
        ),
        "points": 2,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The comparison lesson contrasts dry needling (Western medicine; an anatomical and "
            "neurophysiological rationale; targets found on examination; a needle meant to "
            "provoke a local twitch response or stimulate sensory receptors; regulation that "
            "varies by jurisdiction) with acupuncture (traditional Chinese medicine; Qi flowing "
            "along meridians; acupuncture points chosen by traditional diagnostic principles). "
            "The needles themselves are the same filiform type and carry the same hazards.</p>"
        ),
        "scenario": None,
        "quizzes": [TECHNIQUE],
        "pairs": [
            {"prompt": "Origin", "answer": "Western medicine, grounded in anatomy and physiology"},
            {"prompt": "Rationale", "answer": "Anatomical and neurophysiological principles"},
            {
                "prompt": "Where the needles go",
                "answer": "Muscles, trigger points and connective tissue found on examination",
            },
            {
                "prompt": "What the needle is meant to do",
                "answer": "Provoke a local twitch response or stimulate sensory receptors",
            },
            {
                "prompt": "Regulation",
                "answer": "Varies by state or country; within physiotherapy scope in some places",
            },
        ],
        "distractors": [
            "Points on meridians chosen by traditional diagnostic principles",
            "Influence the flow of Qi along the meridians",
        ],
    },
    {
        "title": "Sciatica on the presentations list",
        "category": "Evidence and mechanisms",
        "type": "single_choice",
        "stem": (
            "<p>Sciatica appears on the sources' lists of back-pain presentations treated with "
            "dry needling. How does the course say you should treat that listing?</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The presentations lesson warns that appearing on a list is not an indication to "
            "needle: the question is whether your assessment has found a relevant muscular or "
            "myofascial component that you can locate on palpation. For sciatica, disc "
            "herniation and stenosis the sources confine needling's plausible role to the "
            "associated muscle tension and pain, and the claim that it relieves nerve compression "
            "is unsupported. Assess neurological status, and remember that nerve injury is more "
            "likely near major nerves.</p>"
        ),
        "scenario": None,
        "quizzes": [TECHNIQUE],
        "options": [
            {
                "text": (
                    "Consider needling only if your assessment finds a relevant, palpable "
                    "muscular component, taking care near nerves and checking neurological status"
                ),
                "credit": 1.0,
                "feedback": (
                    "Correct: the sources confine the plausible role to the associated muscle "
                    "tension and pain, and nerve injury is more likely near major nerves."
                ),
            },
            {
                "text": (
                    "As an indication to needle, because dry needling relieves compression of the "
                    "sciatic nerve"
                ),
                "credit": 0.0,
                "feedback": "The nerve-compression claim is unsupported in the sources.",
            },
            {
                "text": (
                    "As evidence that dry needling works better for sciatica than for other back "
                    "pain"
                ),
                "credit": 0.0,
                "feedback": (
                    "Nothing in the sources shows that dry needling works better for one "
                    "back-pain presentation than for another."
                ),
            },
            {
                "text": "As a contraindication to dry needling anywhere in the back",
                "credit": 0.0,
                "feedback": (
                    "Sciatica is not one of the six contraindications, though it calls for care "
                    "near nerves and neurological screening."
                ),
            },
        ],
    },
    {
        "title": "Mechanisms are hypotheses",
        "category": "Evidence and mechanisms",
        "type": "true_false",
        "stem": (
            "<p>True or false: the sources establish that dry needling relieves back pain by "
            "releasing endorphins and increasing local blood flow.</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The mechanisms lesson lists trigger point release, a twitch described as a spinal "
            "reflex, pain modulation (including endorphin release), local blood flow and nervous "
            "system effects. Each is proposed, none is backed by a cited study, and the sources "
            "concede that how dry needling works has not been established. In any case a "
            "mechanism is not evidence of benefit; that is a question for clinical trials.</p>"
        ),
        "scenario": None,
        "quizzes": [TECHNIQUE],
        "answer": False,
        "feedback_true": (
            "Incorrect: the sources admit the mechanisms are still being researched and cite no "
            "studies for endorphin release or blood flow."
        ),
        "feedback_false": (
            "Correct: these are proposed mechanisms, and the sources say researchers are unsure "
            "how dry needling works."
        ),
    },
    {
        "title": "What the 2018 review found",
        "category": "Evidence and mechanisms",
        "type": "single_choice",
        "stem": (
            "<p>A colleague's clinic leaflet says: 'Research proves dry needling gives long-term "
            "relief from back pain.' Which statement accurately summarises the 2018 review "
            "reported in the sources?</p>"
        ),
        "points": 2,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The evidence lesson reports that the 2018 review found low-to-moderate quality "
            "evidence that dry needling reduced pain intensity and functional disability compared "
            "with other treatments at post-intervention, and that the reviewers noted how limited "
            "the evidence was. The findings were reported at the end of treatment only, without "
            "effect sizes, so the review does not support promises of long-term relief. When a "
            "source's confidence outruns its evidence, rely on the evidence.</p>"
        ),
        "scenario": None,
        "quizzes": [TECHNIQUE],
        "options": [
            {
                "text": (
                    "Low-to-moderate quality evidence that, compared with other treatments, dry "
                    "needling reduced pain intensity and functional disability at "
                    "post-intervention"
                ),
                "credit": 1.0,
                "feedback": (
                    "Correct: this is what the source reports, and it says nothing about "
                    "long-term results."
                ),
            },
            {
                "text": "High quality evidence of long-term relief from low back pain",
                "credit": 0.0,
                "feedback": (
                    "The evidence was rated low-to-moderate quality, and findings were reported "
                    "only at post-intervention."
                ),
            },
            {
                "text": "No effect at all on pain or disability",
                "credit": 0.0,
                "feedback": (
                    "The review as reported did find significantly lower pain and disability at "
                    "post-intervention, on low-to-moderate quality evidence."
                ),
            },
            {
                "text": "That dry needling works best for sciatica",
                "credit": 0.0,
                "feedback": (
                    "The review looked at low back pain trigger points in general and reports "
                    "nothing specific to sciatica."
                ),
            },
        ],
    },
    {
        "title": "Case: findings that need clarifying",
        "category": "Contraindications",
        "type": "multiple_response",
        "stem": (
            "<p>Read the case. Which of Mr D's screening findings correspond to contraindications "
            "named in the sources, so that the risk must be clarified before any needling? "
            "Select all that apply.</p>"
        ),
        "points": 2,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>Two of Mr D's findings match the six contraindications: uncontrolled diabetes "
            "(risk of infection and delayed healing) and blood-thinning medication (risk of "
            "bleeding and bruising). His penicillin allergy should be recorded with his other "
            "allergies, and you still need to ask specifically about metal allergy. Previous "
            "acupuncture is not a contraindication, and intact skin removes the skin-infection "
            "concern.</p>"
        ),
        "scenario": "acute-low-back-pain-case",
        "quizzes": [TECHNIQUE],
        "options": [
            {
                "text": "Poorly controlled type 2 diabetes",
                "credit": 0.5,
                "feedback": (
                    "Correct: uncontrolled diabetes may increase the risk of infection and delay "
                    "healing."
                ),
            },
            {
                "text": "His blood-thinning tablet",
                "credit": 0.5,
                "feedback": (
                    "Correct: blood-thinning medication increases the risk of bleeding and makes "
                    "bruising more likely."
                ),
            },
            {
                "text": "His allergy to penicillin",
                "credit": -0.5,
                "feedback": (
                    "A drug allergy should be recorded, but the allergy the sources list as a "
                    "contraindication is allergy to metals."
                ),
            },
            {
                "text": "Acupuncture two years ago",
                "credit": -0.5,
                "feedback": "Previous acupuncture is not a contraindication in the sources.",
            },
            {
                "text": "Intact skin over his lower back",
                "credit": -0.5,
                "feedback": (
                    "Intact skin is reassuring; only skin infection at the site is a "
                    "contraindication."
                ),
            },
        ],
    },
    {
        "title": "Case: plan for the first session",
        "category": "Contraindications",
        "type": "single_choice",
        "stem": (
            "<p>Based on the case and the course's guidance, what is the most appropriate plan "
            "for Mr D's first session?</p>"
        ),
        "points": 2,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The contraindications lesson notes that the sources imply needling might "
            "sometimes be adapted but do not say how. The course's suggested default, a cautious "
            "judgement rather than a source statement, is not to needle a patient in any of these "
            "categories until you have clarified the risk with them (and, where relevant, their "
            "doctor) and documented your reasoning. Meanwhile the rest of the plan, which every "
            "source treats as essential, can begin.</p>"
        ),
        "scenario": "acute-low-back-pain-case",
        "quizzes": [TECHNIQUE],
        "options": [
            {
                "text": (
                    "Do not needle today; clarify the risks with him and, where relevant, his "
                    "doctor, document your reasoning, and start the rest of his plan, such as "
                    "gentle exercise and pain education"
                ),
                "credit": 1.0,
                "feedback": (
                    "Correct: this is the course's cautious default for a patient in any of the "
                    "contraindication categories."
                ),
            },
            {
                "text": "Needle today, because his pain comes from a muscle, not from his diabetes",
                "credit": 0.0,
                "feedback": (
                    "The source of his pain does not change his infection, healing and bleeding "
                    "risks."
                ),
            },
            {
                "text": "Needle today but use fewer needles to limit bleeding",
                "credit": 0.0,
                "feedback": (
                    "The sources describe no specific adjustment, and fewer needles does nothing "
                    "about his infection and healing risks."
                ),
            },
            {
                "text": "Tell him he can never have dry needling and discharge him",
                "credit": 0.0,
                "feedback": (
                    "The contraindications call for clarification and caution, and he should "
                    "still receive the rest of his plan in full."
                ),
            },
        ],
    },
    {
        "title": "Case: answering the root-cause claim",
        "category": "Scope and communication",
        "type": "single_choice",
        "stem": (
            "<p>Mr D says he wants dry needling because he read that it 'fixes the root cause' of "
            "back pain. Which reply best reflects the course?</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The claims lesson suggests reframing rather than contradicting. Back pain usually "
            "has several contributors and needling may ease the muscular part; the cited review "
            "found benefit at the end of treatment on low-to-moderate quality evidence, best "
            "alongside other care. Consent is informed only if the information behind it is "
            "accurate.</p>"
        ),
        "scenario": "acute-low-back-pain-case",
        "quizzes": [TECHNIQUE],
        "options": [
            {
                "text": (
                    "'Some people find it eases their pain fairly quickly, and research so far "
                    "suggests it can help by the end of a course of treatment, especially "
                    "alongside exercise, but it isn't a cure on its own.'"
                ),
                "credit": 1.0,
                "feedback": (
                    "Correct: this reframes the claim honestly without dismissing the treatment."
                ),
            },
            {
                "text": "'Yes: researchers know it works, and it will give you long-term relief.'",
                "credit": 0.0,
                "feedback": (
                    "These are marketing claims; the cited review found low-to-moderate quality "
                    "evidence at post-intervention only."
                ),
            },
            {
                "text": "'No: there is no evidence for it at all, so I never use it.'",
                "credit": 0.0,
                "feedback": (
                    "This overstates the case, because the cited review did find benefit at the "
                    "end of treatment on limited evidence."
                ),
            },
            {
                "text": "'If your muscle twitches, that shows the root cause has been fixed.'",
                "credit": 0.0,
                "feedback": (
                    "A twitch is not a success marker; the response is judged by reassessing "
                    "symptoms and function."
                ),
            },
        ],
    },
    # ----------------------------------------------------------------------------------------
    # Bank only (available to the final assessment draw)
    # ----------------------------------------------------------------------------------------
    {
        "title": "Order of steps after insertion",
        "category": "Session technique",
        "type": "ordering",
        "stem": (
            "<p>Put these later steps of a dry needling session in the order the session lesson "
            "gives them, from first to last.</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>Once inserted, the needle may be moved gently to stimulate the tissue while you "
            "watch and talk to the patient. It is then withdrawn (with pressure if there is "
            "bleeding, and every needle accounted for) and put straight into a sharps container; "
            "the patient is checked and given aftercare advice, and the session is documented. "
            "Disposal, checking and documentation are standard practice that the sources do not "
            "spell out.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "items": [
            "Stimulate and observe",
            "Remove the needle",
            "Dispose of sharps",
            "Check the patient and give aftercare advice",
            "Document",
        ],
        "partial": False,
    },
    {
        "title": "Choosing needle depth",
        "category": "Session technique",
        "type": "single_choice",
        "stem": (
            "<p>How deep are dry needles inserted according to the sources, and how does the "
            "session lesson say you should choose the depth?</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>One source puts insertion depth at a few millimetres to a few centimetres, "
            "depending on the location and the tissue. The session lesson warns that depth is "
            "site-specific: a depth that is safe in a thick lumbar muscle may not be safe "
            "elsewhere, nerve injury is more likely near major nerves, and pneumothorax is linked "
            "to needling the chest or upper back.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "options": [
            {
                "text": (
                    "From a few millimetres to a few centimetres, chosen from your anatomical "
                    "knowledge of the specific site"
                ),
                "credit": 1.0,
                "feedback": (
                    "Correct: depth varies with site and tissue and must never come from a "
                    "generic figure."
                ),
            },
            {
                "text": "Always about one centimetre, whatever the site",
                "credit": 0.0,
                "feedback": "The sources give a wide range that depends on location and tissue.",
            },
            {
                "text": "As deep as it takes to produce a twitch",
                "credit": 0.0,
                "feedback": (
                    "A twitch is not a target that overrides safe depth, which is set by the "
                    "anatomy of the site."
                ),
            },
            {
                "text": "The depth that is safe in a thick lumbar muscle, used at every site",
                "credit": 0.0,
                "feedback": (
                    "A depth that is safe in a thick lumbar muscle may not be safe elsewhere, for "
                    "example near the chest."
                ),
            },
        ],
    },
    {
        "title": "Name of the twitch",
        "category": "Session technique",
        "type": "short_text",
        "stem": (
            "<p>When the needle enters a trigger point, or is moved gently within it, the muscle "
            "may give a brief involuntary contraction of its fibres followed by relaxation. What "
            "is this called?</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>This is the local twitch response. One source treats it as the aim of treatment "
            "and describes it as a reflex organised at spinal level; another presents a twitch or "
            "a dull ache as a normal sensation during needling. Warn patients that they may feel "
            "it, but judge the outcome by reassessing symptoms and function, not by whether a "
            "twitch occurred.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "answers": [
            {"text": "*local twitch*", "credit": 1.0},
            {"text": "*twitch response*", "credit": 1.0},
            {"text": "twitch", "credit": 0.5},
        ],
        "case_sensitive": False,
        "model_answer": "The local twitch response",
    },
    {
        "title": "Type of needle",
        "category": "Session technique",
        "type": "short_text",
        "stem": (
            "<p>Dry needling uses fine, solid needles of the same type that acupuncturists use. "
            "What is this type of needle called? One word is enough.</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The needles are filiform needles, the kind also used in acupuncture. Because they "
            "are solid, nothing is delivered through them, so one source's talk of needles being "
            "'injected' is inaccurate wording.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "answers": [
            {"text": "*filiform*", "credit": 1.0},
            {"text": "*filliform*", "credit": 1.0},
        ],
        "case_sensitive": False,
        "model_answer": "Filiform needles",
    },
    {
        "title": "Year of the review",
        "category": "Evidence and mechanisms",
        "type": "numeric",
        "stem": (
            "<p>The only research cited in the source articles is a review of the evidence on dry "
            "needling for low back pain trigger points. In what year was it carried out?</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>Across the five sources only one piece of research is cited: a review carried out "
            "in 2018 of the available evidence on dry needling for low back pain trigger points. "
            "The source gives no authors, journal or number of studies, so find and read the "
            "original before you quote it.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "answers": [{"value": 2018, "tolerance": 0, "credit": 1.0}],
        "unit": "",
    },
    {
        "title": "APTA resource paper",
        "category": "Evidence and mechanisms",
        "type": "short_text",
        "stem": (
            "<p>One source cites a resource paper, <i>Description of Dry Needling in Clinical "
            "Practice</i>, which says dry needling should not stand alone. Which professional "
            "body published it? The abbreviation is accepted.</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The paper is from the American Physical Therapy Association (APTA). As reported, "
            "it says dry needling should sit within a broader physical therapy approach, combined "
            "with manual therapy and exercise, with patients taught to look after their muscles "
            "between sessions. It is a professional description of practice from a United States "
            "body, not new trial evidence.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "answers": [
            {"text": "apta", "credit": 1.0},
            {"text": "*american physical therap*", "credit": 1.0},
        ],
        "case_sensitive": False,
        "model_answer": "The American Physical Therapy Association (APTA)",
    },
    {
        "title": "Claims not supported by the cited evidence",
        "category": "Evidence and mechanisms",
        "type": "multiple_response",
        "stem": (
            "<p>Which of these statements from the source articles are claims that the evidence "
            "they cite does not support? Select all that apply.</p>"
        ),
        "points": 2,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The claims lesson sets each marketing claim against the one review the sources "
            "cite. Long-term relief, treating the root cause, 'researchers know it works' and "
            "cumulative effects all go beyond it. What you can accurately say is that the 2018 "
            "review found low-to-moderate quality evidence of reduced pain and disability at the "
            "end of treatment.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "options": [
            {
                "text": "Dry needling gives long-term relief.",
                "credit": 0.25,
                "feedback": (
                    "Correct: the review's findings are reported at post-intervention only."
                ),
            },
            {
                "text": "It treats the root cause of back pain.",
                "credit": 0.25,
                "feedback": (
                    "Correct: mechanisms are unsettled, and the sources themselves list several "
                    "contributors to back pain."
                ),
            },
            {
                "text": "Researchers know it works.",
                "credit": 0.25,
                "feedback": (
                    "Correct: the cited review described limited, low-to-moderate quality evidence."
                ),
            },
            {
                "text": "Its effects are cumulative, so regular sessions are advisable.",
                "credit": 0.25,
                "feedback": "Correct: no evidence is offered for this claim.",
            },
            {
                "text": (
                    "On low-to-moderate quality evidence, it reduced pain and disability compared "
                    "with other treatments at post-intervention."
                ),
                "credit": -1.0,
                "feedback": "This is the review's finding as reported, not an unsupported claim.",
            },
        ],
    },
    {
        "title": "Trigger points and activation",
        "category": "Evidence and mechanisms",
        "type": "true_false",
        "stem": (
            "<p>True or false: one source says that everyone has trigger points but that they "
            "cause symptoms only once 'activated', and it describes the purpose of needling as "
            "'deactivating' them.</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The definition lesson reports this distinction from one source, and cautions that "
            "descriptions of trigger points are working descriptions, not settled science: the "
            "sources concede that how dry needling works is still being researched and cite no "
            "studies on the nature of trigger points.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "answer": True,
        "feedback_true": (
            "Correct: that is how one source describes trigger points, although the course "
            "treats it as a working description rather than settled science."
        ),
        "feedback_false": (
            "Incorrect: one source does say this, although the course treats it as a working "
            "description rather than settled science."
        ),
    },
    {
        "title": "Judging the response to needling",
        "category": "Evidence and mechanisms",
        "type": "single_choice",
        "stem": (
            "<p>During needling a patient's muscle twitches strongly. How does the course say you "
            "should judge whether the treatment has helped?</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The mechanisms lesson warns that a twitch is not a success marker: judge the "
            "response by reassessing symptoms and function. The assessment lesson asks you to "
            "record a baseline, such as pain intensity and a functional measure, and the "
            "aftercare lesson bases decisions about further sessions on reassessment against "
            "it.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "options": [
            {
                "text": "By reassessing symptoms and function against the baseline you recorded",
                "credit": 1.0,
                "feedback": (
                    "Correct: reassessment against a recorded baseline is how the course judges "
                    "response."
                ),
            },
            {
                "text": (
                    "By the twitch itself, which shows that the trigger point has been released"
                ),
                "credit": 0.0,
                "feedback": "A twitch is an interpretation, not an established sign of success.",
            },
            {
                "text": "By whether the patient felt immediate relief",
                "credit": 0.0,
                "feedback": (
                    "Reports of immediate relief vary, and relief may last hours or weeks, so "
                    "reassess against the baseline."
                ),
            },
            {
                "text": "By how many sessions the patient has completed",
                "credit": 0.0,
                "feedback": (
                    "The course bases further sessions on reassessment, not on a fixed number of "
                    "sessions."
                ),
            },
        ],
    },
    {
        "title": "Number of contraindications named",
        "category": "Contraindications",
        "type": "numeric",
        "stem": (
            "<p>How many situations do the sources list as contraindications to dry needling, "
            "that is, situations in which it may be unsuitable or need adapting?</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The contraindications lesson sets out six situations: pregnancy (especially the "
            "first trimester), bleeding disorders or blood-thinning medication, a compromised "
            "immune system, skin infection, allergy to metals and uncontrolled diabetes. It "
            "stresses that the list is a minimum, because accredited training and local policies "
            "may add more.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "answers": [{"value": 6, "tolerance": 0, "credit": 1.0}],
        "unit": "",
    },
    {
        "title": "Pneumothorax in a low back course",
        "category": "Risks and adverse events",
        "type": "true_false",
        "stem": (
            "<p>True or false: because this course deals only with low back pain, pneumothorax is "
            "not a risk you need to consider.</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The risks lesson stresses that a course on low back pain does not remove the risk "
            "of pneumothorax. Patients with back pain often have thoracic symptoms as well, and "
            "needling near the lower ribs and the thoracolumbar junction demands precise "
            "anatomical knowledge.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "answer": False,
        "feedback_true": (
            "Incorrect: back pain patients often have thoracic symptoms too, and needling near "
            "the lower ribs and thoracolumbar junction demands precise anatomical knowledge."
        ),
        "feedback_false": (
            "Correct: a low back focus does not remove the risk, especially near the lower ribs "
            "and the thoracolumbar junction."
        ),
    },
    {
        "title": "Symptoms needing urgent help",
        "category": "Aftercare and combined care",
        "type": "single_choice",
        "stem": (
            "<p>Which symptoms after needling near the chest or upper back should you tell a "
            "patient need urgent medical attention?</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The risks and aftercare lessons label this as standard clinical knowledge beyond "
            "the sources: breathlessness or chest pain after needling near the chest or upper "
            "back needs urgent medical attention because of the risk of pneumothorax, which may "
            "show itself only after the patient has left. Soreness, bruising and a dull ache "
            "during needling are expected.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "options": [
            {
                "text": "Breathlessness or chest pain",
                "credit": 1.0,
                "feedback": (
                    "Correct: these may signal pneumothorax, sometimes only after the patient has "
                    "left."
                ),
            },
            {
                "text": "Soreness around the needle sites the next day",
                "credit": 0.0,
                "feedback": "Soreness is the most common side effect and is described as normal.",
            },
            {
                "text": "A small bruise at a needle site",
                "credit": 0.0,
                "feedback": "Bruising is common and expected to settle within a few days.",
            },
            {
                "text": "A dull ache felt during needling",
                "credit": 0.0,
                "feedback": "A dull ache or twitch during needling is an expected sensation.",
            },
        ],
    },
    {
        "title": "Not needling the same spot again",
        "category": "Aftercare and combined care",
        "type": "numeric",
        "stem": (
            "<p>One source says its practitioners may avoid needling the same spot again within a "
            "set period, so that the tissue can recover. How many hours is that period?</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The aftercare lesson reports one source's advice that practitioners may avoid "
            "needling the same spot again within 72 hours, to let the tissue recover. Decisions "
            "about further sessions should still rest on reassessment against the baseline you "
            "recorded.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "answers": [{"value": 72, "tolerance": 0, "credit": 1.0}],
        "unit": "hours",
    },
    {
        "title": "Combining approaches and examples",
        "category": "Aftercare and combined care",
        "type": "matching",
        "stem": (
            "<p>Match each approach the sources suggest combining with dry needling to an example "
            "they give. One example belongs to none of the approaches listed.</p>"
        ),
        "points": 2,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The combining lesson lists manual therapy (massage, joint and soft tissue "
            "mobilisation), exercise therapy (strengthening, stretching, flexibility work and "
            "gentle exercise), postural correction (ergonomic changes and postural exercises), "
            "pain education (the nature of pain and how to manage it) and other modalities (heat, "
            "ice, ultrasound and electrical stimulation). The sources cite no evidence for any "
            "particular combination.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "pairs": [
            {
                "prompt": "Manual therapy",
                "answer": "Joint mobilisation and soft tissue mobilisation",
            },
            {"prompt": "Exercise therapy", "answer": "Strengthening and flexibility work"},
            {"prompt": "Postural correction", "answer": "Ergonomic changes and postural exercises"},
            {
                "prompt": "Pain education",
                "answer": "Explaining the nature of pain and how to manage it",
            },
            {
                "prompt": "Other modalities",
                "answer": "Heat, ice, ultrasound and electrical stimulation",
            },
        ],
        "distractors": ["Spinal surgery"],
    },
    {
        "title": "Case: combining needling with active care",
        "category": "Aftercare and combined care",
        "type": "single_choice",
        "stem": (
            "<p>Suppose that, once his risks have been clarified and documented, dry needling "
            "becomes part of Mr D's plan. Which approach best fits the course?</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The combining lesson offers, as course guidance rather than a source finding, "
            "using needling where it helps the patient engage with active treatment: needle a "
            "painful, guarded muscle, follow it with gentle movement he can continue at home, "
            "keep exercise gentle for a day or two, and give pain education real weight. From "
            "the first session, explain that needling is a temporary aid and that the goal is "
            "independent self-management.</p>"
        ),
        "scenario": "acute-low-back-pain-case",
        "quizzes": [],
        "options": [
            {
                "text": (
                    "Needle the painful muscle, follow it in the same session with gentle "
                    "movement he can continue at home, add pain education, and aim for him to "
                    "manage independently"
                ),
                "credit": 1.0,
                "feedback": (
                    "Correct: the course suggests using needling to help the patient engage with "
                    "active treatment, and planning the exit from the start."
                ),
            },
            {
                "text": "Needle him weekly as the main treatment until the pain has gone",
                "credit": 0.0,
                "feedback": (
                    "Every source presents dry needling as one part of a wider plan, not as the "
                    "main or stand-alone treatment."
                ),
            },
            {
                "text": "Needle him, then start an intense lifting programme the same afternoon",
                "credit": 0.0,
                "feedback": (
                    "The sources advise avoiding intense physical activity for 24 to 48 hours "
                    "after needling."
                ),
            },
            {
                "text": (
                    "Book a fixed six-week course of needling because the effects are cumulative"
                ),
                "credit": 0.0,
                "feedback": (
                    "Cumulative effects and the six-week plan are claims without evidence, so "
                    "base further sessions on reassessment."
                ),
            },
        ],
    },
    {
        "title": "Does this course qualify you to needle",
        "category": "Scope and communication",
        "type": "true_false",
        "stem": (
            "<p>True or false: completing this course, including its quizzes, qualifies a "
            "physiotherapist to dry needle patients.</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The scope lesson is explicit: safe needling requires accredited training with "
            "supervised practical instruction in needle handling, applied anatomy and emergency "
            "procedures, and this course does not qualify anyone to needle patients.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "answer": False,
        "feedback_true": (
            "Incorrect: this is sample theory content, and safe needling requires accredited "
            "training with supervised practical instruction."
        ),
        "feedback_false": (
            "Correct: the course confers no qualification or competence to needle and must not "
            "replace accredited, supervised training."
        ),
    },
    {
        "title": "Checking your scope of practice",
        "category": "Scope and communication",
        "type": "single_choice",
        "stem": (
            "<p>You have moved to a new country and want to offer dry needling. According to the "
            "scope lesson, how should you establish whether you may?</p>"
        ),
        "points": 1,
        "critical": False,
        "critical_reason": "",
        "general_feedback": (
            "<p>The sources agree that who may needle depends on where you practise: some "
            "jurisdictions treat dry needling as part of physiotherapy scope, others regulate it "
            "separately. The standard practice the lesson describes, beyond the sources, is to "
            "confirm your position and the training required with your regulator, professional "
            "body and professional indemnity insurer.</p>"
        ),
        "scenario": None,
        "quizzes": [],
        "options": [
            {
                "text": (
                    "Confirm with your regulator, professional body and indemnity insurer that it "
                    "is within your scope and covered, and what training they require"
                ),
                "credit": 1.0,
                "feedback": "Correct: this is the standard practice the lesson describes.",
            },
            {
                "text": "Follow the rules of the country where you trained",
                "credit": 0.0,
                "feedback": "The lesson warns against relying on rules from another country.",
            },
            {
                "text": "Assume it is allowed, because the sources say physiotherapists perform it",
                "credit": 0.0,
                "feedback": (
                    "The sources say regulation varies by state or country, so you must check "
                    "locally."
                ),
            },
            {
                "text": "Rely on your certificate from this course",
                "credit": 0.0,
                "feedback": "This course does not qualify anyone to needle patients.",
            },
        ],
    },
]

QUIZZES = [
    {
        "slug": SAFETY,
        "title": "Safety and contraindications quiz",
        "module": "safety-and-contraindications",
        "intro": (
            "<p>This quiz checks that you can screen for every contraindication named in the "
            "sources and recognise the risks of dry needling, from common soreness to rare "
            "pneumothorax. Items marked as critical must be answered correctly to pass, whatever "
            "your overall score. Passing opens the treatment session module.</p>"
        ),
        "pass_mark": 80,
        "time_limit_minutes": 20,
        "attempts_allowed": 3,
        "cooldown_minutes": 60,  # after a failure (retake-safe, issue 10)
        "questions_per_page": 0,
        "shuffle_questions": True,
        "shuffle_options": True,
        "review_policy": "answers",
        "review_timing": "pass_or_last",  # no retake from the key
        "required": True,
        "unlocks_module": "the-treatment-session",
        "draw": [],
    },
    {
        "slug": TECHNIQUE,
        "title": "Technique and clinical application",
        "module": "dry-needling-within-a-wider-plan",
        "intro": (
            "<p>This quiz covers the treatment session, aftercare, combining dry needling with "
            "other care, and the evidence behind it. It includes a short case: read the vignette "
            "before answering the questions that refer to it.</p>"
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
        "draw": [],
    },
    {
        "slug": "final-assessment",
        "title": "Final assessment",
        "module": None,
        "intro": (
            "<p>The final assessment draws 20 questions at random from the whole question bank, "
            "one per page. You need 75% to pass, and any critical safety item drawn must be "
            "answered correctly.</p>"
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
        "draw": [
            {"category": "Contraindications", "count": 5},
            {"category": "Risks and adverse events", "count": 4},
            {"category": "Evidence and mechanisms", "count": 3},
            {"category": "Session technique", "count": 3},
            {"category": "Aftercare and combined care", "count": 3},
            {"category": "Scope and communication", "count": 2},
        ],
    },
]
