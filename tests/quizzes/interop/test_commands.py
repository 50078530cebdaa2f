"""import_questions / export_questions on the command line: output, exit status, all-or-nothing."""

from io import StringIO

import pytest
from django.core.management import CommandError, call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from quizzes.importers.gift import parse_gift
from quizzes.importers.services import questions_import
from quizzes.models import Question, QuestionBank

pytestmark = pytest.mark.django_db

GOOD = b"""$CATEGORY: $course$/top/Safety

::Consent:: Consent is needed before needling.{T}

::Lung:: Which serious complication? {=pneumothorax =%50%collapsed lung#close}

::Depth:: Depth in mm? {#25:5}
"""
WITH_ESSAY = GOOD + b"\n::Reflect:: Describe your technique. {}\n"
WITH_REJECT = GOOD + b"\n::Bad:: Pick {~%50%a ~%30%b ~c}\n"


def run(*args):
    out = StringIO()
    try:
        call_command(*args, stdout=out, stderr=out)
    except CommandError as error:
        return out.getvalue(), str(error)
    return out.getvalue(), None


def write(tmp_path, data, name="bank.gift"):
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_import_prints_counts_per_type_and_exits_zero(tmp_path):
    output, error = run(
        "import_questions", write(tmp_path, GOOD), "--format", "gift", "--bank", "B"
    )
    assert error is None
    assert output.splitlines()[:4] == [
        "Imported 3 questions into bank 'B':",
        "  Numeric: 1",
        "  Short text: 1",
        "  True / false: 1",
    ]
    assert "line 5: Feedback for 'collapsed lung' was not kept. (note)" in output
    bank = QuestionBank.objects.get(name="B")
    assert sorted(bank.questions.values_list("title", flat=True)) == ["Consent", "Depth", "Lung"]
    assert {q.category.name for q in bank.questions.all()} == {"Safety"}


def test_skipped_essay_is_reported_the_rest_imported_and_exit_is_non_zero(tmp_path):
    path = write(tmp_path, WITH_ESSAY)
    output, error = run("import_questions", path, "--format", "gift", "--bank", "B")
    assert error == "0 rejected, 1 skipped: the rest was imported."
    assert (
        "line 9: skipped: Essay questions are skipped: the engine cannot mark free text." in output
    )
    assert Question.objects.count() == 3


def test_a_rejected_question_imports_nothing(tmp_path):
    path = write(tmp_path, WITH_REJECT)
    output, error = run("import_questions", path, "--format", "gift", "--bank", "B")
    assert error == "1 rejected, 0 skipped: nothing was imported."
    assert "line 9: rejected: The right options' weights add up to 80%, not 100%." in output
    assert output.startswith("Nothing imported; without the rejections this would import 3")
    assert Question.objects.count() == 0
    assert not QuestionBank.objects.filter(name="B").exists()


def test_dry_run_reports_the_same_and_imports_nothing(tmp_path):
    path = write(tmp_path, GOOD)
    output, error = run("import_questions", path, "--format", "gift", "--bank", "B", "--dry-run")
    assert error is None
    assert output.startswith("Would import 3 questions into bank 'B':")
    assert Question.objects.count() == 0 and not QuestionBank.objects.exists()


def test_file_errors_and_missing_files(tmp_path):
    _, error = run("import_questions", str(tmp_path / "nope"), "--format", "gift", "--bank", "B")
    assert error.endswith("nope: no such file.")
    path = write(tmp_path, b"<quiz><question>", "bad.xml")
    _, error = run("import_questions", path, "--format", "moodlexml", "--bank", "B")
    assert "The XML is not well-formed" in error and "Nothing was imported." in error


@pytest.mark.parametrize("file_format", ["gift", "moodlexml"])
def test_export_then_import_on_the_command_line(tmp_path, file_format):
    run("import_questions", write(tmp_path, GOOD), "--format", "gift", "--bank", "Source")
    target = tmp_path / f"out.{file_format}"
    output, error = run(
        "export_questions", "--bank", "Source", "--format", file_format, "--output", str(target)
    )
    assert error is None
    text = target.read_text()
    assert ("::Consent::" in text) if file_format == "gift" else ('type="truefalse"' in text)
    output, error = run("import_questions", str(target), "--format", file_format, "--bank", "Copy")
    assert error is None, output
    assert QuestionBank.objects.get(name="Copy").questions.count() == 3


def test_export_to_stdout_and_unknown_bank():
    QuestionBank.objects.create(name="Empty")
    output, error = run("export_questions", "--bank", "Empty", "--format", "moodlexml")
    assert error is None and output.startswith('<?xml version="1.0" encoding="UTF-8"?>')
    _, error = run("export_questions", "--bank", "Nope", "--format", "gift")
    assert error == "No question bank named 'Nope'."


def gift_file(count: int) -> bytes:
    kinds = ["{T}", "{=a ~b}", "{#3:1}", "{=word}", "{=a -> 1 =b -> 2}", "{~%50%a ~%50%b ~c}"]
    return "\n\n".join(
        f"$CATEGORY: C{n % 3}\n::Q{n}:: Question {n}? {kinds[n % len(kinds)]}" for n in range(count)
    ).encode()


def import_queries(count: int, batch_size: int) -> int:
    result = parse_gift(gift_file(count))
    bank = QuestionBank.objects.create(name=f"Bank {count}")
    with CaptureQueriesContext(connection) as queries:
        report = questions_import(bank=bank, result=result, batch_size=batch_size)
    assert report.imported == count
    return len(queries)


def test_import_queries_grow_with_batches_not_questions():
    """A constant number of queries per batch: the question INSERT plus the search index's
    four (read, insert, two title-norm statements); categories cost three per file."""
    import_queries(10, 20)  # warm-up: the search backend checks its FTS table once per process
    two_batches, four_batches = import_queries(40, 20), import_queries(80, 20)
    assert four_batches - two_batches == 2 * 5
    assert two_batches == 2 * 5 + 4  # savepoint, categories (two reads: they exist), release
    # Two and a half times the questions in the same two batches: the same queries. (SQLite caps
    # the parameters of one statement, so Django splits batches much larger than ~60 rows into
    # several INSERTs: still a fixed number per batch, whatever is in it.)
    assert import_queries(100, 50) == two_batches


def test_bad_bank_name_and_unwritable_output(tmp_path):
    path = write(tmp_path, GOOD)
    _, error = run("import_questions", path, "--format", "gift", "--bank", "x" * 121)
    assert error == "Give a bank name of 1 to 120 characters."
    QuestionBank.objects.create(name="B")
    target = str(tmp_path / "missing" / "out.gift")
    _, error = run("export_questions", "--bank", "B", "--format", "gift", "--output", target)
    assert error == f"Cannot write {target}: No such file or directory."
