"""The SQL behind item analysis: a fixed handful of GROUP BY queries, whatever the number of
attempts, so 100,000 responses come back as one row per item (or per option, per third).

Each query starts from the same CTEs: the attempts the filters pick, one lean row per response
read from the attempt's snapshot (so a question deleted since is still analysed) and each
attempt's total. The sorted pairing behind discriminative efficiency joins each rank of the
rest score to the range of ranks one item score holds (an item has few distinct scores), never
rank to rank: a fresh database's planner, thinking the attempts few, would otherwise pair every
row of an item with every other (minutes at 100,000 responses). JSON access differs between
SQLite (json_extract, json_each) and PostgreSQL (->>, jsonb_array_elements): the few expressions
that differ are in `DIALECTS`.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from django.db import connection

CORRECT = 0.999999999  # a fraction at least this is right (quizzes.marking.Mark.is_correct)
HEAT_COLUMNS = 24  # the heat map's cells are square: the image's width over this
WRONG_ANSWERS = 5  # most frequent wrong responses kept per item

DIALECTS = {
    "sqlite": {
        "qid": "CAST(json_extract(aq.snapshot, '$.question_id') AS INTEGER)",
        "qtype": "json_extract(aq.snapshot, '$.type')",
        "points": "CAST(json_extract(aq.snapshot, '$.points') AS REAL)",
        "critical": "CASE WHEN json_extract(aq.snapshot, '$.critical') THEN 1 ELSE 0 END",
        "real": "REAL",
        "floor": "CAST(({}) AS INTEGER)",  # operands are never negative here
        "options": """
            SELECT c.qid, json_extract(o.value, '$.text') AS label, c.tier, COUNT(*) AS shown,
                SUM(CASE WHEN json_extract(o.value, '$.id') = json_extract(c.response, '$.choice')
                    OR EXISTS (SELECT 1 FROM json_each(c.response, '$.choices') ch
                               WHERE ch.value = json_extract(o.value, '$.id'))
                    THEN 1 ELSE 0 END) AS chosen,
                MAX((SELECT json_extract(k.value, '$.credit')
                     FROM json_each(c.snapshot, '$.key.options') k
                     WHERE json_extract(k.value, '$.id') = json_extract(o.value, '$.id'))) AS credit
            FROM choice_rows c, json_each(c.snapshot, '$.display.options') o
            WHERE c.qtype IN ('single_choice', 'multiple_response')
            GROUP BY c.qid, label, c.tier""",
        "tf_chosen": "json_extract(c.response, '$.value')",
        "tf_answer": "json_extract(c.snapshot, '$.key.answer') = 1",
        "answer_text": "CAST(COALESCE(json_extract(aq.response, '$.text'), "
        "json_extract(aq.response, '$.value')) AS TEXT)",
        "click_ok": "json_type(aq.response, '$.x') IN ('integer', 'real') "
        "AND json_type(aq.response, '$.y') IN ('integer', 'real') "
        "AND json_type(aq.snapshot, '$.display.width') IN ('integer', 'real')",
        "click_x": "json_extract(aq.response, '$.x')",
        "click_y": "json_extract(aq.response, '$.y')",
        "width": "json_extract(aq.snapshot, '$.display.width')",
        "height": "json_extract(aq.snapshot, '$.display.height')",
    },
    "postgresql": {
        "qid": "(aq.snapshot->>'question_id')::bigint",
        "qtype": "(aq.snapshot->>'type')",
        "points": "(aq.snapshot->>'points')::double precision",
        "critical": "CASE WHEN (aq.snapshot->>'critical') = 'true' THEN 1 ELSE 0 END",
        "real": "DOUBLE PRECISION",
        "floor": "FLOOR({})",
        "options": """
            SELECT c.qid, o.value->>'text' AS label, c.tier, COUNT(*) AS shown,
                SUM(CASE WHEN (o.value->>'id') = (c.response->>'choice')
                    OR (jsonb_typeof(c.response->'choices') = 'array'
                        AND (c.response->'choices') @> jsonb_build_array(o.value->>'id'))
                    THEN 1 ELSE 0 END) AS chosen,
                MAX((SELECT (k.value->>'credit')::double precision
                     FROM jsonb_array_elements(c.snapshot->'key'->'options') k(value)
                     WHERE k.value->>'id' = o.value->>'id' LIMIT 1)) AS credit
            FROM choice_rows c CROSS JOIN LATERAL jsonb_array_elements(
                CASE WHEN jsonb_typeof(c.snapshot->'display'->'options') = 'array'
                THEN c.snapshot->'display'->'options' ELSE '[]'::jsonb END) AS o(value)
            WHERE c.qtype IN ('single_choice', 'multiple_response')
            GROUP BY c.qid, label, c.tier""",
        "tf_chosen": "(c.response->>'value')",
        "tf_answer": "(c.snapshot->'key'->>'answer') = 'true'",
        "answer_text": "COALESCE(aq.response->>'text', aq.response->>'value')",
        "click_ok": "jsonb_typeof(aq.response->'x') = 'number' "
        "AND jsonb_typeof(aq.response->'y') = 'number' "
        "AND jsonb_typeof(aq.snapshot->'display'->'width') = 'number'",
        "click_x": "(aq.response->>'x')::double precision",
        "click_y": "(aq.response->>'y')::double precision",
        "width": "(aq.snapshot->'display'->>'width')::double precision",
        "height": "(aq.snapshot->'display'->>'height')::double precision",
    },
}

BASE = """
WITH picked AS ({picked}),
rows AS (
    SELECT aq.id AS row_id, aq.attempt_id, aq.position, {qid} AS qid, aq.variant_set_id AS vid,
        {qtype} AS qtype, CAST(COALESCE(aq.score, 0) AS {real}) AS x,
        COALESCE({points}, 0) AS m, COALESCE(aq.fraction, 0) AS f, {critical} AS crit
    FROM quizzes_attemptquestion aq WHERE aq.attempt_id IN (SELECT id FROM picked)
),
totals AS (SELECT attempt_id, SUM(x) AS t FROM rows GROUP BY attempt_id),
tiers AS (SELECT attempt_id, NTILE(3) OVER (ORDER BY t, attempt_id) AS tier FROM totals)
"""

ITEMS = """,
scored AS (
    SELECT 'q' AS kind, r.qid AS ident, r.x, r.m, r.f, r.crit, r.position, r.vid, tt.t
    FROM rows r JOIN totals tt ON tt.attempt_id = r.attempt_id
    UNION ALL
    SELECT 'v' AS kind, r.vid AS ident, r.x, r.m, r.f, r.crit, r.position, r.vid, tt.t
    FROM rows r JOIN totals tt ON tt.attempt_id = r.attempt_id WHERE r.vid IS NOT NULL
),
xg AS (SELECT kind, ident, x, COUNT(*) AS c FROM scored GROUP BY kind, ident, x),
xr AS (SELECT kind, ident, x,
              SUM(c) OVER (PARTITION BY kind, ident ORDER BY x) - c AS lo,
              SUM(c) OVER (PARTITION BY kind, ident ORDER BY x) AS hi FROM xg),
