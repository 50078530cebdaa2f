from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from courses.models import CoursePage, LessonPage
from courses.params import bad_request, parse_positive_int
from courses.public import passed_passwords, viewable_page_or_404
from courses.selectors import dashboard_rows
from courses.services import CourseActionError, NotEnrolled, enrollment_create, lesson_complete


@login_required
def dashboard(request):
    return render(request, "courses/dashboard.html", {"rows": dashboard_rows(user=request.user)})


@require_POST
@login_required
def enrol(request, course_id: int):
    course = viewable_page_or_404(CoursePage.objects, pk=course_id, request=request)
    try:
        enrollment, created = enrollment_create(
            user=request.user, course=course, passed_passwords=passed_passwords(request)
        )
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
    lesson = viewable_page_or_404(LessonPage.objects, pk=lesson_id, request=request)
    next_lesson = request.POST.get("next_lesson") or None
    next_id = parse_positive_int(next_lesson) if next_lesson else None
    if next_lesson and next_id is None:  # read every input before changing anything
        return bad_request(request, "That link to the next lesson is not valid.")
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
    following = LessonPage.objects.live().filter(pk=next_id).first() if next_id else None
    return redirect((following or lesson).get_url(request))
