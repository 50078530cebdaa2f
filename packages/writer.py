"""Applies a validated CoursePlan to the site; the same walk also describes what it would do.

`apply=False` only reads (the --dry-run plan); `apply=True` writes, and must run inside the
import's transaction. Existing pages are matched by slug inside the course and get a new
published revision only when something changed, so re-importing the same package changes
nothing. Pages that left the package are unpublished, never deleted: attempts, completions
and certificates keep pointing at them.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from packages import bank_seam
from packages.assets import document_from_asset, image_from_asset
from packages.blocks import (
    AssetRef,
    asset_refs,
    page_links_pending,
    resolve_assets,
    resolve_pages,
)
from packages.course_yaml import CoursePlan, ModulePlan, QuizPlan
from packages.lessons import block_text
from packages.richtext import html_to_markdown
from packages.skill_yaml import SkillPlan, criteria_texts, prerequisite_slugs, skill_relations

RICH_FIELDS = {"learning_outcomes", "sources", "intro", "demonstrate"}  # ModulePage.intro: plain
RELATIONS = ("criteria", "prerequisites")  # a skill's child rows, given as texts and quiz slugs


@dataclass
class Actions:
    lines: list[str] = field(default_factory=list)

    def add(self, line: str) -> None:
        self.lines.append(line)


def plain(value):
    """A StreamField raw value without block ids or ListBlock item wrappers, for comparing."""
    if isinstance(value, list):
        return [plain(item) for item in value]
    if isinstance(value, dict):
        if set(value) <= {"type", "value", "id"} and "value" in value and "type" in value:
            if value["type"] == "item":
                return plain(value["value"])
            return {"type": value["type"], "value": plain(value["value"])}
        return {key: plain(item) for key, item in value.items() if key != "table_header_choice"}
    return value


def _all_refs(plan: CoursePlan) -> set[AssetRef]:
    refs = set()
    for lesson in plan.lessons:
        for block in lesson.blocks:
            refs.update(asset_refs(block.value))
    refs.update(asset_refs(list(plan.fields.values())))
    refs.update(asset_refs(list((plan.certificate or {}).values())))
    return refs


def asset_pks(refs, assets: dict[str, bytes], *, apply: bool, actions: Actions) -> dict:
    """The pk of each referenced image/document: reused when the same file exists, else created."""
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    pks = {}
    for ref in sorted(refs, key=lambda r: r.path):
        model = get_image_model() if ref.kind == "image" else get_document_model()
        digest = hashlib.sha1(assets[ref.path]).hexdigest()  # noqa: S324 - Wagtail's file_hash
        existing = model.objects.filter(file_hash=digest).values_list("pk", flat=True).first()
        if existing is not None:
            pks[ref] = existing
            continue
        actions.add(f"create {ref.kind} {ref.path}")
        if apply:
            make = image_from_asset if ref.kind == "image" else document_from_asset
            pks[ref] = make(ref.path, assets[ref.path]).pk
    return pks


class _Walk:
    def __init__(self, plan, course, assets, *, apply, update, actions):
        self.plan, self.course, self.assets = plan, course, assets
        self.apply, self.update, self.actions = apply, update, actions
        self.pks = asset_pks(_all_refs(plan), assets, apply=apply, actions=actions)
        self.existing = {}
        if course is not None:
            self.existing[("CoursePage", course.slug)] = course
            for page in course.get_descendants().specific():
                self.existing[(type(page).__name__, page.slug)] = page
        self.kept: set[int] = set()
        self.created: set[str] = set()  # quizzes created in this run
        # Page links name their target by package identity; pks as the pages come to exist.
        self.files = {lesson.fields.get("slug"): lesson.file for lesson in plan.lessons}
        self.links: dict[str, int] = {}
        for page in self.existing.values():
            self._linkable(page)
        self.pending: list[tuple] = []  # pages whose links wait for a page made later
        self.fresh: set[int] = set()  # pages created in this run
        self.quizzes: dict = {}  # slug -> QuizPage, for skills' quizzes to pass first

    def _linkable(self, page) -> None:
        self.links[f"page:{page.slug}"] = page.pk
        if isinstance(page, LessonPage) and page.slug in self.files:
            self.links[self.files[page.slug]] = page.pk

    def resolved(self, fields: dict) -> dict:
        return {key: self._resolve(value) for key, value in fields.items()}

    def _resolve(self, value):
        try:
            return resolve_pages(resolve_assets(value, self.pks), self.links)
        except KeyError:
            return None  # an asset to be created (only in the dry-run plan)

    def page(self, model, parent, fields: dict, label: str, *, again: bool = False):
        """Create or update one page; returns it (None in a dry run of a new page).

        A page linking to one made later in this run is saved now and revised once, at the end
        (`again`), when every target has its pk: one revision, no dangling link."""
        raw = fields
        existing = self.existing.get((model.__name__, fields["slug"]))
        relations = {key: fields[key] for key in RELATIONS if key in fields}
        fields = self.resolved({k: v for k, v in fields.items() if k not in relations})
        if "image" in fields and model is CoursePage:
            fields["image_id"] = fields.pop("image")
        waiting = self.apply and not again and page_links_pending(fields)
        if waiting:
            self.pending.append((model, parent, raw, label))
        if existing is None:
            self.actions.add(f"create {model._meta.verbose_name} “{fields.get('title')}”")
            if not self.apply:
                return None
            page = model(**fields)
            if relations:
                skill_relations(page, **relations, quizzes=self.quizzes)
            parent.add_child(instance=page)
            if not waiting:
                page.save_revision().publish()
            self.existing[(model.__name__, page.slug)] = page
            self.kept.add(page.pk)
            self.fresh.add(page.pk)
            self._linkable(page)
            return page
        self.kept.add(existing.pk)
        if waiting:
            return existing
        if again and existing.pk in self.fresh:  # its creation is already in the plan
            for key, value in fields.items():
                setattr(existing, key, value)
            if relations:
                skill_relations(existing, **relations, quizzes=self.quizzes)
            existing.save_revision().publish()
            return existing
        changed = [key for key, value in fields.items() if _differs(existing, key, value)]
        changed += [k for k, rows in relations.items() if _relation_differs(existing, k, rows)]
        moved = parent is not None and existing.get_parent().pk != parent.pk
        if not changed and not moved and existing.live:
            return existing
        why = ", ".join(changed) or ("moved" if moved else "republished")
        self.actions.add(f"update {label} “{existing.title}” ({why}: new published revision)")
        if self.apply:
            if moved:
                existing.move(parent, pos="last-child")
                existing.refresh_from_db()
            for key, value in fields.items():
                setattr(existing, key, value)
            if relations:
                skill_relations(existing, **relations, quizzes=self.quizzes)
            existing.save_revision().publish()
        return existing

    def run(self) -> CoursePage | None:
        plan = self.plan
        index = CourseIndexPage.objects.first()
        course = self.page(CoursePage, index, plan.fields, "course")
        modules, quizzes = {}, self.quizzes
        skills = []
        for item in plan.outline:
            if isinstance(item, ModulePlan):
                modules[item.slug] = self.page(ModulePage, course, item.fields, "module")
        questions = self._bank()
        for item in plan.outline:
            contents = item.contents if isinstance(item, ModulePlan) else [item]
            parent = modules.get(item.slug) if isinstance(item, ModulePlan) else course
            for entry in contents:
                if isinstance(entry, QuizPlan):
                    quizzes[entry.slug] = self._quiz_placed(entry, parent)
                elif isinstance(entry, SkillPlan):
                    skills.append((entry, parent))
                else:
                    fields = dict(entry.fields)
                    fields["body"] = [{"type": b.type, "value": b.value} for b in entry.blocks]
                    self.page(LessonPage, parent, fields, "lesson")
        for entry in plan.quizzes():
            self._quiz_settings(entry, quizzes, modules, questions)
        for entry, parent in skills:  # after the quizzes: they may be asked to pass first
            self.page(self._skill_model(), parent, entry.fields, "practical skill")
        for model, parent, fields, label in self.pending:
            self.page(model, parent, fields, label, again=True)
        if self.apply:
            self._certificate(course)
            self._order(course, plan)
        self._unpublish_missing()
        return course

    @staticmethod
    def _skill_model():
        from practice.models import PracticalSkillPage

        return PracticalSkillPage

    def _bank(self) -> dict:
        """The bank half writes questions (new versions on update); key -> Question."""
        bank = self.plan.bank
        if bank is None:
            return {}
        count = len(getattr(bank, "questions", {}) or {})
        self.actions.add(f"question bank: {count} questions checked (unchanged ones are kept)")
        if not self.apply:
            return {}
        images = {path: image_from_asset(path, self.assets[path]) for path in sorted(bank.assets)}
        written = bank_seam.bank_write(parsed=bank, update=self.update, images=images)
        for verb, keys in (("create", written.created), ("new version of", written.changed)):
            self.actions.lines += [f"{verb} question “{key}”" for key in keys]
        return written.questions

    def _quiz_placed(self, entry: QuizPlan, parent):
        """Create a new quiz (saved once, so prerequisites can name it) or find the existing one."""
        from quizzes.models import QuizPage

        existing = self.existing.get(("QuizPage", entry.slug))
        if existing is not None:
            self.kept.add(existing.pk)
            if self.apply and parent is not None and existing.get_parent().pk != parent.pk:
                existing.move(parent, pos="last-child")
                existing.refresh_from_db()
            return existing
        self.actions.add(f"create quiz “{entry.fields.get('title')}”")
        if not self.apply:
            return None
        quiz = QuizPage(**entry.fields, **entry.parsed.fields)
        parent.add_child(instance=quiz)
        self.created.add(entry.slug)
        self._linkable(quiz)
        return quiz

    def _quiz_settings(self, entry: QuizPlan, quizzes, modules, questions):
        quiz = quizzes[entry.slug]
        if quiz is None:  # a new quiz in a dry run: "create" is already in the plan
            return
        if entry.slug not in self.created:
            before = (quiz.title, bank_seam.quiz_export(quiz))
            if before == (entry.fields["title"], entry.parsed.entry) and quiz.live:
                return
            self.actions.add(f"update quiz “{quiz.title}” (settings: new published revision)")
        if not self.apply:
            return
        quiz.title = entry.fields["title"]
        bank_seam.quiz_apply(
            quiz, entry.parsed, questions=questions, quizzes=quizzes, modules=modules
        )
        quiz.save_revision().publish()

    def _certificate(self, course):
        from certificates.models import CertificateTemplate

        if self.plan.certificate is None:
            return
        values = self.resolved(self.plan.certificate)
        for key in ("signature", "logo"):
            values[f"{key}_id"] = values.pop(key, None)
        CertificateTemplate.objects.update_or_create(course=course, defaults=values)

    def _order(self, course, plan):
        """Children in the package's order (moves only when the order differs)."""
        wanted = {course.pk: [item.slug for item in plan.outline]}
        for item in plan.outline:
            if isinstance(item, ModulePlan):
                slugs = [e.fields["slug"] for e in item.contents]
                page = ModulePage.objects.child_of(course).get(slug=item.slug)
                wanted[page.pk] = slugs
        for parent_pk, slugs in wanted.items():
            parent = course if parent_pk == course.pk else ModulePage.objects.get(pk=parent_pk)
            children = list(parent.get_children().order_by("path"))
            by_slug = {child.slug: child for child in children}
            current = [child.slug for child in children if child.slug in slugs]
            if current != slugs:
                for slug in slugs:
                    by_slug[slug].move(parent, pos="last-child")

    def _unpublish_missing(self):
        for page in self.existing.values():
            if page.pk in self.kept or not page.live or isinstance(page, CoursePage):
                continue
            name = page._meta.verbose_name
            self.actions.add(
                f"unpublish {name} “{page.title}” (not in the package; kept with its attempts)"
            )
            if self.apply:
                page.unpublish()


def _by_id(kind, pk) -> str:
    return f"{kind}:{pk}"


def _as_text(body) -> list[str]:
    """A body as its package text: the spelling of the HTML (&#x27; or ') does not count."""
    return [block_text(b["type"], plain(b["value"]), _by_id, link=_by_id) for b in body]


def _differs(page, key: str, value) -> bool:
    if key == "body":
        return _as_text(list(page.body.raw_data)) != _as_text(value)
    if key in RICH_FIELDS:
        return html_to_markdown(getattr(page, key), _by_id) != html_to_markdown(value, _by_id)
    if key.endswith("_id") or key == "unlocks_module":
        current = getattr(page, key if key.endswith("_id") else f"{key}_id")
        return current != (value.pk if hasattr(value, "pk") else value)
    return getattr(page, key) != value


def _relation_differs(page, key: str, value) -> bool:
    if key == "criteria":
        return criteria_texts(page) != value
    return prerequisite_slugs(page) != value


def course_write(plan: CoursePlan, course, assets, *, apply: bool, update: bool = True):
    """(the course, what was or would be done)."""
    actions = Actions()
    walk = _Walk(plan, course, assets, apply=apply, update=update, actions=actions)
    written = walk.run()
    return written, actions.lines
