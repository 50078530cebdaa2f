"""Shared by the course-package tests: the demo course without accounts, and a comparable view."""

from wagtail.models import Page

from courses.models import CoursePage, LessonPage, ModulePage
from packages.bank_seam import quiz_export
from packages.writer import plain

DEMO_SLUG = "dry-needling-low-back-pain-foundations"
COURSE_FIELDS = [
    "title", "slug", "summary", "learning_outcomes", "audience", "sources", "cpd_hours",
    "estimated_duration", "validity_months", "enrolment_open", "is_sample_content", "image_id",
]  # fmt: skip


def demo_course_build() -> CoursePage:
    """The demo course imported from demo/course/, without the demo accounts."""
    from demo import loader

    report = loader.LoadReport()
    loader.ensure_index(loader.ensure_home(report), report)
    return loader.ensure_course(report)


def course_view(course: CoursePage) -> dict:
    """Everything the package carries, without ids: two courses are the same if this is."""
    from quizzes.models import QuizPage

    view = {"course": {name: getattr(course, name) for name in COURSE_FIELDS}, "pages": []}
    template = course.certificate_template
    view["certificate"] = {
        name: getattr(template, name)
        for name in ["title", "wording", "signatory_name", "signatory_role", "signature_id",
                     "logo_id", "accrediting_body", "provider_number"]
    }  # fmt: skip
    for page in course.get_descendants().live().specific().order_by("path"):
        entry = {
            "type": type(page).__name__,
            "depth": page.depth - course.depth,
            "slug": page.slug,
            "title": page.title,
        }
        if isinstance(page, ModulePage):
            entry["intro"] = page.intro
        elif isinstance(page, LessonPage):
            entry.update(
                summary=page.summary,
                minutes=page.estimated_minutes,
                required=page.is_required,
                body=plain(list(page.body.raw_data)),
            )
        elif isinstance(page, QuizPage):
            entry.update(
                intro=page.intro,
                settings=quiz_export(page),
                unlocks=page.unlocks_module.slug if page.unlocks_module else None,
            )
        elif type(page).__name__ == "PracticalSkillPage":
            entry.update(
                summary=page.summary,
                demonstrate=page.demonstrate,
                criteria=[c.text for c in page.criteria.all()],
                min_repetitions=page.min_repetitions,
                required=page.is_required,
                external=page.allow_external_supervisor,
                quizzes_first=[p.required_quiz.slug for p in page.prerequisites.all()],
            )
        view["pages"].append(entry)
    return canonical(view)


def canonical(value):
    """Rich text compared as HTML, not as spelling: &#x27; and ' are the same apostrophe."""
    from bs4 import BeautifulSoup

    if isinstance(value, dict):
        return {key: canonical(item) for key, item in value.items()}
    if isinstance(value, list):
        return [canonical(item) for item in value]
    if isinstance(value, str) and "<" in value:
        return str(BeautifulSoup(value, "html.parser"))
    return value


def page_count(course) -> int:
    return Page.objects.descendant_of(course, inclusive=True).count()


def fresh_site(course) -> None:
    """The course and its question bank gone, as on a site that never had them."""
    from quizzes.models import Question, QuestionBank, QuestionCategory, Scenario, VariantSet

    course.delete()
    Question.objects.all().delete()
    while QuestionCategory.objects.exists():  # sub-categories protect their parents
        QuestionCategory.objects.filter(children__isnull=True).delete()
    for model in (QuestionBank, Scenario, VariantSet):
        model.objects.all().delete()
