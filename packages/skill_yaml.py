"""A practical skill in course.yaml's outline ↔ a PracticalSkillPage (see packages/FORMAT.md,
"Practical skills").

    - skill: clean-technique-and-sharps      # the skill page's slug
      title: Clean technique and sharps handling
      summary: One sentence for the outline and the logbook.
      demonstrate: |-                        # Markdown (bold, italic, lists, links)
        What the supervisor looks for.
      criteria:                              # one or more, each observable
      - Performs hand hygiene before palpation.
      min_repetitions: 2                     # 1 to 100
      required: true
      allow_external_supervisor: false
      prerequisites: [safety-quiz]           # quiz slugs of this course, passed first

Every value is read with its type checked (a number is not text, "yes" is not true) and then
through the model field's own `clean`, so the rules are the models'. Prerequisites name quizzes
of the package and are checked once the whole outline is known (`skills_check`).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError

from packages.problems import Problem
from packages.richtext import RichTextProblem, html_to_markdown, markdown_to_html
from packages.yaml_values import Reader, depth_problem

FILE = "course.yaml"
KEYS = (  # in the order export writes them
    "skill",
    "title",
    "summary",
    "demonstrate",
    "criteria",
    "min_repetitions",
    "required",
    "allow_external_supervisor",
    "prerequisites",
)
MAX_CRITERIA = 30
# What the skill's editor offers (PracticalSkillPage.demonstrate: bold, italic, ul, ol, link);
# Markdown could say more, which the editor could then neither show nor keep.
NOT_OFFERED = {
    "<sup>": "superscript",
    "<sub>": "subscript",
    'linktype="document"': "document links",
}


@dataclass
class SkillPlan:
    slug: str
    fields: dict  # PracticalSkillPage field -> value, plus "criteria" and "prerequisites"
    line: int | None
    lines: dict = field(default_factory=dict)  # "prerequisite:<slug>" -> line

    @property
    def prerequisites(self) -> list[str]:
        return self.fields.get("prerequisites", [])


def _model():
    from practice.models import PracticalSkillPage

    return PracticalSkillPage


def _clean(reader: Reader, key: str, name: str, value):
    try:
        return _model()._meta.get_field(name).clean(value, None)
    except ValidationError as error:
        reader.problem(key, " ".join(error.messages))
    except (TypeError, ValueError, OverflowError) as error:
        reader.problem(key, str(error))
    return None


def _demonstrate(reader: Reader) -> str:
    text = reader.text("demonstrate", blank=False)
    if not text:
        return ""
    try:
        html = markdown_to_html(text)
    except RichTextProblem as error:
        line = reader.line_of("demonstrate")
        offset = error.line_offset + (1 if "\n" in text and line else 0)
        reader.problems.append(
            Problem(reader.file, line + offset if line else None, f"demonstrate: {error}")
        )
        return ""
    missing = sorted(label for marker, label in NOT_OFFERED.items() if marker in html)
    if missing:
        reader.problem(
            "demonstrate", f"uses {', '.join(missing)}, which the skill's editor does not offer"
        )
        return ""
    return html


def skill_parse(data, problems: list[Problem], *, file: str = FILE) -> SkillPlan:
    """One outline entry (`skill: SLUG` and its keys) → SkillPlan; problems appended, located."""
    line = getattr(data, "line", None)
    if depth_problem(data, 4):
        problems.append(Problem(file, line, "a skill entry is nested too deeply"))
        return SkillPlan("", {}, line)
    reader = Reader(data, file=file, problems=problems)
    reader.unknown(set(KEYS))
    slug = reader.text("skill", blank=False, max_length=255)
    slug = (_clean(reader, "skill", "slug", slug) or "") if slug else ""
    fields: dict = {"slug": slug}
    label = f"the skill “{slug or str(data.get('skill'))[:60]}”"
    for key in ("title", "summary"):
        if key not in reader.data:
            reader.problems.append(Problem(file, line, f"{label} needs a {key}"))
            continue
        value = reader.text(key, blank=False)
        fields[key] = _clean(reader, key, key, value) if value else ""
    fields["demonstrate"] = _demonstrate(reader)
    criteria: list[str] = []
    entries = reader.items("criteria")
    if not entries and "criteria" in reader.data and reader.data["criteria"] in (None, []):
        reader.problem("criteria", "list at least one observable criterion")
    if len(entries) > MAX_CRITERIA:
        reader.problem("criteria", f"at most {MAX_CRITERIA} criteria, not {len(entries)}")
        entries = []
    for index, (text, item_line) in enumerate(entries, start=1):
        name = f"criteria[{index}]"
        value = reader.child({name: text}, item_line, "").text(name, blank=False, max_length=300)
        if value and value.strip() in criteria:
            problems.append(
                Problem(file, item_line, f"criteria[{index}]: “{value[:60]}” is listed twice")
            )
        elif value:
            criteria.append(value.strip())
    fields["criteria"] = criteria
    if isinstance(reader.data.get("min_repetitions"), str):  # '3' is text, not a number
        reader.problem("min_repetitions", "must be a whole number, not text")
        repetitions = None
    else:
        repetitions = reader.number("min_repetitions", default=2, low=1, high=100, integer=True)
    fields["min_repetitions"] = int(repetitions) if repetitions is not None else 2
    fields["is_required"] = reader.boolean("required", default=True)
    fields["allow_external_supervisor"] = reader.boolean("allow_external_supervisor", default=False)
    plan = SkillPlan(slug, fields, line)
    required = []
    for index, (quiz, item_line) in enumerate(reader.items("prerequisites", default=[]), 1):
        name = f"prerequisites[{index}]"
        text = reader.child({name: quiz}, item_line, "").text(name, blank=False, max_length=255)
        if text in required:
            problems.append(Problem(file, item_line, f"“{text[:60]}” is required twice"))
        elif text:
            required.append(text)
            plan.lines[f"prerequisite:{text}"] = item_line
    fields["prerequisites"] = required
    return plan


def skills_check(skills: list[SkillPlan], *, quizzes: set[str], file: str = FILE):
    """Each prerequisite names a quiz of the package."""
    problems = []
    for skill in skills:
        for slug in skill.prerequisites:
            line = skill.lines.get(f"prerequisite:{slug}", skill.line)
            if slug not in quizzes:
                problems.append(
                    Problem(
                        file,
                        line,
                        f"prerequisites: “{slug[:60]}” is not a quiz of this course "
                        f"(the skill “{skill.slug}”)",
                    )
                )
    return problems


def skill_export(skill, link) -> dict:
    """The skill as its outline entry; `link(kind, id)` names a link's package target."""
    from packages.selectors import ExportRefused, _refusing

    where = f"practical skill “{skill.title}”, field “demonstrate”"
    required = list(
        skill.prerequisites.order_by("sort_order", "pk").values_list(
            "required_quiz_id", "required_quiz__title", "required_quiz__slug"
        )
    )
    targets = getattr(link, "targets", None)
    for quiz_id, title, _ in required:
        if targets is not None and quiz_id not in targets:
            raise ExportRefused(
                f"practical skill “{skill.title}”, quizzes to pass first: “{title}” is not a "
                "published quiz of this course, which a package cannot name"
            )
    return {
        "skill": skill.slug,
        "title": skill.title,
        "summary": skill.summary,
        "demonstrate": _refusing(where, html_to_markdown, skill.demonstrate, link),
        "criteria": [c.text for c in skill.criteria.order_by("sort_order", "pk")],
        "min_repetitions": skill.min_repetitions,
        "required": skill.is_required,
        "allow_external_supervisor": skill.allow_external_supervisor,
        **({"prerequisites": [slug for _, _, slug in required]} if required else {}),
    }


def prerequisite_slugs(skill) -> list[str]:
    return list(
        skill.prerequisites.order_by("sort_order", "pk").values_list(
            "required_quiz__slug", flat=True
        )
    )


def criteria_texts(skill) -> list[str]:
    return [c.text for c in skill.criteria.all()]


def skill_relations(skill, criteria: list[str], prerequisites: list[str], quizzes: dict) -> None:
    """Set the skill's criteria and quizzes to pass first in memory (the caller saves a revision).
    A criterion whose text is unchanged keeps its row (and id)."""
    from practice.models import SkillCriterion, SkillPrerequisite

    kept = {c.text: c for c in skill.criteria.all()} if skill.pk else {}
    rows = []
    for order, text in enumerate(criteria):
        row = kept.pop(text, None) or SkillCriterion(text=text)
        row.sort_order = order
        rows.append(row)
    skill.criteria = rows
    skill.prerequisites = [
        SkillPrerequisite(required_quiz=quizzes[slug], sort_order=order)
        for order, slug in enumerate(prerequisites)
    ]
