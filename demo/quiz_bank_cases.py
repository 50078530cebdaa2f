"""Must-pass cases: two variants per contraindication and per red flag (demo/quiz_content.py).

Red flags are general professional guidance beyond the five source articles, taught in the safety
module; the advice here is deliberately conservative (do not needle; refer, with the urgency the
finding calls for).
"""

from demo.quiz_common import (
    BLEEDING,
    CANCER,
    CAUDA_EQUINA,
    DIABETES,
    FRACTURE,
    IMMUNE,
    METAL,
    NEURO_DEFICIT,
    PREGNANCY,
    SKIN,
    SPINAL_INFECTION,
    key,
    must_pass,
    option,
)

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

_PREGNANCY_REASON = (
    "Being pregnant, above all in the first trimester, is the first situation the sources "
    "name; missing it exposes the patient to a risk the guidance warns against."
)
_BLEEDING_REASON = (
    "Anticoagulants and clotting disorders make haemorrhage and bruising more likely: an "
    "avoidable harm if missed."
)
_IMMUNE_REASON = (
    "A weakened immune response makes it harder for the body to fight off germs that a needle"
    " can carry in."
)
_SKIN_REASON = (
    "A needle passed through infected skin can carry germs deeper; the sources exclude such skin."
)
_METAL_REASON = (
    "Needles are steel that can contain nickel, and a patient sensitive to them can react to "
    "the needles."
)
_DIABETES_REASON = (
    "Uncontrolled diabetes raises the risk of infection and delays healing; needling before it is "
    "clarified exposes the patient to avoidable harm."
)
_RED_FLAG_REASON = (
    "A red flag can mean serious disease that needs medical care; needling it delays that care. "
    "Do not needle, and refer with the urgency the finding calls for."
)

