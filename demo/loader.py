"""Sets up the demo site: home page, course index, the sample course imported from the package in
demo/course/, and the demo accounts with a trainee part-way through (a few lessons read, the
safety quiz passed, one practical skill signed off and one awaiting sign-off: demo/trainee.py).
Idempotent.

The course itself is content (reviewable files under demo/course/); only what is not course
content (site structure, accounts, a trainee's progress) lives here in code.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.auth import get_user_model
from django.db import transaction
from wagtail.models import Page, Site

from courses.models import CourseIndexPage, CoursePage, LessonPage
from courses.roles import instructors_group_ensure
from courses.services import enrollment_create, lesson_complete
from demo.models import DemoPackageLoad
from demo.trainee import ensure_trainee_practice
from home.models import HomePage
from packages.archive import read_package
from packages.problems import Problem
from packages.services import package_import
from packages.source import load_yaml

COURSE_DIR = Path(__file__).resolve().parent / "course"
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
    created: list[str] = field(default_factory=list)  # everything created or changed
    warnings: list[Problem] = field(default_factory=list)  # the import's item-writing warnings

    def add(self, what: str) -> None:
        self.created.append(what)


def package_hash(files: dict[str, bytes]) -> str:
    """SHA-256 over every file's name and bytes: any edit to the package changes it."""
    digest = hashlib.sha256()
    for name in sorted(files):
        digest.update(name.encode() + b"\0" + files[name] + b"\0")
    return digest.hexdigest()


def course_slug(files: dict[str, bytes]) -> str | None:
    """The slug course.yaml gives (the import itself reports a package without one)."""
    data = load_yaml(files["course.yaml"].decode("utf-8", "replace"), file="course.yaml")
    course = data.get("course") if isinstance(data, dict) else None
    return course.get("slug") if isinstance(course, dict) else None


def _publish(page: Page) -> None:
    page.save_revision().publish()


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
                "certificates for physiotherapists and other clinicians learning dry needling.</p>"
            ),
        )
        root.add_child(instance=home)
        _publish(home)
        report.add("create home page")
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


def ensure_index(home: HomePage, report: LoadReport) -> CourseIndexPage:
    """The course index the package import puts the course under."""
    index = CourseIndexPage.objects.child_of(home).filter(slug="courses").first()
    if index is None:
        index = CourseIndexPage(
            title="Courses",
            slug="courses",
            intro=(
                "<p>Courses for clinicians: enrol, study at your own pace, earn a certificate.</p>"
            ),
        )
        home.add_child(instance=index)
        _publish(index)
        report.add("create course index “Courses”")
    return index


def ensure_course(report: LoadReport, *, source: Path = COURSE_DIR) -> CoursePage:
    """Import the package; skip when it is unchanged since the last load, and apply a changed
    one to the existing course (new revisions and question versions, attempts keep theirs)."""
    files = read_package(source)
    digest = package_hash(files)
    slug = course_slug(files)
    course = CoursePage.objects.filter(slug=slug).first()
    loaded = DemoPackageLoad.objects.filter(course_slug=slug).first()
    if course is not None and loaded is not None and loaded.content_hash == digest:
        return course
    result = package_import(source=source, update=course is not None)
    for line in result.actions:
        if not line.startswith("question bank:"):  # a summary line, printed even with no change
            report.add(line)
    report.warnings += result.warnings
    DemoPackageLoad.objects.update_or_create(course_slug=slug, defaults={"content_hash": digest})
    return result.course


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
            report.add(f"create {role} account {data['email']}")
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
def load_demo(*, source: Path = COURSE_DIR) -> LoadReport:
    report = LoadReport()
    home = ensure_home(report)
    ensure_index(home, report)
    course = ensure_course(report, source=source)
    ensure_accounts(course, report)
    ensure_trainee_practice(course=course, accounts=DEMO_ACCOUNTS, report=report)
    return report
