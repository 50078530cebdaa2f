from django import template

from quizzes import review

register = template.Library()
register.filter("response_text", review.response_text)
register.filter("correct_text", review.correct_text)
register.filter("option_feedback", review.option_feedback)
