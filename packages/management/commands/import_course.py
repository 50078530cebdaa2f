from django.core.management.base import BaseCommand, CommandError

from packages.problems import PackageInvalid
from packages.services import package_import


class Command(BaseCommand):
    help = "Import a course package (folder or .zip); prints the plan and every problem."

    def add_arguments(self, parser):
        parser.add_argument("path")
        parser.add_argument("--dry-run", action="store_true", help="Check and plan; write nothing.")
        parser.add_argument(
            "--update",
            action="store_true",
            help="Apply to the existing course with the same slug as new published revisions.",
        )

    def handle(self, *args, path, dry_run, update, **options):
        try:
            result = package_import(source=path, update=update, dry_run=dry_run)
        except PackageInvalid as error:
            for problem in error.problems:
                self.stderr.write(str(problem))
            raise CommandError(f"{len(error.problems)} problem(s); nothing was written.") from None
        for warning in result.warnings:
            self.stdout.write(f"warning: {warning}")
        for line in result.actions or ["nothing to change"]:
            self.stdout.write(line)
        if dry_run:
            self.stdout.write("Dry run: nothing was written.")
        else:
            self.stdout.write(f"Imported “{result.course.title}”.")
