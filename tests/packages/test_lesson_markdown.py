"""Lesson files: every block type survives text → blocks → text, and problems say their line."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from packages.blocks import AssetRef
from packages.lessons import lesson_parse, lesson_text
from packages.richtext import html_to_markdown, markdown_to_html

FIELDS = {"title": "A lesson", "slug": "a-lesson", "summary": "Why.", "estimated_minutes": 5,
          "is_required": True}  # fmt: skip
BLOCKS = {
    "heading": [("heading", {"text": "Contraindications", "size": "h2"}),
                ("heading", {"text": "Pregnancy", "size": "h3"})],
    "paragraph": [("paragraph", "<p>One <b>bold</b> and <i>italic</i> "
                   '<a href="https://example.org/a?b=1">link</a>.</p><ul><li>a</li><li>b</li></ul>'
                   "<ol><li>first</li><li>second</li></ol><p>Line<br/>break</p>"
                   "<p>H<sub>2</sub>O, 10<sup>3</sup>, "
                   '<a linktype="page" id="lessons/02-b.md">a lesson</a>, '
                   '<a linktype="page" id="page:a-quiz">a quiz</a>, '
                   "<a linktype=\"document\" id=\"assets/consent.pdf\">a form</a></p>")],
    "two paragraphs": [("paragraph", "<p>One.</p>"), ("paragraph", "<p>Two.</p>")],
    "callout": [("callout", {"kind": kind, "title": f"A {kind}", "body": "<p>Body.</p>"})
                for kind in ("warning", "contraindication", "pearl", "evidence")],
    "procedure": [("procedure", {"title": "Hand hygiene", "steps": [
        {"title": "Wash", "detail": "<p>Before <b>and</b> after.</p>"},
        {"title": "Dry", "detail": "<ul><li>towel</li></ul>"}]})],
    "table": [("table", {"data": [["Feature", "Dry needling"], ["Origin", None]],
                         "first_row_is_table_header": True, "first_col_is_header": False,
                         "table_caption": "Compared"})],
    "image": [("image", {"image": AssetRef("assets/spine.png", "image"), "alt_text": "The spine",
                         "caption": "Posterior view", "attribution": "Sample"})],
    "video": [("video", {"video": "https://www.youtube.com/watch?v=x", "caption": "Demo",
                         "transcript": "<p>Words.</p>"})],
    "document": [("document", {"document": AssetRef("assets/consent.pdf", "document"),
                               "title": "Consent form", "description": "Print it"})],
}  # fmt: skip


def _path(kind, ref):
    return ref.path


def _round_trip(body):
    text = lesson_text(FIELDS, body, _path)
    plan, problems = lesson_parse(text, file="lessons/01-a-lesson.md")
    assert problems == []
    assert plan.fields == FIELDS
    return [(block.type, block.value) for block in plan.blocks], text


@pytest.mark.parametrize("name", list(BLOCKS))
def test_each_block_type_round_trips(name):
    blocks, text = _round_trip(BLOCKS[name])
    assert blocks == BLOCKS[name]
    assert lesson_text(FIELDS, blocks, _path) == text


def test_every_block_type_of_the_lesson_body_has_a_syntax():
    from courses.blocks import LessonBodyBlock

    covered = {block_type for body in BLOCKS.values() for block_type, _ in body}
    assert covered == set(LessonBodyBlock().child_blocks)


_line = (
    st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp")), min_size=1, max_size=60)
    .map(lambda text: " ".join(text.split()))
    .filter(bool)
)


@settings(max_examples=300, deadline=None)
@given(_line)
def test_arbitrary_text_in_a_paragraph_survives(text):
    from html import escape

    html = f"<p>{escape(text, quote=False)}</p>"
    assert markdown_to_html(html_to_markdown(html)) == html


@settings(max_examples=150, deadline=None)
@given(heading=_line.filter(lambda t: len(t) <= 120), title=_line, words=_line)
def test_arbitrary_headings_and_callout_titles_survive(heading, title, words):
    from html import escape

    body = [("heading", {"text": heading, "size": "h3"}),
            ("callout", {"kind": "pearl", "title": title,
                         "body": f"<p><b>{escape(words, quote=False)}</b></p>"})]  # fmt: skip
    assert _round_trip(body)[0] == body


LESSON = """---
title: Broken
slug: broken
summary: A lesson with problems.
estimatd_minutes: 5
---

