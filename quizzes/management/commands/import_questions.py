"""`manage.py import_questions FILE --format gift|moodlexml --bank NAME [--dry-run]`.

Exit status 0 only when every question in the file was imported; a rejected question means
nothing is imported; skipped items (essays, descriptions) are reported and exit 1.
"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils.translation import ngettext

from quizzes.importers.model import FORMATS, QuestionFileError, max_bytes
from quizzes.importers.parse import parse_file
from quizzes.importers.services import questions_import
from quizzes.models import QuestionBank


class Command(BaseCommand):
    help = "Import questions from a GIFT or Moodle XML file into a question bank."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--format", choices=FORMATS, required=True, dest="file_format")
        parser.add_argument("--bank", required=True, help="Bank name (created if missing).")
        parser.add_argument("--dry-run", action="store_true", help="Check only; import nothing.")

    def handle(self, *args, file, file_format, bank, dry_run, **options):
        if not bank.strip() or len(bank) > QuestionBank._meta.get_field("name").max_length:
            raise CommandError("Give a bank name of 1 to 120 characters.")
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"{file}: no such file.")
        with path.open("rb") as handle:
            data = handle.read(max_bytes() + 1)  # never read more than the cap
        try:
            result = parse_file(data, file_format)
        except QuestionFileError as error:
            raise CommandError(f"{file}: {error} Nothing was imported.") from None
        with transaction.atomic():
            bank_obj, _ = QuestionBank.objects.get_or_create(name=bank)
            report = questions_import(bank=bank_obj, result=result, dry_run=dry_run)
            if report.rejected or dry_run:
                transaction.set_rollback(True)
        self._print(report, bank, dry_run)
        if not report.complete:
            outcome = "the rest was imported"
            if report.rejected or dry_run:
                outcome = "nothing was imported"
            raise CommandError(
                f"{len(report.rejected)} rejected, {len(report.skipped)} skipped: {outcome}."
            )

    def _print(self, report, bank, dry_run):
        total = sum(report.counts.values())
        if dry_run:
            verb = "Would import"
        elif report.rejected:
            verb = "Nothing imported; without the rejections this would import"
        else:
            verb = "Imported"
        questions = ngettext("question", "questions", total)
        self.stdout.write(f"{verb} {total} {questions} into bank '{bank}':")
        for line in report.count_lines():
            self.stdout.write(f"  {line}")
        for problem in report.problems:
            status = "skipped" if problem.skipped else "rejected"
            self.stdout.write(f"{problem.location}: {status}: {problem.message}")
        for note in report.notes:
            self.stdout.write(f"{note} (note)")
