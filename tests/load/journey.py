"""One simulated trainee over HTTP, as a browser behind our TLS proxy would send it.

Every request carries X-Forwarded-For (a client address of its own, so per-client log-in limits
apply per trainee as they would in production, none switched off) and X-Forwarded-Proto: https
(the site's cookies are Secure, and the proxy terminates TLS). Cookies are kept by hand: httpx
would not send Secure cookies over plain HTTP to the loopback proxy-less server.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import re
import time
from collections import defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from http.cookies import SimpleCookie
from itertools import count

import httpx

from tests.load.seed import PASSWORD, Site


class Stats:
    """Durations (s) and errors per endpoint name."""

    def __init__(self):
        self.durations: dict[str, list[float]] = defaultdict(list)
        self.errors: dict[str, list[str]] = defaultdict(list)


@dataclass
class Trainee:
    email: str
    ip: str
    bases: list[str]
    stats: Stats
    cookies: dict[str, str] = field(default_factory=dict)
    double_submit: bool = False
    sent: dict[int, dict] = field(default_factory=dict)
    attempt_id: int | None = None
    _turn: count = field(default_factory=count)

    def base(self) -> str:
        """Round robin over the web processes: nothing may live in one process's memory."""
        return self.bases[next(self._turn) % len(self.bases)]

    async def request(
        self, client, name, method, path, *, expect, **kwargs
    ) -> httpx.Response | None:
        base = self.base()
        headers = {
            "X-Forwarded-For": self.ip,
            "X-Forwarded-Proto": "https",
            **kwargs.pop("headers", {}),
        }
        if method == "POST":
            host = base.split("://", 1)[1]
            headers |= {
                "Origin": f"https://{host}",
                "X-CSRFToken": self.cookies.get("csrftoken", ""),
            }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        started = time.perf_counter()
        try:
            response = await client.request(method, base + path, headers=headers, **kwargs)
        except httpx.HTTPError as error:
            self.stats.errors[name].append(f"{self.email}: {type(error).__name__}")
            return None
        self.stats.durations[name].append(time.perf_counter() - started)
        self._keep_cookies(response)
        if response.status_code != expect:
            where = response.headers.get("location", "")
            self.stats.errors[name].append(f"{self.email}: {response.status_code} {where}")
            return None
        return response

    def _keep_cookies(self, response: httpx.Response) -> None:
        for header in response.headers.get_list("set-cookie"):
            for key, morsel in SimpleCookie(header).items():
                if morsel["max-age"] == "0" or not morsel.value:
                    self.cookies.pop(key, None)
                else:
                    self.cookies[key] = morsel.value


async def before_the_quiz(client, trainee: Trainee, site: Site) -> bool:
    """Log in, enrol, open the course and read a lesson."""
    if not await trainee.request(client, "login page", "GET", "/accounts/login/", expect=200):
        return False
    form = {"login": trainee.email, "password": PASSWORD}
    form["csrfmiddlewaretoken"] = trainee.cookies.get("csrftoken", "")
    if not await trainee.request(
        client, "log in", "POST", "/accounts/login/", data=form, expect=302
    ):
        return False
    path = f"/courses/{site.course_id}/enrol/"
    if not await trainee.request(client, "enrol", "POST", path, expect=302):
        return False
    if not await trainee.request(client, "course page", "GET", site.course_url, expect=200):
        return False
    return bool(await trainee.request(client, "lesson", "GET", site.lesson_url, expect=200))


