"""The certificate register in the Wagtail admin, as an instructor."""

import csv
import io
import re

import pytest
from django.core import mail
from wagtail.models import ModelLogEntry

from certificates.models import Certificate, CertificateEmail
from courses.models import Enrollment
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db
INDEX = "/admin/certificate_register/"


def test_register_lists_filters_and_shows_email_status(client, issue, instructor):
    valid = issue(title="Lumbar course")
    revoked = issue(title="Cervical course")
    Certificate.objects.filter(pk=revoked.pk).update(status="revoked", revoked_reason="Error")
    CertificateEmail.objects.filter(certificate=revoked).update(status="failed", attempts=3)
    client.force_login(instructor)
    html = client.get(INDEX).content.decode()
    assert valid.holder_name in html and revoked.holder_name in html
    assert "Sent" in html and "Failed, will retry (3 attempts)" in html
    only_valid = client.get(INDEX, {"standing": "valid"}).content.decode()
    assert valid.holder_name in only_valid and revoked.holder_name not in only_valid
    by_course = client.get(INDEX, {"course": revoked.course_id}).content.decode()
    assert revoked.holder_name in by_course and valid.holder_name not in by_course
    failed = client.get(INDEX, {"delivery_status": "failed"}).content.decode()
    assert revoked.holder_name in failed and valid.holder_name not in failed
    search = client.get(INDEX, {"q": valid.code}).content.decode()
    assert valid.holder_name in search and revoked.holder_name not in search


