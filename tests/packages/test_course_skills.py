"""Practical skills in a course package: import, update, export, round trip, located problems."""

import pytest
from wagtail.models import Page, Revision

from packages.problems import PackageInvalid
from packages.selectors import course_package_files, package_save
from packages.services import package_import
from practice.models import PracticalSkillPage
from tests.factories import site_home
from tests.packages.helpers import fresh_site
from tests.packages.package_builder import write_package

pytestmark = pytest.mark.django_db

SKILL = """  - skill: clean-technique
    title: Clean technique and sharps handling
    summary: Hand hygiene, a clean field and sharps disposed of at the point of use.
    demonstrate: |-
      Prepare and needle with **clean technique**:

      - hand hygiene first;
      - sharps into the container at once, never recapped.

      See [the first lesson](lessons/01-lesson.md) and [the quiz](page:first-quiz).
    criteria:
    - Performs hand hygiene before touching the patient.
    - Disposes of each needle at the point of use without recapping.
    - Counts needles in and out.
    min_repetitions: 3
    required: true
    allow_external_supervisor: false
    prerequisites:
    - first-quiz
"""
COURSE_SKILL = """- skill: screening-and-consent
  title: Screening and consent
  summary: Screen for contraindications and red flags; obtain informed consent.
  demonstrate: Screen, explain, and record consent.
  criteria:
  - Asks about every contraindication taught.
  required: false
  allow_external_supervisor: true
"""


@pytest.fixture(autouse=True)
def course_index():
    from courses.models import CourseIndexPage
    from tests.factories import CourseIndexPageFactory

    return CourseIndexPage.objects.first() or CourseIndexPageFactory(parent=site_home())


def _package(root, skill=SKILL, course_skill=COURSE_SKILL):
    root = write_package(root)
    path = root / "course.yaml"
    text = path.read_text()
    text = text.replace(
        "  - lesson: lessons/99-last.md\n", "  - lesson: lessons/99-last.md\n" + skill
    )
    path.write_text(text + course_skill)
    return root


def _problems(root) -> list[str]:
    with pytest.raises(PackageInvalid) as error:
        package_import(source=root)
    return [str(p) for p in error.value.problems]


def _line(root, needle: str) -> int:
    lines = (root / "course.yaml").read_text().splitlines()
    return next(n for n, line in enumerate(lines, start=1) if needle in line)


def test_skills_import_in_outline_order_with_criteria_and_quizzes_to_pass_first(tmp_path):
    result = package_import(source=_package(tmp_path / "p"))
    course = result.course
    second = course.get_children().get(slug="second")
    assert [p.slug for p in second.get_children()] == ["lesson-last", "clean-technique"]
    assert [p.slug for p in course.get_children()][-1] == "screening-and-consent"
    skill = PracticalSkillPage.objects.get(slug="clean-technique")
    assert skill.live and skill.min_repetitions == 3 and skill.is_required
    assert not skill.allow_external_supervisor
    assert [c.text for c in skill.criteria.all()] == [
        "Performs hand hygiene before touching the patient.",
        "Disposes of each needle at the point of use without recapping.",
        "Counts needles in and out.",
    ]
    assert [p.required_quiz.slug for p in skill.prerequisites.all()] == ["first-quiz"]
    assert "<b>clean technique</b>" in skill.demonstrate and "<ul><li>" in skill.demonstrate
    quiz = Page.objects.get(slug="first-quiz")
    assert f'<a linktype="page" id="{quiz.pk}">' in skill.demonstrate
    other = PracticalSkillPage.objects.get(slug="screening-and-consent")
    assert other.min_repetitions == 2 and not other.is_required and other.allow_external_supervisor
    assert not other.prerequisites.exists()
    assert "create practical skill “Clean technique and sharps handling”" in result.actions


def test_a_course_with_skills_round_trips_byte_identical(tmp_path):
    course = package_import(source=_package(tmp_path / "p")).course
    files = course_package_files(course=course)
    text = files["course.yaml"].decode()
    assert "- skill: clean-technique" in text and "- skill: screening-and-consent" in text
    assert "[the quiz](page:first-quiz)" in text
    package_save(files, tmp_path / "out")
    fresh_site(course)

    again = package_import(source=tmp_path / "out").course

    assert course_package_files(course=again) == files


def test_update_revises_a_skill_only_when_it_changed(tmp_path):
    root = _package(tmp_path / "p")
    package_import(source=root)
    skill = PracticalSkillPage.objects.get(slug="clean-technique")
    kept = skill.criteria.get(text="Counts needles in and out.").pk
    revisions = Revision.objects.count()

    result = package_import(source=root, update=True)
    assert [a for a in result.actions if not a.startswith("question bank:")] == []
    assert Revision.objects.count() == revisions

    path = root / "course.yaml"
    path.write_text(path.read_text().replace("- Performs hand hygiene", "- Performs hand rub"))
    result = package_import(source=root, update=True)
    assert [a for a in result.actions if not a.startswith("question bank:")] == [
        "update practical skill “Clean technique and sharps handling” "
        "(criteria: new published revision)"
    ]
    assert Revision.objects.count() == revisions + 1
    skill = PracticalSkillPage.objects.get(pk=skill.pk)
    assert skill.criteria.first().text == "Performs hand rub before touching the patient."
    assert skill.criteria.get(text="Counts needles in and out.").pk == kept


def test_a_skill_left_out_of_the_package_is_unpublished(tmp_path):
    root = _package(tmp_path / "p")
    package_import(source=root)
    path = root / "course.yaml"
    path.write_text(path.read_text().replace(COURSE_SKILL, ""))
    result = package_import(source=root, update=True)
    assert not PracticalSkillPage.objects.get(slug="screening-and-consent").live
    assert any(a.startswith("unpublish practical skill") for a in result.actions)


