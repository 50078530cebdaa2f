"""Sample course content for the demo, written from the facts in shared/seeds/.

Checklist: every contraindication and every risk or side effect named in the seeds, with the
lesson slug(s) that teach it. Callout kinds used are noted in brackets.

Contraindications. Seed 001 presents these as circumstances in which dry needling might be
unsuitable or might have to be adapted; no seed classifies them as absolute or relative, so the
course does not either.
- Pregnancy (generally not recommended, especially the first trimester)
  -> contraindications [contraindication callout + table]; assessment-screening-and-consent
- Bleeding disorders or blood-thinning medication (greater bleeding risk)
  -> contraindications [contraindication]; risks-and-side-effects; assessment-screening-and-consent
- Compromised immune system (greater infection risk)
  -> contraindications [contraindication]; risks-and-side-effects; assessment-screening-and-consent
- Skin infection at the site (should not be needled)
  -> contraindications [contraindication]; session-step-by-step; assessment-screening-and-consent
- Allergy to metals, e.g. nickel or stainless steel (allergic reaction to the needles)
  -> contraindications [contraindication]; risks-and-side-effects; assessment-screening-and-consent
- Uncontrolled diabetes (greater infection risk, delayed healing)
  -> contraindications [contraindication]; risks-and-side-effects; assessment-screening-and-consent
- Related screening advice: disclose health conditions, allergies and medications (seed 000);
  ask one's own doctor whether dry needling is appropriate (seed 002)
  -> contraindications; assessment-screening-and-consent

Risks and side effects (seeds 000, 001, 002, 004; seed 003 names none and claims none added).
- Soreness in the treated area (most common; a few hours to a couple of days, or within a few
  days)
  -> risks-and-side-effects [table]; post-treatment-care
- Dull ache or twitch felt during needling (seed 004; described as normal)
  -> risks-and-side-effects; what-is-dry-needling; session-step-by-step
- Bruising (more likely if prone to bruising or on blood thinners)
  -> risks-and-side-effects; contraindications; post-treatment-care
- Bleeding at the insertion site (small risk, usually minimal and self-limiting)
  -> risks-and-side-effects; contraindications [contraindication]; session-step-by-step
- Swelling (seed 002 aftercare) -> risks-and-side-effects; post-treatment-care [evidence]
- Infection (rare) -> risks-and-side-effects [warning]; contraindications; post-treatment-care
- Allergic reaction to the needles (metal allergy)
  -> risks-and-side-effects; contraindications [contraindication]
- Delayed healing (uncontrolled diabetes)
  -> risks-and-side-effects; contraindications [contraindication]
- Nerve injury (very rare; higher near major nerves)
  -> risks-and-side-effects [warning]; back-pain-presentations; session-step-by-step [warning]
- Pneumothorax (very rare but serious; chest or upper back)
  -> risks-and-side-effects [warning]; session-step-by-step [warning]; post-treatment-care

Beyond the seeds. What a credible foundations course also teaches is written conservatively (no
statistics, no citations; local policy and professional body guidance come first) and labelled on
the page with GUIDANCE_LABEL: as the title of an evidence callout that opens each lesson written
beyond the sources, and as a bold inline label (or "Beyond the sources" in procedure steps, under
a GUIDANCE_LABEL callout) where it appears inside a source-based lesson.
- Red flags: cauda equina signs, suspected cancer, infection or fracture, progressive
  neurological deficit -> red-flags-and-referral [lesson]; back-pain-presentations
- Fainting (vasovagal reaction), needlestick injury -> fainting-and-needlestick-injury [lesson]
- Clean technique (hand hygiene first), sharps disposal at the point of use without recapping,
  counting needles in and out -> clean-technique-and-sharps [lesson]; session-step-by-step
- Informed consent and what to record -> informed-consent-and-records [lesson];
  assessment-screening-and-consent; session-step-by-step
"""

GUIDANCE_LABEL = "General professional guidance beyond the five source articles"

COURSE = {
    "title": "Dry needling for low back pain — foundations",
    "slug": "dry-needling-low-back-pain-foundations",
    "summary": (
        "Sample course content, created to demonstrate the platform and written from a small set "
        "of public web articles: an evidence-aware introduction to dry needling for low back pain "
        "for physiotherapists. It covers what dry needling is, the limited evidence, safety and "
        "contraindications, the treatment session and aftercare, and it is not a substitute for "
        "accredited practical training. Where it goes beyond those articles (red flags, fainting, "
        "needlestick injury, clean technique, consent and records), each page says so."
    ),
    "learning_outcomes": [
        (
            "Define dry needling and explain how it differs from acupuncture in origin, rationale "
            "and technique."
        ),
        "Describe the mechanisms proposed for dry needling and explain why they remain hypotheses.",
        (
            "Summarise accurately what the 2018 review cited in the sources found, including its "
            "low-to-moderate quality rating, and distinguish it from marketing claims."
        ),
        "Screen a patient for every contraindication named in the sources and explain each one.",
        (
            "Describe every risk and side effect named in the sources, from common soreness to "
            "rare pneumothorax, and how each is minimised."
        ),
        (
            "Outline a dry needling session for low back pain from assessment and consent to "
            "sharps disposal and aftercare advice."
        ),
        (
            "Plan dry needling as one part of a wider programme that includes exercise, manual "
            "therapy and pain education."
        ),
        (
            "Explain the scope-of-practice and training requirements for dry needling and how to "
            "check your own position."
        ),
        (
            "Recognise the red flags in back pain that mean not needling and referring, and "
            "respond to a faint or a needlestick injury (general professional guidance beyond the "
            "sources)."
        ),
        (
            "Follow clean technique with sharps disposal at the point of use and needle counts, "
            "obtain valid informed consent and keep an adequate record (general professional "
            "guidance beyond the sources)."
        ),
    ],
    "audience": (
        "Qualified physiotherapists who are considering or starting dry needling training and "
        "want an evidence-aware theoretical grounding in its use for low back pain. The course "
        "does not qualify anyone to needle patients."
    ),
    "cpd_hours": 6.0,
    "validity_months": 24,
    "estimated_duration": "about 6 hours",
}

