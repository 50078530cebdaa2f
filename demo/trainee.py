"""The demo trainee's practical logbook: one skill signed off by the demo instructor, one awaiting
sign-off. Everything goes through the real services (the quiz is taken and marked, sessions are
logged, sign-off is requested and signed with the instructor's password), so what the trainee,
the instructor and the certificate see is what the site itself computes. Idempotent: a skill
the trainee has already asked to be signed off (whatever became of it) is left alone.
"""

from __future__ import annotations

from datetime import timedelta

from django.contrib.auth import get_user_model
from django.utils import timezone

from courses.models import CoursePage, Enrollment

SIGNED_SKILL = "practical-screening-and-consent"
AWAITING_SKILL = "practical-clean-technique-and-sharps"
REFLECTIONS = [
    "Worked through every screening question with a colleague playing the patient; "
    "I forgot to ask about supplements until prompted.",
    "All questions asked in order, red flags included; consent recorded before anything else.",
    "Sharps container placed before opening the needles; count matched.",
    "Kept to the sequence without prompting; hand hygiene again at the end.",
]


def ensure_trainee_practice(*, course: CoursePage, accounts: dict, report) -> None:
    from practice.models import PracticalSkillPage, SignOffRequest

    User = get_user_model()
    trainee = User.objects.filter(email=accounts["trainee"]["email"]).first()
    instructor = User.objects.filter(email=accounts["instructor"]["email"]).first()
    enrollment = trainee and Enrollment.objects.current(user=trainee, course=course)
    if enrollment is None or instructor is None:
        return
    skills = {
        skill.slug: skill
        for skill in PracticalSkillPage.objects.live()
        .descendant_of(course)
        .filter(slug__in=[SIGNED_SKILL, AWAITING_SKILL])
    }
    asked = set(
        SignOffRequest.objects.filter(enrollment=enrollment, skill__in=skills.values())
        .values_list("skill__slug", flat=True)
        .distinct()
    )
    for slug, sign in ((SIGNED_SKILL, True), (AWAITING_SKILL, False)):
        if slug in skills and slug not in asked:
            _practise(skills[slug], trainee, instructor, enrollment, accounts, report, sign=sign)


def _practise(skill, trainee, instructor, enrollment, accounts, report, *, sign: bool) -> None:
    from practice.models import PracticeSession
    from practice.services import (
        practice_session_log,
        signoff_request_submit,
        signoff_sign,
    )

    _pass_quizzes_first(skill, trainee, report)
    criteria = list(skill.criteria.values_list("id", flat=True))
    logged = PracticeSession.objects.filter(enrollment=enrollment, skill=skill).count()
    today = timezone.localdate()
    enrolled = timezone.localtime(enrollment.enrolled_at).date()
    for number in range(logged, skill.min_repetitions):
        days_ago = (skill.min_repetitions - number - 1) * 7
        practice_session_log(
            user=trainee,
            skill=skill,
            practised_on=max(enrolled, today - timedelta(days=days_ago)),
            setting=PracticeSession.Setting.COURSE,
            supervisor=instructor,
            criteria_ids=criteria,
            reflection=REFLECTIONS[(number + (0 if sign else 2)) % len(REFLECTIONS)],
        )
        report.add(f"log a practice session of “{skill.title}” for the demo trainee")
    request = signoff_request_submit(user=trainee, skill=skill)
    report.add(f"request sign-off of “{skill.title}” for the demo trainee")
    if sign:
        signoff_sign(
            request_id=request.pk,
            signer=instructor,
            password=accounts["instructor"]["password"],
            observed_ids=criteria,
        )
        report.add(f"sign off “{skill.title}” as the demo instructor")


def _pass_quizzes_first(skill, trainee, report) -> None:
    """Take (and pass) each quiz the skill needs passed first that the trainee has not passed."""
    from quizzes.models import Attempt
    from quizzes.services import attempt_save_responses, attempt_start, attempt_submit

    for prerequisite in skill.prerequisites.select_related("required_quiz"):
        quiz = prerequisite.required_quiz
        if Attempt.objects.filter(quiz=quiz, user=trainee, passed=True).exists():
            continue
        attempt, _ = attempt_start(quiz=quiz, user=trainee)
        rows = list(attempt.questions.all())
        attempt_save_responses(
            attempt=attempt, responses={row.position: key_answer(row.snapshot) for row in rows}
        )
        if not attempt_submit(attempt=attempt).passed:
            raise RuntimeError(f"the demo trainee did not pass “{quiz.title}”")
        report.add(f"pass “{quiz.title}” as the demo trainee")


def key_answer(snapshot: dict) -> dict:
    """The full-marks answer to a frozen question, read from its marking key (demo data only:
    the server never sends the key to a browser before submission)."""
    kind, key = snapshot["type"], snapshot["key"]
    if kind == "single_choice":
        return {"choice": max(key["options"], key=lambda o: o["credit"])["id"]}
    if kind == "multiple_response":
        return {"choices": [o["id"] for o in key["options"] if o["credit"] > 0]}
    if kind == "true_false":
        return {"value": "true" if key["answer"] else "false"}
    if kind == "numeric":
        answer = key["answers"][0]
        value = answer["value"] if answer.get("value") is not None else answer["min"]
        return {"value": str(value)}
    if kind == "short_text":
        return {"text": key["answers"][0]["text"].replace("*", "x")}
    if kind == "matching":
        return {"matches": dict(key["pairs"])}
    if kind == "ordering":
        return {"order": list(key["order"])}
    if kind == "hotspot":
        zone = max(key["zones"], key=lambda z: z["credit"])
        coords = zone["coords"]
        if zone["shape"] == "circle":
            return {"x": coords[0], "y": coords[1]}
        if zone["shape"] == "rect":
            return {"x": coords[0] + coords[2] / 2, "y": coords[1] + coords[3] / 2}
        return {
            "x": sum(point[0] for point in coords) / len(coords),
            "y": sum(point[1] for point in coords) / len(coords),
        }
    raise ValueError(f"no demo answer for a {kind} question")
