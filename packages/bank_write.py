"""Write a parsed questions.yaml into the bank: create, or on update add a new version.

Runs inside the caller's transaction (the package import is all or nothing) in a fixed number of
queries per batch, whatever the number of questions: reads by key, bulk inserts and updates,
one revision per created or changed question (bulk), tags in bulk. An unchanged question gets
no new revision, so importing the same package twice changes nothing. Started attempts are
untouched: they hold frozen snapshots (quizzes/snapshots.py), never the live question.
"""

from __future__ import annotations

import json
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify
from taggit.models import Tag
from wagtail.models import Revision
from wagtail.search.backends import get_search_backend

from courses.outline_cache import pages_changed
from packages.bank_yaml import ParsedBank, ParsedQuestion, question_entry
from packages.problems import PackageInvalid, Problem
from quizzes.models import Question, QuestionBank, QuestionCategory, Scenario, VariantSet
from quizzes.models.bank import QuestionTag

BATCH_SIZE = 500
QUESTION_FIELDS = [
    "key",
    "title",
    "stem",
    "image",
    "image_alt",
    "points",
    "critical",
    "critical_reason",
    "general_feedback",
    "category",
    "scenario",
    "variant_set",
    "body",
    "question_type",
    "updated_at",
]


@dataclass
class BankWritten:
    bank: QuestionBank
    questions: dict[str, Question] = field(default_factory=dict)  # key -> question (all of them)
    created: list[str] = field(default_factory=list)
    changed: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)


@transaction.atomic
def bank_write(*, parsed: ParsedBank, update: bool, images: Mapping | None = None) -> BankWritten:
    """Create the bank's rows, or (update) revise the ones whose entry changed.

    `images`: asset path -> wagtail Image, for every path in `parsed.assets` (the caller stores
    the package's assets). Without `update`, a key already in the bank is refused."""
    images = images or {}
    missing = sorted(parsed.assets - set(images))
    if missing:
        raise PackageInvalid(
            [Problem(parsed.file, None, f"image {p} was not stored") for p in missing]
        )
    bank, _ = QuestionBank.objects.get_or_create(name=parsed.name)
    if bank.description != parsed.description:
        bank.description = parsed.description
        bank.save(update_fields=["description"])
    categories = _categories(parsed)
    variant_sets = _named(VariantSet, "objective", parsed.variant_sets)
    scenarios = _scenarios(parsed)
    existing = {
        q.key: q
        for q in Question.objects.filter(bank=bank, key__in=list(parsed.questions))
        .select_related("category", "scenario", "variant_set", "image")
        .prefetch_related("tags")
    }
    if update:  # questions made before keys existed (or in the admin) are matched by title
        titles = {q.fields["title"]: k for k, q in parsed.questions.items() if k not in existing}
        for question in (
            Question.objects.filter(bank=bank, key="", title__in=list(titles))
            .select_related("category", "scenario", "variant_set", "image")
            .prefetch_related("tags")
        ):
            existing.setdefault(titles[question.title], question)
    if existing and not update:
        raise PackageInvalid(
            [
                Problem(
                    parsed.file,
                    parsed.lines.get(f"question:{key}"),
                    f"the question “{key}” is already in the bank “{bank.name}”: "
                    "import with --update",
                )
                for key in sorted(existing)
            ]
        )
    paths = {image.pk: path for path, image in images.items()}
    written = BankWritten(bank=bank)
    new, changed = [], []
    for key, item in parsed.questions.items():
        question = existing.get(key)
        if question is not None:
            entry = question_entry(question, image_path=paths.get)
            if entry == _comparable(item.entry, question):
                written.unchanged.append(key)
                written.questions[key] = question
                continue
        row = question or Question(bank=bank, key=key)
        _fill(row, item, categories, variant_sets, scenarios, images)
        (changed if question is not None else new).append((row, item))
        written.questions[key] = row
    for start in range(0, max(len(new), len(changed)), BATCH_SIZE):
        created = [row for row, _ in new[start : start + BATCH_SIZE]]
        revised = [row for row, _ in changed[start : start + BATCH_SIZE]]
        Question.objects.bulk_create(created)
        if revised:
            Question.objects.bulk_update(revised, QUESTION_FIELDS)
        batch = new[start : start + BATCH_SIZE] + changed[start : start + BATCH_SIZE]
        tagged = _tags(batch, revised)
        _revisions([row for row, _ in batch], tagged)
        get_search_backend().add_bulk(Question, [row for row, _ in batch])
    written.created = [row.key for row, _ in new]
    written.changed = [row.key for row, _ in changed]
    return written


def _comparable(entry: dict, question: Question) -> dict:
    """The parsed entry as the stored question would export it (scenario keys come from titles)."""
    if "scenario" in entry and question.scenario_id:
        from packages.bank_yaml import scenario_key

        return {**entry, "scenario": scenario_key(question.scenario)}
    return entry


def _fill(row: Question, item: ParsedQuestion, categories, variant_sets, scenarios, images) -> None:
    value = dict(item.value)
    image = images.get(item.image) if item.image else None
    if item.kind == "hotspot":
        value["image"] = image.pk
        image = None
    row.key = item.key
    for name, current in item.fields.items():
        setattr(row, name, current)
    row.image = image
    row.category = categories.get(item.category)
    row.variant_set = variant_sets.get(item.variant_set)
    row.scenario = scenarios.get(item.scenario)
    row.body = json.dumps(
        [{"type": item.kind, "value": value, "id": str(uuid.uuid4())}], cls=DjangoJSONEncoder
    )
    row.question_type = item.kind
    row.updated_at = timezone.now()
    row._package_tags = item.tags