_CONTRAINDICATIONS = [
    must_pass(
        title="Pregnancy: nine weeks pregnant",
        category="Pregnancy",
        variant_set=PREGNANCY,
        tags=["contraindication:pregnancy"],
        reason=_PREGNANCY_REASON,
        stem=(
            "<p>Ms A, 31, has had low back pain for a week after moving house. At screening "
            "she mentions that she is nine weeks pregnant and asks whether you can needle her "
            "lower back today.</p><p>Which plan is best?</p>"
        ),
        general_feedback=(
            "<p>Pregnancy is the first contraindication the sources name: dry needling is "
            "generally not recommended in pregnancy, particularly in the first trimester. The "
            "site needled and the consent form do not change that; the rest of her plan "
            "continues.</p>"
        ),
        options=[
            key(
                "Postpone needling until after the pregnancy and treat her with advice and "
                "exercise",
                "Right: needling is generally not recommended in pregnancy, above all early on.",
            ),
            option(
                "Needle today, using shallow insertions so that the needles stay well away from "
                "the uterus",
                "The caution applies to pregnancy itself, not to the depth or the site.",
            ),
            option(
                "Needle today once she has signed a consent form that records the pregnancy",
                "Consent records a decision about a suitable treatment; it does not remove a "
                "contraindication.",
            ),
            option(
                "Needle today but limit the session to two needles in the upper lumbar muscles",
                "Fewer needles do not make needling suitable in the first trimester.",
            ),
        ],
    ),
    must_pass(
        title="Pregnancy: a late period",
        category="Pregnancy",
        variant_set=PREGNANCY,
        tags=["contraindication:pregnancy"],
        reason=_PREGNANCY_REASON,
        stem=(
            "<p>A 27-year-old runner books dry needling for recurrent low back pain. On your "
            "screening form she ticks 'possibly pregnant': her period is two weeks late and she "
            "has not yet taken a test.</p><p>What should you do at this visit?</p>"
        ),
        general_feedback=(
            "<p>Screening asks about pregnancy and the possibility of pregnancy. Until pregnancy "
            "is ruled out, treat it as possible: early pregnancy is exactly when the sources "
            "advise against needling.</p>"
        ),
        options=[
            key(
                "Leave needling out until pregnancy is ruled out, and use the rest of her plan",
                "Right: the first weeks are when the sources advise most strongly against it.",
            ),
            option(
                "Needle as planned, since a late period is common in runners and proves little yet",
                "A possible early pregnancy is the situation the sources single out.",
            ),
            option(
                "Needle as planned but avoid the lower abdomen and keep insertions shallow",
                "The caution is about pregnancy, not about the site or the depth.",
            ),
            option(
                "Ask her to take a test in the clinic toilet, then needle if she prefers to go "
                "ahead",
                "A negative test this early may be wrong; and a preference does not settle it.",
            ),
        ],
    ),
    must_pass(
        title="Bleeding: warfarin and easy bruising",
        category="Bleeding disorders and blood thinners",
        variant_set=BLEEDING,
        tags=["contraindication:bleeding"],
        reason=_BLEEDING_REASON,
        stem=(
            "<p>Mr B, 68, has chronic low back pain. His medication list includes warfarin, a "
            "blood thinner, and he mentions that he bruised badly after a recent blood test.</p>"
            "<p>Which response is the best one before any needling?</p>"
        ),
        general_feedback=(
            "<p>People taking blood thinners are at greater risk of bleeding, and bruising is "
            "more likely in them. The course's cautious default is not to needle until the risk "
            "is clarified with the patient and, where relevant, his doctor, and your reasoning is "
            "recorded. Never advise a change to prescribed medicine.</p>"
        ),
        options=[
            key(
                "Hold off needling until you have clarified his bleeding risk with him and his GP",
                "Right: clarify first, record your reasoning, and carry on with the rest of "
                "the plan.",
            ),
            option(
                "Needle today; the needles are so fine that anticoagulants make little difference",
                "The sources name blood thinners because they raise the risk of bleeding.",
            ),
            option(
                "Needle today, and ask his doctor to review his bleeding risk before the next "
                "session",
                "The risk has to be clarified before the first needle, not after it.",
            ),
            option(
                "Ask him to skip tonight's dose of warfarin so that you can needle him tomorrow",
                "Changing a prescribed medicine is outside your role and can be dangerous.",
            ),
        ],
    ),
    must_pass(
        title="Bleeding: a known bleeding disorder",
        category="Bleeding disorders and blood thinners",
        variant_set=BLEEDING,
        tags=["contraindication:bleeding"],
        reason=_BLEEDING_REASON,
        stem=(
            "<p>A 45-year-old woman with von Willebrand disease asks for dry needling of her "
            "lumbar muscles. She says she marks easily and once needed treatment for prolonged "
            "oozing after a tooth extraction.</p><p>What is the most appropriate plan?</p>"
        ),
        general_feedback=(
            "<p>Von Willebrand disease is a bleeding disorder, one of the situations the sources "
            "list because of the greater risk of bleeding. Clarify the risk with her and her "
            "specialist before deciding, and record it.</p>"
        ),
        options=[
            key(
                "Defer needling, discuss her bleeding risk with her specialist, and record it",
                "Right: a bleeding disorder is a reason to stop and clarify first.",
            ),
            option(
                "Needle today with fewer, shallower needles to keep any bleeding small",
                "The sources give no adjustment that makes needling safe here.",
            ),
            option(
                "Needle today, because a bleeding disorder matters for surgery, not for fine "
                "needles",
                "The sources name bleeding disorders as a reason for caution with needling.",
            ),
            option(
                "Needle today and give her arnica to take afterwards for the bruising",
                "No evidence is given for arnica, and it does not address the risk.",
            ),
        ],
    ),
    must_pass(
        title="Immune system: after a kidney transplant",
        category="Compromised immune system",
        variant_set=IMMUNE,
        tags=["contraindication:immune"],
        reason=_IMMUNE_REASON,
        stem=(
            "<p>Mr E, 50, had a kidney transplant two years ago and takes medicines that suppress "
            "his immune system. He has mechanical low back pain after lifting and asks you to "
            "needle it.</p><p>Which plan is best?</p>"
        ),
        general_feedback=(
            "<p>A compromised immune system is listed because it raises the risk of infection at "
            "the needling site. Clarify the risk with the patient and his specialist team before "
            "deciding, and record your reasoning.</p>"
        ),
        options=[
            key(
                "Defer needling until his infection risk is clarified with his specialist team",
                "Right: immune suppression raises the risk of infection from a needle.",
            ),
            option(
                "Needle today, since two years after a transplant his immunity will have recovered",
                "Transplant medicines keep suppressing the immune system for as long as they "
                "are taken.",
            ),
            option(
                "Needle today and swab the skin twice with alcohol to make up for his medicines",
                "Extra cleaning does not make up for a weakened immune system.",
            ),
            option(
                "Needle today but ask him to pause his medicines for a day beforehand",
                "Stopping transplant medicines is dangerous and outside your role.",
            ),
        ],
    ),
    must_pass(
        title="Immune system: methotrexate and a biologic",
        category="Compromised immune system",
        variant_set=IMMUNE,
        tags=["contraindication:immune"],
        reason=_IMMUNE_REASON,
        stem=(
            "<p>A 38-year-old man with rheumatoid arthritis takes methotrexate and a biological "
            "medicine that weaken the immune response. He has had low back pain for a month and "
            "would like needling.</p><p>What should you do?</p>"
        ),
        general_feedback=(
            "<p>His medicines compromise his immune system, one of the situations the sources "
            "list because of the greater risk of infection. Clarify before deciding.</p>"
        ),
        options=[
            key(
                "Hold off needling and clarify his infection risk with his rheumatologist first",
                "Right: a compromised immune system is a reason to clarify before needling.",
            ),
            option(
                "Needle today, since arthritis medicines affect the joints rather than the skin",
                "These medicines weaken the immune response throughout the body.",
            ),
            option(
                "Needle today and ask him to report any redness at the sites within a week or so",
                "Watching for infection afterwards does not replace clarifying the risk first.",
            ),
            option(
                "Needle today but use a larger-gauge needle so that the skin heals faster",
                "Needle size does not change the infection risk of a weakened immune system.",
            ),
        ],
    ),
    must_pass(
        title="Skin: a weeping patch over the target",
        category="Skin infection at the site",
        variant_set=SKIN,
        tags=["contraindication:skin-infection"],
        reason=_SKIN_REASON,
        stem=(
            "<p>While you inspect the skin before needling, you find a red, warm, weeping patch "
            "of infected skin directly over the lumbar muscle you planned to treat.</p>"
            "<p>Which is the best course?</p>"
        ),
        general_feedback=(
            "<p>The sources are direct: dry needling should not be performed over areas of skin "
            "infection. Cleaning, dressings or angling beneath the area do not change that.</p>"
        ),
        options=[
            key(
                "Keep needles away from that area and arrange for the infection to be assessed",
                "Right: infected skin is excluded, and it needs looking at.",
            ),
            option(
                "Needle through the patch after cleaning it thoroughly with an alcohol swab",
                "Cleaning does not make infected skin safe to needle.",
            ),
            option(
                "Needle just beside the patch, angling the needle beneath it to reach the muscle",
                "Angling under infected skin still needles the infected area.",
            ),
            option(
                "Cover the patch with a sterile dressing and needle through the dressing",
                "A dressing does not change what lies under it.",
            ),
        ],
    ),
    must_pass(
        title="Skin: a boil near the trigger point",
        category="Skin infection at the site",
        variant_set=SKIN,
        tags=["contraindication:skin-infection"],
        reason=_SKIN_REASON,
        stem=(
            "<p>Ms F, 44, has a boil with spreading redness on her lower back, a few centimetres "
            "from the trigger point you found in her paraspinal muscles. She asks you to needle "
            "the trigger point anyway.</p><p>What is the most appropriate response?</p>"
        ),
        general_feedback=(
            "<p>Spreading redness means the infected area is larger than the boil itself. Do not "
            "needle over or near it; explain why, and advise her to have it assessed.</p>"
        ),
        options=[
            key(
                "Explain why needling must wait, and advise her to get the infection looked at",
                "Right: infected skin, and the skin around it, is not needled.",
            ),
            option(
                "Needle the trigger point, since it lies a few centimetres from the boil",
                "Spreading redness shows the infection reaches beyond the boil.",
            ),
            option(
                "Needle the trigger point after covering the boil with a sterile dressing",
                "A dressing does not make the surrounding skin safe to needle.",
            ),
            option(
                "Needle the trigger point, which lies far enough from the boil to be outside its "
                "area",
                "With redness spreading, nobody can say where the infected area ends.",
            ),
        ],
    ),
    must_pass(
        title="Metal allergy: rash from watch buckles",
        category="Metal allergy",
        variant_set=METAL,
        tags=["contraindication:metal-allergy"],
        reason=_METAL_REASON,
        stem=(
            "<p>At screening, Mr G, 35, says he has no drug allergies. When you ask about other "
            "allergies he mentions that cheap watches and jeans studs give him an itchy rash.</p>"
            "<p>Which response is best before needling?</p>"
        ),
        general_feedback=(
            "<p>A rash from watches and jeans studs suggests an allergy to nickel, one of the "
            "metals the sources name. Ask about metal allergy specifically, not just drug "
            "allergies, and clarify it before deciding to needle.</p>"
        ),
        options=[
            key(
                "Treat it as a possible metal allergy and clarify it before choosing to needle",
                "Right: the sources warn that people allergic to metals may react to needles.",
            ),
            option(
                "Go ahead, since a skin rash from jewellery says little about a reaction to "
                "needles",
                "Needles are metal; the sources name nickel and stainless steel.",
            ),
            option(
                "Go ahead, because a nickel allergy is too mild to matter with steel needles",
                "The sources name stainless steel itself as a possible cause of a reaction.",
            ),
            option(
                "Go ahead, and remove the needles early if the skin becomes itchy",
                "Clarify before needling rather than wait for a reaction.",
            ),
        ],
    ),
    must_pass(
        title="Metal allergy: a reaction to a surgical staple",
        category="Metal allergy",
        variant_set=METAL,
        tags=["contraindication:metal-allergy"],
        reason=_METAL_REASON,
        stem=(
            "<p>A 52-year-old patient tells you she had a reaction to a stainless steel surgical "
            "staple and cannot wear earrings other than gold ones. She wants needling for her "
            "sore lower back.</p><p>What do you do?</p>"
        ),
        general_feedback=(
            "<p>A reaction to stainless steel is exactly the metal allergy the sources name. "
            "Clarify it with her and her doctor before deciding.</p>"
        ),
        options=[
            key(
                "Hold off needling until her metal allergy has been clarified with her doctor",
                "Right: the sources name stainless steel among the metals people react to.",
            ),
            option(
                "Needle her, because acupuncture needles are made to be hypoallergenic",
                "Dry needling uses the same metal needles as acupuncture.",
            ),
            option(
                "Needle her today, and ask her doctor about the allergy before next time",
                "The allergy has to be clarified before needling, not after.",
            ),
            option(
                "Needle her after placing a single test needle in her forearm to check for a "
                "reaction",
                "A test needle exposes her to the metal she reacted to.",
            ),
        ],
    ),
    must_pass(
        title="Diabetes: high sugars and slow healing",
        category="Uncontrolled diabetes",
        variant_set=DIABETES,
        tags=["contraindication:diabetes"],
        reason=_DIABETES_REASON,
        stem=(
            "<p>Mr H, 61, has type 2 diabetes. He tells you his blood sugar has been running high "
            "for months, his doctor is changing his tablets, and a small cut on his shin took "
            "weeks to heal.</p><p>Which plan is best?</p>"
        ),
        general_feedback=(
            "<p>Poorly controlled diabetes is listed because it may increase the risk of "
            "infection and delay healing, as his shin shows. Clarify before needling.</p>"
        ),
        options=[
            key(
                "Postpone needling, explain the raised risk of infection, and liaise with his GP",
                "Right: uncontrolled diabetes raises the risk of infection and delays healing.",
            ),
            option(
                "Needle today, because type 2 diabetes matters mainly for patients who use insulin",
                "The concern is how well the diabetes is controlled, not its type.",
            ),
            option(
                "Needle today and check his blood sugar with a finger-prick test beforehand",
                "One reading does not change months of poor control.",
            ),
            option(
                "Needle today and ask him to watch the sites for infection for a week",
                "Watching for infection afterwards does not address the raised risk.",
            ),
        ],
    ),
    must_pass(
        title="Diabetes: erratic readings and past infections",
        category="Uncontrolled diabetes",
        variant_set=DIABETES,
        tags=["contraindication:diabetes"],
        reason=_DIABETES_REASON,
        stem=(
            "<p>A 47-year-old woman with type 1 diabetes says her glucose readings have been "
            "erratic, with several high readings this month, and she has had two infected cuts "
            "on her legs this year.</p><p>What should you do?</p>"
        ),
        general_feedback=(
            "<p>Her diabetes is not well controlled, one of the situations the sources list "
            "because of infection and delayed healing. Clarify before needling.</p>"
        ),
        options=[
            key(
                "Postpone needling while her control is poor, and liaise with her care team",
                "Right: poor control raises the risk of infection and slows healing.",
            ),
            option(
                "Needle today, since type 1 diabetes is well understood and rarely complicated",
                "The concern is poor control, whatever the type.",
            ),
            option(
                "Needle today, avoiding her legs, where the earlier infections were",
                "The raised risk applies to every site, not just her legs.",
            ),
            option(
                "Needle today and double the usual skin cleaning because of her glucose",
                "Extra cleaning does not make up for poor control.",
            ),
        ],
    ),
]


