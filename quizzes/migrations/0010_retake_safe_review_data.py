"""Existing quizzes become retake-safe, deliberately, and the wait keeps its length in a unit.

- review_timing "immediately" with a policy that shows marked answers ("responses") or the key
  ("answers") becomes "pass_or_last": answers after a pass or after the last allowed attempt.
  "immediately" was the default, not a choice most authors made, and it is what made every
  retake a memory test (issue 10). With one attempt allowed nothing changes for the trainee (the
  first attempt is the last). Policies "none" and "score" show no key at any time: left as they
  are, and so is "after_close".
- cooldown_minutes becomes amount + unit in the largest exact unit (1440 → 1 day, 90 → 90
  minutes), so no wait changes length.
The same is done to the quiz pages' saved revisions (drafts and history), so publishing or
reverting to one of them cannot bring the old timing back or drop the wait.
Backwards: the wait goes back to minutes; the timing is left (older code treats an unknown
timing as "immediately", which is what these quizzes had).
"""

from django.db import migrations

LEAKY_POLICIES = ("responses", "answers")


def largest_unit(minutes):  # a copy: migrations must not import app code that may change
    for unit, size in (("days", 1440), ("hours", 60)):
        if minutes and minutes % size == 0:
            return minutes // size, unit
    return minutes or 0, "minutes"


def retake_safe(fields: dict) -> dict:
    """The changes for one quiz, as field values (works on model rows and revision JSON)."""
    changes = {}
    if "cooldown_minutes" in fields:
        changes["cooldown_amount"], changes["cooldown_unit"] = largest_unit(
            int(fields["cooldown_minutes"] or 0)
        )
    if fields.get("review_timing", "immediately") == "immediately" and (
        fields.get("review_policy", "answers") in LEAKY_POLICIES
    ):
        changes["review_timing"] = "pass_or_last"
    return changes


def forwards(apps, schema_editor):
    QuizPage = apps.get_model("quizzes", "QuizPage")
    for quiz in QuizPage.objects.all():
        changes = retake_safe(
            {
                "cooldown_minutes": quiz.cooldown_minutes,
                "review_timing": quiz.review_timing,
                "review_policy": quiz.review_policy,
            }
        )
        QuizPage.objects.filter(pk=quiz.pk).update(**changes)
    for revision in _quiz_revisions(apps):
        content = dict(revision.content)
        content.update(retake_safe(content))
        revision.content = content
        revision.save(update_fields=["content"])


def backwards(apps, schema_editor):
    QuizPage = apps.get_model("quizzes", "QuizPage")
    for quiz in QuizPage.objects.all():
        minutes = quiz.cooldown_amount * {"minutes": 1, "hours": 60, "days": 1440}[quiz.cooldown_unit]
        QuizPage.objects.filter(pk=quiz.pk).update(cooldown_minutes=minutes)


def _quiz_revisions(apps):
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    quiz_type = ContentType.objects.filter(app_label="quizzes", model="quizpage").first()
    if quiz_type is None:
        return []
    return Revision.objects.filter(content_type=quiz_type).iterator()


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0009_review_timing_and_cooldown_unit"),
        ("wagtailcore", "0098_apitoken"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(forwards, backwards)]
