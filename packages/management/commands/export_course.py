from django.core.management.base import BaseCommand, CommandError

from courses.models import CoursePage
from packages.selectors import ExportRefused, course_package_files, package_save


class Command(BaseCommand):
    help = "Export a course as a package: a folder, or a .zip when --output ends in .zip."

    def add_arguments(self, parser):
        parser.add_argument("slug")
        parser.add_argument("--output", required=True)

    def handle(self, *args, slug, output, **options):
        course = CoursePage.objects.filter(slug=slug).first()
        if course is None:
            raise CommandError(f"No course with the slug “{slug}”.")
        try:
            files = course_package_files(course=course)
        except ExportRefused as error:
            raise CommandError(f"Not exported: {error}") from None
        try:
            package_save(files, output)
        except FileExistsError as error:
            raise CommandError(str(error)) from None
        self.stdout.write(f"Exported “{course.title}” to {output} ({len(files)} files).")
