from .pages import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .progress import Enrollment, LessonCompletion

__all__ = [
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "LessonCompletion",
    "LessonPage",
    "ModulePage",
]
