"""course.yaml → a plan of the course tree (nothing written), every problem located.

Each field is checked by its own model field (`Field.clean`), so the rules are the models'.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from certificates.models import CertificateTemplate
from courses.models import CoursePage, LessonPage, ModulePage
from packages import bank_seam
from packages.blocks import AssetRef
from packages.lessons import LessonPlan, lesson_parse
from packages.problems import PackageInvalid, Problem
from packages.richtext import RichTextProblem, markdown_to_html
from packages.source import load_yaml

FORMAT_VERSION = 1
FILE = "course.yaml"
TOP = {"format", "course", "certificate", "questions", "outline"}
COURSE_FIELDS = {  # key in course.yaml -> model field
    "title": "title", "slug": "slug", "summary": "summary",
    "learning_outcomes": "learning_outcomes", "audience": "audience",
    "sources": "sources", "cpd_hours": "cpd_hours", "estimated_duration": "estimated_duration",
    "validity_months": "validity_months", "enrolment_open": "enrolment_open",
    "sample_content": "is_sample_content", "image": "image",
}  # fmt: skip
CERTIFICATE_FIELDS = [  # in the order the design form shows them
    "title", "wording", "signatory_name", "signatory_role", "signature", "logo",
    "accrediting_body", "provider_number",
]  # fmt: skip
RICH = {"learning_outcomes", "sources", "wording", "intro_html"}
IMAGES = {"image", "signature", "logo"}
MODULE_KEYS = {"module", "title", "intro", "unlocked_by", "contents"}
QUIZ_KEYS = {"quiz", "title", "intro", "settings"}


@dataclass
class QuizPlan:
    slug: str
    fields: dict
    settings: object
    line: int


@dataclass
class ModulePlan:
    slug: str
    fields: dict
    unlocked_by: list[str]
    contents: list  # LessonPlan | QuizPlan
    line: int


@dataclass
class CoursePlan:
    fields: dict
    certificate: dict | None
    questions: str | None
    outline: list  # ModulePlan | QuizPlan
    lessons: list[LessonPlan] = field(default_factory=list)
    bank: object = None

    def quizzes(self) -> list[QuizPlan]:
        found = []
        for item in self.outline:
            contents = item.contents if isinstance(item, ModulePlan) else [item]
            found += [entry for entry in contents if isinstance(entry, QuizPlan)]
        return found


class _Checker:
    def __init__(self, files: dict[str, bytes]):
        self.files = files
        self.problems: list[Problem] = []

    def add(self, line, message, file=FILE):
        self.problems.append(Problem(file, line, message))

    def keys(self, data, allowed: set, where: str) -> bool:
        if not isinstance(data, dict):
            self.add(getattr(data, "line", None), f"{where} must be a mapping (key: value)")
            return False
        for key in data:
            if key not in allowed:
                known = ", ".join(sorted(allowed))
                self.add(data.line_of(key), f"unknown key “{key}” in {where} (known: {known})")
        return True

    def value(self, model, name: str, value, line):
        if name in IMAGES:
            if value in (None, ""):
                return None
            if not isinstance(value, str) or value not in self.files:
                self.add(line, f"“{value}” is not a file in the package")
                return None
            return AssetRef(value, "image")
        if name in RICH:
            try:
                return markdown_to_html(str(value or ""))
            except RichTextProblem as error:
                self.add(line, str(error))
                return ""
        try:
            return model._meta.get_field(name).clean(value, None)
        except ValidationError as error:
            self.add(line, f"{name}: {' '.join(error.messages)}")
            return None

    def fields(self, model, data, names: dict) -> dict:
        return {
            names[key]: self.value(model, names[key], value, data.line_of(key))
            for key, value in data.items()
            if key in names
        }


def course_parse(files: dict[str, bytes]) -> CoursePlan:
    """The whole package planned; PackageInvalid with every problem found."""
    check = _Checker(files)
    try:
        text = files[FILE].decode("utf-8")
    except UnicodeDecodeError:
        raise PackageInvalid([Problem(FILE, None, "not UTF-8 text")]) from None
    data = load_yaml(text, file=FILE)
    if not check.keys(data, TOP, "course.yaml"):
        raise PackageInvalid(check.problems)
    if data.get("format") != FORMAT_VERSION:
        check.add(data.line_of("format"), f"“format: {FORMAT_VERSION}” is required")
    course = data.get("course")
    fields = {}
    if check.keys(course, set(COURSE_FIELDS), "course"):
        fields = check.fields(CoursePage, course, COURSE_FIELDS)
        for key in ("title", "slug", "summary"):
            if key not in course:
                check.add(course.line, f"the course needs “{key}”")
    certificate = data.get("certificate")
    if certificate is not None and check.keys(certificate, set(CERTIFICATE_FIELDS), "certificate"):
        names = {key: key for key in CERTIFICATE_FIELDS}
        certificate = check.fields(CertificateTemplate, certificate, names)
    plan = CoursePlan(fields, certificate, data.get("questions"), [])
    if plan.questions is not None and plan.questions not in files:
        check.add(data.line_of("questions"), f"“{plan.questions}” is not in the package")
    elif plan.questions:
        plan.bank, problems = bank_seam.bank_parse(files, file=plan.questions)
        check.problems += problems
    outline = data.get("outline") or []
    if not isinstance(outline, list):
        check.add(data.line_of("outline"), "the outline is a list of modules and quizzes")
        outline = []
    for index, entry in enumerate(outline):
        line = outline.lines[index]
        if isinstance(entry, dict) and "module" in entry:
            plan.outline.append(_module(check, entry, plan))
        elif isinstance(entry, dict) and "quiz" in entry:
            plan.outline.append(_quiz(check, entry))
        else:
            check.add(line, "each outline entry is a “module:” or a “quiz:”")
    _check_references(check, plan)
    if check.problems:
        raise PackageInvalid(check.problems)
    return plan


def _module(check: _Checker, entry, plan: CoursePlan) -> ModulePlan:
    check.keys(entry, MODULE_KEYS, f"module “{entry['module']}”")
    fields = {"slug": check.value(ModulePage, "slug", entry["module"], entry.line_of("module"))}
    fields.update(check.fields(ModulePage, entry, {"title": "title", "intro": "intro"}))
    unlocked = entry.get("unlocked_by") or []
    unlocked = [unlocked] if isinstance(unlocked, str) else list(unlocked)
    module = ModulePlan(fields["slug"], fields, unlocked, [], entry.line)
    contents = entry.get("contents") or []
    for index, item in enumerate(contents if isinstance(contents, list) else []):
        if isinstance(item, dict) and "lesson" in item:
            check.keys(item, {"lesson"}, "a lesson entry")
            lesson = _lesson(check, item["lesson"], contents.lines[index])
            if lesson is not None:
                module.contents.append(lesson)
                plan.lessons.append(lesson)
        elif isinstance(item, dict) and "quiz" in item:
            module.contents.append(_quiz(check, item))
        else:
            check.add(contents.lines[index], "each module entry is a “lesson:” or a “quiz:”")
    return module


def _lesson(check: _Checker, name, line) -> LessonPlan | None:
    if not isinstance(name, str) or name not in check.files:
        check.add(line, f"the lesson file “{name}” is not in the package")
        return None
    try:
        text = check.files[name].decode("utf-8")
    except UnicodeDecodeError:
        check.add(None, "not UTF-8 text", file=name)
        return None
    lesson, problems = lesson_parse(text, file=name)
    check.problems += problems
    if lesson is None:
        return None
    for key, value in list(lesson.fields.items()):
        try:
            lesson.fields[key] = LessonPage._meta.get_field(key).clean(value, None)
        except ValidationError as error:
            check.add(lesson.field_lines.get(key), f"{key}: {' '.join(error.messages)}", name)
    return lesson


def _quiz(check: _Checker, entry) -> QuizPlan:
    from quizzes.models import QuizPage

    check.keys(entry, QUIZ_KEYS, f"quiz “{entry['quiz']}”")
    fields = {"slug": check.value(QuizPage, "slug", entry["quiz"], entry.line_of("quiz"))}
    fields.update(check.fields(QuizPage, entry, {"title": "title"}))
    if "intro" in entry:
        fields["intro"] = check.value(
            QuizPage, "intro_html", entry["intro"], entry.line_of("intro")
        )
    settings = entry.get("settings")
    extra, problems = bank_seam.quiz_from_data(settings, file=FILE)
    check.problems += problems
    fields.update(extra)
    return QuizPlan(fields["slug"], fields, settings, entry.line)


def _check_references(check: _Checker, plan: CoursePlan) -> None:
    quizzes = {quiz.slug for quiz in plan.quizzes()}
    seen: dict[str, str] = {}
    for item in plan.outline:
        for entry in [item, *(item.contents if isinstance(item, ModulePlan) else [])]:
            slug = entry.fields.get("slug") if hasattr(entry, "fields") else None
            where = getattr(entry, "file", FILE)
            if slug and slug in seen:
                check.add(getattr(entry, "line", None), f"the slug “{slug}” is used twice", where)
            seen[slug] = where
        if isinstance(item, ModulePlan):
            for slug in item.unlocked_by:
                if slug not in quizzes:
                    check.add(item.line, f"unlocked_by names “{slug}”, which is not a quiz here")
