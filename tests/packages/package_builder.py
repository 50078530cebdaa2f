"""A small course package written to a folder, for the import tests."""

from pathlib import Path

COURSE_YAML = """format: 1
course:
  title: Small course
  slug: small-course
  summary: A course for the import tests.
  cpd_hours: '2.0'
certificate:
  title: Certificate of completion
  signatory_name: Dr Test
  signatory_role: Director
outline:
- module: first
  title: First module
  contents:
{lessons}
  - quiz: first-quiz
    title: First quiz
    pass_mark: 80
    unlocks_module: second
{slots}
- module: second
  title: Second module
  contents:
  - lesson: lessons/99-last.md
"""

# With the bank half merged, a quiz needs questions: one, from a one-question bank.
QUESTIONS = """bank:
  name: Small bank
questions:
- key: hand-hygiene-first
  title: Hand hygiene first
  type: true_false
  stem: <p>Hand hygiene comes before palpation.</p>
  answer: true
"""
SLOTS = """    slots:
    - question: hand-hygiene-first"""

LESSON = """---
title: Lesson {n}
slug: lesson-{n}
summary: Lesson {n} of the small course.
estimated_minutes: 10
---

## Heading {n}

Some *text* for lesson {n}.

::: warning Take care
Body {n}.
:::
"""


def write_package(root: Path, *, lessons: int = 2, last: str | None = None, **files) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "lessons").mkdir(exist_ok=True)
    entries = "\n".join(f"  - lesson: lessons/{n:02d}-lesson.md" for n in range(1, lessons + 1))
    from packages.bank_seam import HAVE_BANK

    text = COURSE_YAML.format(lessons=entries, slots=SLOTS if HAVE_BANK else "")
    if HAVE_BANK:
        text = text.replace("outline:", "questions: questions.yaml\noutline:")
        (root / "questions.yaml").write_text(QUESTIONS)
    (root / "course.yaml").write_text(text.replace("\n\n", "\n"))
    for n in range(1, lessons + 1):
        (root / f"lessons/{n:02d}-lesson.md").write_text(LESSON.format(n=n))
    (root / "lessons/99-last.md").write_text(last or LESSON.format(n="last"))
    for name, data in files.items():
        path = root / name.replace("__", "/")
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data if isinstance(data, bytes) else data.encode())
    return root
