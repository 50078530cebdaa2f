"""--update and question versions: a change to the tags alone is a new version holding the tags;
an unchanged question gets no new version."""

import pytest

from tests.packages.bank_sample import SAMPLE
from tests.packages.test_bank_yaml import written

pytestmark = pytest.mark.django_db

TAGGED = "  tags:\n  - contraindication\n  stem: <p>Which two"


def test_the_sample_tags_the_bleeding_question_once():
    assert SAMPLE.count(TAGGED) == 1  # the edits below change exactly this question's tags


def test_each_created_version_holds_its_tags():
    first, _ = written()
    question = first.questions["bleeding-signs"]
    assert _version_tags(question.latest_revision) == ["contraindication"]


def test_an_update_changing_only_tags_is_a_new_version_with_those_tags():
    first, image = written()
    question = first.questions["bleeding-signs"]
    versions = question.revisions.count()
    retagged = SAMPLE.replace(TAGGED, TAGGED.replace("n\n", "n\n  - anticoagulants\n"))
    again, _ = written(retagged, update=True, image=image)
    assert again.changed == ["bleeding-signs"]
    question.refresh_from_db()
    assert question.revisions.count() == versions + 1
    version = question.latest_revision.as_object()
    assert sorted(version.tags.names()) == ["anticoagulants", "contraindication"]
    assert sorted(question.tags.names()) == ["anticoagulants", "contraindication"]
    # Tags removed: again a version, now without them.
    untagged, _ = written(SAMPLE.replace(TAGGED, "  stem: <p>Which two"), update=True, image=image)
    assert untagged.changed == ["bleeding-signs"]
    question.refresh_from_db()
    assert list(question.latest_revision.as_object().tags.names()) == []
    assert question.revisions.count() == versions + 2
    # Each version keeps the tags it had (not the live ones): what a restore would bring back.
    history = [_version_tags(r) for r in question.revisions.order_by("created_at", "pk")]
    assert history[-3:] == [["contraindication"], ["anticoagulants", "contraindication"], []]


def _version_tags(revision) -> list[str]:
    from taggit.models import Tag

    pks = [item["tag"] for item in revision.content.get("tagged_items", [])]
    return sorted(Tag.objects.filter(pk__in=pks).values_list("name", flat=True))


def test_an_unchanged_question_gets_no_new_version():
    first, image = written()
    versions = {key: q.revisions.count() for key, q in first.questions.items()}
    again, _ = written(update=True, image=image)
    assert again.changed == [] and again.created == []
    assert {key: q.revisions.count() for key, q in again.questions.items()} == versions
