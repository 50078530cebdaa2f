"""Short-text answers stored before the marking options existed keep marking as they did.

A new accepted answer has the three options on (quizzes/blocks.py), and Wagtail fills a missing
key with that default, so without this migration every stored question would start accepting
more the next time an attempt starts, without its author deciding it. This writes the options
explicitly *off* into every stored short-text answer, in the live question and in its saved
revisions (so reverting to one does not switch them on). Authors turn them on per answer.
Attempts already started are not touched: their keys are frozen snapshots.
"""

import json

from django.db import migrations

OPTIONS = ("ignore_articles", "ignore_punctuation", "singular_or_plural")


def _options_off(stream: list) -> bool:
    """Set missing options to False in a stream's raw data; True if anything changed."""
    changed = False
    for block in stream or []:
        if not isinstance(block, dict) or block.get("type") != "short_text":
            continue
        for item in (block.get("value") or {}).get("answers") or []:
            answer = item.get("value") if isinstance(item, dict) and "value" in item else item
            if not isinstance(answer, dict):
                continue
            for name in OPTIONS:
                if name not in answer:
                    answer[name] = False
                    changed = True
    return changed


def forwards(apps, schema_editor):
    Question = apps.get_model("quizzes", "Question")
    for question in Question.objects.only("pk", "body").iterator():
        raw = list(question.body.raw_data)
        if _options_off(raw):
            Question.objects.filter(pk=question.pk).update(body=raw)
    ContentType = apps.get_model("contenttypes", "ContentType")
    Revision = apps.get_model("wagtailcore", "Revision")
    content_type = ContentType.objects.filter(app_label="quizzes", model="question").first()
    if content_type is None:
        return
    for revision in Revision.objects.filter(content_type=content_type).iterator():
        body = revision.content.get("body")
        stream = json.loads(body) if isinstance(body, str) else body
        if isinstance(stream, list) and _options_off(stream):
            revision.content["body"] = json.dumps(stream) if isinstance(body, str) else stream
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0005_short_text_marking_options"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
