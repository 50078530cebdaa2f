"""Risks, side effects and adverse events: the pneumothorax cases (must-pass, a variant set) and
the safety quiz's other items. See demo/quiz_content.py."""

from demo.quiz_common import PNEUMOTHORAX, SAFETY, key, must_pass, option, question

_PNEUMOTHORAX_REASON = (
    "Pneumothorax is very rare but serious, and its signs can appear during or after a "
    "session near the chest or upper back."
)
_RISKS = "Risks and adverse events"

PNEUMOTHORAX_CASES = [
    must_pass(
        title="Pneumothorax: breathless on the couch",
        category=_RISKS,
        variant_set=PNEUMOTHORAX,
        tags=["risk:pneumothorax"],
        reason=_PNEUMOTHORAX_REASON,
        stem=(
            "<p>Ten minutes after you needled the paraspinal muscles at the level of the lowest "
            "ribs, Mr J, a slim 26-year-old, says he feels short of breath and has a sharp pain "
            "on one side of his chest when he breathes in.</p><p>What is the best next step?</p>"
        ),
        general_feedback=(
            "<p>Breathlessness and one-sided chest pain on breathing in after needling near the "
            "lower ribs may mean a pneumothorax (a collapsed lung), very rare but serious. Stop, "
            "get urgent medical help, and stay with him.</p>"
        ),
        options=[
            key("Stop, call for urgent medical help, and stay with him while you wait"),
            option("Sit him up and ask him to breathe slowly into a paper bag"),
            option("Reassure him that this is the usual soreness after needling close to the ribs"),
            option("Finish the session, then seek medical help if he is still breathless tomorrow"),
        ],
    ),
    must_pass(
        title="Pneumothorax: a phone call that evening",
        category=_RISKS,
        variant_set=PNEUMOTHORAX,
        tags=["risk:pneumothorax"],
        reason=_PNEUMOTHORAX_REASON,
        stem=(
            "<p>The evening after you needled close to the thoracolumbar junction, a patient "
            "phones. Since getting home she has become breathless climbing the stairs and has a "
            "pain in her chest that is worse when she breathes in.</p><p>What do you advise?</p>"
        ),
        general_feedback=(
            "<p>A pneumothorax can show itself only after the patient has left. Breathlessness "
            "or chest pain after needling near the chest or upper back needs urgent medical "
            "help, and the treating team needs to know she was needled.</p>"
        ),
        options=[
            key("Go to an emergency department or call an ambulance now, and say she was needled"),
            option("Rest tonight, and go to an emergency department if it is no better by morning"),
            option(
                "Use a heat pack on her back, since the pain is likely to be post-needle soreness"
            ),
            option(
                "Book an appointment in the next few days so that you can review the needle sites"
            ),
        ],
    ),
]