MODULES = [
    {
        "title": "Foundations",
        "slug": "foundations",
        "intro": (
            "What dry needling is, how it differs from acupuncture, and the back-pain "
            "presentations it is used for. This module sets out the vocabulary used in the rest "
            "of the course."
        ),
        "lessons": [
            {
                "title": "What dry needling is",
                "slug": "what-is-dry-needling",
                "summary": (
                    "A working definition of dry needling, trigger points and the local twitch "
                    "response."
                ),
                "estimated_minutes": 15,
                "body": [
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Sample content: read this first",
                            "body": (
                                "<p>This course is <b>sample content</b>, written to demonstrate "
                                "the training platform. It is based on a small set of public web "
                                "articles about dry needling for back pain, most of them "
                                "consumer-facing or promotional. It is not a validated "
                                "curriculum, it confers no qualification or competence to needle, "
                                "and it must not replace accredited, supervised training.</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "A working definition",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>As the source articles describe it, dry needling is a treatment "
                            "in which a clinician with specific training inserts fine, solid "
                            "needles into muscle and neighbouring soft tissue to address "
                            "musculoskeletal pain and impaired movement. The needles are filiform "
                            "needles of the kind acupuncturists also use. Because they are solid, "
                            "nothing is delivered through them. One promotional source loosely "
                            "talks of needles being 'injected'; that is inaccurate wording, but "
                            "you may hear it from patients.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>The targets named across the sources are trigger points, muscle, "
                            "tendons, ligaments and other connective tissue, and tissue lying "
                            "close to nerves. The stated aims are to reduce tension in the "
                            "tissue, ease pain, and improve function and range of movement. You "
                            "will also meet the terms <i>myofascial trigger-point dry "
                            "needling</i> and <i>needle therapy</i>. In the sources both refer to "
                            "the same technique, and 'needle therapy' appears mainly in marketing "
                            "copy.</p>"
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": "Trigger points",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Most of the sources build their explanation around the myofascial "
                            "trigger point, though they describe it in slightly different ways: a "
                            "hyperirritable spot within a muscle, a tight knot, or a taut band of "
                            "muscle tissue. Two of them add that a trigger point can cause pain "
                            "at the spot itself and pain felt somewhere else (referred pain). One "
                            "source adds a distinction many clinicians will recognise: everyone "
                            "is said to have trigger points, but they only produce symptoms once "
                            "'activated', and the declared purpose of needling is to 'deactivate' "
                            "them.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Treat these as working descriptions rather than settled science. "
                            "As Module 2 shows, two of the sources themselves concede that how "
                            "dry needling works is still being researched, and they cite no "
                            "studies on the nature of trigger points.</p>"
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": "The local twitch response",
                            "size": "h3",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>When the needle enters a trigger point, or is moved gently within "
                            "it, the muscle may give a brief, involuntary contraction of its "
                            "fibres followed by relaxation. This is the local twitch response. "
                            "One source treats it as the aim of treatment and describes it as a "
                            "reflex organised at spinal level rather than in the brain. Another "
                            "presents a twitch, or a dull ache, as a normal sensation during "
                            "needling. Either way, patients should be told in advance that they "
                            "may feel it.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "pearl",
                            "title": "Describe, don't advertise",
                            "body": (
                                "<p>In your notes and conversations, record what you actually did "
                                "and observed: the muscle needled, the patient's response, "
                                "whether a twitch occurred. Avoid phrases borrowed from marketing "
                                "copy, such as claiming to have 'released the root cause' of "
                                "someone's pain.</p>"
                            ),
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Finally, notice the point on which the sources come closest to "
                            "agreeing, whatever else they claim: four of the five say outright "
                            "that dry needling is one component of a wider treatment plan, not a "
                            "complete treatment in itself, and the fifth, a clinic page, speaks "
                            "of incorporating it into a treatment plan. That framing runs through "
                            "the whole of this course.</p>"
                        ),
                    ),
                ],
            },
            {
                "title": "Dry needling and acupuncture: how they differ",
                "slug": "dry-needling-vs-acupuncture",
                "summary": (
                    "How dry needling differs from acupuncture in origin, rationale, technique "
                    "and regulation, and what they share."
                ),
                "estimated_minutes": 15,
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Patients often assume dry needling is a kind of acupuncture, and "
                            "the confusion is understandable. Both put thin needles into the "
                            "body, and one source points out that the needles are the same "
                            "filiform type. The three sources that compare them agree that the "
                            "two are separate practices with different origins, rationales and "
                            "methods. Being able to explain the difference clearly is part of "
                            "obtaining properly informed consent.</p>"
                        ),
                    ),
                    (
                        "table",
                        {
                            "caption": "Dry needling and acupuncture as described in the sources",
                            "header": [
                                "Feature",
                                "Dry needling",
                                "Acupuncture",
                            ],
                            "rows": [
                                [
                                    "Origin",
                                    "Western medicine, grounded in anatomy and physiology",
                                    "Traditional Chinese medicine",
                                ],
                                [
                                    "Rationale",
                                    (
                                        "Anatomical and neurophysiological; treats "
                                        "musculoskeletal pain and dysfunction"
                                    ),
                                    (
                                        "Qi (the body's energy) flowing along meridians; aims to "
                                        "unblock and balance it"
                                    ),
                                ],
                                [
                                    "Where the needles go",
                                    (
                                        "Muscles, trigger points and connective tissue found on "
                                        "physical examination"
                                    ),
                                    (
                                        "Acupuncture points on meridians, chosen by traditional "
                                        "diagnostic principles"
                                    ),
                                ],
                                [
                                    "What the needle is meant to do",
                                    (
                                        "Provoke a local twitch response or stimulate sensory "
                                        "receptors"
                                    ),
                                    "Be manipulated to influence the flow of Qi",
                                ],
                                [
                                    "Who usually performs it",
                                    (
                                        "Physiotherapists, chiropractors, doctors and others with "
                                        "specific dry needling training"
                                    ),
                                    "Acupuncturists trained in traditional Chinese medicine",
                                ],
                                [
                                    "Treatment goals",
                                    "Less pain, better range of motion, restored function",
                                    (
                                        "General health and balance; many conditions, among them "
                                        "pain and digestive, respiratory and emotional complaints"
                                    ),
                                ],
                                [
                                    "Regulation",
                                    (
                                        "Varies by state or country: within physiotherapy scope "
                                        "in some places, regulated separately in others"
                                    ),
                                    (
                                        "Described as a separately regulated profession with its "
                                        "own licensing in most places"
                                    ),
                                ],
                                [
                                    "Evidence (as claimed by one source)",
                                    (
                                        "Said to have a growing evidence base for musculoskeletal "
                                        "pain; no references given"
                                    ),
                                    (
                                        "Said to be established for some conditions (for example "
                                        "pain, nausea and infertility) and less conclusive for "
                                        "others; no references given"
                                    ),
                                ],
                            ],
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Why the distinction matters in the clinic",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>The practical difference lies in how you decide where to needle. "
                            "In dry needling the target comes from your own assessment of this "
                            "patient: the history, the movement examination and palpation of the "
                            "tissue. It is not read off a chart of fixed points. The technique is "
                            "also explained in purely anatomical and neurophysiological terms, "
                            "and that is how you should describe it to patients.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>What does not differ is the physical act. A needle passing "
                            "through skin carries the same hazards whatever theory lies behind "
                            "it. Bleeding, bruising, infection, nerve injury and pneumothorax, "
                            "all covered in Module 3, apply to dry needling just as they apply to "
                            "any other needling practice.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "evidence",
                            "title": "Read the evidence row with care",
                            "body": (
                                "<p>The comparison table in one source says dry needling has a "
                                "'growing body of evidence' behind it, but gives no references. "
                                "The only research cited anywhere in the source articles is a "
                                "2018 review that found the evidence for low back pain to be of "
                                "low-to-moderate quality (see Module 2). Treat that row of the "
                                "table as a claim, not a finding.</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Explaining it to a patient",
                            "size": "h3",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>A plain-language explanation might run like this: 'I use fine "
                            "needles, similar to acupuncture needles, but I decide where they go "
                            "from my examination of your muscles. The aim is to ease pain and "
                            "muscle tension so that you can move and exercise more comfortably. "
                            "It isn't based on the traditional Chinese idea of energy "
                            "channels.'</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "pearl",
                            "title": "Respect other professions",
                            "body": (
                                "<p>Explain what your own approach is rather than criticising "
                                "acupuncture. Some patients will have had acupuncture before, and "
                                "some of your colleagues may practise it.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Back-pain presentations where dry needling is used",
                "slug": "back-pain-presentations",
                "summary": (
                    "The back-pain presentations the sources associate with dry needling, and how "
                    "to reason clinically about them."
                ),
                "estimated_minutes": 20,
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>One Australian source notes that chronic back pain ranks among "
                            "the main causes of disability in that country, that it tends to "
                            "recur, and that it may need long-term management. The same source "
                            "observes that the choice between surgical and non-surgical treatment "
                            "depends on how severe the condition is, whether there are "
                            "neurological symptoms, and the doctor's assessment. Another source "
                            "names poor posture, muscle strain, disc herniation and stress among "
                            "the contributors to back pain. Where dry needling is used, it is one "
                            "non-surgical option within that picture.</p>"
                        ),
                    ),
                    (
                        "table",
                        {
                            "caption": (
                                "Back-pain presentations the sources say dry needling is used for"
                            ),
                            "header": [
                                "Presentation",
                                "Role the sources describe",
                                "Teaching note",
                            ],
                            "rows": [
                                [
                                    "Acute muscle strain or spasm",
                                    "Easing pain and stiffness after a sudden movement or overuse",
                                    (
                                        "Fits the muscular rationale; combine with a graded "
                                        "return to activity"
                                    ),
                                ],
                                [
                                    "Ligament sprain",
                                    "Listed for sprains of the ligaments that support the spine",
                                    (
                                        "The sources give no specific rationale for needling "
                                        "ligament injuries"
                                    ),
                                ],
                                [
                                    "Myofascial pain syndrome",
                                    "Treating trigger points that cause local or referred pain",
                                    (
                                        "The presentation most directly matched to the "
                                        "trigger-point rationale"
                                    ),
                                ],
                                [
                                    "Chronic (persistent) back pain",
                                    "Presented as a main use",
                                    "Often recurrent; plan for long-term self-management",
                                ],
                                [
                                    "Disc herniation",
                                    "Reducing the associated muscle tension and pain",
                                    (
                                        "One source states plainly that needling cannot repair "
                                        "the disc"
                                    ),
                                ],
                                [
                                    "Sciatica",
                                    (
                                        "Reducing muscle tension; one source also claims it "
                                        "reduces nerve compression"
                                    ),
                                    (
                                        "The nerve-compression claim is unsupported in the "
                                        "sources; assess neurological status"
                                    ),
                                ],
                                [
                                    "Spinal stenosis",
                                    "Reducing the associated muscle tension and pain",
                                    "Needling does not change the narrowing of the canal",
                                ],
                                [
                                    "Postural problems and muscle imbalance",
                                    "Claimed to correct imbalance and improve posture",
                                    "A claim; postural change needs active work such as exercise",
                                ],
                                [
                                    "Sports-related back injury",
                                    "Listed for athletes with back injuries",
                                    "Use within a rehabilitation programme",
                                ],
                            ],
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "From a list to a clinical decision",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>A presentation appearing on a list is not an indication to "
                            "needle. These lists come from consumer and marketing articles, and "
                            "none is backed by evidence specific to the presentation. A more "
                            "defensible question is whether your assessment has found a muscular "
                            "or myofascial component that is relevant to this patient's symptoms "
                            "and that you can locate on palpation. If it has, dry needling may be "
                            "one reasonable option to discuss. If it has not, the list does not "
                            "make needling appropriate.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Take particular care with the presentations that involve nerves. "
                            "Sciatica, disc herniation with leg symptoms and spinal stenosis all "
                            "involve neural structures. The one source that discusses them limits "
                            "the role of needling to the associated muscle tension and pain, "
                            "apart from its unsupported claim about nerve compression in "
                            "sciatica, and it warns that nerve injury, though very rare, is more "
                            "likely when needling close to major nerves.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Screen before you treat locally",
                            "body": (
                                "<p>One source notes that severity and neurological symptoms "
                                "shape the choice between surgical and non-surgical care. "
                                "<b>General professional guidance beyond the five source "
                                "articles:</b> before any local treatment for back pain, screen "
                                "for signs of serious pathology and for significant or "
                                "progressive neurological deficit, and refer onward through your "
                                "local pathways. Dry needling must never delay appropriate "
                                "medical assessment. The red flags lesson in Module 3 sets out "
                                "what to screen for.</p>"
                            ),
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>The sources also mention needling for neck, shoulder, hip and "
                            "knee pain, plantar fasciitis, rotator cuff problems, carpal tunnel "
                            "syndrome and cervicogenic headache. Those uses are outside the scope "
                            "of this course, which deals only with the low back.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "evidence",
                            "title": "No presentation-specific evidence",
                            "body": (
                                "<p>The single review cited in the sources looked at dry needling "
                                "for trigger points in low back pain in general. Nothing in the "
                                "sources tells you whether dry needling works better for one "
                                "back-pain presentation than for another.</p>"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "title": "Mechanisms and evidence",
        "slug": "mechanisms-and-evidence",
        "intro": (
            "What the sources propose about how dry needling might work, what the one review they "
            "cite actually found, and how to tell marketing claims from evidence."
        ),
        "lessons": [
            {
                "title": "Proposed mechanisms",
                "slug": "proposed-mechanisms",
                "summary": (
                    "The mechanisms the sources propose for dry needling, and why each remains a "
                    "hypothesis."
                ),
                "estimated_minutes": 20,
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Start with what two of the sources admit: the precise way dry "
                            "needling works has not been established. One describes its "
                            "mechanisms as still under investigation. Another says researchers "
                            "are unsure how the treatment works and can only say what they "
                            "believe happens. Everything in this lesson should therefore be read "
                            "as hypothesis, even where a source states it as fact.</p>"
                        ),
                    ),
                    (
                        "table",
                        {
                            "caption": "Mechanisms proposed in the sources",
                            "header": [
                                "Proposed mechanism",
                                "How the sources describe it",
                                "Status in the sources",
                            ],
                            "rows": [
                                [
                                    "Trigger point release",
                                    (
                                        "The needle disrupts the trigger point, producing a "
                                        "twitch then relaxation, so the taut band can lengthen "
                                        "and contract more efficiently"
                                    ),
                                    "Proposed; no studies cited",
                                ],
                                [
                                    "Twitch as a spinal reflex",
                                    (
                                        "The twitch is described as a reflex routed through the "
                                        "spinal cord rather than the brain, which alters the "
                                        "physiology of the muscle membrane"
                                    ),
                                    "Asserted by one source; no studies cited",
                                ],
                                [
                                    "Pain modulation",
                                    (
                                        "Release of endorphins, altered processing of pain by the "
                                        "brain, and blocking of pain signals"
                                    ),
                                    (
                                        "Proposed; one source says researchers believe this but "
                                        "are not sure"
                                    ),
                                ],
                                [
                                    "Local blood flow",
                                    (
                                        "More blood flow and microcirculation, bringing oxygen "
                                        "and nutrients, clearing waste products and easing muscle "
                                        "contraction"
                                    ),
                                    "Proposed; no studies cited",
                                ],
                                [
                                    "Nervous system effects",
                                    (
                                        "Stimulation of sensory receptors and nerve pathways, "
                                        "changing muscle tone and pain sensitivity"
                                    ),
                                    "Proposed; no studies cited",
                                ],
                                [
                                    "Less inflammation, faster healing",
                                    (
                                        "Several sources say needling reduces inflammation and "
                                        "promotes tissue healing"
                                    ),
                                    "Claim only; no supporting evidence in the sources",
                                ],
                            ],
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Holding mechanisms lightly",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Mechanistic stories persuade because they sound physiological. "
                            "Notice, though, that several sources slide from 'may' to 'does' "
                            "within a few sentences, and that none cites a single laboratory or "
                            "clinical study for any mechanism in the table. One goes further and "
                            "says the technique deals with the 'root cause' of back pain. That "
                            "phrase assumes the trigger point is the cause, yet the same article "
                            "lists posture, muscle strain, disc problems and stress among the "
                            "contributors to back pain.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "evidence",
                            "title": "A mechanism is not evidence of benefit",
                            "body": (
                                "<p>Even if needling does change blood flow or muscle tone, that "
                                "alone does not show that patients get meaningfully better. "
                                "Whether a treatment helps is a question for clinical trials and "
                                "reviews of them, which is the subject of the next lesson.</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Explaining mechanisms to patients",
                            "size": "h3",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Patients will ask how it works. An honest answer acknowledges "
                            "uncertainty without dismissing the treatment: the needle appears to "
                            "influence how the muscle and the nervous system respond to pain, "
                            "there are several theories, and researchers have not yet settled "
                            "which are right. That is more accurate than telling a patient that "
                            "the needle 'resets' the muscle, or that a twitch proves the problem "
                            "has been fixed.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "pearl",
                            "title": "A twitch is not a success marker",
                            "body": (
                                "<p>One source describes the twitch or dull ache felt during "
                                "needling as a sign that the muscle is letting go of tension. "
                                "That is an interpretation, not an established fact. Judge the "
                                "response by reassessing symptoms and function, not by whether a "
                                "twitch occurred.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "The evidence: what the 2018 review found",
                "slug": "evidence-2018-review",
                "summary": (
                    "Exactly what the sources report about the 2018 review of dry needling for "
                    "low back pain, and what it does not support."
                ),
                "estimated_minutes": 20,
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Across all five source articles only one piece of research is "
                            "cited: a review, carried out in 2018, of the available evidence on "
                            "dry needling for trigger points in low back pain. The article that "
                            "reports it gives no authors, journal or number of included studies, "
                            "so this course cannot supply them either. Before you quote the "
                            "review in practice, find and read the original.</p>"
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": "What the source reports the review found",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>According to the source article:</p><ul><li>The reviewers "
                            "reported that scientific evidence connecting dry needling with low "
                            "back pain outcomes was lacking, and were able to draw conclusions "
                            "only from a limited number of studies.</li><li>On evidence of "
                            "<b>low-to-moderate quality</b>, dry needling was associated with "
                            "significantly lower pain intensity and functional disability than "
                            "other treatments, measured at <b>post-intervention</b>.</li><li>Dry "
                            "needling combined with other treatments reduced pain intensity more "
                            "than dry needling alone at post-intervention, but the evidence for "
                            "this was of <b>low quality</b>.</li><li>The review also looked at "
                            "other treatments, including acupuncture, standard physical therapy "
                            "and local anaesthetic injection therapy.</li></ul>"
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": "How to read these findings",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Three features of this summary limit what you can claim. The "
                            "first is quality: low-to-moderate quality evidence means that "
                            "further, better research could change the picture. The second is "
                            "timing: the findings are reported at post-intervention, that is, at "
                            "the end of the treatment period. The source reports nothing about "
                            "longer follow-up, so the review as reported does not support "
                            "promises of 'long-term relief'. The third is size: the source calls "
                            "the reduction 'significant' but gives no effect sizes, so you cannot "
                            "tell from it how large or clinically important the improvement "
                            "was.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "evidence",
                            "title": "What you can accurately say",
                            "body": (
                                "<p>A 2018 review of the available evidence found low-to-moderate "
                                "quality evidence that dry needling reduced pain intensity and "
                                "disability compared with other treatments at the end of "
                                "treatment, and low quality evidence that combining it with other "
                                "treatments reduced pain more than dry needling alone. The "
                                "reviewers also noted how limited the evidence base was.</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "A professional body's description",
                            "size": "h3",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>The same source refers to a resource paper from the American "
                            "Physical Therapy Association (APTA), <i>Description of Dry Needling "
                            "in Clinical Practice</i>. As the source reports it, the paper says "
                            "dry needling should not stand alone but should sit within a broader "
                            "physical therapy approach, combined with manual therapy and "
                            "exercise, with patients taught how to look after their muscles "
                            "between sessions. This is a professional description of practice "
                            "from a United States body, not new trial evidence, although the "
                            "source presents it as echoing the review.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Watch the gap between headline and finding",
                            "body": (
                                "<p>The article that cites the review goes on to say that "
                                "researchers 'know it works' and that dry needling might be a "
                                "safe, effective new option. Those statements go well beyond a "
                                "review that found limited, low-to-moderate quality evidence, and "
                                "the same article concedes that more evidence is needed. When a "
                                "source's confidence outruns its own evidence, rely on the "
                                "evidence.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Marketing claims versus evidence",
                "slug": "claims-versus-evidence",
                "summary": (
                    "How to recognise the marketing claims in the sources and set them against "
                    "the evidence the sources actually cite."
                ),
                "estimated_minutes": 15,
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>The source articles for this course are a mix of consumer health "
                            "blogs and clinic marketing pages. That is typical of what patients "
                            "read before they arrive, so separating claims from evidence in such "
                            "texts is a practical skill, not an academic one. In this course a "
                            "<b>claim</b> is any statement of benefit that the source does not "
                            "back with evidence. The benchmark for evidence is the 2018 review "
                            "described in the previous lesson.</p>"
                        ),
                    ),
                    (
                        "table",
                        {
                            "caption": "Claims in the sources set against the evidence they cite",
                            "header": [
                                "Claim (paraphrased from the sources)",
                                "What the cited evidence supports",
                            ],
                            "rows": [
                                [
                                    "Dry needling gives long-term relief",
                                    (
                                        "The review's findings are reported at post-intervention "
                                        "only; no longer-term results are reported"
                                    ),
                                ],
                                [
                                    "It treats the root cause of back pain",
                                    (
                                        "Mechanisms are unsettled, and the sources themselves "
                                        "list several contributors to back pain"
                                    ),
                                ],
                                [
                                    "Most people feel immediate relief, often after one session",
                                    (
                                        "Based on patient reports; the same source says relief "
                                        "lasts anywhere from hours to weeks"
                                    ),
                                ],
                                [
                                    "Researchers know it works",
                                    (
                                        "The cited review described limited, low-to-moderate "
                                        "quality evidence"
                                    ),
                                ],
                                [
                                    "It is highly effective, or safe and effective",
                                    (
                                        "Effectiveness evidence is low-to-moderate quality; "
                                        "safety depends on screening, training and technique, and "
                                        "real risks exist"
                                    ),
                                ],
                                [
                                    "There is a growing body of evidence",
                                    "No references are given",
                                ],
                                [
                                    "Effects are cumulative, so regular sessions are advisable",
                                    "No evidence is offered",
                                ],
                                [
                                    "It speeds recovery and reduces reliance on medication",
                                    "No evidence is offered",
                                ],
                                [
                                    (
                                        "It reduces inflammation, relieves nerve compression in "
                                        "sciatica and corrects posture"
                                    ),
                                    "No evidence is offered; these are mechanistic assertions",
                                ],
                                [
                                    "It gives relief without adding side effects or risk",
                                    (
                                        "The sources list side effects and risks, including rare "
                                        "serious ones such as pneumothorax"
                                    ),
                                ],
                                [
                                    (
                                        "Arnica or turmeric can reduce swelling and bruising "
                                        "afterwards"
                                    ),
                                    (
                                        "No evidence is offered; the source only suggests "
                                        "discussing it with the practitioner"
                                    ),
                                ],
                            ],
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Why this matters",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Consent is informed only if the information behind it is "
                            "accurate. A patient who has been promised long-term relief and a fix "
                            "for the root cause of their pain may agree to treatment they would "
                            "otherwise have weighed differently, and may feel misled if the "
                            "result is modest. Overstated claims also erode trust in the "
                            "profession, and health-care advertising is commonly subject to rules "
                            "about substantiating claims; check the standards that apply to "
                            "you.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>None of this means the claims are necessarily false. Two sources "
                            "report that patients describe relief soon after a session, and the "
                            "review found less pain and disability at the end of treatment, on "
                            "low-to-moderate quality evidence. The point is proportion. Present "
                            "dry needling as a treatment with some low-to-moderate quality "
                            "evidence of benefit for low back pain at the end of a course of "
                            "treatment, and low quality evidence that it helps more combined with "
                            "other care than alone.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "pearl",
                            "title": "Reframe rather than contradict",
                            "body": (
                                "<p>If a patient tells you they have read that dry needling fixes "
                                "the root cause of back pain, you might say: 'Some people do feel "
                                "some easing of their pain soon after a session, though it varies "
                                "and may not last. The one review the articles cite found "
                                "low-to-moderate quality evidence of less pain by the end of a "
                                "course of treatment, and nothing about the long term. It isn't a "
                                "cure on its own, so we'll use it as one part of your plan, "
                                "alongside the exercise you keep doing yourself.'</p>"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "title": "Safety and contraindications",
        "slug": "safety-and-contraindications",
        "intro": (
            "Every contraindication and every risk named in the source articles, and who should "
            "be needling at all, with general professional guidance beyond the sources on red "
            "flags, fainting and needlestick injury. Complete this module before the treatment "
            "session module."
        ),
        "lessons": [
            {
                "title": "Contraindications and situations needing caution",
                "slug": "contraindications",
                "summary": (
                    "The six contraindications named in the sources, in the sources' own terms, "
                    "and what patients are told to disclose."
                ),
                "estimated_minutes": 25,
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>One source sets out a list of contraindications, which it "
                            "describes as situations in which dry needling might be unsuitable or "
                            "might have to be adapted. None of the sources divides them into "
                            "absolute and relative contraindications, so this course does not "
                            "either: each is presented in the source's own terms. If your "
                            "employer, insurer or training provider classifies them, follow that "
                            "protocol. The six situations named are set out below.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "contraindication",
                            "title": "Pregnancy",
                            "body": (
                                "<p>The source advises that dry needling is usually best avoided "
                                "in pregnancy, and singles out the first trimester. Ask about "
                                "pregnancy, and the possibility of pregnancy, at every "
                                "screening.</p>"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "contraindication",
                            "title": "Bleeding disorders and blood-thinning medication",
                            "body": (
                                "<p>People with a bleeding disorder, or who take blood-thinning "
                                "medication, are described as being at greater risk of bleeding. "
                                "The same source notes that bruising is more likely in people who "
                                "take blood thinners or who bruise easily.</p>"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "contraindication",
                            "title": "Compromised immune system",
                            "body": (
                                "<p>A weakened immune system is listed because it raises the risk "
                                "of infection at the needling site.</p>"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "contraindication",
                            "title": "Skin infection",
                            "body": (
                                "<p>Here the source is direct: dry needling should not be carried "
                                "out over areas of skin infection. Inspect the skin at and around "
                                "every intended site before you needle.</p>"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "contraindication",
                            "title": "Allergy to metals",
                            "body": (
                                "<p>People allergic to metals, for example nickel or stainless "
                                "steel, may have an allergic reaction to the needles. Ask "
                                "specifically about metal allergy, not just about drug "
                                "allergies.</p>"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "contraindication",
                            "title": "Uncontrolled diabetes",
                            "body": (
                                "<p>Poorly controlled diabetes is listed because it may increase "
                                "the risk of infection and delay healing.</p>"
                            ),
                        },
                    ),
                    (
                        "table",
                        {
                            "caption": (
                                "Contraindications named in the sources (no absolute or relative "
                                "classification is given)"
                            ),
                            "header": [
                                "Situation",
                                "Concern stated in the source",
                                "Wording in the source (paraphrased)",
                            ],
                            "rows": [
                                [
                                    "Pregnancy",
                                    "Not stated",
                                    "Generally not recommended, especially in the first trimester",
                                ],
                                [
                                    "Bleeding disorders or blood-thinning medication",
                                    "Greater risk of bleeding; bruising more likely",
                                    (
                                        "Listed among situations where needling may be "
                                        "inappropriate or need modifying"
                                    ),
                                ],
                                [
                                    "Compromised immune system",
                                    "Greater risk of infection",
                                    (
                                        "Listed among situations where needling may be "
                                        "inappropriate or need modifying"
                                    ),
                                ],
                                [
                                    "Skin infection",
                                    "Not stated; the infected area itself is excluded",
                                    "Should not be needled over infected skin",
                                ],
                                [
                                    "Allergy to metals (for example nickel or stainless steel)",
                                    "Allergic reaction to the needles",
                                    (
                                        "Listed among situations where needling may be "
                                        "inappropriate or need modifying"
                                    ),
                                ],
                                [
                                    "Uncontrolled diabetes",
                                    "Greater risk of infection; delayed healing",
                                    (
                                        "Listed among situations where needling may be "
                                        "inappropriate or need modifying"
                                    ),
                                ],
                            ],
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "What patients are told to disclose",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Two sources approach screening from the patient's side. One tells "
                            "patients to inform their therapist about existing health conditions, "
                            "allergies and medications, and to raise any concerns before "
                            "treatment. Another advises patients to check with their own doctor "
                            "whether dry needling suits them. Your screening should therefore "
                            "capture the six situations above, a general health history, every "
                            "current medicine, and allergies of every kind.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "This list is not exhaustive",
                            "body": (
                                "<p>The sources name only these six situations. Accredited dry "
                                "needling training and local clinical policies may add further "
                                "contraindications and precautions. This course teaches only what "
                                "its sources state, so treat the list as a minimum, not as a "
                                "complete screening tool.</p>"
                            ),
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>The idea that needling might be adapted deserves attention. For "
                            "several of these situations the source implies that needling might "
                            "still be possible with adjustments, but it does not say what those "
                            "adjustments are. The course's suggested default, which is a cautious "
                            "judgement rather than a source statement, is not to needle a patient "
                            "in any of these categories until you have clarified the risk with "
                            "them (and, where relevant, with their doctor) and documented your "
                            "reasoning.</p>"
                        ),
                    ),
                ],
            },
            {
                "title": "Red flags: when not to needle, and when to refer",
                "slug": "red-flags-and-referral",
                "summary": (
                    "The signs of serious pathology in back pain (cauda equina syndrome, "
                    "suspected cancer, infection or fracture, progressive neurological deficit) "
                    "that mean: do not needle, refer."
                ),
                "estimated_minutes": 20,
                "body": [
                    (
                        "callout",
                        {
                            "kind": "evidence",
                            "title": (
                                "General professional guidance beyond the five source articles"
                            ),
                            "body": (
                                "<p>None of the five source articles lists red flags; one only "
                                "notes that severity and neurological symptoms shape the choice "
                                "between surgical and non-surgical care. This lesson is general "
                                "professional guidance, written conservatively and without "
                                "statistics or citations. Your local referral pathways, your "
                                "employer's policies and the guidance of your regulator and "
                                "professional body come first: where they differ from this "
                                "lesson, follow them.</p>"
                            ),
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Most back pain is not caused by serious disease, but a few "
                            "patients who present with back pain have a condition that needs "
                            "medical assessment, some of them urgently. The features that raise "
                            "that suspicion are called <b>red flags</b>. They belong in every "
                            "back-pain assessment, whatever treatment you have in mind, and you "
                            "screen for them before needling is even considered. A red flag is "
                            "not a diagnosis. It is a reason to stop, not to needle, and to refer "
                            "the patient for medical assessment.</p>"
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": "The red flags to screen for",
                            "size": "h2",
                        },
                    ),
                    (
                        "table",
                        {
                            "caption": "Red flags in back pain: do not needle, refer",
                            "header": [
                                "Concern",
                                "Features that should raise it",
                                "What to do",
                            ],
                            "rows": [
                                [
                                    "Cauda equina syndrome",
                                    (
                                        "Numbness or altered feeling in the saddle area (around "
                                        "the back passage, genitals or inner thighs); new "
                                        "difficulty passing urine, or loss of bladder or bowel "
                                        "control; new sexual dysfunction; pain, numbness or "
                                        "weakness in both legs"
                                    ),
                                    (
                                        "Do not needle. An emergency: arrange same-day emergency "
                                        "medical assessment through your local pathway"
                                    ),
                                ],
                                [
                                    "Suspected cancer",
                                    (
                                        "A past history of cancer; unexplained weight loss; pain "
                                        "that is constant or getting steadily worse, is worse at "
                                        "night and is not eased by rest or changing position; "
                                        "feeling generally unwell"
                                    ),
                                    (
                                        "Do not needle. Refer promptly to the patient's doctor or "
                                        "through your local pathway"
                                    ),
                                ],
                                [
                                    "Suspected infection",
                                    (
                                        "Fever, night sweats or feeling generally unwell; marked "
                                        "tenderness over one level of the spine; a weakened "
                                        "immune system; a recent infection, recent spinal "
                                        "procedure or injecting drug use; severe, constant pain"
                                    ),
                                    (
                                        "Do not needle. Refer urgently, the same day, for medical "
                                        "assessment"
                                    ),
                                ],
                                [
                                    "Suspected fracture",
                                    (
                                        "Significant trauma such as a fall from height or a road "
                                        "accident; minor trauma, or none, in someone with "
                                        "osteoporosis or on long-term corticosteroids; sudden "
                                        "severe pain; marked tenderness over one level of the "
                                        "spine"
                                    ),
                                    (
                                        "Do not needle. Refer for medical assessment, the same "
                                        "day after significant trauma"
                                    ),
                                ],
                                [
                                    "Progressive neurological deficit",
                                    (
                                        "Weakness that is getting worse; numbness that is "
                                        "spreading; changes affecting more than one nerve root or "
                                        "both legs; new difficulty with walking or balance"
                                    ),
                                    (
                                        "Do not needle. Refer urgently; the faster the change, "
                                        "the more urgent the referral"
                                    ),
                                ],
                            ],
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "What to do when you find a red flag",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Do not needle, and do not start any other local treatment. "
                            "Explain to the patient, calmly and plainly, why you want a doctor to "
                            "see them and how soon. Make the referral yourself through your local "
                            "pathway, or make sure the patient knows exactly where to go and "
                            "when; do not leave it to them to decide whether to act. Record what "
                            "you found, what you told the patient and the referral you made.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Suspected cauda equina syndrome is an emergency",
                            "body": (
                                "<p>It needs emergency assessment the same day, through your "
                                "local emergency pathway: do not wait for the next appointment, "
                                "and do not let the patient leave without knowing where to go. "
                                "Tell patients who have back pain with leg symptoms what the "
                                "warning signs are, and to seek emergency help at once if any "
                                "appear between appointments: numbness in the saddle area, new "
                                "bladder or bowel problems, new sexual dysfunction, or symptoms "
                                "in both legs.</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Red flags are not a one-off check",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Screen for red flags at the first visit, and ask again at each "
                            "later session and whenever the symptoms change. Pain that seemed "
                            "straightforward at the first visit can change. If red-flag features "
                            "appear during a course of treatment, stop needling and refer.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "pearl",
                            "title": "Red flags and contraindications are different questions",
                            "body": (
                                "<p>The six contraindications named in the sources ask whether "
                                "needling is safe for this patient. Red flags ask whether the "
                                "back pain itself needs medical assessment first. Both belong in "
                                "every screening, and your accredited training and local policy "
                                "may add more to each.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Risks and side effects",
                "slug": "risks-and-side-effects",
                "summary": (
                    "Every risk and side effect named in the sources, from common soreness to "
                    "rare pneumothorax, and how each is minimised."
                ),
                "estimated_minutes": 25,
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Several sources describe dry needling as generally safe when a "
                            "trained, qualified practitioner carries it out. The condition "
                            "matters as much as the conclusion. The same sources list side "
                            "effects ranging from the common and minor to the very rare and "
                            "serious, and every one of them appears below.</p>"
                        ),
                    ),
                    (
                        "table",
                        {
                            "caption": "Risks and side effects named in the sources",
                            "header": [
                                "Risk or effect",
                                "Frequency or seriousness (per the sources)",
                                "Prevention or management mentioned",
                            ],
                            "rows": [
                                [
                                    "Soreness in the treated area",
                                    (
                                        "The most common side effect; a few hours to a couple of "
                                        "days (one source), settling within a few days (two "
                                        "sources)"
                                    ),
                                    (
                                        "Described as normal; ice or heat, and simple analgesia "
                                        "bought over the counter"
                                    ),
                                ],
                                [
                                    "Dull ache or twitch during needling",
                                    "An expected sensation during treatment",
                                    "Warn the patient beforehand",
                                ],
                                [
                                    "Bruising at insertion sites",
                                    (
                                        "Common; more likely in people who bruise easily or take "
                                        "blood thinners"
                                    ),
                                    "Expected to settle within a few days",
                                ],
                                [
                                    "Bleeding at the insertion site",
                                    "A small risk; usually minimal and stops by itself",
                                    "Screen for bleeding disorders and blood-thinning medication",
                                ],
                                [
                                    "Swelling",
                                    "Mentioned by one source in its aftercare advice",
                                    (
                                        "That source suggests discussing arnica or turmeric (no "
                                        "evidence given)"
                                    ),
                                ],
                                [
                                    "Infection",
                                    "Rare",
                                    "Sterile needles and strict infection control",
                                ],
                                [
                                    "Allergic reaction to the needles",
                                    (
                                        "In people allergic to metals, for example nickel or "
                                        "stainless steel"
                                    ),
                                    "Screen for metal allergy",
                                ],
                                [
                                    "Delayed healing",
                                    "In people with uncontrolled diabetes",
                                    "Screen for diabetes and how well it is controlled",
                                ],
                                [
                                    "Nerve injury",
                                    "Very rare; more likely near major nerves",
                                    "Anatomical knowledge and care near nerves",
                                ],
                                [
                                    "Pneumothorax (collapsed lung)",
                                    (
                                        "Very rare but serious; linked to needling the chest or "
                                        "upper back"
                                    ),
                                    "Anatomical knowledge and care over the thorax",
                                ],
                            ],
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Pneumothorax",
                            "body": (
                                "<p>One source calls pneumothorax very rare but serious, and link "
                                "it to needling the chest or upper back. A course on low back "
                                "pain does not remove the risk: the lower edge of the lung lies "
                                "close to the thoracolumbar junction, so needling near the lower "
                                "ribs and the junction demands precise anatomical knowledge. "
                                "<b>General professional guidance beyond the five source "
                                "articles:</b> pneumothorax may present with breathlessness or "
                                "chest pain, sometimes only after the patient has left, so tell "
                                "patients to seek urgent medical help if either occurs.</p>"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Nerve injury",
                            "body": (
                                "<p>Nerve injury is very rare, but one source notes that the risk "
                                "rises close to major nerves. In the low back and buttock that "
                                "means knowing where the major nerves of the region run, "
                                "including the sciatic nerve, and adjusting needle position, "
                                "direction and depth to suit. New numbness, weakness or "
                                "persistent sharp pain after treatment needs assessment.</p>"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Infection",
                            "body": (
                                "<p>Infection is rare, and one source credits its prevention to "
                                "sterile needles and strict infection control. <b>General "
                                "professional guidance beyond the five source articles:</b> hand "
                                "hygiene before and after patient contact, sterile single-use "
                                "needles from intact packaging, never reusing a needle, and never "
                                "needling through infected or broken skin. Patients who are "
                                "immunocompromised or have uncontrolled diabetes are at higher "
                                "risk (see the contraindications lesson).</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Reading 'generally safe' correctly",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Safety in the sources is conditional. It rests on a trained "
                            "practitioner, careful screening, sound anatomical knowledge and "
                            "proper infection control. One clinic page even implies that dry "
                            "needling relieves pain without adding side effects or risk; the "
                            "table above shows why that framing is wrong. Patients deserve to "
                            "hear about the common, minor effects they are likely to notice and "
                            "about the rare, serious ones they need to recognise.</p>"
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": "If something goes wrong",
                            "size": "h3",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p><b>General professional guidance beyond the five source "
                            "articles:</b> stop needling, assess the patient, give first aid or "
                            "arrange urgent care as needed, tell the patient what has happened, "
                            "document the event, and report it through your organisation's "
                            "incident process. Know your clinic's emergency procedure before you "
                            "ever needle a patient. Fainting and needlestick injury are covered "
                            "in the lesson that follows this one.</p>"
                        ),
                    ),
                ],
            },
            {
                "title": "Fainting and needlestick injury: what to do at once",
                "slug": "fainting-and-needlestick-injury",
                "summary": (
                    "How to prevent and manage a faint (vasovagal reaction) during needling, and "
                    "what to do at once, and whom to tell, after a needlestick injury."
                ),
                "estimated_minutes": 20,
                "body": [
                    (
                        "callout",
                        {
                            "kind": "evidence",
                            "title": (
                                "General professional guidance beyond the five source articles"
                            ),
                            "body": (
                                "<p>None of the five source articles mentions fainting or "
                                "needlestick injury. This lesson is general professional "
                                "guidance, written conservatively and without statistics or "
                                "citations. Your clinic's emergency procedure, your employer's "
                                "sharps-injury policy, occupational health advice and the "
                                "guidance of your regulator and professional body come first: "
                                "where they differ from this lesson, follow them.</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Fainting (vasovagal reaction)",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Some patients feel faint during or shortly after needling, and "
                            "some briefly lose consciousness. This is usually a <b>vasovagal "
                            "reaction</b>: a reflex fall in heart rate and blood pressure, set "
                            "off by pain, anxiety, or the sight or thought of needles. Watch for "
                            "it especially in a patient who is anxious, who has fainted with "
                            "needles, injections or blood tests before, or who has not eaten or "
                            "drunk, and at a first session.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Warning signs include feeling light-headed, dizzy or sick, "
                            "looking pale, sweating, yawning, feeling hot or cold, blurred or "
                            "dimming vision, and going quiet. Keep talking to the patient "
                            "throughout so that you notice them early, and ask the patient to "
                            "tell you at once if they feel strange.</p>"
                        ),
                    ),
                    (
                        "procedure",
                        {
                            "title": "If a patient feels faint or faints",
                            "steps": [
                                {
                                    "title": "Stop and remove the needles",
                                    "detail": (
                                        "<p>Stop needling and take out every needle at once, "
                                        "counting them so that none is left in the patient, on "
                                        "the couch or in their clothing. Each goes straight into "
                                        "the sharps container.</p>"
                                    ),
                                },
                                {
                                    "title": "Lie the patient flat",
                                    "detail": (
                                        "<p>Lie the patient on their back, with the legs raised "
                                        "if possible, and loosen anything tight. Do not sit them "
                                        "up or let them stand while they still feel faint. If "
                                        "they were lying face down, turn them onto their back "
                                        "once the needles are out.</p>"
                                    ),
                                },
                                {
                                    "title": "Check and stay with them",
                                    "detail": (
                                        "<p>Check that they respond and are breathing normally, "
                                        "and stay with them. Most people recover soon after lying "
                                        "flat. Let them sit up slowly, and stand only when they "
                                        "feel completely well.</p>"
                                    ),
                                },
                                {
                                    "title": "Call for help if they do not recover",
                                    "detail": (
                                        "<p>If the patient does not come round quickly, is not "
                                        "breathing normally, has chest pain or breathlessness, "
                                        "has a fit, or was hurt in falling, call the emergency "
                                        "services and give basic life support as you were trained "
                                        "to. Breathlessness or chest pain after needling near the "
                                        "chest or upper back may mean pneumothorax, not a "
                                        "faint.</p>"
                                    ),
                                },
                                {
                                    "title": "Before they leave",
                                    "detail": (
                                        "<p>Do not resume needling in that session. Advise the "
                                        "patient not to drive until they have fully recovered, "
                                        "and consider whether someone should go home with "
                                        "them.</p>"
                                    ),
                                },
                                {
                                    "title": "Record and report",
                                    "detail": (
                                        "<p>Record what happened, what you did and how the "
                                        "patient recovered, and report it through your clinic's "
                                        "incident process. Note the reaction in the record so "
                                        "that any future treatment is planned with it in mind, or "
                                        "needling is reconsidered.</p>"
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "pearl",
                            "title": "Preventing a faint",
                            "body": (
                                "<p>Ask at screening whether the patient has ever fainted with "
                                "needles, injections or blood tests. Needle the patient lying "
                                "down and well supported, never standing or sitting unsupported. "
                                "Check that they have eaten and drunk, and at a first session use "
                                "few needles while you see how they respond.</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Needlestick injury",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>A needlestick injury is an accidental puncture of your skin, or a "
                            "colleague's, by a needle. A used needle has been in a patient's "
                            "tissue and can carry blood-borne infection, so an injury from one is "
                            "acted on at once. Such injuries are a recognised hazard while a "
                            "needle is being withdrawn, recapped, carried or disposed of, which "
                            "is why each used needle goes straight into a sharps container at the "
                            "point of use and is never recapped (see the clean technique lesson "
                            "in the next module).</p>"
                        ),
                    ),
                    (
                        "procedure",
                        {
                            "title": "What to do at once after a needlestick injury",
                            "steps": [
                                {
                                    "title": "Encourage bleeding",
                                    "detail": (
                                        "<p>Let the wound bleed gently, pressing around it rather "
                                        "than on it. Do not suck it.</p>"
                                    ),
                                },
                                {
                                    "title": "Wash",
                                    "detail": (
                                        "<p>Wash the area with soap and running water. Do not "
                                        "scrub it.</p>"
                                    ),
                                },
                                {
                                    "title": "Cover",
                                    "detail": (
                                        "<p>Dry the area and cover it with a waterproof "
                                        "dressing.</p>"
                                    ),
                                },
                                {
                                    "title": "Report at once",
                                    "detail": (
                                        "<p>Report the injury straight away, the same day, to "
                                        "whoever your policy names: usually your manager and "
                                        "occupational health, or an emergency department out of "
                                        "hours. Advice on whether you need preventive treatment "
                                        "is time-critical, so do not wait until the end of the "
                                        "clinic.</p>"
                                    ),
                                },
                                {
                                    "title": "Record",
                                    "detail": (
                                        "<p>Record when and how it happened and which patient the "
                                        "needle had been used on, and complete your "
                                        "organisation's incident report. Any assessment of the "
                                        "patient's infection risk, and any testing, follows your "
                                        "local policy and needs the patient's consent; it is "
                                        "arranged by the people that policy names, not by you "
                                        "alone.</p>"
                                    ),
                                },
                                {
                                    "title": "Follow up",
                                    "detail": (
                                        "<p>Attend the follow-up that occupational health "
                                        "arranges.</p>"
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Know the procedures before you need them",
                            "body": (
                                "<p>Before you first needle a patient, find out whom you report a "
                                "needlestick injury to, in and out of hours; where the clinic's "
                                "emergency equipment is kept; and what its procedure for a "
                                "collapsed patient is. Follow occupational health advice on "
                                "vaccination for work with sharps.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Scope of practice, training and competence",
                "slug": "scope-training-and-competence",
                "summary": (
                    "Who performs dry needling according to the sources, how regulation varies, "
                    "and how to check your own position."
                ),
                "estimated_minutes": 20,
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Three of the five sources say plainly that dry needling should be "
                            "performed by a trained professional: one tells patients always to "
                            "choose a qualified practitioner with proper dry needling training, "
                            "one calls it essential to find a qualified and experienced "
                            "practitioner, and one advises consulting a qualified provider "
                            "trained in the technique. The other two, both clinic pages (the "
                            "Delhi practice's 'Needle Therapy For Back Pain' and the Sydney "
                            "clinic's 'Dry Needling for Back Pain'), say nothing about training. "
                            "The sources also differ on who might needle. Physiotherapists "
                            "(physical therapists) and chiropractors are named most often; one "
                            "source adds medical doctors, and another names nurses, "
                            "acupuncturists and doctors. Where the sources mention training, the "
                            "practitioner is expected to hold specific dry needling training on "
                            "top of their primary qualification, together with a thorough grasp "
                            "of anatomy and physiology.</p>"
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": "Regulation varies",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Two of the sources point out that who may needle depends on where "
                            "you practise. One notes that some jurisdictions treat dry needling "
                            "as part of physiotherapy scope of practice while others regulate it "
                            "separately. Another says access is growing as more US states add it "
                            "to physical therapists' scope. The sources are written from US, "
                            "Indian and Australian perspectives and say nothing about regulation "
                            "anywhere else.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Check your own position before you needle",
                            "body": (
                                "<p><b>General professional guidance beyond the five source "
                                "articles:</b> confirm with your regulator, your professional "
                                "body and your professional indemnity insurer that dry needling "
                                "is within your scope of practice and covered, and find out what "
                                "training they require. Do not rely on rules from another "
                                "country, or on a course like this one.</p>"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "This course does not make you competent",
                            "body": (
                                "<p>This is sample theory content. Safe needling requires "
                                "accredited training with supervised practical instruction in "
                                "needle handling, applied anatomy and emergency procedures. "
                                "Completing this course does not qualify you to needle "
                                "patients.</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Questions patients are encouraged to ask",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>One source gives patients a list of questions to put to a "
                            "prospective practitioner. You should be able to answer each of them "
                            "clearly and honestly.</p>"
                        ),
                    ),
                    (
                        "table",
                        {
                            "caption": "Patient questions suggested in the sources",
                            "header": [
                                "Question (paraphrased)",
                                "What a good answer covers",
                            ],
                            "rows": [
                                [
                                    "What training and experience do you have in dry needling?",
                                    (
                                        "Your accredited course, supervised practice and "
                                        "continuing development"
                                    ),
                                ],
                                [
                                    "Are you permitted to practise dry needling here?",
                                    "Your regulator's and insurer's position in your jurisdiction",
                                ],
                                [
                                    "How long have you been needling?",
                                    "An honest account of your experience",
                                ],
                                [
                                    "Which back problems do you usually treat with it?",
                                    "The presentations you use it for and how you decide",
                                ],
                                [
                                    "What are the risks and side effects?",
                                    "Everything in the risks lesson, common and rare, and fainting",
                                ],
                                [
                                    "How do you plan treatment and aftercare?",
                                    (
                                        "Assessment-led planning, combination with other care, "
                                        "aftercare advice"
                                    ),
                                ],
                                [
                                    "Can you give references or testimonials?",
                                    (
                                        "Check what your professional and advertising rules allow "
                                        "before using testimonials"
                                    ),
                                ],
                            ],
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "pearl",
                            "title": "Keep your own records",
                            "body": (
                                "<p>Keep evidence of your dry needling training, supervised "
                                "practice and continuing professional development. It supports "
                                "your answers to patients, insurers and auditors.</p>"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "title": "The treatment session",
        "slug": "the-treatment-session",
        "intro": (
            "A dry needling session for low back pain, from assessment and consent to aftercare "
            "advice, with general professional guidance beyond the sources on consent, records, "
            "clean technique and sharps. This module is intended to follow the safety module and "
            "its quiz."
        ),
        "lessons": [
            {
                "title": "Assessment, screening and consent",
                "slug": "assessment-screening-and-consent",
                "summary": (
                    "What happens before the first needle: assessment, screening questions, "
                    "informed consent and treatment planning."
                ),
                "estimated_minutes": 20,
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Two sources describe a session that begins not with a needle but "
                            "with a thorough assessment: the medical history is reviewed, the "
                            "patient is examined and the symptoms are appraised. One adds that "
                            "the assessment identifies the specific trigger points to target, and "
                            "that the practitioner should then explain the procedure and answer "
                            "the patient's questions. The findings feed a treatment plan tailored "
                            "to the patient's needs and goals.</p>"
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": "Screening questions drawn from the sources",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Before the first treatment, and whenever the patient's health may "
                            "have changed, ask about:</p><ul><li>pregnancy, or the possibility of "
                            "pregnancy, and the stage if pregnant;</li><li>bleeding disorders, "
                            "blood-thinning medication and a tendency to bruise "
                            "easily;</li><li>anything that compromises the immune "
                            "system;</li><li>skin infection at or near the areas you intend to "
                            "needle;</li><li>allergy to metals such as nickel or stainless "
                            "steel;</li><li>diabetes, and how well it is "
                            "controlled;</li><li>other health conditions, all current medicines "
                            "and supplements, and any other allergies;</li><li>any concerns or "
                            "questions the patient has about the "
                            "treatment.</li></ul><p><b>General professional guidance beyond the "
                            "five source articles:</b> screen for red flags as well: cauda equina "
                            "signs, suspected cancer, infection or fracture, and progressive "
                            "neurological deficit (see the red flags lesson in Module 3).</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "pearl",
                            "title": "Preparation is the clinician's job",
                            "body": (
                                "<p>One clinic page tells patients that no preparation is needed "
                                "before a session. From the patient's side that may be so; from "
                                "yours, screening, explanation and consent are the "
                                "preparation.</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Informed consent",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p><b>General professional guidance beyond the five source "
                            "articles:</b> obtain and record informed consent before needling. "
                            "The next lesson, 'Informed consent and what to record', sets out "
                            "what the discussion must cover: what dry needling involves and why "
                            "you suggest it, how it may feel (a dull ache or a twitch), the "
                            "common after-effects, the rare but serious risks, the honest state "
                            "of the evidence, the alternatives, and the patient's right to "
                            "decline or to stop at any time.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "evidence",
                            "title": "Consent and the evidence",
                            "body": (
                                "<p>Do not promise immediate or long-term relief. An accurate "
                                "summary is that a 2018 review found low-to-moderate quality "
                                "evidence of reduced pain and disability at the end of treatment, "
                                "and low quality evidence that combining dry needling with other "
                                "treatment helps more than needling alone.</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Treatment planning",
                            "size": "h3",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Decide where dry needling fits in the plan before you start: "
                            "which findings it is meant to address, what else you will do in the "
                            "same session, and how you will judge whether it has helped. Record a "
                            "baseline, such as pain intensity and a functional measure, so that "
                            "the response can be reassessed at the next visit.</p>"
                        ),
                    ),
                ],
            },
            {
                "title": "Informed consent and what to record",
                "slug": "informed-consent-and-records",
                "summary": (
                    "What informed consent to dry needling must cover, when to seek it again, and "
                    "what to record at every session."
                ),
                "estimated_minutes": 20,
                "body": [
                    (
                        "callout",
                        {
                            "kind": "evidence",
                            "title": (
                                "General professional guidance beyond the five source articles"
                            ),
                            "body": (
                                "<p>Two sources say only that the practitioner should explain the "
                                "procedure and answer the patient's questions; none of the five "
                                "source articles sets out consent or record keeping. This lesson "
                                "is general professional guidance, written conservatively and "
                                "without statistics or citations. The law where you practise, "
                                "your employer's policy and the standards of your regulator and "
                                "professional body come first: where they differ from this "
                                "lesson, follow them.</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "What makes consent valid",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Consent is valid only when the patient has the capacity to "
                            "decide, has been given the information they need, and decides "
                            "freely, without pressure. It is specific to what you propose: "
                            "agreeing to an examination is not agreeing to needling. And it is "
                            "ongoing: the patient can withdraw it at any moment, including with "
                            "needles in place, and you stop when they do.</p>"
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": "What the consent discussion must cover",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<ul><li>What dry needling is and what you propose: the areas you "
                            "plan to needle, and why you are suggesting it for this "
                            "patient.</li><li>How it may feel during treatment: a dull ache or a "
                            "twitch.</li><li>The common after-effects: soreness, bruising, minor "
                            "bleeding and possible swelling.</li><li>The rare but serious risks "
                            "that apply to the areas you plan to needle: infection, nerve injury, "
                            "and pneumothorax wherever the chest or upper back is involved; and "
                            "the possibility of fainting.</li><li>The honest state of the "
                            "evidence: one 2018 review, cited by the sources, found "
                            "low-to-moderate quality evidence of benefit for low back pain at the "
                            "end of treatment.</li><li>The alternatives, including the rest of "
                            "the plan without needling.</li><li>What the patient will need to "
                            "undress or expose, and the offer of a chaperone, as your local "
                            "policy sets out.</li><li>That they may decline, or stop at any time, "
                            "without it affecting the rest of their care.</li><li>Their "
                            "questions, answered before you start.</li></ul>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "pearl",
                            "title": "Check understanding, and record it",
                            "body": (
                                "<p>Ask the patient to tell you in their own words what will "
                                "happen and what the main risks are. Whether consent is given "
                                "aloud or in writing depends on your local policy; either way, "
                                "record what you discussed and what the patient decided.</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "When to ask again",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Confirm consent at the start of every session, and seek it afresh "
                            "whenever the plan changes: a new area, especially one near the chest "
                            "or upper back, a change in the patient's health, or a new medicine. "
                            "If the patient declines, record it and carry on with the rest of "
                            "their care.</p>"
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": "What to record",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Write the record at the time, or as soon as possible afterwards, "
                            "so that another clinician could see exactly what was done and why. "
                            "For each session, record:</p><ul><li>the date, and who treated the "
                            "patient;</li><li>the screening: the contraindications and red flags "
                            "you asked about, and the answers;</li><li>the consent discussion and "
                            "the patient's decision;</li><li>the baseline measures, such as pain "
                            "intensity and a functional measure;</li><li>the patient's position, "
                            "the areas or muscles needled and the number of needles "
                            "used;</li><li>that the needle count matched: needles in and needles "
                            "out;</li><li>the patient's response, including any twitch, and any "
                            "adverse event, such as fainting, with what you did about "
                            "it;</li><li>the aftercare advice and the warning symptoms you told "
                            "the patient about;</li><li>the plan, including when you will "
                            "reassess.</li></ul>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Incidents are reported as well as recorded",
                            "body": (
                                "<p>An adverse event to a patient goes in the patient's record "
                                "and in your organisation's incident reporting system; a "
                                "needlestick injury is reported through the incident system and "
                                "occupational health. Never alter an earlier entry: add a dated "
                                "correction instead.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Clean technique, sharps disposal and needle counts",
                "slug": "clean-technique-and-sharps",
                "summary": (
                    "The clean-technique sequence from hand hygiene first to disposal at the "
                    "point of use, why used needles are never recapped, and counting needles in "
                    "and out."
                ),
                "estimated_minutes": 20,
                "body": [
                    (
                        "callout",
                        {
                            "kind": "evidence",
                            "title": (
                                "General professional guidance beyond the five source articles"
                            ),
                            "body": (
                                "<p>One source says only that therapists use sterile needles and "
                                "follow strict infection control; none of the five source "
                                "articles describes how. This lesson is general professional "
                                "guidance, written conservatively and without statistics or "
                                "citations. Your employer's infection prevention and control "
                                "policy and the guidance of your regulator and professional body "
                                "come first: where they differ from this lesson, follow them.</p>"
                            ),
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Clean technique protects the patient from infection, and sharps "
                            "safety protects you and your colleagues from injury. It is a "
                            "sequence, and the order matters: clean hands first, then clean "
                            "equipment, then an insertion that touches nothing but the skin, then "
                            "disposal of every needle the moment it comes out, a count to show "
                            "that every needle put in has come out, and clean hands again.</p>"
                        ),
                    ),
                    (
                        "procedure",
                        {
                            "title": "Clean technique for dry needling",
                            "steps": [
                                {
                                    "title": "Hand hygiene",
                                    "detail": (
                                        "<p>Clean your hands first, before you touch the patient "
                                        "or the equipment: wash with soap and water, or use an "
                                        "alcohol-based hand rub on hands that are not visibly "
                                        "dirty. Follow local policy on gloves; gloves never "
                                        "replace hand hygiene.</p>"
                                    ),
                                },
                                {
                                    "title": "Prepare a clean field and the sharps container",
                                    "detail": (
                                        "<p>Lay out your equipment on a clean surface, and place "
                                        "a sharps container within arm's reach of where you will "
                                        "work, so that every used needle can go straight into "
                                        "it.</p>"
                                    ),
                                },
                                {
                                    "title": "Check the needles",
                                    "detail": (
                                        "<p>Use only sterile, single-use needles. Check that each "
                                        "pack is intact and in date, and discard any needle whose "
                                        "packaging is damaged or that may have been "
                                        "contaminated.</p>"
                                    ),
                                },
                                {
                                    "title": "Count the needles in",
                                    "detail": (
                                        "<p>Note how many needles you open for this patient, and "
                                        "keep count of every needle you insert.</p>"
                                    ),
                                },
                                {
                                    "title": "Inspect and prepare the skin",
                                    "detail": (
                                        "<p>Check the skin at every intended site, and never "
                                        "needle through broken or infected skin. Prepare the skin "
                                        "as your local policy requires.</p>"
                                    ),
                                },
                                {
                                    "title": "Insert without touching the shaft",
                                    "detail": (
                                        "<p>Hold the needle by its handle only: the part that "
                                        "enters the skin must not touch your fingers or anything "
                                        "else that is not sterile. If it does, discard it and use "
                                        "a new one.</p>"
                                    ),
                                },
                                {
                                    "title": "Dispose of each needle at the point of use",
                                    "detail": (
                                        "<p>As each needle comes out, put it straight into the "
                                        "sharps container yourself. Never recap, bend or break a "
                                        "used needle, never put it down on the couch or a tray, "
                                        "and never hand it to someone else.</p>"
                                    ),
                                },
                                {
                                    "title": "Count the needles out",
                                    "detail": (
                                        "<p>Once the last needle is out, check that the number "
                                        "removed and disposed of matches the number inserted. If "
                                        "it does not, search the patient, their clothing, the "
                                        "couch and the floor before the patient leaves, and "
                                        "record the result.</p>"
                                    ),
                                },
                                {
                                    "title": "Hand hygiene again",
                                    "detail": (
                                        "<p>Clean your hands after the treatment and after "
                                        "removing gloves, before you touch anything else.</p>"
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Why a used needle is never recapped",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Putting the cap or guide tube back on a used needle brings its "
                            "point towards your other hand, and it is a recognised cause of "
                            "needlestick injury. It is never needed: with the sharps container "
                            "within reach, the used needle goes straight in. The same reasoning "
                            "rules out carrying used needles across the room, leaving them on a "
                            "surface to deal with later, or passing them to a colleague.</p>"
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": "Looking after the sharps container",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Assemble and label the container as your policy requires. Never "
                            "fill it beyond its fill line, never push needles in or reach inside, "
                            "and close and lock it when it reaches the line. Keep it out of reach "
                            "of children and visitors, and send full containers away through your "
                            "workplace's clinical waste route.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Count needles in and out, every time",
                            "body": (
                                "<p>A needle left in a patient, on the couch or on the floor can "
                                "injure the patient, you, a colleague or a cleaner. Count needles "
                                "in as you insert them and out as you remove them, and record "
                                "that the count matched. What to do after a needlestick injury is "
                                "covered in the fainting and needlestick lesson of Module 3.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "The session step by step",
                "slug": "session-step-by-step",
                "summary": (
                    "A dry needling session from assessment to documentation, separating what the "
                    "sources describe from general professional guidance beyond them."
                ),
                "estimated_minutes": 25,
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>The procedure below sets out a session from start to finish. Each "
                            "step shows what the sources describe (<b>From the sources</b>) and, "
                            "separately, what they do not spell out (<b>Beyond the sources</b>). "
                            "It is an outline to support accredited practical training, not a "
                            "technique guide, and it does not teach the needling of individual "
                            "muscles.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "evidence",
                            "title": (
                                "General professional guidance beyond the five source articles"
                            ),
                            "body": (
                                "<p>Everything marked <b>Beyond the sources</b> in the steps "
                                "below is general professional guidance beyond the five source "
                                "articles, written conservatively. Your local policy and the "
                                "guidance of your regulator and professional body come first.</p>"
                            ),
                        },
                    ),
                    (
                        "procedure",
                        {
                            "title": "A dry needling session for low back pain",
                            "steps": [
                                {
                                    "title": "Hand hygiene",
                                    "detail": (
                                        "<p><b>Beyond the sources:</b> clean your hands before "
                                        "you first touch the patient, which is before the "
                                        "physical examination, and again before you handle "
                                        "needles and after the treatment. The clean technique "
                                        "lesson gives the whole sequence.</p>"
                                    ),
                                },
                                {
                                    "title": "Assess and plan",
                                    "detail": (
                                        "<p><b>From the sources:</b> take the history, examine "
                                        "the patient and evaluate the symptoms; identify the "
                                        "trigger points or tissues relevant to the complaint; "
                                        "draw up an individual plan in which needling is one "
                                        "component.</p>"
                                    ),
                                },
                                {
                                    "title": "Screen for contraindications",
                                    "detail": (
                                        "<p><b>From the sources:</b> pregnancy, bleeding "
                                        "disorders or blood thinners, immune compromise, skin "
                                        "infection at the site, metal allergy and uncontrolled "
                                        "diabetes, plus health conditions, medicines and "
                                        "allergies generally. <b>Beyond the sources:</b> screen "
                                        "for red flags too (see Module 3), and record the "
                                        "answers.</p>"
                                    ),
                                },
                                {
                                    "title": "Explain and obtain consent",
                                    "detail": (
                                        "<p><b>From the sources:</b> explain the procedure and "
                                        "deal with the patient's concerns and questions. "
                                        "<b>Beyond the sources:</b> obtain informed consent "
                                        "covering expected sensations, side effects, rare serious "
                                        "risks, the evidence and the alternatives, and record it "
                                        "(see 'Informed consent and what to record').</p>"
                                    ),
                                },
                                {
                                    "title": "Position the patient and inspect the skin",
                                    "detail": (
                                        "<p><b>From the sources:</b> do not needle over skin "
                                        "infection. <b>Beyond the sources:</b> position the "
                                        "patient comfortably and well supported, expose only the "
                                        "area to be treated, and check the skin at each intended "
                                        "site.</p>"
                                    ),
                                },
                                {
                                    "title": "Prepare sterile needles and the sharps container",
                                    "detail": (
                                        "<p><b>From the sources:</b> use sterile needles and "
                                        "strict infection control. <b>Beyond the sources:</b> "
                                        "clean your hands again before you handle the needles; "
                                        "use sterile, single-use needles from intact, in-date "
                                        "packaging, and count the needles in as you use them; "
                                        "have a sharps container within reach before you "
                                        "begin.</p>"
                                    ),
                                },
                                {
                                    "title": "Palpate and locate the target",
                                    "detail": (
                                        "<p><b>From the sources:</b> targets are identified by "
                                        "physical examination. <b>Beyond the sources:</b> relate "
                                        "what you feel to the underlying anatomy, especially "
                                        "nearby nerves and, towards the thoracolumbar junction, "
                                        "the thorax.</p>"
                                    ),
                                },
                                {
                                    "title": "Insert the needle",
                                    "detail": (
                                        "<p><b>From the sources:</b> insert a thin, sterile "
                                        "filiform needle into the target; depth ranges from a few "
                                        "millimetres to a few centimetres according to the site "
                                        "and the tissue involved. <b>Beyond the sources:</b> "
                                        "choose direction and depth from your anatomical "
                                        "knowledge of that site, never from a generic figure.</p>"
                                    ),
                                },
                                {
                                    "title": "Stimulate and observe",
                                    "detail": (
                                        "<p><b>From the sources:</b> the needle may be moved "
                                        "gently to stimulate the tissue and provoke a local "
                                        "twitch response; the patient may feel a twitch or a dull "
                                        "ache. <b>Beyond the sources:</b> watch the patient "
                                        "throughout, keep talking to them, and stop at once if "
                                        "they ask you to or become unwell, for example with signs "
                                        "of fainting.</p>"
                                    ),
                                },
                                {
                                    "title": "Remove the needle",
                                    "detail": (
                                        "<p><b>From the sources:</b> bleeding at the site is "
                                        "usually minimal and stops by itself. <b>Beyond the "
                                        "sources:</b> withdraw the needle, apply pressure if "
                                        "there is bleeding; each needle goes straight into the "
                                        "sharps container (next step).</p>"
                                    ),
                                },
                                {
                                    "title": "Dispose of sharps",
                                    "detail": (
                                        "<p><b>Beyond the sources:</b> put each used needle "
                                        "straight into a sharps container at the point of use; "
                                        "never recap or reuse it.</p>"
                                    ),
                                },
                                {
                                    "title": "Count the needles out",
                                    "detail": (
                                        "<p><b>Beyond the sources:</b> once the last needle is "
                                        "out, check that every needle inserted has been removed "
                                        "and disposed of. If the count does not match, search the "
                                        "patient, their clothing, the couch and the floor before "
                                        "the patient moves.</p>"
                                    ),
                                },
                                {
                                    "title": "Check the patient and give aftercare advice",
                                    "detail": (
                                        "<p><b>From the sources:</b> advise on soreness and "
                                        "bruising, hydration, avoiding intense physical activity "
                                        "for 24 to 48 hours, stretching, exercise and pain "
                                        "management; most people can drive home or return to "
                                        "work. <b>Beyond the sources:</b> check the patient "
                                        "before they leave and tell them which symptoms need "
                                        "urgent attention.</p>"
                                    ),
                                },
                                {
                                    "title": "Document",
                                    "detail": (
                                        "<p><b>Beyond the sources:</b> record the sites treated, "
                                        "the number of needles and that the count matched, the "
                                        "responses (including any twitch), any adverse events, "
                                        "the advice given and the plan for reassessment.</p>"
                                    ),
                                },
                            ],
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Depth is site-specific",
                            "body": (
                                "<p>The range one source gives, from millimetres to centimetres, "
                                "shows how much depth varies. A depth that is safe in a thick "
                                "lumbar muscle may not be safe elsewhere. Nerve injury is more "
                                "likely near major nerves, and pneumothorax is linked to needling "
                                "the chest or upper back.</p>"
                            ),
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Notice how much of the session happens before and after the "
                            "needle is in the tissue. The sources spend most of their words on "
                            "the needling itself, but the safety of the procedure rests on the "
                            "steps around it: screening, consent, hygiene, anatomy, disposal and "
                            "advice.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "pearl",
                            "title": "Account for every needle",
                            "body": (
                                "<p><b>General professional guidance beyond the five source "
                                "articles:</b> count needles in and needles out. A needle left in "
                                "place or dropped is an avoidable sharps-injury risk to the "
                                "patient, to you and to your colleagues.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "After the session: aftercare and follow-up",
                "slug": "post-treatment-care",
                "summary": (
                    "The aftercare advice the sources give, the symptoms that need attention, and "
                    "how to decide on further sessions."
                ),
                "estimated_minutes": 20,
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Aftercare advice should set realistic expectations and make clear "
                            "what is normal and what is not. Four of the five sources mention "
                            "soreness after dry needling (the Sydney clinic page does not), and "
                            "two describe it as normal. Two say that soreness and bruising at the "
                            "needle sites settle within a few days, and one puts the soreness at "
                            "a few hours to a couple of days.</p>"
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": "Advice the sources give",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<ul><li>Manage soreness with ice or heat, or with simple analgesia "
                            "from a pharmacy; one source suggests patients ask their clinician "
                            "whether to use an ice pack or a heating pad.</li><li>Stay well "
                            "hydrated.</li><li>Avoid intense physical activity for 24 to 48 "
                            "hours.</li><li>Follow the stretching, exercise and pain-management "
                            "advice given.</li><li>Most people can drive home or return to work "
                            "after a session.</li><li>One source says its practitioners may avoid "
                            "needling the same spot again within 72 hours, so that the tissue can "
                            "recover.</li></ul>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Tell patients when to seek help",
                            "body": (
                                "<p><b>General professional guidance beyond the five source "
                                "articles:</b> explain which symptoms are not part of normal "
                                "recovery and what to do about them. Spreading redness, heat or "
                                "discharge at a needle site may mean infection. New numbness, "
                                "weakness or persistent sharp pain may mean nerve irritation or "
                                "injury. Breathlessness or chest pain after needling near the "
                                "chest or upper back needs urgent medical attention because of "
                                "the risk of pneumothorax. Numbness in the saddle area, new "
                                "bladder or bowel problems or new weakness in the legs need "
                                "emergency help (see the red flags lesson).</p>"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "evidence",
                            "title": "Supplements for bruising",
                            "body": (
                                "<p>One clinic page suggests patients discuss arnica and turmeric "
                                "with their practitioner to reduce swelling and bruising. It "
                                "offers no evidence, and this course makes no recommendation. "
                                "Record any supplements a patient takes as part of their "
                                "medication history.</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Follow-up and reassessment",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>How long any relief lasts varies; one source puts it at hours to "
                            "weeks. One guide says the effects of dry needling build up over "
                            "sessions and recommends regular treatment, and one clinic suggests a "
                            "six-week plan that combines needling with other therapies. Neither "
                            "offers evidence for these claims. Base decisions about further "
                            "sessions on reassessment against the baseline you recorded, not on a "
                            "fixed number of sessions.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>At the next visit, ask about the response, any after-effects and "
                            "whether the patient was able to follow the advice. Compare pain and "
                            "function with the baseline. If needling is not adding anything "
                            "measurable to the rest of the plan, stop using it and explain "
                            "why.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "pearl",
                            "title": "Keep the patient's own role central",
                            "body": (
                                "<p>The APTA paper described in the sources stresses teaching "
                                "patients how to look after their own muscles between sessions. "
                                "Aftercare is a good moment to reinforce the home exercise and "
                                "self-management that make up the rest of the plan.</p>"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
    {
        "title": "Dry needling within a wider plan",
        "slug": "dry-needling-within-a-wider-plan",
        "intro": (
            "How dry needling fits alongside exercise, manual therapy and education, and how to "
            "talk to patients about it honestly."
        ),
        "lessons": [
            {
                "title": "Combining dry needling with other care",
                "slug": "combining-with-other-care",
                "summary": (
                    "The treatments the sources pair with dry needling, what the evidence says "
                    "about combining them, and how to plan the combination."
                ),
                "estimated_minutes": 20,
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Four of the five sources say outright that dry needling is part "
                            "of a broader plan rather than a stand-alone treatment, and the fifth "
                            "speaks of incorporating it into a treatment plan. On this point the "
                            "marketing and the one cited review point the same way, though the "
                            "review's evidence for it is of low quality. The 2018 review, as "
                            "reported, found low quality evidence that dry needling combined with "
                            "other treatment reduced pain intensity more than dry needling alone "
                            "at post-intervention. The APTA paper described in the same source "
                            "places dry needling inside a wider physical therapy approach, "
                            "combined with manual therapy and exercise, with patient education "
                            "between sessions.</p>"
                        ),
                    ),
                    (
                        "table",
                        {
                            "caption": "Care the sources suggest combining with dry needling",
                            "header": [
                                "Approach",
                                "Examples in the sources",
                                "Purpose the sources describe",
                            ],
                            "rows": [
                                [
                                    "Manual therapy",
                                    "Massage, joint mobilisation, soft tissue mobilisation",
                                    "Reduce muscle tension, improve joint mobility, reduce pain",
                                ],
                                [
                                    "Exercise therapy",
                                    "Strengthening, stretching, flexibility work, gentle exercise",
                                    "Strengthen muscles, improve flexibility, support posture",
                                ],
                                [
                                    "Postural correction",
                                    "Ergonomic changes, postural exercises",
                                    "Reduce stress on the spine and improve alignment",
                                ],
                                [
                                    "Pain education",
                                    "Explaining the nature of pain and how to manage it",
                                    "Build coping strategies; reduce fear and anxiety about pain",
                                ],
                                [
                                    "Other modalities",
                                    "Heat, ice, ultrasound, electrical stimulation",
                                    "Reduce pain, inflammation and muscle spasm",
                                ],
                                [
                                    "Care from other professions",
                                    "Chiropractic care, massage, spinal injections",
                                    (
                                        "Mentioned as possible parts of a wider plan; relevant to "
                                        "referral and team working"
                                    ),
                                ],
                            ],
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>The purposes in the right-hand column are the sources' own "
                            "descriptions. The sources cite no evidence for any particular "
                            "combination.</p>"
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": "Putting it together",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>The sources do not say which combination works best or in what "
                            "order. A reasonable approach, offered here as course guidance rather "
                            "than a source finding, is to use needling where it helps the patient "
                            "engage with active treatment. For example, you might needle a "
                            "painful, guarded muscle and follow it in the same session with "
                            "gentle movement the patient can continue at home, so that any easing "
                            "of pain is used to build activity. Keep the exercise gentle at "
                            "first, in line with the advice to avoid intense physical activity "
                            "for 24 to 48 hours after needling.</p>"
                        ),
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Pain education, which one source describes as building coping "
                            "strategies and reducing fear and anxiety about pain, is worth "
                            "emphasising in persistent back pain. Another source notes that back "
                            "pain is often recurrent and may need long-term management. The aim "
                            "is a patient who understands their pain and has strategies to manage "
                            "it, rather than one who depends on a passive treatment, dry needling "
                            "included.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "evidence",
                            "title": "What is and is not known about combinations",
                            "body": (
                                "<p>The review reported in the sources also looked at other "
                                "treatments, including acupuncture, standard physical therapy and "
                                "local anaesthetic injections, and found low quality evidence "
                                "that adding other treatment to dry needling reduced pain more "
                                "than needling alone. It does not tell you which companion "
                                "treatments matter most.</p>"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "pearl",
                            "title": "Plan the exit",
                            "body": (
                                "<p>From the first session, explain that needling is a temporary "
                                "aid within the plan and that the goal is for the patient to "
                                "manage independently with exercise and self-care.</p>"
                            ),
                        },
                    ),
                ],
            },
            {
                "title": "Communicating with patients about dry needling",
                "slug": "communicating-with-patients",
                "summary": (
                    "How to set honest expectations with patients who have read marketing claims, "
                    "and a recap of the course."
                ),
                "estimated_minutes": 15,
                "body": [
                    (
                        "paragraph",
                        (
                            "<p>Many patients arrive having read articles like the ones behind "
                            "this course, which promise immediate, lasting relief and a fix for "
                            "the root cause of pain. Your task is to keep their trust while "
                            "correcting the picture, so that their decision to have dry needling, "
                            "or not, rests on accurate information.</p>"
                        ),
                    ),
                    (
                        "heading",
                        {
                            "text": "What every patient should hear",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<ul><li>What dry needling is, how it differs from acupuncture, and "
                            "why you are suggesting it for them.</li><li>That its mechanisms are "
                            "not fully understood.</li><li>That the evidence for low back pain is "
                            "limited and of low-to-moderate quality, and that the reported "
                            "benefits were measured at the end of treatment.</li><li>What it will "
                            "feel like, and the common after-effects: soreness, bruising, minor "
                            "bleeding and possible swelling.</li><li>The rare but serious risks "
                            "relevant to where you plan to needle.</li><li>How it fits with "
                            "exercise, manual therapy and education in their plan.</li><li>What "
                            "to do afterwards, and when to seek help.</li></ul>"
                        ),
                    ),
                    (
                        "table",
                        {
                            "caption": "Responding to common expectations",
                            "header": [
                                "What the patient may say",
                                "An honest response",
                            ],
                            "rows": [
                                [
                                    "I read it gets rid of back pain for good.",
                                    (
                                        "The one review the articles cite found limited, "
                                        "low-to-moderate quality evidence of less pain by the end "
                                        "of treatment, and nothing about lasting results, so we "
                                        "pair it with exercise you keep doing yourself."
                                    ),
                                ],
                                [
                                    "It goes to the root cause, doesn't it?",
                                    (
                                        "Back pain usually has several contributors. Needling may "
                                        "ease the muscular part; the rest of the plan deals with "
                                        "the others."
                                    ),
                                ],
                                [
                                    "Will I feel better straight away?",
                                    (
                                        "Some people report feeling a change straight after a "
                                        "session, but it varies, and relief may last from hours "
                                        "to weeks. We'll reassess next time."
                                    ),
                                ],
                                [
                                    "Is it completely safe?",
                                    (
                                        "It's generally safe in trained hands, but soreness and "
                                        "bruising are common and there are rare serious risks, "
                                        "which I'll explain."
                                    ),
                                ],
                                [
                                    "Is this acupuncture?",
                                    (
                                        "The needles are similar, but I choose where they go by "
                                        "examining your muscles, not from energy channels."
                                    ),
                                ],
                            ],
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "pearl",
                            "title": "Shared decisions",
                            "body": (
                                "<p>Offer dry needling as an option, not a requirement. A patient "
                                "who declines should still receive the rest of the plan in full, "
                                "and you should record the discussion.</p>"
                            ),
                        },
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Advertising your service",
                            "body": (
                                "<p>If you promote dry needling, avoid the language this course "
                                "has flagged as claims, such as 'long-term relief', 'root cause' "
                                "and 'researchers know it works'. Describe the treatment and the "
                                "evidence accurately, and check the advertising standards that "
                                "apply to you.</p>"
                            ),
                        },
                    ),
                    (
                        "heading",
                        {
                            "text": "Course recap",
                            "size": "h2",
                        },
                    ),
                    (
                        "paragraph",
                        (
                            "<p>Dry needling is an assessment-led technique using fine, solid "
                            "needles; it differs from acupuncture in rationale though not in the "
                            "tool. Its mechanisms are unsettled. The one review cited by the "
                            "sources found low-to-moderate quality evidence of benefit for low "
                            "back pain at the end of treatment, and low quality evidence "
                            "favouring combination with other care. Safe practice depends on "
                            "screening for the six contraindications named, knowing the full "
                            "range of risks from soreness to pneumothorax, working within your "
                            "scope and training, and giving clear aftercare; and, as general "
                            "professional guidance beyond the five source articles, on screening "
                            "for red flags, clean technique with needle counts and sharps "
                            "disposal at the point of use, knowing what to do about a faint or a "
                            "needlestick injury, valid consent and a good record. Used honestly, "
                            "within a plan centred on active rehabilitation, it can be one tool "
                            "among several.</p>"
                        ),
                    ),
                    (
                        "callout",
                        {
                            "kind": "warning",
                            "title": "Sample content",
                            "body": (
                                "<p>As stated at the start, this is sample course content written "
                                "from a handful of public articles. It is not a substitute for "
                                "accredited dry needling training.</p>"
                            ),
                        },
                    ),
                ],
            },
        ],
    },
]

SOURCES = [
    {
        "title": "Get Back Pain Relief With Dry Needling",
        "note": (
            "Consumer-facing web article with an FAQ section; no author or date given. "
            "Promotional in tone (for example, it claims long-term relief and treatment of the "
            "root cause). Used for definitions, the presentations listed, claimed benefits, "
            "soreness and bruising, and the advice to disclose health conditions, allergies and "
            "medications. Cites no research."
        ),
    },
    {
        "title": "What Is Dry Needling For Back Pain",
        "note": (
            "Consumer health blog post (by-line 'umccalltoaction', dated 16 November 2025). The "
            "most detailed source: proposed mechanisms, presentations, a session outline, risks "
            "and side effects, the list of contraindications, questions to ask a practitioner, "
            "combined treatments and a dry needling versus acupuncture comparison table. Cites no "
            "research."
        ),
    },
    {
        "title": "Needle Therapy For Back Pain",
        "note": (
            "Promotional page from a physiotherapy practice in India (Dr. Singh Physiocare, Delhi "
            "NCR and Mumbai). The only source that cites research: it reports a 2018 review of "
            "the evidence on dry needling for low back pain trigger points, and an APTA resource "
            "paper, 'Description of Dry Needling in Clinical Practice'. Also gives aftercare "
            "advice, and mixes the review's cautious findings with much stronger marketing claims."
        ),
    },
    {
        "title": "Dry Needling for Back Pain",
        "note": (
            "Short promotional page from Sports Focus Physiotherapy, a clinic in Sydney, "
            "Australia. Describes myofascial trigger-point dry needling and the twitch response "
            "as a spinal reflex, and notes the burden of chronic back pain in Australia. Cites no "
            "research."
        ),
    },
    {
        "title": "Needle Therapy for Pain: A Comprehensive Guide to Dry Needling",
        "note": (
            "General consumer guide; no author or date given. Describes the session, sensations "
            "during needling, soreness and bruising, aftercare (hydration, avoiding intense "
            "activity for 24 to 48 hours) and a claim that effects are cumulative. Cites no "
            "research."
        ),
    },
]