def _red_flag(title, variant_set, tag, stem, feedback, options) -> dict:
    return must_pass(
        title=title,
        category="Red flags",
        variant_set=variant_set,
        tags=[tag, "guidance:red-flags"],
        reason=_RED_FLAG_REASON,
        stem=stem,
        general_feedback=feedback,
        options=options,
    )


_RED_FLAGS = [
    _red_flag(
        "Red flag: saddle numbness and retention",
        CAUDA_EQUINA,
        "red-flag:cauda-equina",
        "<p>Mr K, 42, has had low back pain with pain down both legs for three days. Today he "
        "mentions numbness around his back passage and genitals, and he has had trouble "
        "starting to pass urine since yesterday.</p><p>What is the most appropriate action?</p>",
        "<p>Numbness around the back passage and genitals (saddle numbness) with new bladder "
        "trouble are signs of cauda equina compression, an emergency. Do not needle; send him "
        "for emergency assessment the same day.</p>",
        [
            key("Send him to an emergency department today, without needling him"),
            option("Needle his lumbar muscles to relieve the spasm compressing the nerves"),
            option(
                "Needle today, and send him to an emergency department if his bladder gets worse"
            ),
            option("Advise rest and pain relief, and reassess him at his next appointment"),
        ],
    ),
    _red_flag(
        "Red flag: numbness when wiping and leaking urine",
        CAUDA_EQUINA,
        "red-flag:cauda-equina",
        "<p>A 55-year-old woman you are treating for sciatica says that since she woke today she "
        "cannot feel the toilet paper when she wipes and has leaked urine twice without "
        "warning. Her leg pain is unchanged.</p><p>What do you do?</p>",
        "<p>Saddle numbness and new incontinence are cauda equina signs whatever the leg pain "
        "does: an emergency. Stop, and arrange emergency assessment straight away.</p>",
        [
            key("Stop treatment and arrange emergency assessment at hospital straight away"),
            option("Carry on with needling as planned, since her leg pain is no worse than before"),
            option("Finish today's session, then arrange an assessment at hospital this week"),
            option("Ask her to see her GP about a urine infection in the next few days"),
        ],
    ),
    _red_flag(
        "Red flag: night pain and weight loss after cancer",
        CANCER,
        "red-flag:cancer",
        "<p>Mrs L, 67, was treated for breast cancer five years ago. She now has back pain that "
        "has steadily worsened over two months, is worst at night, and she has lost weight "
        "without trying.</p><p>Which action is best?</p>",
        "<p>A past cancer, pain that keeps worsening and is worst at night, and unexplained "
        "weight loss together raise the suspicion of cancer in the spine. Do not needle; refer "
        "her promptly for medical investigation.</p>",
        [
            key("Refrain from needling and refer her promptly to her doctor for investigation"),
            option("Needle the painful area, since her cancer was treated successfully years ago"),
            option("Needle gently, because night pain is common with muscular back pain"),
            option("Start a six-week course of needling, then refer her to her doctor if needed"),
        ],
    ),
    _red_flag(
        "Red flag: constant pain and feeling unwell",
        CANCER,
        "red-flag:cancer",
        "<p>Mr M, 74, a former smoker, has constant thoracic and low back pain that does not "
        "ease with rest or change of position. He feels generally unwell, tired and has lost "
        "his appetite.</p><p>What is the most appropriate plan?</p>",
        "<p>Constant pain unrelieved by rest or position in an older former smoker who feels "
        "unwell raises the suspicion of cancer. Do not needle; arrange a prompt medical "
        "review and explain why.</p>",
        [
            key("Explain your concern, hold off needling, and arrange a prompt medical review"),
            option(
                "Needle the paraspinal muscles, which are often tight and tender in older smokers"
            ),
            option("Needle weekly, and arrange a medical review if the pain lasts another month"),
            option("Recommend a new mattress and posture changes, then try needling next week"),
        ],
    ),
    _red_flag(
        "Red flag: fever and a tender vertebra",
        SPINAL_INFECTION,
        "red-flag:infection",
        "<p>Ms N, 39, injects drugs and has had worsening mid-to-low back pain for ten days. She "
        "has a temperature of 38.5 °C, night sweats, and marked tenderness over one "
        "vertebra.</p><p>What is the best course of action?</p>",
        "<p>Fever, night sweats and focal spinal tenderness in someone who injects drugs raise "
        "the suspicion of a spinal infection. Do not needle; refer her for medical assessment "
        "the same day.</p>",
        [
            key("Refer her for same-day medical assessment and do not needle her"),
            option("Needle the paraspinal muscles either side of the tender vertebra"),
            option("Needle today, and refer her for a medical assessment if the fever lasts"),
            option("Book a course of needling and gentle exercise over the next two weeks"),
        ],
    ),
    _red_flag(
        "Red flag: fever after a spinal injection",
        SPINAL_INFECTION,
        "red-flag:infection",
        "<p>Two weeks after an epidural injection, Mr P, 58, has severe, constant back pain, "
        "feels feverish and shivery, and his pain is worse than before the injection.</p>"
        "<p>What do you do?</p>",
        "<p>Fever and worsening constant pain after a spinal procedure raise the suspicion of "
        "infection. Do not needle; arrange urgent medical review the same day.</p>",
        [
            key("Withhold needling and arrange urgent medical review the same day"),
            option("Needle around the injection site to ease the muscle spasm it caused"),
            option("Reassure him that flare-ups after injections are common and needle him"),
            option("Arrange a medical review in a week or two, and needle him meanwhile"),
        ],
    ),
    _red_flag(
        "Red flag: sudden pain with osteoporosis",
        FRACTURE,
        "red-flag:fracture",
        "<p>Mrs Q, 78, has osteoporosis and has taken steroid tablets for years. Yesterday she "
        "felt a sudden sharp pain in her mid back while lifting a shopping bag, and the spine is "
        "tender to tap at that level.</p><p>Which action is best?</p>",
        "<p>Osteoporosis, long-term steroids and sudden pain after a minor strain with focal "
        "spinal tenderness raise the suspicion of a fracture. Do not needle; refer her for "
        "medical assessment.</p>",
        [
            key("Leave needling aside and refer her for medical assessment and imaging"),
            option("Needle the paraspinal muscles gently to ease the spasm around the spine"),
            option("Needle the tender level with fine needles, which cannot affect the bone"),
            option(
                "Refer her for a medical assessment next month, and needle her gently meanwhile"
            ),
        ],
    ),
    _red_flag(
        "Red flag: a fall from a ladder",
        FRACTURE,
        "red-flag:fracture",
        "<p>Mr R, 34, fell from a ladder onto his back two days ago. He has severe central back "
        "pain that is worse when he moves, and the spinous process at one level is very "
        "tender.</p><p>What is the most appropriate response?</p>",
        "<p>Significant trauma with severe central pain and focal bony tenderness raises the "
        "suspicion of a fracture. Do not needle; send him for medical assessment today.</p>",
        [
            key("Do not needle; send him for medical assessment and imaging today"),
            option("Needle the paraspinal muscles to settle the guarding after the fall"),
            option(
                "Needle him today, then send him for medical assessment if the pain lasts a week"
            ),
            option("Needle him today, since young people heal quickly after a fall"),
        ],
    ),
    _red_flag(
        "Red flag: a foot getting weaker",
        NEURO_DEFICIT,
        "red-flag:neurological-deficit",
        "<p>Over your last three sessions with Ms S, 49, her left foot has become weaker: she "
        "now catches her toes when walking, and the numbness over her shin has spread. Her back "
        "pain is about the same.</p><p>What should you do?</p>",
        "<p>Weakness and numbness that keep spreading are a progressive neurological deficit, "
        "whatever the back pain does. Stop needling and refer her urgently.</p>",
        [
            key("Stop needling for now and refer her urgently for medical assessment"),
            option("Carry on, and add needling of the lower-leg muscles to strengthen the foot"),
            option("Carry on as planned, since the back pain itself has not changed"),
            option(
                "Carry on needling, and refer her for a medical assessment if it spreads further"
            ),
        ],
    ),
    _red_flag(
        "Red flag: sciatica with a weakening calf",
        NEURO_DEFICIT,
        "red-flag:neurological-deficit",
        "<p>A 60-year-old man with sciatica reports that over the past week his right calf has "
        "become weaker and the numbness in his foot has spread to his ankle. He is keen to "
        "continue needling.</p><p>What is the best plan?</p>",
        "<p>Worsening weakness and spreading numbness are a progressive neurological deficit. "
        "Pause needling and get him assessed by a doctor promptly.</p>",
        [
            key("Pause needling and get his worsening weakness assessed by a doctor soon"),
            option(
                "Continue needling, since some leg weakness is expected in people with sciatica"
            ),
            option("Needle the calf muscles, which should help to bring their strength back"),
            option(
                "Continue needling, and ask a doctor to look at his weakness if it keeps worsening"
            ),
        ],
    ),
]

CASE_QUESTIONS = [*_CONTRAINDICATIONS, *_RED_FLAGS]
