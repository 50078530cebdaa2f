"""A hotspot question has one image, the one in its answer block (where its zones are drawn).

Hotspot questions that also had a question-level image lose that link (the image stays in the
library); if a hotspot block had no image of its own, it takes the question's, with its alt text.
Attempts already started keep the snapshot they froze.
"""

import django.db.models.deletion
from django.db import migrations, models


def hotspot_images_into_the_answer(apps, schema_editor):
    Question = apps.get_model("quizzes", "Question")
    for question in Question.objects.filter(question_type="hotspot", image__isnull=False):
        raw = list(question.body.raw_data)
        if raw and raw[0].get("type") == "hotspot":
            value = raw[0].setdefault("value", {})
            if not value.get("image"):
                value["image"] = question.image_id
                value["image_alt"] = value.get("image_alt") or question.image_alt
            question.body = raw
        question.image = None
        question.image_alt = ""
        question.save(update_fields=["body", "image", "image_alt"])


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0002_question_creation_token"),
        ("wagtailimages", "0027_image_description"),
    ]

    operations = [
        migrations.AlterField(
            model_name="question",
            name="image",
            field=models.ForeignKey(
                blank=True,
                help_text=(
                    "Shown above the question. A hotspot question uses the image in its answer."
                ),
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailimages.image",
            ),
        ),
        migrations.RunPython(hotspot_images_into_the_answer, migrations.RunPython.noop),
    ]