@pytest.mark.parametrize(
    ("old", "new", "needle", "why"),
    [
        (
            "    - first-quiz\n",
            "    - no-such-quiz\n",
            "- no-such-quiz",
            "“no-such-quiz” is not a quiz",
        ),
        ("min_repetitions: 3", "min_repetitions: 0", "min_repetitions", "between 1 and 100, not 0"),
        (
            "min_repetitions: 3",
            f"min_repetitions: {10**30}",
            "min_repetitions",
            "between 1 and 100, not 1" + "0" * 30,
        ),
        ("min_repetitions: 3", "min_repetitions: '3'", "min_repetitions", "must be a whole"),
        ("min_repetitions: 3", "min_repetitions: true", "min_repetitions", "must be a number"),
        ("required: true", "required: 'yes'", "required: 'yes'", "must be true or false"),
        (
            "    allow_external_supervisor: false",
            "    allow_external_supervisor: 1",
            "allow_external_supervisor: 1",
            "true or false",
        ),
        ("    summary: Hand", "    summary: 5\n    x: Hand", "summary: 5", "must be text"),
        (
            "    min_repetitions: 3",
            "    min_repetitions: 3\n    colour: blue",
            "colour",
            "not a known",
        ),
        (
            "    - first-quiz\n",
            "    - first-quiz\n    - first-quiz\n",
            "- first-quiz",
            "required twice",
        ),
    ],
)
def test_a_bad_skill_is_a_located_problem_and_nothing_is_written(tmp_path, old, new, needle, why):
    root = _package(tmp_path / "p", skill=SKILL.replace(old, new, 1))
    before = Page.objects.count(), Revision.objects.count()
    problems = _problems(root)
    line = max(
        n
        for n, text in enumerate((root / "course.yaml").read_text().splitlines(), 1)
        if needle in text
    )
    matching = [p for p in problems if why in p]
    assert matching, problems
    assert matching[0].startswith(f"course.yaml:{line}: "), problems
    assert (Page.objects.count(), Revision.objects.count()) == before


def test_criteria_must_list_at_least_one(tmp_path):
    criteria = SKILL[SKILL.index("    criteria:") : SKILL.index("    min_repetitions")]
    root = _package(tmp_path / "p", skill=SKILL.replace(criteria, "    criteria: []\n"))
    line = _line(root, "criteria: []")
    assert f"course.yaml:{line}: criteria: list at least one observable criterion" in _problems(
        root
    )
    root = _package(tmp_path / "q", skill=SKILL.replace(criteria, "    criteria: Be careful\n"))
    assert (
        f"course.yaml:{_line(root, 'criteria: Be')}: criteria: must be a list, not text"
        in _problems(root)
    )
    root = _package(tmp_path / "r", skill=SKILL.replace(criteria, "    criteria:\n    - ''\n"))
    assert f"course.yaml:{_line(root, chr(39) * 2)}: criteria[1]: must not be empty" in _problems(
        root
    )


def test_missing_fields_and_editor_features_are_problems(tmp_path):
    skill = SKILL.replace(
        "    summary: Hand hygiene, a clean field and sharps disposed of at the point of use.\n", ""
    )
    skill = skill.replace("See [the first lesson]", "Water is H~2~O. See [the first lesson]")
    root = _package(tmp_path / "p", skill=skill)
    problems = _problems(root)
    assert (
        f"course.yaml:{_line(root, '- skill: clean')}: the skill “clean-technique” needs a summary"
        in problems
    )
    assert any(
        p.startswith(f"course.yaml:{_line(root, 'demonstrate:')}: demonstrate: uses subscript")
        for p in problems
    )


def test_a_link_to_a_page_outside_the_package_is_a_problem(tmp_path):
    root = _package(tmp_path / "p", skill=SKILL.replace("page:first-quiz", "page:elsewhere"))
    assert any(
        "the link to “page:elsewhere” names no page of this package" in p for p in _problems(root)
    )


def test_the_admin_preview_groups_skills_under_their_own_heading():
    from packages.admin_preview import action_groups

    groups = action_groups(
        ["create practical skill “Quiz lesson questions”", "create lesson “Lesson 1”"]
    )
    assert [(g.key, g.lines) for g in groups][-1] == (
        "skill",
        ["create practical skill “Quiz lesson questions”"],
    )


def test_a_dry_run_plans_the_skills_and_writes_nothing(tmp_path):
    before = Page.objects.count(), Revision.objects.count()
    result = package_import(source=_package(tmp_path / "p"), dry_run=True)
    assert "create practical skill “Screening and consent”" in result.actions
    assert (Page.objects.count(), Revision.objects.count()) == before


def test_export_refuses_a_quiz_to_pass_first_from_another_course(tmp_path):
    from packages.selectors import ExportRefused
    from practice.models import SkillPrerequisite
    from quizzes.models import QuizPage
    from tests.factories import build_course
    from tests.factories.quizzes import QuestionFactory, quiz_with_questions

    course = package_import(source=_package(tmp_path / "p")).course
    elsewhere = quiz_with_questions(
        build_course(modules=1, lessons_per_module=1),
        [QuestionFactory(kind="true_false")],
        title="Another course's quiz",
    )
    skill = PracticalSkillPage.objects.get(slug="screening-and-consent")
    SkillPrerequisite.objects.create(skill=skill, required_quiz=elsewhere)
    assert QuizPage.objects.count() == 2
    with pytest.raises(ExportRefused, match="“Another course's quiz” is not a published quiz"):
        course_package_files(course=course)