SAFETY_ITEMS = [
    question(
        title="Most common side effect",
        category=_RISKS,
        type="single_choice",
        tags=["risk:soreness"],
        stem=(
            "<p>After her first session, a patient asks what she is most likely to notice over "
            "the next day or so. According to the sources, which is the most common side "
            "effect?</p>"
        ),
        general_feedback=(
            "<p>Soreness in the treated area is the most common side effect, lasting from a few "
            "hours to a couple of days; ice, heat or simple pain relief help.</p>"
        ),
        options=[
            key("Soreness in the treated area"),
            option("Bruising at most of the needle sites"),
            option("Tingling in the legs for a week or so"),
            option("A mild fever the evening after treatment"),
        ],
    ),
    question(
        title="Who bruises more easily",
        category=_RISKS,
        type="multiple_response",
        tags=["risk:bruising"],
        stem=(
            "<p>Which two patients does the risks lesson describe as more likely to bruise at "
            "the needle sites?</p>"
        ),
        general_feedback=(
            "<p>Bruising is more likely in people who take blood-thinning medication and in "
            "people who mark easily; it usually settles within a few days.</p>"
        ),
        options=[
            option("A man who takes a blood-thinning medicine", credit=0.5),
            option("A woman who says she marks easily", credit=0.5),
            option("A patient who gave blood last month"),
            option("A patient with a penicillin allergy"),
        ],
    ),
    question(
        title="Bleeding at the insertion site",
        category=_RISKS,
        type="true_false",
        tags=["risk:bleeding"],
        stem=(
            "<p>True or false: the sources describe bleeding at a needle site as a small risk, "
            "usually minimal and stopping by itself.</p>"
        ),
        answer=True,
        feedback_true="Right: minimal and self-limiting, though more likely with blood thinners.",
        feedback_false="The sources describe it as a small risk that usually stops by itself.",
    ),
    question(
        title="Nerve injury",
        category=_RISKS,
        type="multiple_response",
        tags=["risk:nerve-injury"],
        stem="<p>Which two statements about nerve injury match the risks lesson?</p>",
        general_feedback=(
            "<p>Nerve injury is very rare, and the risk is higher close to major nerves, such as "
            "the sciatic nerve in the buttock: anatomy decides position, direction and depth.</p>"
        ),
        options=[
            option("It is very rare", credit=0.5),
            option("The risk rises near major nerves", credit=0.5),
            option("Fine needles are too thin to harm a nerve"),
            option("It is the commonest side effect of needling"),
        ],
    ),
    question(
        title="Preventing infection",
        category=_RISKS,
        type="single_choice",
        tags=["risk:infection"],
        stem=(
            "<p>The sources say infection after dry needling is rare. Which measure do they "
            "credit with keeping it rare?</p>"
        ),
        general_feedback=(
            "<p>The sources credit sterile needles and strict infection control. Standard "
            "practice adds hand hygiene and single-use needles from intact packaging.</p>"
        ),
        options=[
            key("Sterile needles and strict hygiene routines"),
            option("Antibiotic cream applied to each site afterwards"),
            option("Needling no deeper than a few millimetres"),
            option("Asking patients to report an infection quickly"),
        ],
    ),
    question(
        title="Fainting during a session",
        category=_RISKS,
        type="single_choice",
        tags=["guidance:vasovagal"],
        stem=(
            "<p>A few minutes into his first session, a seated patient says he feels "
            "light-headed and sick; he is pale and clammy.</p><p>What should you do?</p>"
        ),
        general_feedback=(
            "<p>General professional guidance beyond the source articles: this is a vasovagal "
            "reaction (a faint). Remove the needles, lay him down with his legs raised, stay "
            "with him until he recovers, and get help if he does not recover quickly. Record "
            "it, and needle patients lying down.</p>"
        ),
        options=[
            key("Take the needles out, lay him down with his legs raised, and stay with him"),
            option("Leave the needles in and ask him to breathe slowly until the feeling passes"),
            option("Give him a sugary drink and carry on needling once his colour returns"),
            option("Sit him upright with his head between his knees and continue the session"),
        ],
    ),
    question(
        title="Needlestick injury",
        category=_RISKS,
        type="single_choice",
        tags=["guidance:needlestick"],
        stem=(
            "<p>While withdrawing a needle from a patient's back you prick your own finger with "
            "it.</p><p>What is the best immediate response?</p>"
        ),
        general_feedback=(
            "<p>General professional guidance beyond the source articles: encourage the wound "
            "to bleed, wash it with soap and running water without scrubbing or sucking it, "
            "then report it at once and follow your workplace's needlestick procedure.</p>"
        ),
        options=[
            key("Let it bleed, wash it with soap and running water, and report it at once"),
            option("Suck the wound, apply a plaster, and finish the session before doing more"),
            option("Scrub it with a nail brush and bleach, then carry on treating"),
            option("Cover it and mention it at the next team meeting if it becomes sore"),
        ],
    ),
]

for _item in SAFETY_ITEMS:
    _item["quizzes"] = [SAFETY]

SAFETY_QUESTIONS = [*PNEUMOTHORAX_CASES, *SAFETY_ITEMS]
