"""Certificate PDFs move from MEDIA_ROOT/certificates/ (public) to PRIVATE_MEDIA_ROOT/certificates/.

Files keep their names, so rows need no change. Every file in the public folder moves, including
any no row names any more: none of them should stay reachable by URL. Safe to run again.
"""

import shutil
from pathlib import Path

from django.conf import settings
from django.db import migrations, models

import certificates.storage

FOLDER = "certificates"


def move_files(public_root, private_root) -> int:
    source = Path(public_root) / FOLDER
    if not source.is_dir():
        return 0
    target = Path(private_root) / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    moved = 0
    for path in sorted(source.iterdir()):
        if not path.is_file():
            continue
        destination = target / path.name
        if destination.exists() and destination.read_bytes() == path.read_bytes():
            path.unlink()
        else:
            shutil.move(str(path), str(destination))
        moved += 1
    return moved


def forwards(apps, schema_editor):
    move_files(settings.MEDIA_ROOT, settings.PRIVATE_MEDIA_ROOT)


class Migration(migrations.Migration):
    dependencies = [
        ("certificates", "0003_verbose_names"),
    ]

    operations = [
        migrations.AlterField(
            model_name="certificate",
            name="pdf",
            field=models.FileField(
                blank=True, storage=certificates.storage.private_storage, upload_to="certificates/"
            ),
        ),
        migrations.RunPython(forwards, migrations.RunPython.noop, elidable=True),
    ]
