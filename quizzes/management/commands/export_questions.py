"""`manage.py export_questions --bank NAME --format gift|moodlexml [--output FILE]`."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from quizzes.exporters import questions_export
from quizzes.importers.model import FORMATS
from quizzes.models import QuestionBank


class Command(BaseCommand):
    help = "Export a question bank as GIFT or Moodle XML."

    def add_arguments(self, parser):
        parser.add_argument("--bank", required=True)
        parser.add_argument("--format", choices=FORMATS, required=True, dest="file_format")
        parser.add_argument("--output", help="File to write (default: standard output).")

    def handle(self, *args, bank, file_format, output=None, **options):
        try:
            bank_obj = QuestionBank.objects.get(name=bank)
        except QuestionBank.DoesNotExist:
            raise CommandError(f"No question bank named '{bank}'.") from None
        questions = bank_obj.questions.select_related("category", "image").order_by("pk")
        text, notes = questions_export(questions, file_format)
        if output:
            try:
                Path(output).write_text(text, encoding="utf-8")
            except OSError as error:
                raise CommandError(f"Cannot write {output}: {error.strerror}.") from None
        else:
            self.stdout.write(text, ending="")
        for note in notes:
            self.stderr.write(f"{'left out' if note.skipped else 'note'}: {note}")
