"""Session technique, aftercare, evidence and scope: the technique quiz's items and the rest of the
final assessment's pool (items with no quiz listed are reached by the final's draws)."""

from demo.quiz_common import TECHNIQUE, key, option, question

# lumbar_spine.svg (viewBox 0 0 600 800): the paraspinal muscle columns (x 196-282 and 318-404)
# from T10 to L1 (y 130-300), where the lower edge of the chest cavity lies close beneath. The
# spinous processes (the midline), the lateral ribs and the lower lumbar region lie outside.
PARASPINAL_LEFT = [198, 130, 82, 170]  # x, y, width, height
PARASPINAL_RIGHT = [320, 130, 82, 170]

_TECHNIQUE = [
    question(
        title="Where paraspinal needling comes closest to the chest",
        category="Session technique",
        type="hotspot",
        points=2,
        critical=True,
        critical_reason=(
            "Paraspinal needling near the thoracolumbar junction lies close to the lower edge of "
            "the chest cavity, where pneumothorax is the very rare but serious risk."
        ),
        tags=["risk:pneumothorax", "anatomy:thoracolumbar-junction"],
        stem=(
            "<p>You are about to needle the paraspinal muscles of a patient with low back pain. "
            "On the diagram (a posterior view of the lower back), place a marker where "
            "paraspinal needling calls for the greatest care because the chest cavity lies close "
            "beneath.</p>"
        ),
        general_feedback=(
            "<p>The paraspinal muscles either side of the spine from about T10 to L1, around the "
            "thoracolumbar junction, lie close to the lower edge of the lung, so needle depth "
            "and direction there come from precise anatomy. The spinous processes are bone in "
            "the midline, and the lower lumbar region lies well below the chest.</p>"
        ),
        image="lumbar_spine.svg",
        image_alt=(
            "Schematic of the lower back from behind: spinous processes labelled T9 to L5, "
            "ribs running outwards from the upper vertebrae, muscle columns either side of the "
            "spine, and the pelvis, sacrum and coccyx at the bottom."
        ),
        zones=[
            {"shape": "rect", "coords": PARASPINAL_LEFT, "credit": 1.0},
            {"shape": "rect", "coords": PARASPINAL_RIGHT, "credit": 1.0},
        ],
    ),
    question(
        title="Order of session steps",
        category="Session technique",
        type="ordering",
        points=2,
        tags=["guidance:hand-hygiene", "guidance:sharps", "guidance:needle-count"],
        stem=(
            "<p>Put these steps of a dry needling session in the order the session lesson gives "
            "them, from first to last.</p>"
        ),
        general_feedback=(
            "<p>Hand hygiene comes first, before you touch the patient; then screening, "
            "explanation and consent, and a check of the skin. After needling, each needle goes "
            "straight into the sharps bin, the needles are counted out against those put in, "
            "and the session is recorded.</p>"
        ),
        items=[
            "Clean your hands",
            "Screen for contraindications and red flags",
            "Explain the procedure and obtain consent",
            "Inspect the skin at each intended site",
            "Insert a sterile, single-use needle",
            "Drop each used needle into the sharps bin at once",
            "Count the needles out against those put in",
            "Write up the session notes",
        ],
        partial=True,
    ),
    question(
        title="Sharps at the point of use",
        category="Session technique",
        type="single_choice",
        tags=["guidance:sharps"],
        stem=(
            "<p>A colleague recaps each used needle and collects them in a kidney dish to "
            "dispose of at the end of the session.</p><p>What should you advise instead?</p>"
        ),
        general_feedback=(
            "<p>General professional guidance beyond the source articles: have a sharps "
            "container within reach before you start and put each used needle straight into "
            "it, at the point of use. Recapping and carrying loose needles cause needlestick "
            "injuries.</p>"
        ),
        options=[
            key("Keep a sharps bin within reach and put each needle straight into it, uncapped"),
            option(
                "Recap each needle using the one-handed scoop method before it goes in the dish"
            ),
            option("Collect the needles in the dish but cover it with a towel until the end"),
            option("Recap the needles and put them in the clinical waste bag after the session"),
        ],
    ),
    question(
        title="Counting needles in and out",
        category="Session technique",
        type="single_choice",
        tags=["guidance:needle-count"],
        stem=(
            "<p>At the end of a session you have removed seven needles, but your record shows "
            "you inserted eight.</p><p>What is the best next step?</p>"
        ),
        general_feedback=(
            "<p>General professional guidance beyond the source articles: count needles in and "
            "out. A needle left in place or dropped is a sharps risk to the patient and to "
            "staff, so find it before the patient moves.</p>"
        ),
        options=[
            key("Keep the patient where they are and search until the eighth is accounted for"),
            option("Assume you miscounted, since it is rare to lose a needle, and finish"),
            option("Let the patient dress and ask them to phone if they find a needle"),
            option("Note the difference in the record and look for it after the next patient"),
        ],
    ),
    question(
        title="What consent must cover",
        category="Session technique",
        type="multiple_response",
        tags=["guidance:consent"],
        stem=(
            "<p>Which three of these belong in the information you give before asking a patient "
            "to consent to dry needling?</p>"
        ),
        general_feedback=(
            "<p>General professional guidance beyond the source articles: informed consent "
            "covers what the treatment involves and why, how it may feel, the common "
            "after-effects and the rare serious risks, the honest state of the evidence, the "
            "alternatives, and the right to decline or stop. Record it.</p>"
        ),
        options=[
            option("The rare serious risks as well as the common after-effects", credit=0.34),
            option("The alternatives, including the rest of the plan", credit=0.33),
            option("That they may decline, or stop at any point", credit=0.33),
            option("A promise of lasting relief after a few sessions"),
            option("That signing the form moves responsibility for harm to them"),
            option("Your own success rate with similar patients, from memory"),
        ],
    ),
    question(
        title="What to record",
        category="Session technique",
        type="multiple_response",
        tags=["guidance:records"],
        stem="<p>Which three belong in your record of a dry needling session?</p>",
        general_feedback=(
            "<p>General professional guidance beyond the source articles: record the screening "
            "and consent, the sites treated and the response, any adverse event and what you "
            "did, the advice given, and the plan for reassessment.</p>"
        ),
        options=[
            option("The sites treated and how the patient responded", credit=0.34),
            option("Any adverse event and what you did about it", credit=0.33),
            option("The aftercare advice you gave", credit=0.33),
            option("How long the patient waited before being seen"),
            option("Your guess at whether the patient will come back"),
            option("The patient's opinion of the clinic's parking"),
        ],
    ),
    question(
        title="Choosing needle depth",
        category="Session technique",
        type="single_choice",
        tags=["technique:depth"],
        stem=(
            "<p>One source gives the depth of insertion as a few millimetres to a few "
            "centimetres. How should you choose the depth at a given site?</p>"
        ),
        general_feedback=(
            "<p>Depth varies with the site and the tissue; choose it from your anatomical "
            "knowledge of that site. A depth that is safe in a thick lumbar muscle may not be "
            "safe elsewhere.</p>"
        ),
        options=[
            key("From the anatomy and tissue at that site"),
            option("As deep as it takes to reach a twitch"),
            option("About one centimetre, whatever the site"),
            option("The depth used for the lumbar muscles"),
        ],
    ),
    question(
        title="Avoiding intense activity after a session",
        category="Aftercare and combined care",
        type="numeric",
        tags=["aftercare:activity"],
        stem=(
            "<p>For how many hours after a session does the aftercare advice in the sources say "
            "to avoid intense physical activity? Any number within the range the lesson gives "
            "is accepted.</p>"
        ),
        general_feedback=(
            "<p>The aftercare lesson advises avoiding intense physical activity for 24 to 48 "
            "hours, and staying well hydrated.</p>"
        ),
        answers=[{"min": 24, "max": 48, "credit": 1.0}],
        unit="hours",
    ),
    question(
        title="Aftercare advice in the sources",
        category="Aftercare and combined care",
        type="multiple_response",
        tags=["aftercare:advice"],
        stem="<p>Which two pieces of aftercare advice come from the sources?</p>",
        general_feedback=(
            "<p>The sources advise staying well hydrated, managing soreness with ice, heat or "
            "simple analgesia, and note that most people can drive home or return to work.</p>"
        ),
        options=[
            option("Stay well hydrated", credit=0.5),
            option("Most people can drive home or go back to work", credit=0.5),
            option("Stay in bed until the soreness settles"),
            option("Stretch hard the same evening to loosen the muscles"),
        ],
    ),
    question(
        title="Arnica and turmeric for swelling",
        category="Aftercare and combined care",
        type="true_false",
        tags=["risk:swelling"],
        stem=(
            "<p>True or false: the clinic page that suggests arnica and turmeric for swelling "
            "and bruising gives evidence that they work.</p>"
        ),
        answer=False,
        feedback_true="It offers no evidence, and the course makes no recommendation.",
        feedback_false="Right: no evidence is given; record supplements in the medication history.",
    ),
    question(
        title="Dry needling compared with acupuncture",
        category="Scope and communication",
        type="matching",
        points=2,
        tags=["scope:acupuncture"],
        stem=(
            "<p>Match each feature with the description the comparison lesson gives for dry "
            "needling. Two descriptions belong to acupuncture and are left over.</p>"
        ),
        general_feedback=(
            "<p>Dry needling comes from Western medicine; its targets are found on physical "
            "examination; the needle is meant to provoke a local twitch response or stimulate "
            "sensory receptors; its regulation varies by state or country. Acupuncture comes "
            "from traditional Chinese medicine and works with Qi along meridians.</p>"
        ),
        pairs=[
            {"prompt": "Origin", "answer": "Western medicine"},
            {"prompt": "How targets are chosen", "answer": "From a physical examination"},
            {
                "prompt": "What the needle is meant to do",
                "answer": "Provoke a local twitch response or stimulate sensory receptors",
            },
            {"prompt": "Regulation", "answer": "Varies by state or country"},
        ],
        distractors=["Traditional Chinese medicine", "Points along the meridians"],
    ),
    question(
        title="What the 2018 review found",
        category="Evidence and mechanisms",
        type="single_choice",
        tags=["evidence:2018-review"],
        stem=(
            "<p>A patient says: 'I read that research proves dry needling gets rid of back pain.' "
            "Which summary of the 2018 review described in the sources is accurate?</p>"
        ),
        general_feedback=(
            "<p>The 2018 review found low-to-moderate quality evidence of reduced pain and "
            "disability at the end of treatment compared with other treatments, and low quality "
            "evidence that combining needling with other treatment helps more than needling "
            "alone. It proves no cure.</p>"
        ),
        options=[
            key("Low-to-moderate quality evidence of less pain and disability after treatment"),
            option("High-quality evidence that it clears low back pain within a few sessions"),
            option("Moderate evidence that it works better on its own than combined with exercise"),
            option("Good evidence of long-term benefit, with relief lasting a year or more"),
        ],
    ),
    question(
        title="Pneumothorax: name the complication",
        category="Risks and adverse events",
        type="short_text",
        tags=["risk:pneumothorax"],
        stem=(
            "<p>Name the very rare but serious complication that the sources link to dry "
            "needling of the chest or upper back. You may give the medical term or its everyday "
            "name.</p>"
        ),
        general_feedback=(
            "<p>The risks lesson names pneumothorax (a collapsed lung) as very rare but serious "
            "and links it to needling the chest or upper back. Breathlessness or chest pain "
            "after needling, even after the patient has left, needs urgent medical help.</p>"
        ),
        answers=[
            {"text": "pneumoth*", "credit": 1.0},
            {"text": "tension pneumothorax", "credit": 1.0},
            {"text": "collapsed lung", "credit": 1.0},
            {"text": "lung collapse", "credit": 1.0},
        ],  # articles, punctuation and plurals ignored: the answers' default (quizzes/blocks.py)
        case_sensitive=False,
        model_answer="Pneumothorax (a collapsed lung)",
    ),
]

