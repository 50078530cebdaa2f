from .attempts import Attempt, AttemptQuestion, QuizOverride
from .bank import Question, QuestionBank, QuestionCategory, Scenario
from .quiz import QuizPage, QuizSlot

__all__ = [
    "Attempt",
    "AttemptQuestion",
    "Question",
    "QuestionBank",
    "QuestionCategory",
    "QuizOverride",
    "QuizPage",
    "QuizSlot",
    "Scenario",
]
