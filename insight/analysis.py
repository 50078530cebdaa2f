"""Item analysis of one quiz: the database's sums (insight/analysis_queries.py) turned into
statistics (insight/statistics.py), flags, and the item-writing warnings beside them.

Items are the questions as the attempts' snapshots recorded them, so a question deleted since is
still analysed; a variant set gets a row of its own (its members' sums added: an attempt shows one
member) with one row per member that was drawn. A variant never drawn has no responses and no row.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import defaultdict
from dataclasses import dataclass, field
from html import unescape

from django.utils import timezone

from insight import statistics as st
from insight.analysis_queries import HEAT_COLUMNS, fetch_raw
from quizzes.blocks import QUESTION_TYPE_LABELS
from quizzes.models import Attempt, Question, QuizPage, VariantSet

HISTOGRAM_BINS = 10  # 0–9 %, 10–19 %, …, 90–100 %


@dataclass(frozen=True)
class Filters:
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    first_only: bool = True  # Moodle's default: later attempts build on the first


def _day_start(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def picked_attempts(*, quiz: QuizPage, filters: Filters):
    """The submitted attempts the analysis covers (dates are days in the site's time zone)."""
    attempts = Attempt.objects.filter(quiz=quiz, status=Attempt.Status.SUBMITTED)
    if filters.first_only:
        attempts = attempts.filter(number=1)
    if filters.date_from:
        attempts = attempts.filter(submitted_at__gte=_day_start(filters.date_from))
    if filters.date_to and filters.date_to < dt.date.max:
        attempts = attempts.filter(
            submitted_at__lt=_day_start(filters.date_to + dt.timedelta(days=1))
        )
    return attempts


@dataclass
class HeatMap:
    width: float
    height: float
    image_url: str
    alt: str
    zones: list[dict]
    cells: list[tuple[int, int, int, int]]  # column, row, clicks, clicks that scored
    columns: int = HEAT_COLUMNS

    @property
    def clicks(self) -> int:
        return sum(cell[2] for cell in self.cells)


@dataclass
class ItemRow:
    key: str
    label: str
    question_type: str
    attempts: int
    facility: float | None
    sd: float | None
    discrimination: float | None
    efficiency: float | None
    critical: bool
    critical_failures: int
    position: float
    question_id: int | None = None
    deleted: bool = False
    is_set: bool = False
    is_member: bool = False  # a variant drawn by a set's slot
    options: list[st.OptionShare] = field(default_factory=list)
    wrong_answers: list[tuple[str, int]] = field(default_factory=list)
    heat: HeatMap | None = None
    flags: list[str] = field(default_factory=list)
    warnings: list = field(default_factory=list)
    members: list[ItemRow] = field(default_factory=list)
    number: str = ""

    @property
    def type_label(self) -> str:
        return QUESTION_TYPE_LABELS.get(self.question_type, self.question_type or "—")


@dataclass
class QuizAnalysis:
    quiz: QuizPage
    filters: Filters
    attempts: int
    responses: int
    mean: float | None
    median: float | None
    sd: float | None
    passed: int
    failed_critical: int
    alpha: float | None
    histogram: list[int]
    items: list[ItemRow]
    min_attempts: int = st.MIN_ATTEMPTS

    @property
    def pass_rate(self) -> float | None:
        return self.passed / self.attempts if self.attempts else None

    @property
    def trusted(self) -> bool:
        return self.attempts >= self.min_attempts

    @property
    def rows(self) -> list[ItemRow]:
        """Every row in reading order: an item, or a variant set followed by its members."""
        return [row for item in self.items for row in (item, *item.members)]

    @property
    def flagged(self) -> list[ItemRow]:
        return [row for row in self.rows if row.flags]


def _plain(html: str, limit: int = 90) -> str:
    text = " ".join(unescape(re.sub(r"<[^>]+>", " ", html or "")).split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def _sums(row) -> st.ItemSums:
    n, sx, sxx, sxt, sum_t, stt, sm, sc = row[2:10]
    return st.ItemSums(
        int(n),
        float(sx or 0),
        float(sxx or 0),
        float(sxt or 0),
        float(sum_t or 0),
        float(stt or 0),
        float(sm or 0),
        None if sc is None else float(sc),
    )


def _options(raw_options) -> dict[int, list[st.OptionShare]]:
    grouped: dict[tuple[int, str], dict] = {}
    for qid, label, tier, shown, chosen, credit in raw_options:
        entry = grouped.setdefault(
            (int(qid), str(label or "")), {"chosen": [0, 0, 0], "shown": [0, 0, 0], "credit": None}
        )
        third = min(max(int(tier) - 1, 0), 2)
        entry["chosen"][third] += int(chosen or 0)
        entry["shown"][third] += int(shown or 0)
        credit = float(credit or 0)
        entry["credit"] = credit if entry["credit"] is None else max(entry["credit"], credit)
    by_item: dict[int, list[st.OptionShare]] = defaultdict(list)
    for (qid, label), entry in grouped.items():
        text = {"true": "True", "false": "False"}.get(label, label)
        by_item[qid].append(
            st.OptionShare(text, entry["credit"], tuple(entry["chosen"]), tuple(entry["shown"]))
        )
    for options in by_item.values():
        options.sort(key=lambda option: (-option.credit, option.text))
    return by_item


def _heat(sample: dict, cells) -> HeatMap:
    display = sample.get("display") or {}
    width, height = float(display.get("width") or 0), float(display.get("height") or 0)
    rows = max(1, int(height * HEAT_COLUMNS / width) + 1) if width else 1
    merged: dict[tuple[int, int], list[int]] = defaultdict(lambda: [0, 0])
    for column, row, clicks, hits in cells:
        key = (min(int(column), HEAT_COLUMNS - 1), min(int(row), rows - 1))
        merged[key][0] += int(clicks)
        merged[key][1] += int(hits or 0)
    return HeatMap(
        width=width,
        height=height,
        image_url=str(display.get("image_url") or ""),
        alt=str(display.get("alt") or ""),
        zones=list((sample.get("key") or {}).get("zones") or []),
        cells=sorted((c, r, n, h) for (c, r), (n, h) in merged.items()),
    )


def _row(raw, *, label: str, qtype: str, min_attempts: int) -> ItemRow:
    sums = _sums(raw)
    return ItemRow(
        key=f"{raw[0]}{raw[1]}",
        label=label,
        question_type=qtype,
        attempts=sums.n,
        facility=st.facility(sums),
        sd=st.item_sd(sums),
        discrimination=st.discrimination(sums),
        efficiency=st.efficiency(sums),
        critical=bool(raw[10]),
        critical_failures=int(raw[11] or 0),
        position=float(raw[12] or 0),
    )


def _alpha(raw_items, total_n: int, sum_t: float, sum_tt: float, responses: int):
    """Alpha over the quiz's items as attempts see them: a variant set is one item."""
    variances = []
    for raw in raw_items:
        kind, in_set = raw[0], int(raw[13] or 0)
        if kind == "v" or (kind == "q" and in_set == 0):
            sums = _sums(raw)
            spread = st.variance(sums.n, sums.sum_x, sums.sum_xx)
            if spread is not None and total_n:
                variances.append(spread * sums.n / total_n)
    items = round(responses / total_n) if total_n else 0
    return st.cronbach_alpha(
        items=items,
        item_variances=variances,
        total_variance=st.variance(total_n, sum_t, sum_tt),
    )


def _warnings_by_question(quiz: QuizPage) -> dict[int, list]:
    from quizzes.item_review import quiz_review

    review = quiz_review(quiz)
    found: dict[int, list] = defaultdict(list)
    for result in review.items:
        found[result.question.pk].extend(result.warnings)
    for warning in review.set_warnings:
        for pk in {warning.item_id, warning.other_id} - {None}:
            found[pk].append(warning)
    return found


def quiz_analysis(
    *, quiz: QuizPage, filters: Filters, min_attempts: int = st.MIN_ATTEMPTS
) -> QuizAnalysis:
    """The whole analysis in a fixed number of queries, however many attempts there are."""
    raw = fetch_raw(picked_attempts(quiz=quiz, filters=filters))
    n, sum_p, sum_pp, passed, failed_critical, median, total_n, sum_t, sum_tt, responses = (
        raw.summary
    )
    n, total_n, responses = int(n or 0), int(total_n or 0), int(responses or 0)
    mean, sd = st.mean_sd(n, float(sum_p or 0), float(sum_pp or 0))
    histogram = [0] * HISTOGRAM_BINS
    for bin_, count in raw.histogram:
        histogram[min(max(int(bin_ or 0), 0), HISTOGRAM_BINS - 1)] += int(count)

    question_ids = [int(r[1]) for r in raw.items if r[0] == "q" and r[1] is not None]
    set_ids = [int(r[1]) for r in raw.items if r[0] == "v"]
    titles = dict(Question.objects.filter(pk__in=question_ids).values_list("pk", "title"))
    set_names = dict(VariantSet.objects.filter(pk__in=set_ids).values_list("pk", "name"))
    warnings = _warnings_by_question(quiz) if raw.items else {}
    options, wrong, clicks = _options(raw.options), defaultdict(list), defaultdict(list)
    for qid, answer, count in raw.wrong:
        wrong[int(qid)].append((str(answer), int(count)))
    for qid, column, row, count, hits in raw.clicks:
        clicks[int(qid)].append((column, row, count, hits))

    sets: dict[int, ItemRow] = {}
    members: dict[int, list[ItemRow]] = defaultdict(list)
    items: list[ItemRow] = []
    for r in raw.items:
        if r[0] == "v":
            vid = int(r[1])
            name = set_names.get(vid, f"Variant set {vid} (deleted)")
            sets[vid] = _row(r, label=name, qtype="", min_attempts=min_attempts)
            sets[vid].is_set = True
            continue
        qid = int(r[1]) if r[1] is not None else None
        sample = raw.samples.get(qid, {}) if qid is not None else {}
        deleted = qid not in titles
        label = titles.get(qid) or f"{_plain((sample.get('display') or {}).get('stem', ''))}"
        item = _row(r, label=label, qtype=str(sample.get("type") or ""), min_attempts=0)
        item.question_id, item.deleted = qid, deleted
        item.options = options.get(qid, [])
        item.wrong_answers = wrong.get(qid, [])
        item.warnings = warnings.get(qid, [])
        if item.question_type == "hotspot":
            item.heat = _heat(sample, clicks.get(qid, []))
        in_set = int(r[13] or 0)
        (members[int(r[14])] if in_set else items).append(item)
    for vid, set_row in sets.items():
        set_row.members = sorted(members.get(vid, []), key=lambda m: -m.attempts)
        items.append(set_row)
    items.sort(key=lambda item: (item.position, item.label))
    for number, item in enumerate(items, start=1):
        item.number = str(number)
        for letter, member in zip("abcdefghijklmnopqrstuvwxyz", item.members, strict=False):
            member.number, member.is_member = f"{number}{letter}", True
    for row in (row for item in items for row in (item, *item.members)):
        row.flags = st.item_flags(
            attempts=row.attempts,
            facility_value=row.facility,
            discrimination_value=row.discrimination,
            options=row.options,
            min_attempts=min_attempts,
        )
    return QuizAnalysis(
        quiz=quiz,
        filters=filters,
        attempts=n,
        responses=responses,
        mean=mean,
        median=None if median is None else float(median),
        sd=sd,
        passed=int(passed or 0),
        failed_critical=int(failed_critical or 0),
        alpha=_alpha(raw.items, total_n, float(sum_t or 0), float(sum_tt or 0), responses),
        histogram=histogram,
        items=items,
        min_attempts=min_attempts,
    )