for _item in _TECHNIQUE:
    _item["quizzes"] = [TECHNIQUE]

_CASE = [
    question(
        title="Case: findings that need clarifying",
        category="Case studies",
        type="multiple_response",
        points=2,
        scenario="acute-low-back-pain-case",
        tags=["contraindication:diabetes", "contraindication:bleeding"],
        quizzes=[TECHNIQUE],
        stem=(
            "<p>Read the case of Mr D. Which two findings on his screening form need clarifying "
            "before you decide whether to needle him?</p>"
        ),
        general_feedback=(
            "<p>Poorly controlled diabetes (infection, delayed healing) and a blood-thinning "
            "tablet (bleeding, bruising) are both on the sources' list. A penicillin allergy is "
            "a drug allergy, not a metal allergy, and past acupuncture is no contraindication.</p>"
        ),
        options=[
            option("His diabetes, which his doctor says is poorly controlled", credit=0.5),
            option("His blood-thinning tablet", credit=0.5),
            option("His allergy to penicillin, which could extend to the needles"),
            option("His acupuncture for a shoulder problem two years ago"),
        ],
    ),
    question(
        title="Case: answering the root-cause claim",
        category="Case studies",
        type="single_choice",
        scenario="acute-low-back-pain-case",
        tags=["scope:communication"],
        quizzes=[TECHNIQUE],
        stem=(
            "<p>Mr D asks: 'Will it fix the root cause, like I read online?' Which reply is the "
            "most accurate?</p>"
        ),
        general_feedback=(
            "<p>The sources' 'root cause' language is marketing. An honest reply says needling "
            "may help some people's pain as one part of a plan, without promising a cure.</p>"
        ),
        options=[
            key("'It may ease pain for some people, as one part of a plan; it is no cure.'"),
            option(
                "'Yes: releasing the trigger point deals with the cause, so the pain stays away.'"
            ),
            option("'No: it is a placebo, and I offer it because patients ask for it.'"),
            option("'If your muscle twitches during treatment, that shows the cause is fixed.'"),
        ],
    ),
]

