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
from packages.skill_yaml import SkillPlan, skill_parse, skills_check
from packages.source import Located, load_yaml

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
MODULE_KEYS = {"module", "title", "intro", "contents"}


@dataclass
class QuizPlan:
    slug: str
    fields: dict  # title and slug; the rest is the bank half's ParsedQuiz
    parsed: object
    line: int


@dataclass
class ModulePlan:
    slug: str
    fields: dict
    contents: list  # LessonPlan | QuizPlan | SkillPlan
    line: int


@dataclass
class CoursePlan:
    fields: dict
    certificate: dict | None
    questions: str | None
    outline: list  # ModulePlan | QuizPlan | SkillPlan
    lessons: list[LessonPlan] = field(default_factory=list)
    bank: object = None
    warnings: list[Problem] = field(default_factory=list)

    def quizzes(self) -> list[QuizPlan]:
        found = []
        for item in self.outline:
            contents = item.contents if isinstance(item, ModulePlan) else [item]
            found += [entry for entry in contents if isinstance(entry, QuizPlan)]
        return found

    def skills(self) -> list[SkillPlan]:
        found = []
        for item in self.outline:
            contents = item.contents if isinstance(item, ModulePlan) else [item]
            found += [entry for entry in contents if isinstance(entry, SkillPlan)]
        return found


class _Checker:
    def __init__(self, files: dict[str, bytes]):
        self.files = files
        self.problems: list[Problem] = []

    def add(self, line, message, file=FILE):
        self.problems.append(Problem(file, line, message))

    def problems_for(self, file: str) -> int:
        return sum(problem.file == file for problem in self.problems)

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
        bank_data = load_yaml(files[plan.questions].decode("utf-8", "replace"), file=plan.questions)
        assets = {name for name in files if name.startswith("assets/")}
        plan.bank, problems, warnings = bank_seam.bank_parse(
            bank_data, file=plan.questions, assets=assets
        )
        check.problems += problems
        plan.warnings += warnings
    outline = data.get("outline") or []
    if not isinstance(outline, list):
        check.add(data.line_of("outline"), "the outline is a list of modules, quizzes and skills")
        outline = []
    for index, entry in enumerate(outline):
        line = outline.lines[index]
        if isinstance(entry, dict) and "module" in entry:
            plan.outline.append(_module(check, entry, plan))
        elif isinstance(entry, dict) and "quiz" in entry:
            plan.outline.append(_quiz(check, entry, plan))
        elif isinstance(entry, dict) and "skill" in entry:
            plan.outline.append(skill_parse(entry, check.problems))
        else:
            check.add(line, "each outline entry is a “module:”, a “quiz:” or a “skill:”")
    _check_references(check, plan)
    listed = {lesson.file for lesson in plan.lessons}
    for name in sorted(files):
        if name.startswith("lessons/") and name not in listed and check.problems_for(name) == 0:
            check.add(None, "this lesson is not listed in course.yaml's outline", file=name)
    if check.problems:
        raise PackageInvalid(check.problems)
    return plan


def _module(check: _Checker, entry, plan: CoursePlan) -> ModulePlan:
    check.keys(entry, MODULE_KEYS, f"module “{entry['module']}”")
    fields = {"slug": check.value(ModulePage, "slug", entry["module"], entry.line_of("module"))}
    fields.update(check.fields(ModulePage, entry, {"title": "title", "intro": "intro"}))
    module = ModulePlan(fields["slug"], fields, [], entry.line)
    contents = entry.get("contents") or []
    for index, item in enumerate(contents if isinstance(contents, list) else []):
        if isinstance(item, dict) and "lesson" in item:
            check.keys(item, {"lesson"}, "a lesson entry")
            lesson = _lesson(check, item["lesson"], contents.lines[index])
            if lesson is not None:
                module.contents.append(lesson)
                plan.lessons.append(lesson)
        elif isinstance(item, dict) and "quiz" in item:
            module.contents.append(_quiz(check, item, plan))
        elif isinstance(item, dict) and "skill" in item:
            module.contents.append(skill_parse(item, check.problems))
        else:
            check.add(
                contents.lines[index], "each module entry is a “lesson:”, a “quiz:” or a “skill:”"
            )
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


def _quiz(check: _Checker, entry, plan: CoursePlan) -> QuizPlan:
    """course.yaml's own keys (quiz: slug, title); the rest is the bank half's quiz mapping."""
    from quizzes.models import QuizPage

    fields = {"slug": check.value(QuizPage, "slug", entry["quiz"], entry.line_of("quiz"))}
    fields.update(check.fields(QuizPage, entry, {"title": "title"}))
    if "title" not in entry:
        check.add(entry.line, f"the quiz “{entry['quiz']}” needs a title")
    settings = Located({k: v for k, v in entry.items() if k not in ("quiz", "title")})
    settings.line, settings.lines = entry.line, dict(entry.lines)
    parsed, problems, warnings = bank_seam.quiz_parse(settings, file=FILE, bank=plan.bank)
    check.problems += problems
    plan.warnings += warnings
    return QuizPlan(fields["slug"], fields, parsed, entry.line)


def _check_references(check: _Checker, plan: CoursePlan) -> None:
    seen: set[str] = set()
    for item in plan.outline:
        for entry in [item, *(item.contents if isinstance(item, ModulePlan) else [])]:
            slug = entry.fields.get("slug")
            if slug and slug in seen:
                where = getattr(entry, "file", FILE)
                check.add(entry.line, f"the slug “{slug}” is used twice in the course", where)
            seen.add(slug)
    modules = {item.slug for item in plan.outline if isinstance(item, ModulePlan)}
    quizzes = {quiz.slug: quiz.parsed for quiz in plan.quizzes()}
    check.problems += bank_seam.quizzes_check(quizzes, modules=modules)
    check.problems += skills_check(plan.skills(), quizzes=set(quizzes))
