// Quiz attempt: autosave each answer as it changes, show the countdown, place hotspot markers.
// The server enforces everything; without this script the form still saves on navigation.
(function () {
  "use strict";
  var form = document.getElementById("attempt-form");
  if (!form) return;
  var statusLine = document.getElementById("save-status");
  // "N of M answered": the server's count at page load, kept current from what each autosave
  // reports as answered or cleared on this page.
  var countLine = document.getElementById("answered-count");
  var total = countLine ? Number(countLine.dataset.total) : 0;
  var answeredElsewhere = countLine ? Number(countLine.dataset.answered) : 0;
  var answeredHere = {};
  form.querySelectorAll("fieldset.question").forEach(function (fieldset) {
    answeredHere[fieldset.dataset.position] = fieldset.dataset.answered === "true";
    if (answeredHere[fieldset.dataset.position]) answeredElsewhere -= 1;
  });
  function answeredNote() {
    var here = Object.keys(answeredHere).filter(function (p) { return answeredHere[p]; }).length;
    return (answeredElsewhere + here) + " of " + total + " answered.";
  }
  function noteSaved(body) {
    (body.answered || []).forEach(function (p) { answeredHere[String(p)] = true; });
    (body.unanswered || []).forEach(function (p) { answeredHere[String(p)] = false; });
    if (countLine) countLine.textContent = answeredNote();
    // One question per page: shade this page's number as the server does on the next load.
    var positions = Object.keys(answeredHere);
    var current = form.querySelector("nav .page-link[aria-current=page]");
    if (current && positions.length === 1) {
      var done = answeredHere[positions[0]];
      current.classList.toggle("answered", done);
      current.setAttribute("aria-label", current.getAttribute("aria-label").replace(/, answered$/, "") + (done ? ", answered" : ""));
    }
  }
  if (statusLine) statusLine.textContent = "Answers are saved as you go.";
  var csrf = form.querySelector("input[name=csrfmiddlewaretoken]").value;
  var pending = {};
  var timer = null;

  function responseFor(fieldset) {
    var position = fieldset.dataset.position;
    var type = fieldset.dataset.type;
    var data = new FormData(form);
    var prefix = "q" + position + "-";
    var raw = {};
    if (type === "multiple_response") {
      raw.choices = data.getAll(prefix + "choices");
    } else if (type === "matching") {
      raw.matches = {};
      fieldset.querySelectorAll("select").forEach(function (select) {
        raw.matches[select.name.slice((prefix + "match-").length)] = select.value;
      });
    } else if (type === "ordering") {
      var ranks = [];
      var used = {};
      var problem = null;
      fieldset.querySelectorAll("select").forEach(function (select) {
        if (!select.value) problem = "Give every item a position to save this answer.";
        else if (used[select.value]) problem = "Use each position number once to save this answer.";
        used[select.value] = true;
        ranks.push([Number(select.value), select.name.slice((prefix + "rank-").length)]);
      });
      if (problem) return { problem: problem };
      ranks.sort(function (a, b) { return a[0] - b[0]; });
      raw.order = ranks.map(function (pair) { return pair[1]; });
    } else {
      ["choice", "value", "text", "x", "y"].forEach(function (field) {
        var value = data.get(prefix + field);
        if (value !== null) raw[field] = value;
      });
    }
    return raw;
  }

  function say(text) { if (statusLine) statusLine.textContent = text; }

  function flush() {
    timer = null;
    var batch = pending;
    pending = {};
    if (!Object.keys(batch).length) return;
    say("Saving…");
    fetch(form.dataset.autosaveUrl, {
      method: "POST",
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf },
      body: JSON.stringify({ responses: batch }),
      credentials: "same-origin",
    }).then(function (response) {
      return response.json().then(function (body) { return { ok: response.ok, body: body }; });
    }).then(function (result) {
      var errors = result.body.errors || {};
      noteSaved(result.body);
      Object.keys(batch).forEach(function (position) {
        var message = errors[position] || (!result.ok && !result.body.errors ? result.body.error : "");
        showError(position, message);
      });
      if (result.ok) {
        say("All answers saved at " + new Date().toLocaleTimeString() + ".");
      } else if (result.body.closed) {
        say(result.body.error);
        window.location.reload();
      } else {
        say("Some answers were not saved: see the messages by those questions.");
      }
    }).catch(function () {
      // Network blip: keep the answers and try again shortly.
      Object.keys(batch).forEach(function (p) { if (!(p in pending)) pending[p] = batch[p]; });
      say("Offline: your answers will be saved when the connection returns.");
      timer = window.setTimeout(flush, 3000);
    });
  }

  function showError(position, message) {
    var error = document.querySelector("#question-" + position + " .save-error");
    if (error) { error.hidden = !message; error.textContent = message || ""; }
  }

  function queue(fieldset) {
    var raw = responseFor(fieldset);
    if (raw && raw.problem) { showError(fieldset.dataset.position, raw.problem); return; }
    showError(fieldset.dataset.position, "");
    pending[fieldset.dataset.position] = raw;
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(flush, 400);
  }

  form.addEventListener("input", function (event) {
    var fieldset = event.target.closest("fieldset.question");
    if (fieldset) queue(fieldset);
  });
  form.addEventListener("change", function (event) {
    var fieldset = event.target.closest("fieldset.question");
    if (fieldset) queue(fieldset);
  });
  window.addEventListener("pagehide", function () {
    if (!Object.keys(pending).length) return;
    var body = new Blob([JSON.stringify({ responses: pending })], { type: "application/json" });
    // sendBeacon cannot set the CSRF header, so use a keepalive fetch instead.
    fetch(form.dataset.autosaveUrl, { method: "POST", keepalive: true, body: body,
      headers: { "Content-Type": "application/json", "X-CSRFToken": csrf }, credentials: "same-origin" });
  });

  form.addEventListener("submit", function (event) {
    var button = event.submitter;
    if (button && button.dataset.confirm && !window.confirm(button.dataset.confirm)) {
      event.preventDefault();
      return;
    }
    if (button) { window.setTimeout(function () { button.disabled = true; }, 0); }
  });

  // Countdown: informative only; the server decides when time is up. It counts from the seconds
  // left when the server drew the page, so a wrong clock on this device does not matter. The
  // ticking clock is silent to screen readers; 5 and 1 minutes left are announced once each.
  var countdown = document.querySelector(".countdown[data-deadline]");
  if (countdown) {
    var secondsLeft = Number(countdown.dataset.secondsLeft);
    var deadline = countdown.dataset.secondsLeft !== undefined && isFinite(secondsLeft)
      ? Date.now() + secondsLeft * 1000 : new Date(countdown.dataset.deadline).getTime();
    var warning = document.getElementById("time-warning");
    var bar = countdown.closest("[data-timebar]");
    var warnedAt = Infinity;
    var minutesText = function (n) { return n === 1 ? "1 minute" : n + " minutes"; };
    var clock = function (left) {
      var hours = Math.floor(left / 3600), minutes = Math.floor(left / 60) % 60, seconds = left % 60;
      var mm = hours ? String(minutes).padStart(2, "0") : String(minutes);
      return (hours ? hours + ":" : "") + mm + ":" + String(seconds).padStart(2, "0");
    };
    var tick = function () {
      var left = Math.max(0, Math.round((deadline - Date.now()) / 1000));
      countdown.textContent = "Time left " + clock(left);
      [300, 60].forEach(function (mark) {
        if (left > 0 && left <= mark && mark < warnedAt) {
          warnedAt = mark;
          if (warning) warning.textContent = minutesText(Math.ceil(left / 60)) + " left. Your answers are saved.";
        }
      });
      countdown.classList.toggle("text-bg-light", left > 300);
      countdown.classList.toggle("text-bg-warning", left <= 300 && left > 60);
      countdown.classList.toggle("text-bg-danger", left <= 60);
      if (left === 0) {
        if (warning) warning.textContent = "Time is up: your saved answers are being submitted.";
        flush();
        window.setTimeout(function () { window.location.reload(); }, 1500);
        return;
      }
      window.setTimeout(tick, 1000);
    };
    // Focused controls scroll clear of the sticky bar, whatever height it wraps to.
    var pad = function () {
      if (bar) document.documentElement.style.scrollPaddingTop = (bar.offsetHeight + 8) + "px";
    };
    if (bar && window.ResizeObserver) new window.ResizeObserver(pad).observe(bar);
    pad();
    tick();
  }

  // Hotspot: click, tap or arrow keys move the marker; coordinates are in the image's own pixels.
  // Both directions go through the image's rendered box (wherever CSS puts and scales it), and the
  // marker is redrawn whenever that box changes size.
  document.querySelectorAll(".hotspot").forEach(function (box) {
    var img = box.querySelector("img");
    var marker = box.querySelector(".hotspot-marker");
    var fieldset = box.closest("fieldset.question");
    var xInput = fieldset.querySelector("input[name$='-x']");
    var yInput = fieldset.querySelector("input[name$='-y']");
    var width = Number(box.dataset.width), height = Number(box.dataset.height);

    // The picture's rectangle on screen: the content box, less any object-fit letterboxing.
    function pictureRect() {
      var rect = img.getBoundingClientRect();
      var left = rect.left + img.clientLeft, top = rect.top + img.clientTop;
      var w = img.clientWidth, h = img.clientHeight;
      var style = window.getComputedStyle(img);
      left += parseFloat(style.paddingLeft) || 0;
      top += parseFloat(style.paddingTop) || 0;
      w -= (parseFloat(style.paddingLeft) || 0) + (parseFloat(style.paddingRight) || 0);
      h -= (parseFloat(style.paddingTop) || 0) + (parseFloat(style.paddingBottom) || 0);
      var fit = style.objectFit;
      if ((fit === "contain" || fit === "scale-down") && w > 0 && h > 0) {
        var scale = Math.min(w / width, h / height);
        if (fit === "scale-down") scale = Math.min(scale, 1);
        left += (w - width * scale) / 2;
        top += (h - height * scale) / 2;
        w = width * scale;
        h = height * scale;
      }
      return { left: left, top: top, width: w, height: h };
    }

    function show() {
      if (xInput.value === "" || yInput.value === "") { marker.hidden = true; return; }
      var picture = pictureRect();
      var origin = box.getBoundingClientRect();
      marker.hidden = false;
      marker.style.left = (picture.left - origin.left - box.clientLeft + Number(xInput.value) * picture.width / width) + "px";
      marker.style.top = (picture.top - origin.top - box.clientTop + Number(yInput.value) * picture.height / height) + "px";
    }
    function place(x, y) {
      xInput.value = Math.round(Math.min(width, Math.max(0, x)));
      yInput.value = Math.round(Math.min(height, Math.max(0, y)));
      show();
      queue(fieldset);
    }
    img.addEventListener("click", function (event) {
      var picture = pictureRect();
      if (!picture.width || !picture.height) return;
      place((event.clientX - picture.left) * width / picture.width,
            (event.clientY - picture.top) * height / picture.height);
    });
    img.addEventListener("keydown", function (event) {
      var step = event.shiftKey ? 25 : 5;
      var x = xInput.value === "" ? width / 2 : Number(xInput.value);
      var y = yInput.value === "" ? height / 2 : Number(yInput.value);
      var moves = { ArrowLeft: [-step, 0], ArrowRight: [step, 0], ArrowUp: [0, -step], ArrowDown: [0, step] };
      if (moves[event.key]) {
        event.preventDefault();
        place(x + moves[event.key][0], y + moves[event.key][1]);
        var hint = fieldset.querySelector(".hotspot-position");
        if (hint) hint.textContent = "Marker at " + xInput.value + " across, " + yInput.value + " down.";
      } else if (event.key === "Enter" || event.key === " ") {
        event.preventDefault();
        place(x, y);
      }
    });
    [xInput, yInput].forEach(function (input) { input.addEventListener("input", show); });
    img.addEventListener("load", show);
    if (window.ResizeObserver) new window.ResizeObserver(show).observe(img);
    window.addEventListener("resize", show);
    show();
  });
})();
