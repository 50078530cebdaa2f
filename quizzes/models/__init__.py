from .attempts import Attempt, AttemptQuestion, QuizOverride
from .bank import Question, QuestionBank, QuestionCategory, Scenario, VariantSet
from .quiz import QuizPage, QuizPrerequisite, QuizSlot

__all__ = [
    "Attempt",
    "AttemptQuestion",
    "Question",
    "QuestionBank",
    "QuestionCategory",
    "QuizOverride",
    "QuizPage",
    "QuizPrerequisite",
    "QuizSlot",
    "Scenario",
    "VariantSet",
]
