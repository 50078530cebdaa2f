"""A small course with a safety quiz, a lesson and a practical skill that needs the quiz."""

from __future__ import annotations

from dataclasses import dataclass

from courses.models import LessonPage
from courses.services import enrollment_create, lesson_complete
from practice.models import PracticalSkillPage, SkillCriterion, SkillPrerequisite
from tests.factories import UserFactory, build_course
from tests.factories.quizzes import QuestionFactory, quiz_with_questions
from tests.insight.grade_data import instructor_of, take

PASSWORD = "correct-horse-battery"  # UserFactory's


@dataclass
class SkillCourse:
    course: object
    module: object
    lesson: LessonPage
    quiz: object
    skill: PracticalSkillPage
    instructor: object

    def enrol(self, **fields):
        user = UserFactory(**fields)
        enrollment_create(user=user, course=self.course)
        return user

    def ready_to_practise(self, **fields):
        user = self.enrol(**fields)
        take(self.quiz, user, right=True)
        return user

    def finish_theory(self, user):
        lesson_complete(user=user, lesson=self.lesson)

    @property
    def criteria_ids(self) -> list[int]:
        return list(self.skill.criteria.values_list("id", flat=True))


def add_skill(parent, *, title="Supervised needling", min_repetitions=2, requires=(), **fields):
    skill = PracticalSkillPage(
        title=title,
        summary="Needle the lumbar paraspinal muscles under supervision.",
        demonstrate="<p>Safe needling with the precautions taught.</p>",
        min_repetitions=min_repetitions,
        **fields,
    )
    parent.add_child(instance=skill)
    for order, text in enumerate(["Screens for contraindications", "Disposes of sharps at once"]):
        SkillCriterion.objects.create(skill=skill, text=text, sort_order=order)
    for quiz in requires:
        SkillPrerequisite.objects.create(skill=skill, required_quiz=quiz)
    skill.save_revision().publish()
    return PracticalSkillPage.objects.get(pk=skill.pk)


def skill_course(**skill_fields) -> SkillCourse:
    course = build_course(modules=1, lessons_per_module=1)
    module = course.get_children().first()
    lesson = LessonPage.objects.descendant_of(course).first()
    question = QuestionFactory(kind="true_false")
    quiz = quiz_with_questions(course, [question], title="Safety quiz", is_required=True)
    skill = add_skill(module.specific, requires=[quiz], **skill_fields)
    return SkillCourse(course, module, lesson, quiz, skill, instructor_of(course))


def sign_every_skill(*, trainee, instructor, password: str) -> None:
    """Every live skill the trainee has not had signed: log its sessions, request, sign."""
    from django.utils import timezone

    from practice.models import SignOffRequest
    from practice.services import practice_session_log, signoff_request_submit, signoff_sign

    for skill in PracticalSkillPage.objects.live().order_by("path"):
        criteria = list(skill.criteria.values_list("id", flat=True))
        request = SignOffRequest.objects.filter(enrollment__user=trainee, skill=skill).first()
        if request is None or request.status == "returned":
            for _ in range(skill.min_repetitions):
                practice_session_log(
                    user=trainee,
                    skill=skill,
                    practised_on=timezone.localdate(),
                    setting="course",
                    supervisor=instructor,
                    criteria_ids=criteria,
                )
            request = signoff_request_submit(user=trainee, skill=skill)
        if request.status == "awaiting":
            signoff_sign(
                request_id=request.pk, signer=instructor, password=password, observed_ids=criteria
            )
