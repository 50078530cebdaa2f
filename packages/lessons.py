"""One lesson file (lessons/NN-slug.md): YAML front matter + a Markdown body of blocks.

The body syntax is documented in packages/FORMAT.md: `##`/`###` headings, Markdown text,
`---` between two text blocks, and `:::` containers for callouts, procedures (`::::` around
`::: step`), tables, images, videos and documents. `lesson_parse` and `lesson_text` are inverse:
parse(text(x)) == x for every body the editor can produce.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from courses.blocks import CALLOUT_KINDS
from packages.blocks import AssetRef, BlockPlan, block_problems
from packages.problems import PackageInvalid, Problem
from packages.richtext import RichTextProblem, RichTextUnexportable, markdown_to_html
from packages.richtext import html_to_markdown as _to_markdown
from packages.source import dump_yaml, load_yaml

FRONT_MATTER = {
    "title": "title",
    "slug": "slug",
    "summary": "summary",
    "estimated_minutes": "estimated_minutes",
    "required": "is_required",
}
KINDS = [kind for kind, _ in CALLOUT_KINDS]
YAML_BLOCKS = {  # container name -> (the argument's field, fields allowed in its YAML body)
    "image": ("image", {"alt": "alt_text", "caption": "caption", "attribution": "attribution"}),
    "document": ("document", {"title": "title", "description": "description"}),
    "video": ("video", {"caption": "caption", "transcript": "transcript"}),
    "table": (None, {"caption": "table_caption", "header_row": "first_row_is_table_header",
                     "header_column": "first_col_is_header", "rows": "data"}),
}  # fmt: skip
_OPEN = re.compile(r"^(:{3,})\s*([a-z]+)\s*(.*?)\s*$")
_HEADING = re.compile(r"^(#{2,3}) (.*?)\s*$")


@dataclass
class LessonPlan:
    file: str
    fields: dict
    blocks: list[BlockPlan]
    line: int = 1
    field_lines: dict = field(default_factory=dict)


def lesson_parse(text: str, *, file: str) -> tuple[LessonPlan | None, list[Problem]]:
    lines = text.split("\n")
    if not lines or lines[0].strip() != "---":
        return None, [Problem(file, 1, "a lesson starts with front matter between --- lines")]
    try:
        end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
    except StopIteration:
        return None, [Problem(file, 1, "the front matter is not closed with ---")]
    try:
        meta = load_yaml("\n".join(lines[1:end]), file=file)
    except PackageInvalid as error:
        return None, [Problem(p.file, (p.line or 0) + 1, p.message) for p in error.problems]
    problems: list[Problem] = []
    if not isinstance(meta, dict):
        return None, [Problem(file, 2, "the front matter must be a mapping of fields")]
    fields, lines_of = {}, {}
    for key, value in meta.items():
        line = meta.line_of(key) + 1
        if key not in FRONT_MATTER:
            problems.append(Problem(file, line, f"unknown field “{key}” in the front matter"))
            continue
        fields[FRONT_MATTER[key]] = value
        lines_of[FRONT_MATTER[key]] = line
    for key in ("title", "slug"):
        if key not in fields:
            problems.append(Problem(file, 1, f"the front matter needs “{key}”"))
    blocks = _parse_body(lines[end + 1 :], end + 2, file, problems)
    return LessonPlan(file, fields, blocks, 1, lines_of), problems


def _parse_body(lines: list[str], first: int, file: str, problems: list) -> list[BlockPlan]:
    blocks: list[BlockPlan] = []
    text: list[str] = []
    text_line = first

    def flush():
        nonlocal text
        if "".join(text).strip():
            start = text_line + next(i for i, t in enumerate(text) if t.strip())
            try:
                html = markdown_to_html("\n".join(text).strip("\n"))
            except RichTextProblem as error:
                problems.append(Problem(file, start + error.line_offset, str(error)))
            else:
                _add(blocks, problems, file, BlockPlan("paragraph", html, start))
        text = []

    index = 0
    while index < len(lines):
        line, number = lines[index], first + index
        opening, heading = _OPEN.match(line), _HEADING.match(line)
        if opening or heading or line.strip() == "---":
            flush()
        if heading:
            size = "h2" if len(heading.group(1)) == 2 else "h3"
            _add(
                blocks,
                problems,
                file,
                BlockPlan("heading", {"text": heading.group(2), "size": size}, number),
            )
        elif opening:
            fence, name, argument = opening.groups()
            close = _closing(lines, index + 1, fence)
            if close is None:
                problems.append(
                    Problem(file, number, f"the “{fence} {name}” block is not closed with {fence}")
                )
                return blocks
            inner = lines[index + 1 : close]
            plan = _container(name, argument, inner, number, file, problems)
            if plan is not None:
                _add(blocks, problems, file, plan)
            index = close
        elif line.strip() != "---":
            if not text:
                text_line = number
            text.append(line)
        index += 1
    flush()
    return blocks


def _closing(lines, start, fence) -> int | None:
    return next((i for i in range(start, len(lines)) if lines[i].strip() == fence), None)


def _add(blocks, problems, file, plan: BlockPlan) -> None:
    for message in block_problems(plan.type, plan.value):
        problems.append(Problem(file, plan.line, message))
    blocks.append(plan)


def _rich(lines, number, file, problems) -> str:
    try:
        return markdown_to_html("\n".join(lines).strip("\n"))
    except RichTextProblem as error:
        problems.append(Problem(file, number + 1 + error.line_offset, str(error)))
        return ""


def _container(name, argument, inner, number, file, problems) -> BlockPlan | None:
    if name in KINDS:
        value = {"kind": name, "title": argument, "body": _rich(inner, number, file, problems)}
        return BlockPlan("callout", value, number)
    if name == "procedure":
        steps = []
        index = 0
        while index < len(inner):
            opening = _OPEN.match(inner[index])
            if opening and opening.group(2) == "step":
                close = _closing(inner, index + 1, opening.group(1))
                if close is None:
                    problems.append(Problem(file, number + 1 + index, "the step is not closed"))
                    break
                body = _rich(inner[index + 1 : close], number + 1 + index, file, problems)
                steps.append({"title": opening.group(3), "detail": body})
                index = close
            elif inner[index].strip():
                problems.append(
                    Problem(file, number + 1 + index, "a procedure holds only ::: step blocks")
                )
            index += 1
        return BlockPlan("procedure", {"title": argument, "steps": steps}, number)
    if name in YAML_BLOCKS:
        return _yaml_block(name, argument, inner, number, file, problems)
    known = ", ".join([*KINDS, "procedure", *YAML_BLOCKS])
    problems.append(Problem(file, number, f"unknown block “{name}” (known: {known})"))
    return None


def _yaml_block(name, argument, inner, number, file, problems) -> BlockPlan | None:
    target, allowed = YAML_BLOCKS[name]
    try:
        data = load_yaml("\n".join(inner), file=file) or {}
    except PackageInvalid as error:
        problems += [Problem(p.file, number + (p.line or 1), p.message) for p in error.problems]
        return None
    if not isinstance(data, dict):
        problems.append(Problem(file, number + 1, f"the {name} block holds fields (key: value)"))
        return None
    value = {}
    for key, item in data.items():
        if key not in allowed:
            line = number + data.line_of(key)
            problems.append(Problem(file, line, f"unknown field “{key}” in the {name} block"))
            continue
        value[allowed[key]] = item
    if name == "table":
        _table_types(data, number, file, problems)
    if name == "video" and "transcript" in value:
        value["transcript"] = _rich(str(value["transcript"]).split("\n"), number, file, problems)
    if target == "video":
        value["video"] = argument
    elif target:
        value[target] = AssetRef(argument, name) if argument else None
    return BlockPlan(name, value, number)


def _table_types(data, number, file, problems) -> None:
    """TableBlock's own clean accepts any JSON; a table's shape is checked here."""
    for key in ("header_row", "header_column"):
        if key in data and not isinstance(data[key], bool):
            problems.append(
                Problem(file, number + data.line_of(key), f"{key} must be true or false")
            )
    rows = data.get("rows")
    cells_ok = isinstance(rows, list) and all(
        isinstance(row, list) and all(cell is None or isinstance(cell, str) for cell in row)
        for row in rows
    )
    if not cells_ok:
        line = number + (data.line_of("rows") or 1)
        problems.append(Problem(file, line, "rows must be a list of rows, each a list of text"))


# ---------------------------------------------------------------------------------------------
# Export


def lesson_text(fields: dict, body: list[tuple[str, dict]], asset_path, link=None) -> str:
    """The lesson file for these page fields and raw body blocks; `asset_path(kind, pk)` names
    the file under assets/ that the exporter wrote for an image or document, `link(kind, id)`
    the target of a page or document link in rich text (RichTextUnexportable: it has none)."""
    meta = {key: fields[name] for key, name in FRONT_MATTER.items() if name in fields}
    parts = [f"---\n{dump_yaml(meta)}---"]
    previous = None
    for block_type, value in body:
        if block_type == "paragraph" and previous == "paragraph":
            parts.append("---")
        parts.append(block_text(block_type, value, asset_path, link=link))
        previous = block_type
    return "\n\n".join(parts) + "\n"


def block_text(block_type, value, asset_path, *, link=None) -> str:
    def html_to_markdown(html):
        return _to_markdown(html, link) if link else _to_markdown(html)

    if block_type == "heading":
        return f"{'##' if value.get('size') == 'h2' else '###'} {value['text']}"
    if block_type == "paragraph":
        return html_to_markdown(value)
    if block_type == "callout":
        return f"::: {value['kind']} {value['title']}\n{html_to_markdown(value['body'])}\n:::"
    if block_type == "procedure":
        steps = [
            f"::: step {step['title']}\n{html_to_markdown(step['detail'])}\n:::"
            for step in (item.get("value", item) for item in value["steps"])
        ]
        return f":::: procedure {value['title']}\n" + "\n\n".join(steps) + "\n::::"
    target, allowed = YAML_BLOCKS[block_type]
    if block_type == "table" and (value.get("cell") or value.get("mergeCells")):
        raise RichTextUnexportable("a table with cell formatting or merged cells")
    data = {key: value[name] for key, name in allowed.items() if value.get(name) not in (None, "")}
    if block_type == "video" and "transcript" in data:
        data["transcript"] = html_to_markdown(data["transcript"])
    argument = ""
    if target == "video":
        argument = f" {value['video']}"
    elif target:
        argument = f" {asset_path(block_type, value[target])}"
    body = dump_yaml(data) if data else ""
    return f"::: {block_type}{argument}\n{body}:::"