def _categories(parsed: ParsedBank) -> dict[str, QuestionCategory]:
    """Categories are site-wide, by name: create the missing ones, then set parents (4 queries)."""
    found = _named(
        QuestionCategory,
        "description",
        {name: c["description"] for name, c in parsed.categories.items()},
    )
    moved = []
    for name, category in found.items():
        parent = found.get(parsed.categories[name]["parent"])
        if category.parent_id != (parent.pk if parent else None):
            category.parent = parent
            moved.append(category)
    QuestionCategory.objects.bulk_update(moved, ["parent"])
    pages_changed()  # bulk writes send no signal: kept category trees (draw_bank) go
    return found


def _named(model, text_field: str, wanted: Mapping[str, str]) -> dict:
    """Rows by unique name, created or updated to the file's text (at most 4 queries)."""
    if not wanted:
        return {}
    found = {row.name: row for row in model.objects.filter(name__in=list(wanted))}
    model.objects.bulk_create(
        [model(name=n, **{text_field: wanted[n]}) for n in wanted if n not in found]
    )
    found = {row.name: row for row in model.objects.filter(name__in=list(wanted))}
    stale = [row for name, row in found.items() if getattr(row, text_field) != wanted[name]]
    for row in stale:
        setattr(row, text_field, wanted[row.name])
    model.objects.bulk_update(stale, [text_field])
    return found


def _scenarios(parsed: ParsedBank) -> dict[str, Scenario]:
    """Scenarios by title (the first of that title), created or updated (at most 4 queries)."""
    if not parsed.scenarios:
        return {}
    titles = {s["title"] for s in parsed.scenarios.values()}

    def by_title():
        rows = {}
        for row in Scenario.objects.filter(title__in=titles).order_by("pk"):
            rows.setdefault(row.title, row)
        return rows

    found = by_title()
    Scenario.objects.bulk_create(
        [
            Scenario(title=s["title"], vignette=s["vignette"], key=k)
            for k, s in {s["title"]: (k, s) for k, s in parsed.scenarios.items()}.values()
            if s["title"] not in found
        ]
    )
    found = by_title()
    stale = []
    for key, scenario in parsed.scenarios.items():
        row = found[scenario["title"]]
        if (row.vignette, row.key) != (scenario["vignette"], key):
            row.vignette, row.key = scenario["vignette"], key
            stale.append(row)
    Scenario.objects.bulk_update(stale, ["vignette", "key"])
    return {key: found[s["title"]] for key, s in parsed.scenarios.items()}


def _tags(batch, revised) -> dict[int, list[QuestionTag]]:
    """Replace the batch's tags: one delete, two reads, two bulk inserts. Returns the new
    QuestionTag rows by question pk, for the revisions."""
    if revised:
        QuestionTag.objects.filter(content_object__in=revised).delete()
    names = {name for row, _ in batch for name in row._package_tags}
    if not names:
        return {}
    tags = {tag.name: tag for tag in Tag.objects.filter(name__in=names)}
    missing = sorted(names - set(tags))
    if missing:
        slugs = {slugify(name)[:90] or "tag" for name in missing}
        taken = set(Tag.objects.filter(slug__in=slugs).values_list("slug", flat=True))
        rows = []
        for name in missing:
            base = slugify(name)[:90] or "tag"
            slug, n = base, 1
            while slug in taken:
                n += 1
                slug = f"{base}_{n}"
            taken.add(slug)
            rows.append(Tag(name=name, slug=slug))
        Tag.objects.bulk_create(rows)
        tags.update({tag.name: tag for tag in Tag.objects.filter(name__in=missing)})
    links = QuestionTag.objects.bulk_create(
        [
            QuestionTag(content_object=row, tag=tags[name])
            for row, _ in batch
            for name in row._package_tags
        ]
    )
    tagged: dict[int, list[QuestionTag]] = {}
    for link in links:
        tagged.setdefault(link.content_object_id, []).append(link)
    return tagged


def _revisions(rows: list[Question], tagged: Mapping[int, list]) -> None:
    """One new revision per row (bulk), made the latest, as `save_revision` would: its
    content holds the tags too, so a version restored or compared carries them."""
    if not rows:
        return
    content_type = ContentType.objects.get_for_model(Question)
    now = timezone.now()
    revisions = [
        Revision(
            content_type=content_type,
            base_content_type=content_type,
            object_id=str(row.pk),
            created_at=now,
            content=_content(row, tagged.get(row.pk, [])),
            object_str=str(row)[:255],
        )
        for row in rows
    ]
    Revision.objects.bulk_create(revisions)
    for row, revision in zip(rows, revisions, strict=True):
        row.latest_revision = revision
    Question.objects.bulk_update(rows, ["latest_revision"])


def _content(row: Question, links: list[QuestionTag]) -> dict:
    """What `serializable_data` stores: the fields and the `tagged_items` child relation (built
    from the rows just inserted, so it costs no query per question)."""
    from modelcluster.models import get_serializable_data_for_fields

    content = json.loads(json.dumps(get_serializable_data_for_fields(row), cls=DjangoJSONEncoder))
    content["tagged_items"] = [
        {"pk": link.pk, "tag": link.tag_id, "content_object": row.pk} for link in links
    ]
    return content
