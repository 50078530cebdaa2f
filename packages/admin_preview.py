"""The admin's preview of an upload: the import's dry run, plus the question-level detail.

The writer's dry run says how many questions were checked; the preview also says which would be
created and which get a new version (read-only: the same comparison bank_write makes), and
refuses keys already in the bank when the upload is not an update, as the import would.
"""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

from packages.archive import read_package
from packages.problems import PackageInvalid, Problem
from packages.services import ImportResult, package_plan
from packages.writer import course_write

GROUPS = [
    ("course", "Course and modules"),
    ("lesson", "Lessons"),
    ("quiz", "Quizzes"),
    ("skill", "Practical skills"),
    ("question", "Questions"),
    ("asset", "Images and documents"),
    ("unpublish", "Taken off the site (kept with their attempts)"),
]
_QUOTED = re.compile(r"“(.*?)”")


@dataclass
class Group:
    key: str
    label: str
    lines: list[str] = field(default_factory=list)


def package_preview(*, source, update: bool, authorize) -> ImportResult:
    """What confirming would do; PackageInvalid with every problem, or authorize's refusal."""
    files = read_package(source)
    plan, course, assets = package_plan(files=files, update=update)
    authorize(course)
    _, actions = course_write(plan, course, assets, apply=False, update=update)
    actions += _question_actions(plan.bank, assets, update=update)
    return ImportResult(course, actions, True, plan.warnings)


def _question_actions(bank, assets: dict[str, bytes], *, update: bool) -> list[str]:
    from wagtail.images import get_image_model

    from packages.bank_write import _comparable
    from packages.bank_yaml import question_entry
    from quizzes.models import Question

    if bank is None or not bank.questions:
        return []
    related = ("category", "scenario", "variant_set", "image")
    stored = Question.objects.filter(bank__name=bank.name).select_related(*related)
    stored = stored.prefetch_related("tags")
    existing = {q.key: q for q in stored.filter(key__in=list(bank.questions))}
    if update:  # as bank_write does: questions made before keys existed are matched by title
        titles = {q.fields["title"]: k for k, q in bank.questions.items() if k not in existing}
        for question in stored.filter(key="", title__in=list(titles)):
            existing.setdefault(titles[question.title], question)
    if existing and not update:
        raise PackageInvalid(
            [
                Problem(
                    bank.file,
                    bank.lines.get(f"question:{key}"),
                    f"the question “{key}” is already in the bank “{bank.name}”: "
                    "tick “apply as an update” to give it a new version",
                )
                for key in sorted(existing)
            ]
        )
    digests = {
        hashlib.sha1(assets[path]).hexdigest(): path  # noqa: S324 - Wagtail's file_hash
        for path in bank.assets
        if path in assets
    }
    paths = dict(
        (pk, digests[digest])
        for pk, digest in get_image_model()
        .objects.filter(file_hash__in=list(digests))
        .values_list("pk", "file_hash")
    )
    lines = []
    for key, item in bank.questions.items():
        question = existing.get(key)
        if question is None:
            lines.append(f"create question “{key}”")
        elif question_entry(question, image_path=paths.get) != _comparable(item.entry, question):
            lines.append(f"new version of question “{key}”")
    return lines


def action_groups(actions: list[str]) -> list[Group]:
    """The plan's lines sorted into readable groups, in a fixed order; empty groups dropped."""
    groups = {key: Group(key, label) for key, label in GROUPS}
    for line in actions:
        groups[_group_of(line)].lines.append(line)
    return [group for group in groups.values() if group.lines]


def _group_of(line: str) -> str:
    if line.startswith("unpublish "):
        return "unpublish"
    if line.startswith(("create image ", "create document ")):
        return "asset"
    if "question" in _QUOTED.sub("", line):
        return "question"
    if " quiz " in f" {_QUOTED.sub('', line)} ":
        return "quiz"
    if " lesson " in f" {_QUOTED.sub('', line)} ":
        return "lesson"
    if " practical skill " in f" {_QUOTED.sub('', line)} ":
        return "skill"
    return "course"


def admin_wording(problem: Problem) -> Problem:
    """The command line's advice ("use --update") as the form says it."""
    message = problem.message.replace("use --update", "tick “apply as an update”")
    message = message.replace("import with --update", "tick “apply as an update”")
    return Problem(problem.file, problem.line, message)
