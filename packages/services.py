"""Import a course package: validate everything, then write all of it or nothing."""

from __future__ import annotations

import html
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction

from courses.models import CourseIndexPage, CoursePage
from packages.archive import read_package
from packages.assets import assets_check, files_removed_on_failure
from packages.blocks import asset_refs, texts
from packages.course_yaml import ModulePlan, course_parse
from packages.problems import PackageInvalid, Problem
from packages.richtext import link_targets
from packages.writer import course_write


@dataclass
class ImportResult:
    course: CoursePage | None
    actions: list[str]
    dry_run: bool
    warnings: list[Problem] = field(default_factory=list)  # item-writing checks (bank half)


def _asset_problems(plan, assets: dict[str, bytes]) -> list[Problem]:
    """Every file a block or rich text names exists, and every page link names a package page."""
    pages = {f"page:{plan.fields.get('slug')}"} | {lesson.file for lesson in plan.lessons}
    pages |= {f"page:{item.slug}" for item in plan.outline if isinstance(item, ModulePlan)}
    pages |= {f"page:{quiz.slug}" for quiz in plan.quizzes()}
    pages |= {f"page:{lesson.fields.get('slug')}" for lesson in plan.lessons}
    pages |= {f"page:{skill.slug}" for skill in plan.skills()}
    where = [
        (lesson.file, block.line, block.value) for lesson in plan.lessons for block in lesson.blocks
    ]
    where.append(("course.yaml", None, list(plan.fields.values())))
    where += [("course.yaml", s.line, s.fields.get("demonstrate")) for s in plan.skills()]
    problems = []
    for file, line, value in where:
        for ref in asset_refs(value):
            if ref.path not in assets:
                message = f"“{ref.path}” is not a usable file under assets/"
                problems.append(Problem(file, line, message))
            elif _kind(ref.path) != ref.kind:
                problems.append(Problem(file, line, f"“{ref.path}” is not an {ref.kind}"))
        for kind, target in (pair for text in texts(value) for pair in link_targets(text)):
            if kind == "page" and html.unescape(target) not in pages:
                message = f"the link to “{html.unescape(target)}” names no page of this package"
                problems.append(Problem(file, line, message))
    return problems


def _kind(path: str) -> str | None:
    from packages.assets import asset_kind

    return asset_kind(path)


def package_plan(*, files: dict[str, bytes], update: bool):
    """Everything checked, nothing written: (plan, existing course, assets) or PackageInvalid."""
    assets, problems = assets_check(files)
    try:
        plan = course_parse(files)
    except PackageInvalid as error:
        raise PackageInvalid(problems + error.problems) from None
    problems += _asset_problems(plan, assets)
    if not CourseIndexPage.objects.exists():
        problems.append(Problem("course.yaml", None, "the site has no course index page"))
    slug = plan.fields.get("slug")
    course = CoursePage.objects.filter(slug=slug).first()
    if course is not None and not update:
        problems.append(
            Problem(
                "course.yaml",
                None,
                f"a course with the slug “{slug}” already "
                "exists: use --update to apply this package to it as new revisions",
            )
        )
    if problems:
        raise PackageInvalid(problems)
    return plan, course, assets


def package_import(
    *, source, update: bool = False, dry_run: bool = False, authorize=None
) -> ImportResult:
    """Import (or, with update, apply to the course with the same slug) the package at source.

    `authorize(course)` (the existing course, or None for a new one) runs once the package is
    checked and before anything is written, inside the import's lock; it raises to refuse.
    Raises PackageInvalid with every problem found; then nothing has been written."""
    files = read_package(source)
    if dry_run:
        plan, course, assets = package_plan(files=files, update=update)
        if authorize is not None:
            authorize(course)
        _, actions = course_write(plan, course, assets, apply=False, update=update)
        return ImportResult(course, actions, True, plan.warnings)
    try:
        with files_removed_on_failure(), transaction.atomic():
            # Two imports of one package at once: the second waits here, then sees the course
            # the first created (and is refused without --update) instead of adding a twin.
            list(CourseIndexPage.objects.select_for_update().values_list("pk", flat=True))
            plan, course, assets = package_plan(files=files, update=update)
            if authorize is not None:
                authorize(course)
            written, actions = course_write(plan, course, assets, apply=True, update=update)
    except ValidationError as error:  # a rule only the database-backed save can see
        raise PackageInvalid([Problem("course.yaml", None, m) for m in error.messages]) from None
    return ImportResult(written, actions, False, plan.warnings)
