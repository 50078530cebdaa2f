"""Import and export in the Wagtail admin, driven as an instructor (and refused to a trainee)."""

import re

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile

from courses.roles import instructors_group_ensure
from quizzes.models import Question, QuestionBank
from tests.factories import UserFactory
from tests.factories.quizzes import QuestionFactory

pytestmark = pytest.mark.django_db

IMPORT_URL = "/admin/questions/import/"
GIFT = b"""::Consent:: Consent is needed before needling.{T}

::Lung:: Which serious complication? {=pneumothorax =%50%collapsed lung}

::Reflect:: Describe your technique. {}
"""


@pytest.fixture
def instructor(db):
    user = UserFactory()
    user.groups.add(instructors_group_ensure())
    return user


@pytest.fixture
def instructor_client(client, instructor, settings, tmp_path):
    settings.QUESTION_IMPORT_TEMP_DIR = str(tmp_path / "pending")
    client.force_login(instructor)
    return client


def upload(client, data=GIFT, file_format="gift", bank=None, name="bank.gift"):
    bank = bank or QuestionBank.objects.get_or_create(name="Imported")[0]
    return client.post(
        IMPORT_URL,
        {"file": SimpleUploadedFile(name, data), "file_format": file_format, "bank": bank.pk},
    )


def token_of(response) -> str:
    return re.search(r'name="token" value="([^"]+)"', response.content.decode()).group(1)


def test_upload_preview_then_confirm(instructor_client):
    assert instructor_client.get(IMPORT_URL).status_code == 200
    preview = upload(instructor_client)
    html = preview.content.decode()
    assert preview.status_code == 200
    for text in ["Consent", "Lung", "True / false", "Short text", "skipped",
                 "Essay questions are skipped: the engine cannot mark free text."]:  # fmt: skip
        assert text in html
    assert Question.objects.count() == 0  # nothing until confirmed
    done = instructor_client.post(IMPORT_URL, {"token": token_of(preview)})
    assert done.status_code == 302
    bank = QuestionBank.objects.get(name="Imported")
    assert sorted(bank.questions.values_list("title", flat=True)) == ["Consent", "Lung"]
    again = instructor_client.post(IMPORT_URL, {"token": token_of(preview)})
    assert again.status_code == 302 and bank.questions.count() == 2  # a token imports once


def test_rejected_file_shows_problems_and_offers_no_import(instructor_client):
    preview = upload(instructor_client, b"::Bad:: Pick {~%50%a ~%30%b ~c}\n")
    html = preview.content.decode()
    assert "line 1" in html and "weights add up to 80%, not 100%" in html
    assert 'name="token"' not in html


@pytest.mark.parametrize(
    ("data", "file_format", "message"),
    [
        (b"<!DOCTYPE x [<!ENTITY e SYSTEM 'file:///etc/passwd'>]><quiz/>", "moodlexml",
         "line 1: The file declares a DTD"),
        (b"Caf\xe9 {T}", "gift", "line 1: The file is not UTF-8 text (byte 0xe9 at column 4)"),
        (b"<quiz><question>", "moodlexml", "The XML is not well-formed (no element found)"),
        (b'<quiz><question type="truefalse"><questiontext><text>x</text>'
         b'<file name="a.png" encoding="base64">PHN2Zz4=</file></questiontext></question></quiz>',
         "moodlexml", "The file &#x27;a.png&#x27; is not an image we can read"),
        (b"Q {=a\n", "gift", "Unbalanced braces: missing the"),
        (b'<quiz><question type="truefalse"><questiontext><text>x</text></questiontext>'
         b"<defaultgrade>NaN</defaultgrade><answer fraction=\"100\"><text>true</text></answer>"
         b"</question></quiz>", "moodlexml",
         "The default grade &#x27;NaN&#x27; is not a finite number."),
    ],
    ids=["xxe", "not utf-8", "not well-formed", "not an image", "unbalanced", "NaN grade"],
)  # fmt: skip
def test_hostile_files_are_reported_without_a_500(instructor_client, data, file_format, message):
    response = upload(instructor_client, data, file_format, name="hostile")
    assert response.status_code == 200
    assert message in response.content.decode()
    assert 'name="token"' not in response.content.decode()
    assert Question.objects.count() == 0


def test_oversized_upload_is_refused(instructor_client, settings):
    settings.QUESTION_IMPORT_MAX_BYTES = 10
    response = upload(instructor_client)
    assert "the limit is 10 bytes" in response.content.decode()


