from django.core.management.base import BaseCommand

from demo.loader import DEMO_ACCOUNTS, load_demo


class Command(BaseCommand):
    help = (
        "Import the sample course from demo/course/ and create the demo accounts. Safe to run "
        "repeatedly: an unchanged package changes nothing; a changed one is applied as new "
        "revisions."
    )

    def handle(self, *args, **options):
        report = load_demo()
        for warning in report.warnings:
            self.stdout.write(self.style.WARNING(f"warning: {warning}"))
        if report.created:
            for item in report.created:
                self.stdout.write(f"  {item}")
        else:
            self.stdout.write("Demo content already present; nothing changed.")
        self.stdout.write(self.style.SUCCESS("Demo ready. Accounts:"))
        for role, data in DEMO_ACCOUNTS.items():
            self.stdout.write(f"  {role:<10} {data['email']:<26} {data['password']}")