_FINAL_POOL = [
    question(
        title="Not needling the same spot again",
        category="Aftercare and combined care",
        type="numeric",
        tags=["aftercare:same-spot"],
        stem=(
            "<p>One clinic says its practitioners may avoid needling the same spot again for a "
            "while, so that the tissue can recover. For how many hours?</p>"
        ),
        general_feedback="<p>That source gives 72 hours.</p>",
        answers=[{"value": 72, "tolerance": 0, "credit": 1.0}],
        unit="hours",
    ),
    question(
        title="APTA resource paper",
        category="Evidence and mechanisms",
        type="single_choice",
        tags=["evidence:apta"],
        stem=(
            "<p>What does the APTA resource paper described in the sources say about where dry "
            "needling belongs?</p>"
        ),
        general_feedback=(
            "<p>The APTA paper describes dry needling as part of a wider physical therapy "
            "approach, combined with manual therapy and exercise, not a standalone "
            "procedure.</p>"
        ),
        options=[
            key("Within a wider physical therapy approach"),
            option("As a standalone first-line procedure"),
            option("After surgery has been tried and failed"),
            option("In place of exercise for acute pain"),
        ],
    ),
    question(
        title="Mechanisms are hypotheses",
        category="Evidence and mechanisms",
        type="true_false",
        tags=["evidence:mechanisms"],
        stem=(
            "<p>True or false: the sources say researchers are still unsure how dry needling "
            "relieves pain.</p>"
        ),
        answer=True,
        feedback_true="Right: the mechanisms are proposed explanations still being researched.",
        feedback_false="The sources say the mechanisms are still being researched.",
    ),
    question(
        title="Does this course qualify you to needle",
        category="Scope and communication",
        type="true_false",
        tags=["scope:training"],
        stem=(
            "<p>True or false: completing this online sample course qualifies you to dry needle "
            "patients.</p>"
        ),
        answer=False,
        feedback_true="It teaches background; accredited practical training is needed.",
        feedback_false="Right: accredited practical training and your own scope decide that.",
    ),
    question(
        title="Checking your scope of practice",
        category="Scope and communication",
        type="single_choice",
        tags=["scope:regulation"],
        stem=(
            "<p>Rules on who may dry needle differ from place to place. Before you needle "
            "patients, which check matters most?</p>"
        ),
        general_feedback=(
            "<p>Confirm with your regulator, professional body and indemnity insurer that dry "
            "needling is within your practice and covered, and what training they require.</p>"
        ),
        options=[
            key("What your regulator and insurer require"),
            option("What colleagues in other countries do"),
            option("Whether patients are asking for it"),
            option("Whether the needles are sold locally"),
        ],
    ),
]

