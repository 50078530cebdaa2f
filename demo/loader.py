"""Builds the sample course, site structure and demo accounts from demo/content.py. Idempotent."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils.html import escape
from wagtail.models import Page, Site

from courses.models import CourseIndexPage, CoursePage, LessonPage, ModulePage
from courses.roles import instructors_group_ensure
from courses.services import enrollment_create, lesson_complete
from demo import content
from demo.quiz_loader import ensure_quizzes
from home.models import HomePage

DEMO_ACCOUNTS = {
    "instructor": {
        "email": "instructor@example.org",
        "password": "needle-instructor-2026",
        "full_name": "Dr Alex Morgan",
        "profession": "physiotherapist",
    },
    "trainee": {
        "email": "trainee@example.org",
        "password": "needle-trainee-2026",
        "full_name": "Sam Taylor",
        "profession": "physiotherapist",
        "registration_number": "PH123456",
    },
    "admin": {
        "email": "admin@example.org",
        "password": "needle-admin-2026",
        "full_name": "Site Administrator",
        "profession": "other",
    },
}
TRAINEE_LESSONS_DONE = 4


@dataclass
class LoadReport:
    created: list[str] = field(default_factory=list)

    def add(self, what: str) -> None:
        self.created.append(what)


def stream_data(blocks) -> str:
    """Convert the content module's (type, value) tuples into StreamField JSON."""
    raw = []
    for block_type, value in blocks:
        if block_type == "table":
            value = {
                "data": [value["header"], *value["rows"]],
                "first_row_is_table_header": True,
                "first_col_is_header": False,
                "table_caption": value["caption"],
            }
        raw.append({"type": block_type, "value": value})
    return json.dumps(raw)


def sources_html() -> str:
    items = "".join(
        f"<li><b>{escape(source['title'])}</b>: {escape(source['note'])}</li>"
        for source in content.SOURCES
    )
    return (
        "<p>This sample course was written for the demo from five public web articles about dry "
        "needling for back pain. Most are promotional; read the notes with that in mind.</p>"
        f"<ul>{items}</ul>"
    )


def _publish(page: Page) -> None:
    page.save_revision().publish()


def _ensure_child(parent: Page, model, slug: str, report: LoadReport, **fields):
    existing = model.objects.child_of(parent).filter(slug=slug).first()
    if existing is not None:
        return existing
    page = model(slug=slug, **fields)
    parent.add_child(instance=page)
    _publish(page)
    report.add(f"{model.__name__} “{page.title}”")
    return page


def ensure_home(report: LoadReport) -> HomePage:
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    home = HomePage.objects.first()
    if home is None:
        root = Page.get_first_root_node()
        # Wagtail's first migration leaves a placeholder "Welcome" page; replace it.
        for placeholder in root.get_children().filter(slug="home", content_type__model="page"):
            placeholder.delete()
        home = HomePage(
            title="Needlepoint Academy",
            slug="home",
            headline="Dry needling training for clinicians",
            intro=(
                "<p>Evidence-aware lessons, server-marked safety quizzes and verifiable "
                "certificates "
                "for physiotherapists and other clinicians learning dry needling.</p>"
            ),
        )
        root.add_child(instance=home)
        _publish(home)
        report.add("HomePage")
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Needlepoint Academy",
        )
    elif site.root_page_id != home.id:
        site.root_page = home
        site.site_name = "Needlepoint Academy"
        site.save()
    return home


def ensure_course(home: HomePage, report: LoadReport) -> CoursePage:
    index = _ensure_child(
        home,
        CourseIndexPage,
        "courses",
        report,
        title="Courses",
        intro="<p>Courses for clinicians: enrol, study at your own pace, earn a certificate.</p>",
    )
    data = content.COURSE
    outcomes = "".join(f"<li>{item}</li>" for item in data["learning_outcomes"])
    course = _ensure_child(
        index,
        CoursePage,
        data["slug"],
        report,
        title=data["title"],
        summary=data["summary"],
        learning_outcomes=f"<ul>{outcomes}</ul>",
        audience=data["audience"],
        cpd_hours=data["cpd_hours"],
        validity_months=data["validity_months"],
        estimated_duration=data["estimated_duration"],
        sources=sources_html(),
        is_sample_content=True,
        enrolment_open=True,
    )
    for module_data in content.MODULES:
        module = _ensure_child(
            course,
            ModulePage,
            module_data["slug"],
            report,
            title=module_data["title"],
            intro=module_data["intro"],
        )
        for lesson_data in module_data["lessons"]:
            _ensure_child(
                module,
                LessonPage,
                lesson_data["slug"],
                report,
                title=lesson_data["title"],
                summary=lesson_data["summary"],
                estimated_minutes=lesson_data["estimated_minutes"],
                body=stream_data(lesson_data["body"]),
            )
    return course


def ensure_accounts(course: CoursePage, report: LoadReport) -> None:
    User = get_user_model()
    instructors = instructors_group_ensure()
    for role, data in DEMO_ACCOUNTS.items():
        fields = {k: v for k, v in data.items() if k not in {"email", "password"}}
        user = User.objects.filter(email=data["email"]).first()
        if user is None:
            user = User(email=data["email"], **fields)
            user.set_password(data["password"])
            user.is_superuser = user.is_staff = role == "admin"
            user.save()
            report.add(f"{role} account {data['email']}")
            if role == "instructor":
                user.groups.add(instructors)
            if role == "trainee":
                enrollment_create(user=user, course=course)
                lessons = LessonPage.objects.live().descendant_of(course).order_by("path")
                for lesson in lessons[:TRAINEE_LESSONS_DONE]:
                    lesson_complete(user=user, lesson=lesson)
        _mark_email_verified(user)


def _mark_email_verified(user) -> None:
    from allauth.account.models import EmailAddress

    EmailAddress.objects.get_or_create(
        user=user, email=user.email, defaults={"verified": True, "primary": True}
    )


@transaction.atomic
def load_demo() -> LoadReport:
    report = LoadReport()
    home = ensure_home(report)
    course = ensure_course(home, report)
    ensure_quizzes(course, report, _publish)
    ensure_certificate_design(course, report)
    ensure_accounts(course, report)
    return report


def ensure_certificate_design(course: CoursePage, report: LoadReport) -> None:
    """The demo course's certificate, signed by the demo instructor; no accreditation is claimed."""
    from certificates.models import CertificateTemplate

    _, created = CertificateTemplate.objects.get_or_create(
        course=course,
        defaults={
            "title": "Certificate of completion",
            "wording": "<p>has completed the online theory, safety and contraindications "
            "assessments of the course</p>",
            "signatory_name": DEMO_ACCOUNTS["instructor"]["full_name"],
            "signatory_role": "Course director, Needlepoint Academy",
        },
    )
    if created:
        report.add("certificate design")
