"""Export: a course as package files ({path: bytes}), the inverse of the import."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path, PurePosixPath

from django.utils.text import slugify

from courses.models import CoursePage, LessonPage, ModulePage
from packages import bank_seam
from packages.course_yaml import CERTIFICATE_FIELDS, COURSE_FIELDS, FORMAT_VERSION, RICH
from packages.lessons import FRONT_MATTER, lesson_text
from packages.richtext import RichTextUnexportable, html_to_markdown
from packages.skill_yaml import skill_export
from packages.source import dump_yaml
from packages.writer import plain

_ZIP_DATE = (2020, 1, 1, 0, 0, 0)  # fixed, so the same course always zips to the same bytes


class AssetNamer:
    """Names each exported image/document once, under assets/, from its title."""

    def __init__(self):
        self.files: dict[str, bytes] = {}
        self.names: dict[tuple[str, int], str] = {}

    def __call__(self, kind: str, obj_or_pk) -> str:
        from wagtail.documents import get_document_model
        from wagtail.images import get_image_model

        model = get_image_model() if kind == "image" else get_document_model()
        pk = getattr(obj_or_pk, "pk", obj_or_pk)
        if (kind, pk) in self.names:
            return self.names[(kind, pk)]
        obj = obj_or_pk if hasattr(obj_or_pk, "file") else model.objects.get(pk=pk)
        suffix = PurePosixPath(obj.file.name).suffix.lower()
        stem = slugify(obj.title) or f"{kind}-{pk}"
        name, number = f"assets/{stem}{suffix}", 2
        while name in self.files:
            name, number = f"assets/{stem}-{number}{suffix}", number + 1
        with obj.file.open("rb") as handle:
            self.files[name] = handle.read()
        self.names[(kind, pk)] = name
        return name


class ExportRefused(ValueError):
    """The course holds something the package cannot represent: say where, write nothing."""


class LinkNamer:
    """The package target of a page or document link in rich text: lessons by their file, the
    course, its modules and quizzes by `page:SLUG`, documents by their file under assets/."""

    def __init__(self, targets: dict[int, str], namer: AssetNamer):
        self.targets, self.namer = targets, namer

    def __call__(self, kind: str, pk: str) -> str:
        from wagtail.documents import get_document_model
        from wagtail.models import Page

        if kind == "document":
            if not get_document_model().objects.filter(pk=pk).exists():
                raise RichTextUnexportable(f"a link to a document (id {pk}) that was deleted")
            return self.namer("document", int(pk))
        if pk.isdigit() and int(pk) in self.targets:
            return self.targets[int(pk)]
        page = Page.objects.filter(pk=pk).first() if pk.isdigit() else None
        what = f"the page “{page.title}”" if page else f"a deleted page (id {pk})"
        raise RichTextUnexportable(
            f"a link to {what}, which is not a published page of this course: "
            "link to its address (https://…) instead"
        )


def _refusing(where: str, convert, *args, **kwargs):
    try:
        return convert(*args, **kwargs)
    except RichTextUnexportable as error:
        raise ExportRefused(f"{where}: {error}") from None


def _value(obj, name: str, namer: AssetNamer, link=None):
    if name in ("image", "signature", "logo"):
        related = getattr(obj, name)
        return namer("image", related) if related else None
    value = getattr(obj, name)
    if name in RICH:
        where = f"{obj._meta.verbose_name} “{obj}”, field “{name}”"
        return _refusing(where, html_to_markdown, value, link or LinkNamer({}, namer))
    if name == "cpd_hours":
        return str(value)
    return value


def course_package_files(*, course: CoursePage) -> dict[str, bytes]:
    from practice.models import PracticalSkillPage
    from quizzes.models import QuizPage

    namer = AssetNamer()
    files: dict[str, bytes] = {}
    link = LinkNamer(_targets(course), namer)
    data = {"format": FORMAT_VERSION, "course": {}}
    for key, name in COURSE_FIELDS.items():
        value = _value(course, name, namer, link)
        if value not in (None, "") or name in ("title", "slug", "summary"):
            data["course"][key] = value
    template = getattr(course, "certificate_template", None)
    if template is not None:
        data["certificate"] = {
            key: _value(template, key, namer)
            for key in CERTIFICATE_FIELDS
            if _value(template, key, namer) not in (None, "")
        }
    bank = bank_seam.bank_export(course=course)
    keys = {}
    if bank is not None and bank.data.get("questions"):
        data["questions"] = "questions.yaml"
        files["questions.yaml"] = dump_yaml(bank.data).encode()
        keys = bank.keys
        for path, image in bank.assets.items():
            with image.file.open("rb") as handle:
                namer.files[path] = handle.read()
            namer.names[("image", image.pk)] = path
    data["outline"] = []
    for child in course.get_children().specific().order_by("path"):
        if not child.live:
            continue
        if isinstance(child, QuizPage):
            data["outline"].append(_quiz(child, keys))
        elif isinstance(child, PracticalSkillPage):
            data["outline"].append(skill_export(child, link))
        elif isinstance(child, ModulePage):
            entry = {"module": child.slug, "title": child.title}
            if child.intro:
                entry["intro"] = child.intro
            entry["contents"] = []
            for page in child.get_children().live().specific().order_by("path"):
                if isinstance(page, LessonPage):
                    path = link.targets[page.pk]
                    files[path] = _lesson(page, namer, link, path).encode()
                    entry["contents"].append({"lesson": path})
                elif isinstance(page, QuizPage):
                    entry["contents"].append(_quiz(page, keys))
                elif isinstance(page, PracticalSkillPage):
                    entry["contents"].append(skill_export(page, link))
            data["outline"].append(entry)
    files["course.yaml"] = dump_yaml(data).encode()
    files.update(namer.files)
    return dict(sorted(files.items()))


def _quiz(quiz, keys) -> dict:
    """course.yaml's keys (quiz, title), then the bank half's: settings, slots, prerequisites."""
    if "linktype=" in (quiz.intro or ""):  # its HTML subset holds only <a href="https://…">
        raise ExportRefused(
            f"quiz “{quiz.title}”, field “intro”: a link to a page or document, which a quiz "
            "intro in a package cannot hold: link to its address (https://…) instead"
        )
    return {"quiz": quiz.slug, "title": quiz.title, **bank_seam.quiz_export(quiz, keys=keys)}


def _targets(course) -> dict[int, str]:
    """pk -> package target of every page the export writes (the outline's own walk)."""
    from practice.models import PracticalSkillPage
    from quizzes.models import QuizPage

    targets, number = {course.pk: f"page:{course.slug}"}, 0
    for child in course.get_children().live().specific().order_by("path"):
        if isinstance(child, QuizPage | ModulePage | PracticalSkillPage):
            targets[child.pk] = f"page:{child.slug}"
        if isinstance(child, ModulePage):
            for page in child.get_children().live().specific().order_by("path"):
                if isinstance(page, LessonPage):
                    number += 1
                    targets[page.pk] = f"lessons/{number:02d}-{page.slug}.md"
                elif isinstance(page, QuizPage | PracticalSkillPage):
                    targets[page.pk] = f"page:{page.slug}"
    return targets


def _lesson(page: LessonPage, namer: AssetNamer, link: LinkNamer, path: str) -> str:
    fields = {name: getattr(page, name) for name in FRONT_MATTER.values()}
    body = [(block["type"], plain(block["value"])) for block in page.body.raw_data]
    for number, (block_type, value) in enumerate(body, 1):  # name the block that cannot go
        where = f"lesson “{page.title}” ({path}), block {number} ({block_type})"
        _refusing(where, lesson_text, fields, [(block_type, value)], namer, link)
    return lesson_text(fields, body, namer, link)


def package_zip(files: dict[str, bytes]) -> bytes:
    """The files as .zip bytes (the export_course file and the admin download alike)."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, date_time=_ZIP_DATE)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()


def package_save(files: dict[str, bytes], path: Path) -> None:
    """Write the files as a folder, or as a .zip when the path ends in .zip."""
    path = Path(path)
    if path.suffix.lower() == ".zip":
        path.write_bytes(package_zip(files))
        return
    if path.exists() and any(path.iterdir()):
        raise FileExistsError(f"{path} is not empty; export into a new folder")
    path.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        target = path / name
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
