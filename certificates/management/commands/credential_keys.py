"""`manage.py credential_keys rotate|list`: the issuer's Open Badges signing keys."""

from django.core.management.base import BaseCommand

from certificates.credential_keys import keys_dir, load_keys, rotate


class Command(BaseCommand):
    requires_system_checks = []  # it is how the missing-key check gets fixed
    help = "Add a new current credential signing key (old ones keep verifying), or list them."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["rotate", "list"])

    def handle(self, *args, action, **options):
        if action == "rotate":
            key = rotate()
            self.stdout.write(f"New current key {key.kid} in {keys_dir()}")
            self.stdout.write("Back the directory up now: a lost key cannot be recovered.")
            return
        keys = load_keys()
        if not keys:
            self.stdout.write(f"No keys in {keys_dir()}.")
        for number, key in enumerate(keys, start=1):
            current = " (current: signs new credentials)" if number == len(keys) else ""
            self.stdout.write(f"{key.created:%Y-%m-%d %H:%M} {key.kid}{current}")