rs AS (SELECT kind, ident, t - x AS r,
              ROW_NUMBER() OVER (PARTITION BY kind, ident ORDER BY t - x) AS k FROM scored),
cross_sorted AS (
    SELECT rs.kind, rs.ident, SUM(xr.x * rs.r) AS sc FROM rs
    JOIN xr ON xr.kind = rs.kind AND xr.ident = rs.ident AND rs.k > xr.lo AND rs.k <= xr.hi
    GROUP BY rs.kind, rs.ident
),
agg AS (
    SELECT kind, ident, COUNT(*) AS n, SUM(x) AS sx, SUM(x * x) AS sxx, SUM(x * t) AS sxt,
        SUM(t) AS st, SUM(t * t) AS stt, SUM(m) AS sm, MAX(crit) AS crit,
        SUM(CASE WHEN crit = 1 AND f < {correct} THEN 1 ELSE 0 END) AS crit_fail,
        AVG(position) AS pos, SUM(CASE WHEN vid IS NULL THEN 0 ELSE 1 END) AS in_set,
        MAX(vid) AS any_vid
    FROM scored GROUP BY kind, ident
)
SELECT agg.kind, agg.ident, agg.n, agg.sx, agg.sxx, agg.sxt, agg.st, agg.stt, agg.sm, cs.sc,
    agg.crit, agg.crit_fail, agg.pos, agg.in_set, agg.any_vid
FROM agg LEFT JOIN cross_sorted cs ON cs.kind = agg.kind AND cs.ident = agg.ident
"""

SUMMARY = """,
att AS (SELECT CAST(COALESCE(a.percent, 0) AS {real}) AS p, a.passed, a.failed_critical
        FROM quizzes_attempt a WHERE a.id IN (SELECT id FROM picked)),
ranked AS (SELECT p, ROW_NUMBER() OVER (ORDER BY p) AS rn, COUNT(*) OVER () AS cnt FROM att)
SELECT (SELECT COUNT(*) FROM att), (SELECT SUM(p) FROM att), (SELECT SUM(p * p) FROM att),
    (SELECT SUM(CASE WHEN passed THEN 1 ELSE 0 END) FROM att),
    (SELECT SUM(CASE WHEN failed_critical THEN 1 ELSE 0 END) FROM att),
    (SELECT AVG(p) FROM ranked WHERE rn IN ((cnt + 1) / 2, (cnt + 2) / 2)),
    (SELECT COUNT(*) FROM totals), (SELECT SUM(t) FROM totals), (SELECT SUM(t * t) FROM totals),
    (SELECT COUNT(*) FROM rows)
