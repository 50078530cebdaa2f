"""Which courses an instructor may look into (the rule lives in courses.scope, so the quiz
results and the certificate register below insight apply it too without importing upwards)."""

from courses.scope import courses_for_instructor, instructor_may_see_course

__all__ = ["courses_for_instructor", "instructor_may_see_course"]