def test_register_exports_csv(client, issue, instructor):
    certificate = issue(cpd_hours=4.5)
    client.force_login(instructor)
    response = client.get(INDEX, {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode()
    rows = list(csv.DictReader(io.StringIO(content)))
    assert len(rows) == 1
    row = rows[0]
    assert row["Holder name"] == certificate.holder_name
    assert row["Code"] == certificate.display_code
    assert row["Standing"] == "valid" and row["CPD hours"] == "4.5"
    assert row["Certificate email"] == "sent"


def test_instructor_reissues_resends_revokes_and_starts_a_new_cycle(
    client, issue, instructor, django_capture_on_commit_callbacks
):
    certificate = issue()
    client.force_login(instructor)
    inspect = client.get(f"{INDEX}inspect/{certificate.pk}/").content.decode()
    assert "Revoke…" in inspect and "Resend email" in inspect and "Certificate delivery" in inspect
    old_code = certificate.code
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{INDEX}{certificate.pk}/reissue/", {"reason": "Name misspelt"})
    certificate.refresh_from_db()
    assert certificate.status == "valid" and certificate.code != old_code
    with django_capture_on_commit_callbacks(execute=True):
        client.post(f"{INDEX}{certificate.pk}/resend/")
    assert [e.kind for e in certificate.emails.order_by("created_at")] == [
        "delivery",
        "reissue",
        "resend",
    ]
    assert len(mail.outbox) == 3
    revoke_url = f"{INDEX}{certificate.pk}/revoke/"
    assert "Reason" in client.get(revoke_url).content.decode()
    assert client.post(revoke_url, {"reason": ""}).status_code == 200  # the form asks again
    client.post(revoke_url, {"reason": "Practical sign-off withdrawn"})
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    inspect = client.get(f"{INDEX}inspect/{certificate.pk}/").content.decode()
    assert "Re-issue…" not in inspect and "Start a new cycle…" in inspect
    refused = client.post(
        f"{INDEX}{certificate.pk}/reissue/", {"reason": "Try to undo"}, follow=True
    ).content.decode()
    assert "A revoked certificate cannot be re-issued" in refused
    certificate.refresh_from_db()
    assert certificate.status == "revoked"
    client.post(f"{INDEX}{certificate.pk}/new-cycle/", {"reason": "Sign-off to be repeated"})
    cycles = Enrollment.objects.filter(user=certificate.user, course=certificate.course)
    assert sorted(cycles.values_list("cycle", flat=True)) == [1, 2]
    actions = set(
        ModelLogEntry.objects.for_instance(certificate)
        .filter(user=instructor)
        .values_list("action", flat=True)
    )
    assert actions == {
        "certificates.revoke",
        "certificates.reissue",
        "certificates.resend",
        "certificates.new_cycle",
    }
    history = client.get(f"{INDEX}history/{certificate.pk}/").content.decode()
    assert "Certificate revoked: Practical sign-off withdrawn" in history


def test_register_is_for_staff_only(client, issue):
    certificate = issue()
    client.force_login(certificate.user)
    assert client.get(INDEX).status_code == 302
    assert client.post(f"{INDEX}{certificate.pk}/revoke/", {"reason": "x"}).status_code == 302
    certificate.refresh_from_db()
    assert certificate.status == "valid"


def _may_edit_course(user, course):
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import GroupPagePermission

    group = Group.objects.create(name=f"Editors of {course.slug}")
    GroupPagePermission.objects.create(
        group=group, page=course, permission=Permission.objects.get(codename="change_page")
    )
    user.groups.add(group)


def test_view_only_staff_read_the_register_but_cannot_act(client, issue):
    from django.contrib.auth.models import Permission

    certificate = issue()
    reader = UserFactory()
    reader.user_permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_certificate"),
    )
    client.force_login(reader)
    assert certificate.holder_name not in client.get(INDEX).content.decode()  # no course yet
    _may_edit_course(reader, certificate.course)  # the register shows the courses one may edit
    assert certificate.holder_name in client.get(INDEX).content.decode()
    inspect = client.get(f"{INDEX}inspect/{certificate.pk}/").content.decode()
    assert "Revoke…" not in inspect
    for action in ("revoke", "reissue", "new-cycle"):
        url = f"{INDEX}{certificate.pk}/{action}/"
        assert client.post(url, {"reason": "x"})["Location"] == "/admin/"  # Wagtail's refusal
    assert client.post(f"{INDEX}{certificate.pk}/resend/")["Location"] == "/admin/"
    certificate.refresh_from_db()
    assert certificate.status == "valid" and certificate.emails.count() == 1


def test_csv_export_does_not_carry_formulas(client, issue, instructor):
    from tests.factories import UserFactory as Users

    issue(user=Users(full_name='=HYPERLINK("http://evil.example","Click")'))
    client.force_login(instructor)
    content = b"".join(client.get(INDEX, {"export": "csv"}).streaming_content).decode()
    [row] = list(csv.DictReader(io.StringIO(content)))
    assert row["Holder name"] == '\'=HYPERLINK("http://evil.example","Click")'


def test_nobody_edits_or_deletes_a_certificate_directly(client, issue, instructor):
    certificate = issue()
    client.force_login(instructor)
    assert client.get(f"{INDEX}edit/{certificate.pk}/").status_code in (302, 403)
    assert client.get(f"{INDEX}delete/{certificate.pk}/").status_code in (302, 403)
    assert client.get(f"{INDEX}new/").status_code in (302, 403)


@pytest.mark.parametrize(
    "typed",
    [
        "=1+1",
        " =1+1",
        "\n=1+1",
        "\r\n=cmd|' /C calc'!A0",
        "\u3000=1+1",
        "\u00a0@SUM(A1)",
        "\uff1d1+1",  # fullwidth equals sign: spreadsheets read it as =
        "\uff0b1",
        "\uff0d1",
        "\uff20SUM(A1)",
        "\t+1",
    ],
)
def test_csv_guard_catches_formulas_behind_whitespace_and_fullwidth_signs(typed):
    from certificates.selectors import csv_safe

    assert csv_safe(typed) == "'" + typed


@pytest.mark.parametrize("plain", ["Ann O'Neil", "", "Dr Bea = Chief", "PH123456"])
def test_csv_guard_leaves_plain_values_alone(plain):
    from certificates.selectors import csv_safe

    assert csv_safe(plain) == plain


def test_register_exports_dates_in_the_site_format_and_time_zone(client, issue, instructor):
    import datetime

    from openpyxl import load_workbook

    certificate = issue()
    issued = datetime.datetime(2026, 7, 1, 23, 30, 15, 123456, tzinfo=datetime.UTC)
    Certificate.objects.filter(pk=certificate.pk).update(
        issued_at=issued, expires_at=issued.replace(year=2028)
    )
    client.force_login(instructor)
    content = b"".join(client.get(INDEX, {"export": "csv"}).streaming_content).decode()
    [row] = list(csv.DictReader(io.StringIO(content)))
    # 23:30 UTC on 1 July is 00:30 on 2 July in London (BST)
    assert row["Issued at"] == "2 July 2026 00:30"
    assert row["Expires at"] == "2 July 2028 00:30"
    response = client.get(INDEX, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    headings = [cell.value for cell in sheet[1]]
    issued_cell = sheet[2][headings.index("Issued at")]
    assert issued_cell.value == datetime.datetime(2026, 7, 2, 0, 30)
    assert issued_cell.number_format == "d mmmm yyyy hh:mm"


def test_inspect_page_never_says_none(client, issue, instructor):
    certificate = issue()
    client.force_login(instructor)
    html = client.get(f"{INDEX}inspect/{certificate.pk}/").content.decode()
    values = [" ".join(v.split()) for v in re.findall(r"<dd>(.*?)</dd>", html, re.S)]
    assert "None" not in values
    assert "Not re-issued" in values and "Not revoked" in values and "Not revoked" in html
