"""A trainee's record as an instructor sees it, limited to the courses that instructor may see.

Enrolments with the trainee's own progress, lessons done with dates, attempts (a page at a
time: a trainee may have thousands), overrides, certificates and their emails. A fixed number
of queries whatever the trainee's history."""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.http import Http404

from certificates.models import Certificate, CertificateEmail
from courses.completion import progress_for_enrollments
from courses.models import Enrollment, LessonCompletion
from courses.scope import course_subtree_q, courses_for_instructor
from quizzes.models import Attempt, QuizOverride, QuizPage


@dataclass
class TraineeRecord:
    trainee: object
    enrollments: list
    progress: dict
    completions: list
    overrides: list
    certificates: list
    emails: list
    quizzes: list  # quizzes of the trainee's courses (for granting an override)


def record_trainee(*, viewer, user_id: int):
    """The trainee, if they have an enrolment or an attempt in a course the viewer may see;
    otherwise 404, so an instructor cannot learn who studies elsewhere."""
    trainee = get_user_model().objects.filter(pk=user_id).first()
    if trainee is None:
        raise Http404
    courses = courses_for_instructor(user=viewer)
    enrolled = Enrollment.objects.filter(user=trainee, course__in=courses).exists()
    if not enrolled and not attempts_in_scope(viewer=viewer, trainee=trainee).exists():
        raise Http404
    return trainee


def attempts_in_scope(*, viewer, trainee):
    return (
        Attempt.objects.filter(course_subtree_q(user=viewer, field="quiz__path"), user=trainee)
        .select_related("quiz")
        .order_by("-started_at", "-pk")
    )


def trainee_record(*, viewer, trainee) -> TraineeRecord:
    courses = courses_for_instructor(user=viewer)
    enrollments = list(
        Enrollment.objects.filter(user=trainee, course__in=courses)
        .select_related("course", "certificate")
        .order_by("course__path", "-cycle")
    )
    progress = progress_for_enrollments(enrollments)
    for enrollment in enrollments:
        enrollment.progress = progress[enrollment.id]
    completions = list(
        LessonCompletion.objects.filter(enrollment__in=[e.id for e in enrollments])
        .select_related("lesson", "enrollment")
        .order_by("-completed_at")
    )
    in_scope = course_subtree_q(user=viewer, field="quiz__path")
    overrides = list(
        QuizOverride.objects.filter(in_scope, user=trainee).select_related("quiz").order_by("quiz")
    )
    certificates = list(
        Certificate.objects.filter(user=trainee, course__in=courses).order_by("-issued_at")
    )
    emails = list(
        CertificateEmail.objects.filter(certificate__in=[c.pk for c in certificates])
        .select_related("certificate")
        .order_by("-created_at")
    )
    enrolled_paths = [e.course.path for e in enrollments]
    quizzes = [
        quiz
        for quiz in QuizPage.objects.filter(course_subtree_q(user=viewer))
        .only("id", "title", "path", "attempts_allowed")
        .order_by("path")
        if any(quiz.path.startswith(path) for path in enrolled_paths)
    ]
    return TraineeRecord(
        trainee=trainee,
        enrollments=enrollments,
        progress=progress,
        completions=completions,
        overrides=overrides,
        certificates=certificates,
        emails=emails,
        quizzes=quizzes,
    )


def attempt_in_scope(*, viewer, attempt_id: int) -> Attempt:
    attempt = (
        Attempt.objects.filter(course_subtree_q(user=viewer, field="quiz__path"), pk=attempt_id)
        .select_related("quiz", "user")
        .first()
    )
    if attempt is None:
        raise Http404
    return attempt
