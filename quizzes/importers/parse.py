"""One entry point for both formats."""

from quizzes.importers.gift import parse_gift
from quizzes.importers.model import ParseResult, QuestionFileError
from quizzes.importers.moodle_xml import parse_moodle_xml


def parse_file(data: bytes, file_format: str) -> ParseResult:
    """Parse a GIFT or Moodle XML file; a file with nothing in it is an error, not a success."""
    result = parse_gift(data) if file_format == "gift" else parse_moodle_xml(data)
    if not result.questions and not result.problems:
        expected = "GIFT questions" if file_format == "gift" else "<question> elements"
        raise QuestionFileError("file", f"No questions found: is this a file of {expected}?")
    return result
