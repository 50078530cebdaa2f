"""Hostile packages are refused with a message, and nothing is written."""

import io
import stat
import zipfile

import pytest
from wagtail.images.models import Image
from wagtail.models import Page

from packages import archive
from packages.problems import PackageInvalid
from packages.services import package_import
from tests.factories import CourseIndexPageFactory, site_home
from tests.packages.package_builder import LESSON, write_package

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def course_index():
    return CourseIndexPageFactory(parent=site_home())


def _zip(tmp_path, entries: dict, name="p.zip", method=zipfile.ZIP_DEFLATED):
    """entries: name -> bytes, or a ZipInfo -> bytes (for odd headers)."""
    path = tmp_path / name
    with zipfile.ZipFile(path, "w", method) as handle:
        for entry, data in entries.items():
            handle.writestr(entry, data)
    return path


def _valid_files(tmp_path) -> dict:
    root = write_package(tmp_path / "valid")
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in root.rglob("*") if p.is_file()}


def _refused(source, message: str):
    pages, images = Page.objects.count(), Image.objects.count()
    with pytest.raises(PackageInvalid) as error:
        package_import(source=source)
    assert message in str(error.value)
    assert (Page.objects.count(), Image.objects.count()) == (pages, images)


def test_a_valid_zip_imports(tmp_path):
    assert package_import(source=_zip(tmp_path, _valid_files(tmp_path))).course.live


def test_a_zip_of_the_folder_itself_imports(tmp_path):
    files = {f"small-course/{name}": data for name, data in _valid_files(tmp_path).items()}
    assert package_import(source=_zip(tmp_path, files)).course.live


def test_zip_bomb_by_ratio(tmp_path):
    files = _valid_files(tmp_path) | {"assets/zeros.txt": b"\0" * 5_000_000}
    _refused(_zip(tmp_path, files), "compressed suspiciously well")


def test_zip_bomb_by_total_size(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_TOTAL_BYTES", 20_000)
    files = _valid_files(tmp_path) | {f"assets/{n}.txt": bytes(range(256)) * 40 for n in range(3)}
    _refused(_zip(tmp_path, files, method=zipfile.ZIP_STORED), "more than the size allowed")


def test_zip_bomb_that_lies_about_its_size(tmp_path, monkeypatch):
    """The cap is on bytes actually unpacked, not on what the header claims."""
    monkeypatch.setattr(archive, "MAX_FILE_BYTES", 1000)
    path = _zip(tmp_path, _valid_files(tmp_path) | {"assets/big.txt": b"x" * 5000},
                method=zipfile.ZIP_STORED)  # fmt: skip
    data = bytearray(path.read_bytes())
    # Patch the central directory's uncompressed size of big.txt to claim 10 bytes.
    index = data.rfind(b"PK\x01\x02")
    while data[index + 46 : index + 46 + 14] != b"assets/big.txt":
        index = data.rfind(b"PK\x01\x02", 0, index)
    data[index + 24 : index + 28] = (10).to_bytes(4, "little")
    path.write_bytes(bytes(data))
    _refused(path, "assets/big.txt")


def test_too_many_files(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_FILES", 5)
    files = _valid_files(tmp_path) | {f"assets/{n}.txt": b"x" for n in range(5)}
    _refused(_zip(tmp_path, files), "more than 5 files")


def test_oversize_file(tmp_path, monkeypatch):
    monkeypatch.setattr(archive, "MAX_FILE_BYTES", 100)
    _refused(_zip(tmp_path, _valid_files(tmp_path)), "larger than")


@pytest.mark.parametrize("name", ["../evil.md", "lessons/../../evil.md", "/etc/evil.md",
                                  "C:/evil.md", "lessons\\..\\evil.md"])  # fmt: skip
def test_path_traversal_and_absolute_paths(tmp_path, name):
    _refused(_zip(tmp_path, _valid_files(tmp_path) | {name: b"x"}), "")


def test_symlink_in_a_zip(tmp_path):
    link = zipfile.ZipInfo("assets/passwd.txt")
    link.external_attr = (stat.S_IFLNK | 0o777) << 16
    _refused(_zip(tmp_path, _valid_files(tmp_path) | {link: b"/etc/passwd"}), "symbolic links")


def test_symlink_in_a_folder(tmp_path):
    root = write_package(tmp_path / "p")
    (root / "assets").mkdir()
    (root / "assets/passwd.txt").symlink_to("/etc/passwd")
    _refused(root, "symbolic links")


def test_yaml_tags_that_construct_objects(tmp_path):
    root = write_package(tmp_path / "p")
    text = (root / "course.yaml").read_text()
    (root / "course.yaml").write_text(text + "evil: !!python/object/apply:os.system ['touch x']\n")
    _refused(root, "course.yaml")


def test_yaml_tag_in_a_lesson_front_matter(tmp_path):
    last = LESSON.format(n="z").replace("title: Lesson z", "title: !!python/name:os.system")
    _refused(write_package(tmp_path / "p", last=last), "lessons/99-last.md:2")


def test_an_image_that_is_not_an_image(tmp_path):
    root = write_package(tmp_path / "p", assets__spine_png=b"#!/bin/sh\nrm -rf /\n")
    (root / "assets/spine_png").rename(root / "assets/spine.png")
    _refused(root, "assets/spine.png: this file is not an image")


def test_an_svg_with_a_dtd_is_refused_and_one_with_a_script_is_cleaned(tmp_path):
    from packages.assets import assets_check

    dtd = b'<?xml version="1.0"?><!DOCTYPE svg [<!ENTITY x "y">]><svg xmlns="http://www.w3.org/2000/svg">&x;</svg>'
    script = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script><rect/></svg>'
    checked, problems = assets_check({"assets/a.svg": dtd, "assets/b.svg": script})
    assert [p.file for p in problems] == ["assets/a.svg"]
    assert b"script" not in checked["assets/b.svg"] and b"rect" in checked["assets/b.svg"]


def test_an_asset_of_an_unknown_kind(tmp_path):
    root = write_package(tmp_path / "p")
    (root / "assets").mkdir()
    (root / "assets/run.exe").write_bytes(b"MZ")
    _refused(root, "assets/run.exe")


def test_not_a_zip(tmp_path):
    path = tmp_path / "p.zip"
    path.write_bytes(b"not a zip")
    _refused(path, "not a folder or a readable .zip")


def test_a_real_image_is_accepted(tmp_path):
    from PIL import Image as Pillow

    buffer = io.BytesIO()
    Pillow.new("RGB", (4, 4), "red").save(buffer, "PNG")
    last = LESSON.format(n="z") + "\n::: image assets/red.png\nalt: A red square\n:::\n"
    root = write_package(tmp_path / "p", last=last)
    (root / "assets").mkdir()
    (root / "assets/red.png").write_bytes(buffer.getvalue())
    course = package_import(source=root).course
    from courses.models import LessonPage

    lesson = LessonPage.objects.descendant_of(course).get(slug="lesson-z")
    image_block = lesson.body[-1].value
    assert image_block["image"].title == "red" and image_block["alt_text"] == "A red square"
