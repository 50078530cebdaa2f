"""One entry point for both formats."""

from quizzes.importers.gift import parse_gift
from quizzes.importers.model import ParseResult


def parse_file(data: bytes, file_format: str) -> ParseResult:
    if file_format == "gift":
        return parse_gift(data)
    from quizzes.importers.moodle_xml import parse_moodle_xml

    return parse_moodle_xml(data)