"""

HISTOGRAM = """,
att AS (SELECT CAST(COALESCE(a.percent, 0) AS {real}) AS p
        FROM quizzes_attempt a WHERE a.id IN (SELECT id FROM picked))
SELECT {bin} AS bin, COUNT(*) FROM att GROUP BY {bin}
"""

OPTIONS = """,
choice_rows AS (
    SELECT aq.snapshot, aq.response, r.qid, r.qtype, ti.tier FROM rows r
    JOIN quizzes_attemptquestion aq ON aq.id = r.row_id
    JOIN tiers ti ON ti.attempt_id = r.attempt_id
    WHERE r.qtype IN ('single_choice', 'multiple_response', 'true_false')
)
{options}
UNION ALL
SELECT c.qid, tf.v AS label, c.tier, COUNT(*) AS shown,
    SUM(CASE WHEN {tf_chosen} = tf.v THEN 1 ELSE 0 END) AS chosen,
    MAX(CASE WHEN (tf.v = 'true') = ({tf_answer}) THEN 1.0 ELSE 0.0 END) AS credit
FROM choice_rows c CROSS JOIN (SELECT 'true' AS v UNION ALL SELECT 'false' AS v) tf
WHERE c.qtype = 'true_false'
GROUP BY c.qid, tf.v, c.tier
"""

WRONG = """,
wrong AS (
    SELECT r.qid, SUBSTR(LOWER(TRIM({answer_text})), 1, 120) AS answer FROM rows r
    JOIN quizzes_attemptquestion aq ON aq.id = r.row_id
    WHERE r.qtype IN ('short_text', 'numeric') AND r.f < {correct}
),
counted AS (SELECT qid, answer, COUNT(*) AS cnt FROM wrong
            WHERE answer IS NOT NULL AND answer <> '' GROUP BY qid, answer),
ranked AS (SELECT qid, answer, cnt,
                  ROW_NUMBER() OVER (PARTITION BY qid ORDER BY cnt DESC, answer) AS rn
           FROM counted)
SELECT qid, answer, cnt FROM ranked WHERE rn <= {keep} ORDER BY qid, rn
"""

CLICKS = """,
clicks AS (
    SELECT r.qid, {click_x} AS cx, {click_y} AS cy, {width} AS w, {height} AS h,
        CASE WHEN r.f >= {correct} THEN 1 ELSE 0 END AS hit
    FROM rows r JOIN quizzes_attemptquestion aq ON aq.id = r.row_id
    WHERE r.qtype = 'hotspot' AND {click_ok}
)
SELECT qid, {bx} AS bx, {by} AS by_, COUNT(*), SUM(hit) FROM clicks
WHERE w > 0 AND cx >= 0 AND cy >= 0 AND cx <= w AND cy <= h
GROUP BY qid, {bx}, {by}
"""

SAMPLES = """,
latest AS (SELECT qid, MAX(row_id) AS row_id FROM rows GROUP BY qid)
SELECT latest.qid, aq.snapshot FROM latest JOIN quizzes_attemptquestion aq ON aq.id = latest.row_id
"""


@dataclass(frozen=True)
class RawAnalysis:
    """What the database returns: a few rows per item, never one per response."""

    items: list[tuple]
    summary: tuple
    histogram: list[tuple]
    options: list[tuple]
    wrong: list[tuple]
    clicks: list[tuple]
    samples: dict[int, dict]


def _run(sql: str, params) -> list[tuple]:
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _snapshot(value) -> dict:
    return json.loads(value) if isinstance(value, str | bytes) else dict(value or {})


def fetch_raw(attempts) -> RawAnalysis:
    """Seven queries over the attempts in `attempts` (a queryset of submitted attempts)."""
    dialect = DIALECTS["postgresql" if connection.vendor == "postgresql" else "sqlite"]
    picked, params = attempts.order_by().values("id").query.sql_with_params()
    floor = dialect["floor"]
    fill = {
        **dialect,
        "picked": picked,
        "correct": CORRECT,
        "keep": WRONG_ANSWERS,
        "bin": floor.format("p / 10"),
        "bx": floor.format(f"cx * {HEAT_COLUMNS} / w"),
        "by": floor.format(f"cy * {HEAT_COLUMNS} / w"),
    }
    base = BASE.format(**fill)

    def run(part: str) -> list[tuple]:
        return _run(base + part.format(**fill), params)

    items = run(ITEMS)
    summary = run(SUMMARY)[0]
    histogram = run(HISTOGRAM)
    options = run(OPTIONS) if items else []
    wrong = run(WRONG) if items else []
    clicks = run(CLICKS) if items else []
    samples = {qid: _snapshot(snapshot) for qid, snapshot in run(SAMPLES)} if items else {}
    return RawAnalysis(items, summary, histogram, options, wrong, clicks, samples)
