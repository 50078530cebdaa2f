"""A course with a gate quiz, two instructor groups, and trainees in every gradebook status.

Trainees go through the real services (enrol, complete lessons, start / answer / submit
attempts), so their progress is exactly the one the trainee pages compute."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import Group, Permission
from wagtail.models import GroupPagePermission

from courses.models import Enrollment
from courses.roles import PAGE_PERMISSIONS, instructors_group_ensure
from courses.services import enrollment_create, lesson_complete
from quizzes.services import attempt_save_responses, attempt_start, attempt_submit
from tests.factories import UserFactory, build_course, lessons_of
from tests.factories.quizzes import QuestionFactory, quiz_with_questions
from tests.quizzes.test_attempts import key_response


def instructor_of(course, *, name=None):
    """An instructor whose group has the Instructors group's model permissions (questions,
    overrides, attempts, certificates) but page permissions on this course's subtree only."""
    group = Group.objects.create(name=name or f"Instructors of {course.slug}")
    group.permissions.set(instructors_group_ensure().permissions.all())
    for codename in PAGE_PERMISSIONS:
        GroupPagePermission.objects.create(
            group=group, page=course, permission=Permission.objects.get(codename=codename)
        )
    user = UserFactory(full_name=f"Instructor of {course.slug}")
    user.groups.add(group)
    return user


def wrong_response(row) -> dict:
    key, kind = row.snapshot["key"], row.snapshot["type"]
    if kind == "true_false":
        return {"value": "false" if key["answer"] else "true"}
    if kind == "single_choice":
        return {"choice": min(key["options"], key=lambda o: o["credit"])["id"]}
    if kind == "short_text":
        return {"text": "no idea"}
    raise AssertionError(kind)


def take(quiz, user, *, right: bool):
    attempt, _ = attempt_start(quiz=quiz, user=user)
    rows = list(attempt.questions.all())
    answers = {row.position: key_response(row) if right else wrong_response(row) for row in rows}
    attempt_save_responses(attempt=attempt, responses=answers)
    return attempt_submit(attempt=attempt)


@dataclass
class GradebookCourse:
    course: object
    lessons: list
    gate: object  # must be passed to open module 2
    final: object

    def enrol(self, **user_fields):
        user = UserFactory(**user_fields)
        enrollment_create(user=user, course=self.course)
        return user

    def not_started(self, **fields):
        return self.enrol(**fields)

    def in_progress(self, **fields):
        user = self.enrol(**fields)
        lesson_complete(user=user, lesson=self.lessons[0])
        return user

    def stuck(self, **fields):
        user = self.in_progress(**fields)
        take(self.gate, user, right=False)
        return user

    def completed(self, **fields):
        user = self.enrol(**fields)
        for lesson in self.lessons[:2]:
            lesson_complete(user=user, lesson=lesson)
        take(self.gate, user, right=False)
        take(self.gate, user, right=True)
        for lesson in self.lessons[2:]:
            lesson_complete(user=user, lesson=lesson)
        take(self.final, user, right=True)
        assert Enrollment.objects.get(user=user, course=self.course).completed_at is not None
        return user


def gradebook_course(*, slug="needling", title="Dry needling foundations") -> GradebookCourse:
    course = build_course(modules=2, lessons_per_module=2, slug=slug, title=title)
    lessons = lessons_of(course)
    module_one, module_two = (lesson.get_parent().specific for lesson in (lessons[0], lessons[2]))
    gate = quiz_with_questions(
        module_one,
        [
            QuestionFactory(
                kind="true_false",
                stem="<p>GATE-STEM: guarding the rib space is needed over the lung field?</p>",
                critical=True,
                critical_reason="Pneumothorax is the most serious risk.",
            ),
            QuestionFactory(kind="single_choice", title="Contraindication item"),
        ],
        title=f"Safety quiz {slug}",
        pass_mark=60,
        attempts_allowed=3,
        unlocks_module=module_two,
        review_policy="answers",
    )
    final = quiz_with_questions(
        module_two,
        [QuestionFactory(kind="single_choice"), QuestionFactory(kind="true_false")],
        title=f"Final quiz {slug}",
        pass_mark=50,
    )
    return GradebookCourse(course=course, lessons=lessons, gate=gate, final=final)
