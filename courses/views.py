from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from courses.models import CoursePage, LessonPage
from courses.selectors import dashboard_rows
from courses.services import CourseActionError, NotEnrolled, enrollment_create, lesson_complete


@login_required
def dashboard(request):
    return render(request, "courses/dashboard.html", {"rows": dashboard_rows(user=request.user)})


@require_POST
@login_required
def enrol(request, course_id: int):
    course = get_object_or_404(CoursePage.objects.live().public(), pk=course_id)
    try:
        enrollment, created = enrollment_create(user=request.user, course=course)
    except CourseActionError as error:
        messages.error(request, str(error))
        return redirect(course.get_url(request))
    if created:
        messages.success(
            request, f"You are enrolled in “{course.title}”. Start with the first lesson."
        )
    else:
        messages.info(request, f"You are already enrolled in “{course.title}”.")
    return redirect(course.get_url(request))


@require_POST
@login_required
def complete_lesson(request, lesson_id: int):
    lesson = get_object_or_404(LessonPage.objects.live().public(), pk=lesson_id)
    try:
        result = lesson_complete(user=request.user, lesson=lesson)
    except NotEnrolled as error:
        messages.error(request, str(error))
        return render(request, "courses/not_enrolled.html", {"lesson": lesson}, status=403)
    except CourseActionError as error:
        messages.error(request, str(error))
        return redirect(lesson.get_url(request))
    if result.course_completed:
        messages.success(
            request, "Congratulations: you have completed everything this course requires."
        )
    elif result.created:
        messages.success(request, f"“{lesson.title}” marked complete.")
    else:
        messages.info(request, f"“{lesson.title}” was already complete.")
    next_url = request.POST.get("next_lesson")
    target = lesson.get_url(request)
    if next_url:
        following = (
            LessonPage.objects.live().filter(pk=next_url).first() if next_url.isdigit() else None
        )
        if following is not None:
            target = following.get_url(request)
    return redirect(target)
