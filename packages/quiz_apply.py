"""A parsed quiz onto a QuizPage (in memory: the caller saves it as a revision), the reverse
export, and the prerequisite checks that span a package's quizzes."""

from __future__ import annotations

from collections.abc import Mapping

from django.utils.text import slugify
from taggit.models import Tag

from packages.problems import Problem
from packages.quiz_yaml import ParsedQuiz, _setting_out, setting_fields
from quizzes.models import QuestionCategory, QuizPage, QuizSlot, VariantSet
from quizzes.models.quiz import QuizPrerequisite
from quizzes.prerequisites import cycle_through


def quizzes_check(quizzes: Mapping[str, ParsedQuiz], *, modules=None) -> list[Problem]:
    """Prerequisites across the package's quizzes (slug -> parsed): each names another quiz of
    the package, none twice, not itself, and no cycle (quizzes/prerequisites.py). `modules`:
    the package's module slugs, if known, for unlocks_module."""
    problems: list[Problem] = []
    ids = {slug: n for n, slug in enumerate(quizzes, start=1)}
    edges: dict[int, list[int]] = {}
    for slug, quiz in quizzes.items():
        seen: set[str] = set()
        for required in quiz.prerequisites:
            line = quiz.lines.get(f"prerequisite:{required}", quiz.line)
            if required == slug:
                problems.append(Problem(quiz.file, line, f"quiz “{slug}” cannot require itself"))
            elif required not in ids:
                problems.append(
                    Problem(quiz.file, line, f"“{required}” is not a quiz of this course")
                )
            elif required in seen:
                problems.append(Problem(quiz.file, line, f"“{required}” is required twice"))
            elif cycle := cycle_through(ids[slug], ids[required], edges):
                names = {n: s for s, n in ids.items()}
                chain = " → ".join(names[n] for n in cycle)
                problems.append(
                    Problem(
                        quiz.file,
                        line,
                        f"the prerequisites go round in a circle ({chain}): "
                        "none could ever be started",
                    )
                )
            else:
                edges.setdefault(ids[slug], []).append(ids[required])
            seen.add(required)
        if modules is not None and quiz.unlocks_module and quiz.unlocks_module not in modules:
            problems.append(
                Problem(
                    quiz.file,
                    quiz.lines.get("unlocks_module"),
                    f"unlocks_module: “{quiz.unlocks_module}” is not a module of this course",
                )
            )
    return problems


def quiz_apply(
    quiz: QuizPage,
    parsed: ParsedQuiz,
    *,
    questions: Mapping,
    quizzes: Mapping[str, QuizPage] | None = None,
    modules: Mapping | None = None,
) -> None:
    """Set the quiz's settings, slots and prerequisites from `parsed`, in memory.

    `questions`: key -> saved Question (bank_write's result); `quizzes`: slug -> saved QuizPage
    (for prerequisites: save every quiz once first, then apply); `modules`: slug -> ModulePage.
    Three queries (categories, variant sets, tags), whatever the number of slots."""
    for name, value in parsed.fields.items():
        setattr(quiz, name, value)
    names = {s["category"] for s in parsed.slots if "category" in s}
    categories = (
        {c.name: c for c in QuestionCategory.objects.filter(name__in=names)} if names else {}
    )
    set_names = {s["variant_set"] for s in parsed.slots if "variant_set" in s}
    sets = {v.name: v for v in VariantSet.objects.filter(name__in=set_names)} if set_names else {}
    tag_names = {t for s in parsed.slots for t in s.get("one_with_each_tag", ())}
    tags = {t.name: t for t in Tag.objects.filter(name__in=tag_names)} if tag_names else {}
    rows = []
    for slot in parsed.slots:
        row = QuizSlot(
            question=questions.get(slot.get("question")),
            variant_set=sets.get(slot.get("variant_set")),
            category=categories.get(slot.get("category")),
            count=slot.get("count", 1),
            cover_subcategories=slot.get("one_from_each_subcategory", False),
        )
        row.required_questions = [questions[k] for k in slot.get("always_include", ())]
        row.coverage_tags = [tags[t] for t in slot.get("one_with_each_tag", ()) if t in tags]
        rows.append(row)
    quiz.slots = rows
    if quizzes is not None:
        quiz.prerequisites = [
            QuizPrerequisite(required_quiz=quizzes[slug]) for slug in parsed.prerequisites
        ]
    if modules is not None:
        quiz.unlocks_module = modules.get(parsed.unlocks_module) if parsed.unlocks_module else None


def quiz_export(quiz: QuizPage, *, keys: Mapping[int, str] | None = None) -> dict:
    """The quiz's settings, slots, prerequisites and unlocked module as YAML data.

    `keys`: question id -> key as the bank export named it (BankExport.keys), for questions
    stored without one. A fixed number of queries per quiz."""
    keys = dict(keys or {})

    def key(question) -> str:
        return question.key or keys.get(question.pk) or slugify(question.title)[:90]

    data = {f.name: _setting_out(getattr(quiz, f.name)) for f in setting_fields()}
    slots = []
    rows = quiz.slots.select_related("question", "variant_set", "category").prefetch_related(
        "required_questions", "coverage_tags"
    )
    for row in rows.order_by("sort_order", "pk"):
        if row.question_id:
            slots.append({"question": key(row.question)})
        elif row.variant_set_id:
            slots.append({"variant_set": row.variant_set.name})
        else:
            slot = {"category": row.category.name, "count": row.count}
            required = [key(q) for q in sorted(row.required_questions.all(), key=lambda q: q.pk)]
            if required:
                slot["always_include"] = required
            if row.cover_subcategories:
                slot["one_from_each_subcategory"] = True
            tags = sorted(t.name for t in row.coverage_tags.all())
            if tags:
                slot["one_with_each_tag"] = tags
            slots.append(slot)
    data["slots"] = slots
    required = list(
        quiz.prerequisites.order_by("sort_order", "pk").values_list(
            "required_quiz__slug", flat=True
        )
    )
    if required:
        data["prerequisites"] = required
    if quiz.unlocks_module_id:
        data["unlocks_module"] = quiz.unlocks_module.slug
    return data
