from django.core.management.base import BaseCommand

from demo.loader import DEMO_ACCOUNTS, load_demo


class Command(BaseCommand):
    help = "Create the sample dry-needling course and demo accounts. Safe to run repeatedly."

    def handle(self, *args, **options):
        report = load_demo()
        if report.created:
            for item in report.created:
                self.stdout.write(f"  created {item}")
        else:
            self.stdout.write("Demo content already present; nothing changed.")
        self.stdout.write(self.style.SUCCESS("Demo ready. Accounts:"))
        for role, data in DEMO_ACCOUNTS.items():
            self.stdout.write(f"  {role:<10} {data['email']:<26} {data['password']}")
