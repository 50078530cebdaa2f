# The wait is now cooldown_amount + cooldown_unit; the retake-safe data migration copied the minutes across.

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("quizzes", "0010_retake_safe_review_data"),
    ]

    operations = [
        migrations.RemoveField(model_name="quizpage", name="cooldown_minutes"),
    ]