def test_forged_or_foreign_token_is_refused(instructor_client, instructor):
    preview = upload(instructor_client)
    payload = signing.loads(token_of(preview), salt="quizzes.question-import")
    payload["user"] = instructor.pk + 1000
    forged = signing.dumps(payload, salt="quizzes.question-import")
    refused = instructor_client.post(IMPORT_URL, {"token": forged})
    assert (refused.status_code, refused["Location"]) == (302, "/admin/")  # Wagtail's "denied"
    tampered = instructor_client.post(IMPORT_URL, {"token": token_of(preview) + "x"})
    assert tampered.status_code == 302
    assert Question.objects.count() == 0


def test_xss_in_an_uploaded_stem_does_not_survive(instructor_client):
    data = b'[html]<p>Hi<script>alert(1)</script><img src=x onerror="alert(2)"></p>{T}'
    preview = upload(instructor_client, data)
    instructor_client.post(IMPORT_URL, {"token": token_of(preview)})
    stem = Question.objects.get().stem
    assert stem == "<p>Hi</p>"


@pytest.mark.parametrize(
    ("file_format", "content_type", "marker"),
    [
        ("gift", "text/plain; charset=utf-8", "::Export me::"),
        ("moodlexml", "application/xml; charset=utf-8", "<text>Export me</text>"),
    ],
)
def test_export_download(instructor_client, file_format, content_type, marker):
    question = QuestionFactory(title="Export me", kind="true_false")
    response = instructor_client.get(f"/admin/questions/export/{question.bank.pk}/{file_format}/")
    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith('attachment; filename="test-bank.')
    assert marker in response.content.decode()


def test_bank_listing_offers_export_and_import(instructor_client):
    bank = QuestionFactory().bank
    html = instructor_client.get("/admin/snippets/quizzes/questionbank/").content.decode()
    assert f"/admin/questions/export/{bank.pk}/gift/" in html
    assert f"/admin/questions/export/{bank.pk}/moodlexml/" in html
    assert IMPORT_URL in html
    questions = instructor_client.get("/admin/snippets/quizzes/question/").content.decode()
    assert IMPORT_URL in questions


def test_trainee_can_neither_import_nor_export(client, trainee):
    bank = QuestionFactory().bank
    client.force_login(trainee)
    for url in (IMPORT_URL, f"/admin/questions/export/{bank.pk}/gift/"):
        response = client.get(url)
        assert response.status_code in (302, 403)
        assert b"::" not in response.content


def test_admin_without_question_permissions_is_refused(client):
    from django.contrib.auth.models import Permission

    user = UserFactory()
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    bank = QuestionFactory().bank
    for url in (IMPORT_URL, f"/admin/questions/export/{bank.pk}/gift/"):
        response = client.get(url)  # Wagtail turns PermissionDenied into a redirect home
        assert (response.status_code, response["Location"]) == (302, "/admin/")


def test_forms_need_the_csrf_token(instructor, settings, tmp_path):
    from django.test import Client

    settings.QUESTION_IMPORT_TEMP_DIR = str(tmp_path / "pending")
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(instructor)
    page = strict.get(IMPORT_URL).content.decode()
    assert 'name="csrfmiddlewaretoken"' in page
    assert upload(strict).status_code == 403
    assert strict.post(IMPORT_URL, {"token": "x"}).status_code == 403


def test_a_confirm_sent_again_while_importing_imports_nothing(instructor_client, monkeypatch):
    """A double-clicked confirm arrives while the first is still importing: the file was only
    deleted after the import, so both imported it. The first now claims it before importing."""
    from django.contrib.messages import get_messages

    from quizzes import interop_admin

    preview = upload(instructor_client)
    token = token_of(preview)
    real_import, second = interop_admin.questions_import, []

    def import_and_meanwhile_confirm_again(**kwargs):
        if not second:
            second.append(instructor_client.post(IMPORT_URL, {"token": token}))
        return real_import(**kwargs)

    monkeypatch.setattr(interop_admin, "questions_import", import_and_meanwhile_confirm_again)
    first = instructor_client.post(IMPORT_URL, {"token": token})
    assert first.status_code == 302
    assert Question.objects.count() == 2
    assert second[0].status_code == 302 and second[0].url == IMPORT_URL
    [message] = get_messages(second[0].wsgi_request)
    assert "already imported (or is being imported)" in str(message)
    assert "nothing more was imported" in str(message)


def test_a_failed_import_leaves_the_preview_confirmable(instructor_client, monkeypatch):
    from quizzes import interop_admin

    preview = upload(instructor_client)

    def fail(**kwargs):
        raise RuntimeError("database went away")

    monkeypatch.setattr(interop_admin, "questions_import", fail)
    with pytest.raises(RuntimeError):
        instructor_client.post(IMPORT_URL, {"token": token_of(preview)})
    monkeypatch.undo()
    done = instructor_client.post(IMPORT_URL, {"token": token_of(preview)})
    assert done.status_code == 302 and Question.objects.count() == 2