## Fine heading

Text with `code` in it.

::: danger Not a kind
Body.
:::

::: table
caption: A table
header_row: yes please
rows: [[a]]
colour: red
:::

::: warning Unclosed
Body.
"""


def test_problems_name_their_line():
    _, problems = lesson_parse(LESSON, file="lessons/02-broken.md")
    assert all(p.file == "lessons/02-broken.md" for p in problems)
    found = {p.line: p.message for p in problems}
    assert sorted(found) == [5, 10, 12, 18, 20, 23]
    assert "estimatd_minutes" in found[5]  # the misspelt front-matter key
    assert "code" in found[10]
    assert "danger" in found[12]  # unknown container
    assert "header_row" in found[18]  # not a yes/no
    assert "colour" in found[20]  # unknown field in the table
    assert "not closed" in found[23]


def test_a_broken_block_is_reported_by_its_own_validation():
    text = "---\ntitle: T\nslug: t\n---\n\n::: warning\nBody.\n:::\n"  # a callout needs a title
    _, problems = lesson_parse(text, file="lessons/03-t.md")
    assert [(p.line, "title" in p.message) for p in problems] == [(6, True)]


def test_page_and_document_links_keep_their_targets():
    html = (
        '<p>See <a linktype="document" id="assets/consent.pdf">the form</a>, '
        '<a linktype="page" id="lessons/02-risks.md">the risks</a>, '
        '<a linktype="page" id="page:safety-quiz">the quiz</a> and '
        '<a href="https://e.org/a_(b)">this</a>.</p>'
    )
    text = html_to_markdown(html)
    assert text == (
        "See [the form](assets/consent.pdf), [the risks](lessons/02-risks.md), "
        "[the quiz](page:safety-quiz) and [this](<https://e.org/a_(b)>)."
    )
    assert markdown_to_html(text) == html


@pytest.mark.parametrize(
    "html",
    [
        "<p>H<sub>2</sub>O, 10<sup>-3</sup> and <b>CO<sub>2</sub></b></p>",
        "<p>x<sup><i>n</i>+1</sup> and <sub>a b</sub></p>",
        "<ul><li>2<sup>nd</sup> line</li></ul>",
        "<p>~5 to ~10 minutes, ^ alone, 2^10</p>",
    ],
)
def test_superscript_and_subscript_survive(html):
    assert markdown_to_html(html_to_markdown(html)) == html


def test_loose_carets_and_tildes_stay_text():
    assert markdown_to_html("about ~5 to ~10 minutes") == "<p>about ~5 to ~10 minutes</p>"
    assert markdown_to_html("H~2~O and E = mc^2^") == "<p>H<sub>2</sub>O and E = mc<sup>2</sup></p>"


@pytest.mark.parametrize(
    "html",
    [
        '<p><a linktype="page" id="12">a page by id</a></p>',
        "<p>a <code>code</code> span</p>",
        "<h4>a heading inside rich text</h4>",
        '<p><a linktype="email">no address</a></p>',
    ],
)
def test_export_refuses_what_it_cannot_write_back(html):
    from packages.richtext import RichTextUnexportable

    with pytest.raises(RichTextUnexportable):
        html_to_markdown(html)


def test_a_bad_page_link_is_a_located_problem():
    text = "---\ntitle: T\nslug: t\n---\n\nFine.\n\nSee [x](page:not/a-slug).\n"
    _, problems = lesson_parse(text, file="lessons/03-t.md")
    assert [(p.line, "page link" in p.message) for p in problems] == [(8, True)]
