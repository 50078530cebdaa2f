"""A generated course package of any size (lessons, questions), for `make bench` and the
query-count test: every lesson block type, ^sup^/~sub~, page links (forwards too), images
shared between lessons and hotspot questions, every question type, scenarios, variants, tags."""

import io
from contextlib import contextmanager
from pathlib import Path

from PIL import Image as PillowImage

IMAGES = 5
PER_MODULE = 10
QUESTION_TYPES = 8

LESSON = """---
title: Generated lesson {n}
slug: lesson-{n}
summary: Lesson {n} of the generated course.
estimated_minutes: 12
---

## Part {n}

Text with **bold**, *italic*, H~2~O, 10^3^ and a link to [the next lesson]({next}),
[this module's quiz](page:quiz-{m}) and [a site](https://example.org/{n}).

::: contraindication Do not needle {n}
- over an infection
- in the first trimester
:::

:::: procedure Session {n}
::: step Wash hands
Before **and** after.
:::

::: step Record
Write it down.
:::
::::

::: image assets/figure-{image}.png
alt: Figure {image} of the lower back
caption: Figure {image}
:::

::: table
caption: Compared {n}
header_row: true
rows:
- [Feature, Value]
- [Depth, '{n} mm']
:::
"""

QUESTION = {
    0: "  type: single_choice\n  options:\n  - text: Right answer {i}\n    credit: 1\n"
    "  - text: Wrong answer {i}\n  - text: Other answer {i}\n",
    1: "  type: multiple_response\n  options:\n  - text: One half {i}\n    credit: 0.5\n"
    "  - text: Other half {i}\n    credit: 0.5\n  - text: Wrong {i}\n",
    2: "  type: true_false\n  answer: true\n",
    3: "  type: numeric\n  answers:\n  - minimum: 24\n    maximum: 48\n  unit: hours\n",
    4: "  type: short_text\n  answers:\n  - text: pneumothorax\n  model_answer: Pneumothorax\n",
    5: "  type: matching\n  pairs:\n  - prompt: Twitch {i}\n    answer: A brief contraction\n"
    "  - prompt: Band {i}\n    answer: A taut band\n",
    6: "  type: ordering\n  items:\n  - Hand hygiene\n  - Consent\n  - Insert\n",
    7: "  type: hotspot\n  image: assets/figure-{image}.png\n  image_alt: The lower back.\n"
    "  zones:\n  - coords: 20, 20, 10\n",
}


def figure(number: int) -> bytes:
    buffer = io.BytesIO()
    PillowImage.new("RGB", (64, 48), (40 * number % 256, 90, 140)).save(buffer, "PNG")
    return buffer.getvalue()


def questions_yaml(count: int, *, name: str) -> str:
    lines = [f"bank:\n  name: {name}\ncategories:\n"]
    lines += [f"- name: Generated {c}\n" for c in range(10)]
    lines.append("variant_sets:\n")
    lines += [f"- name: Variants {v}\n  objective: Objective {v}.\n" for v in range(count // 20)]
    lines.append("scenarios:\n")
    lines += [
        f"- key: case-{s}\n  title: Generated case {s}\n  vignette: <p>Case {s}.</p>\n"
        for s in range(count // 50)
    ]
    lines.append("questions:\n")
    for i in range(count):
        lines.append(
            f"- key: q{i}\n  title: Generated question {i}\n  category: Generated {i % 10}\n"
            f"  stem: '<p>Question {i}: 10<sup>3</sup> or CO<sub>2</sub>?</p>'\n"
            f"  tags:\n  - topic-{i % 13}\n  - generated\n"
        )
        if i % 20 < 2 and i // 20 < count // 20:
            lines.append(f"  variant_set: Variants {i // 20}\n")
        if i % 50 == 3 and i // 50 < count // 50:
            lines.append(f"  scenario: case-{i // 50}\n")
        lines.append(QUESTION[i % QUESTION_TYPES].format(i=i, image=i % IMAGES))
    return "".join(lines)


def course_yaml(lessons: int, questions: int, *, slug: str) -> str:
    modules = -(-lessons // PER_MODULE)
    lines = [
        f"format: 1\ncourse:\n  title: Generated {slug}\n  slug: {slug}\n"
        "  summary: A generated course for the benchmarks.\n  cpd_hours: '2.0'\n"
        "questions: questions.yaml\noutline:\n"
    ]
    for m in range(1, modules + 1):
        lines.append(f"- module: module-{m}\n  title: Module {m}\n  contents:\n")
        for n in range((m - 1) * PER_MODULE + 1, min(m * PER_MODULE, lessons) + 1):
            lines.append(f"  - lesson: lessons/{n:02d}-lesson.md\n")
        # Ten questions of the bank, no two variants of one set (the quiz check refuses that).
        slots = [f"q{i}" for i in range(questions) if i % 20 >= 2 and i % modules == m - 1][:10]
        lines.append(f"  - quiz: quiz-{m}\n    title: Quiz {m}\n    pass_mark: 80\n    slots:\n")
        lines += [f"    - question: {key}\n" for key in slots]
    return "".join(lines)


def generated_package(root: Path, *, lessons: int, questions: int, slug: str) -> Path:
    """The package folder at root: `lessons` lessons in modules of ten, each module with a quiz
    drawing on the bank of `questions` questions."""
    files = {
        "course.yaml": course_yaml(lessons, questions, slug=slug),
        "questions.yaml": questions_yaml(questions, name=f"Bank {slug}"),
    }
    for n in range(1, lessons + 1):
        following = n + 1 if n < lessons else 1
        files[f"lessons/{n:02d}-lesson.md"] = LESSON.format(
            n=n,
            m=(n - 1) // PER_MODULE + 1,
            next=f"lessons/{following:02d}-lesson.md",
            image=n % IMAGES,
        )
    for number in range(IMAGES):
        files[f"assets/figure-{number}.png"] = figure(number)
    for name, data in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return root


@contextmanager
def queries_counted():
    """The SQL run inside, every statement: Django's debug log (CaptureQueriesContext) keeps
    only the last 9,000, which one large import or a long test session outgrows."""
    from django.db import connection

    sql: list[str] = []

    def counted(execute, query, params, many, context):
        sql.append(query)
        return execute(query, params, many, context)

    with connection.execute_wrapper(counted):
        yield sql