async def take_the_final(client, trainee: Trainee, site: Site, *, double_submit: bool) -> bool:
    """Start the final, answer page by page with autosave, submit, read the result."""
    start = f"/quizzes/{site.final_quiz_id}/start/"
    response = await trainee.request(client, "quiz start", "POST", start, expect=302)
    if not response:
        return False
    match = re.search(r"/attempts/(\d+)/", response.headers["location"])
    trainee.attempt_id = int(match.group(1))
    attempt = f"/attempts/{trainee.attempt_id}/"
    page, last_page = 1, 1
    while page <= last_page:
        response = await trainee.request(
            client, "quiz page", "GET", f"{attempt}?page={page}", expect=200
        )
        if not response:
            return False
        form = QuestionForm.parse(response.text)
        last_page = max(form.pages or [page])
        answers = {position: form.answer(position) for position in form.positions}
        body = json.dumps({"responses": {str(p): a for p, a in answers.items()}})
        saved = await trainee.request(
            client, "autosave", "POST", f"{attempt}autosave/", content=body,
            headers={"Content-Type": "application/json"}, expect=200,
        )  # fmt: skip
        if not saved or saved.json().get("saved") != len(answers):
            return False
        trainee.sent.update(answers)
        page += 1
    form = {"page": str(last_page), "action": "submit"}
    form["csrfmiddlewaretoken"] = trainee.cookies.get("csrftoken", "")
    submits = [trainee.request(client, "submit", "POST", f"{attempt}save/", data=form, expect=302)]
    if double_submit:  # a double click, or a second tab: both must land on the one result
        submits.append(trainee.request(client, "submit", "POST", f"{attempt}submit/", expect=302))
    if not all(await asyncio.gather(*submits)):
        return False
    return bool(await trainee.request(client, "result", "GET", f"{attempt}result/", expect=200))


class QuestionForm(HTMLParser):
    """The inputs of one attempt page, enough to give a valid answer to each question on it."""

    NAME = re.compile(r"q(\d+)-(\w+)(?:-(.+))?")

    def __init__(self):
        super().__init__()
        self.fields: dict[int, dict[str, list]] = defaultdict(lambda: defaultdict(list))
        self.pages: list[int] = []
        self._select: tuple[int, str, str] | None = None

    @classmethod
    def parse(cls, html: str) -> QuestionForm:
        form = cls()
        form.feed(html)
        return form

    @property
    def positions(self) -> list[int]:
        return sorted(p for p, fields in self.fields.items() if "present" in fields)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        name = attrs.get("name") or ""
        if tag == "button" and name == "goto" and (attrs.get("value") or "").isdigit():
            self.pages.append(int(attrs["value"]))
        if tag == "option" and self._select and attrs.get("value"):
            position, kind, key = self._select
            self.fields[position][f"{kind}:{key}"].append(attrs["value"])
        match = self.NAME.fullmatch(name)
        if not match:
            return
        position, kind, key = int(match.group(1)), match.group(2), match.group(3)
        if tag == "select":
            self._select = (position, kind, key)
            self.fields[position][kind].append(key)
        elif tag == "input":
            self.fields[position][kind].append(attrs.get("value") or attrs.get("max") or "")

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None

    def answer(self, position: int) -> dict:
        """A valid answer, exactly as the server will store it (responses.clean_response)."""
        fields = self.fields[position]
        if "choice" in fields:
            return {"choice": fields["choice"][0]}
        if "choices" in fields:
            return {"choices": [fields["choices"][0]]}
        if "value" in fields and set(fields["value"]) == {"true", "false"}:
            return {"value": "true"}
        if "value" in fields:
            return {"value": "5"}
        if "text" in fields:
            return {"text": "ultrasound guidance"}
        if "match" in fields:
            return {"matches": {p: fields[f"match:{p}"][0] for p in fields["match"]}}
        if "rank" in fields:
            return {"order": list(fields["rank"])}
        if "x" in fields:
            return {
                "x": round(float(fields["x"][0]) / 2, 1),
                "y": round(float(fields["y"][0]) / 2, 1),
            }
        raise ValueError(f"question {position}: no field this client knows ({sorted(fields)})")


async def static_baseline(client, base: str, path: str, stats: Stats, stop: asyncio.Event) -> None:
    """A static file fetched every 0.2 s during the run: how long requests queue, not render."""
    while not stop.is_set():
        started = time.perf_counter()
        try:
            response = await client.get(base + path, headers={"X-Forwarded-Proto": "https"})
            response.raise_for_status()
            stats.durations["static file"].append(time.perf_counter() - started)
        except httpx.HTTPError as error:
            stats.errors["static file"].append(type(error).__name__)
        with contextlib.suppress(TimeoutError):
            await asyncio.wait_for(stop.wait(), timeout=0.2)