_FINAL_POOL += [
    question(
        title="Needling plus other care in the 2018 review",
        category="Evidence and mechanisms",
        type="single_choice",
        tags=["evidence:combined-care"],
        stem=(
            "<p>In the review of 2018 described in the sources, how did needling plus other "
            "care compare with needling alone?</p>"
        ),
        general_feedback=(
            "<p>Combining dry needling with other treatment reduced pain intensity more than "
            "dry needling alone at the end of treatment, but the quality of that evidence was "
            "low.</p>"
        ),
        options=[
            key("It reduced pain more, on low quality evidence"),
            option("It reduced pain less, on moderate quality evidence"),
            option("It made no difference, on high quality evidence"),
            option("It reduced pain more, on high quality evidence"),
        ],
    ),
    question(
        title="Type of needle",
        category="Session technique",
        type="short_text",
        tags=["technique:needle"],
        stem=(
            "<p>What type of thin, solid needle do the sources say dry needling uses, the same "
            "type as in acupuncture?</p>"
        ),
        general_feedback="<p>Dry needling uses thin, solid filiform needles.</p>",
        answers=[
            {"text": "filiform", "credit": 1.0},
            {"text": "filiform needle", "credit": 1.0},
            {"text": "filiform acupuncture needle", "credit": 1.0},
        ],
        case_sensitive=False,
        model_answer="A filiform needle",
    ),
    question(
        title="Sciatica on the presentations list",
        category="Evidence and mechanisms",
        type="single_choice",
        tags=["evidence:presentations"],
        stem=(
            "<p>A patient with sciatica has read a clinic page listing sciatica among the "
            "conditions dry needling helps. What can you accurately tell her?</p>"
        ),
        general_feedback=(
            "<p>Several sources list sciatica, but none offers evidence specific to it; assess "
            "for a muscular component and take care near nerves.</p>"
        ),
        options=[
            key("It is listed, but the sources give no evidence specific to it"),
            option("A systematic review found strong evidence for it in sciatica"),
            option("It frees the trapped nerve, which is why the page lists it"),
            option("It is unsuitable for her, because sciatica is a contraindication"),
        ],
    ),
    question(
        title="Symptoms needing medical advice",
        category="Aftercare and combined care",
        type="single_choice",
        tags=["aftercare:warning-signs", "risk:infection"],
        stem=(
            "<p>Which change after a session means the patient should seek medical advice "
            "rather than wait for it to settle?</p>"
        ),
        general_feedback=(
            "<p>Increasing warmth, swelling or pus at a site may mean infection; new numbness "
            "or weakness may mean nerve irritation. A dull ache, a small bruise and some "
            "tiredness are expected.</p>"
        ),
        options=[
            key("Increasing warmth and pus at one of the sites"),
            option("A dull ache in the treated muscle for a day"),
            option("A small bruise that is turning yellow"),
            option("Feeling tired on the evening of the session"),
        ],
    ),
]

TECHNIQUE_QUESTIONS = [*_TECHNIQUE, *_CASE, *_FINAL_POOL]
