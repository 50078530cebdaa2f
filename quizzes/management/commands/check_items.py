"""`manage.py check_items [--quiz SLUG]… [--bank NAME]… [--brief] [--fail-on-warning]`: the
item-writing review as text. Without --quiz or --bank: every quiz, then every bank. Exit 0
whatever it finds, unless --fail-on-warning (for CI, e.g. after a course package import): then
exit 1 on any warning."""

import textwrap

from django.core.management.base import BaseCommand, CommandError

from quizzes.item_review import Review, bank_review, quiz_review
from quizzes.models import QuestionBank, QuizPage
from quizzes.quiz_checks import longest_key_share

WIDTH = 100


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(text, WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def _quoted(text: str, indent: str, limit: int = 300) -> list[str]:
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return _wrapped(f"“{text}”", indent)


def longest_line(review: Review) -> str:
    share = review.longest
    parts = []
    for kind, label in (
        ("single_choice", "single choice"),
        ("multiple_response", "multiple response"),
    ):
        subset = longest_key_share([r.item for r in review.items if r.item.kind == kind])
        if subset.total:
            parts.append(f"{label} {subset.longest} of {subset.total}")
    detail = f" ({'; '.join(parts)})" if parts else ""
    return (
        f"Right answer the longest option: {share.longest} of {share.total} choice items "
        f"({share.share:.0%}; chance {share.chance:.0%}, p = {share.p_value:.3f}){detail}."
    )


def gist(explanation: str) -> str:
    """The specific part of an explanation: up to its first colon or full stop outside quotes
    (a question title may hold either)."""
    depth = 0
    for index, char in enumerate(explanation):
        depth += (char == "“") - (char == "”")
        if depth <= 0 and explanation[index : index + 2] in (": ", ". "):
            return explanation[:index]
    return explanation


def review_text(review: Review, heading: str, *, brief: bool = False) -> list[str]:
    warnings = review.all_warnings
    lines = [heading, "=" * min(len(heading), WIDTH)]
    lines.append(
        f"{len(review.items)} questions, {len(review.flagged_items)} with warnings, "
        f"{len(warnings)} warnings."
    )
    lines += _wrapped(longest_line(review), "")
    lines += ["", "Warnings per check:"]
    lines += [f"  {count:>3}  {label}" for _, label, count in review.counts]
    if review.flagged_items:
        lines += ["", "Per question:"]
    for result in review.flagged_items:
        must = ", must-pass" if result.question.critical else ""
        lines.append(f"  {result.question.title} (#{result.question.pk}, {result.item.kind}{must})")
        for warning in result.warnings:
            explanation = gist(warning.explanation) if brief else warning.explanation
            lines += _wrapped(f"- {warning.label}: {explanation}", "      ")
            lines += _quoted(warning.offending, "        ", 120 if brief else 300)
    if review.set_warnings:
        lines += ["", "Across the question set:"]
    for warning in review.set_warnings:
        about = f" [{warning.item_title} ← {warning.other_title}]" if warning.other_title else ""
        explanation = gist(warning.explanation) if brief else warning.explanation
        lines += _wrapped(f"- {warning.label}{about}: {explanation}", "    ")
        lines += _quoted(warning.offending, "      ", 120 if brief else 300)
    return lines + [""]


class Command(BaseCommand):
    help = "Print the item-writing review (cues, must-pass rules) of quizzes and question banks."

    def add_arguments(self, parser):
        parser.add_argument("--quiz", action="append", default=[], help="A quiz's slug.")
        parser.add_argument("--bank", action="append", default=[], help="A bank's name.")
        parser.add_argument(
            "--brief", action="store_true", help="Each warning's finding, without the advice."
        )
        parser.add_argument(
            "--fail-on-warning", action="store_true", help="Exit 1 if there is any warning."
        )

    def handle(self, *args, quiz, bank, fail_on_warning, brief=False, **options):
        quizzes, banks = self._quizzes(quiz), self._banks(bank)
        if not quiz and not bank:
            quizzes = list(QuizPage.objects.order_by("path"))
            banks = list(QuestionBank.objects.order_by("name"))
        total = 0
        for page in quizzes:
            review = quiz_review(page)
            total += len(review.all_warnings)
            heading = f"Item-writing review: quiz “{page.title}” ({page.slug})"
            self.stdout.write("\n".join(review_text(review, heading, brief=brief)))
        for question_bank in banks:
            review = bank_review(question_bank)
            total += len(review.all_warnings)
            heading = f"Item-writing review: bank “{question_bank.name}”"
            self.stdout.write("\n".join(review_text(review, heading, brief=brief)))
        if fail_on_warning and total:
            raise CommandError(f"{total} item-writing warnings.")

    def _quizzes(self, slugs):
        found = []
        for slug in slugs:
            matches = list(QuizPage.objects.filter(slug=slug).order_by("path"))
            if not matches:
                raise CommandError(f"No quiz with the slug '{slug}'.")
            found += matches
        return found

    def _banks(self, names):
        found = []
        for name in names:
            try:
                found.append(QuestionBank.objects.get(name=name))
            except QuestionBank.DoesNotExist:
                raise CommandError(f"No question bank named '{name}'.") from None
        return found
