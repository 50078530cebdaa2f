// Wagtail admin: draw hotspot zones on the question's image instead of typing coordinates.
// Works on every "Image hotspot" answer block: pick a zone row, pick its shape, click the image.
// Circle: centre, then edge. Rectangle: two corners. Polygon: each corner, then "Finish polygon".
// A hotspot's image lives in its answer block, so the question-level image is hidden meanwhile.
(function () {
  "use strict";
  var SVG = "http://www.w3.org/2000/svg";

  function zoneRows(prefix) {
    var rows = [];
    document.querySelectorAll('input[name^="' + prefix + 'zones-"][name$="-value-coords"]').forEach(function (input) {
      var base = input.name.slice(0, -"coords".length);
      var deleted = document.querySelector('input[name="' + base.replace(/-value-$/, "-deleted") + '"]');
      if (deleted && deleted.value === "1") return;
      rows.push({ coords: input, shape: document.querySelector('[name="' + base + 'shape"]') });
    });
    return rows;
  }

  function shapeOf(row) {
    return row && row.shape ? row.shape.value : "";
  }

  function shapeLabel(row) {
    var select = row && row.shape;
    if (!select || !select.value) return "no shape yet";
    var option = select.options ? select.options[select.selectedIndex] : null;
    return option ? option.textContent.trim() : select.value;
  }

  function parse(text) {
    return String(text || "").split(/[,;\s]+/).filter(Boolean).map(Number).filter(function (n) { return !isNaN(n); });
  }

  function setValue(field, value) {
    field.value = value;
    field.dispatchEvent(new Event("input", { bubbles: true }));
    field.dispatchEvent(new Event("change", { bubbles: true }));
  }

  function buildEditor(altInput) {
    var prefix = altInput.name.slice(0, -"image_alt".length);
    if (document.getElementById("hotspot-editor-" + prefix)) return;
    var imageInput = document.querySelector('input[name="' + prefix + 'image"]');
    if (!imageInput) return;
    var panel = document.createElement("div");
    panel.id = "hotspot-editor-" + prefix;
    panel.className = "hotspot-editor";
    panel.style.margin = "1rem 0";
    panel.innerHTML =
      '<button type="button" class="button button-secondary button-small" data-open>Draw zones on the image</button>' +
      '<div data-body hidden style="margin-top:.75rem">' +
      '<p class="help" data-help></p>' +
      '<label>Zone <select data-zone></select></label> ' +
      '<label style="margin-left:.5rem"><input type="checkbox" data-drawing> Draw on this zone</label> ' +
      '<button type="button" class="button button-small" data-finish hidden>Finish polygon</button> ' +
      '<button type="button" class="button button-small button-secondary" data-clear>Clear this zone</button>' +
      '<div data-stage style="position:relative;max-width:640px;margin-top:.5rem;border:1px solid #ccc"></div></div>';
    altInput.closest("[data-field-wrapper], .w-field__wrapper, .field") ?
      altInput.closest("[data-field-wrapper], .w-field__wrapper, .field").after(panel) : altInput.after(panel);

    var body = panel.querySelector("[data-body]");
    var help = panel.querySelector("[data-help]");
    var zoneSelect = panel.querySelector("[data-zone]");
    var stage = panel.querySelector("[data-stage]");
    var finish = panel.querySelector("[data-finish]");
    var info = null, svg = null, pending = [];

    function current() { return zoneRows(prefix)[Number(zoneSelect.value) || 0]; }

    function refreshZones() {
      var rows = zoneRows(prefix);
      var selected = zoneSelect.value;
      zoneSelect.innerHTML = "";
      rows.forEach(function (row, index) {
        var option = document.createElement("option");
        option.value = index;
        option.textContent = (index + 1) + " \u2014 " + shapeLabel(row);
        zoneSelect.appendChild(option);
      });
      if (selected && Number(selected) < rows.length) zoneSelect.value = selected;
      help.textContent = rows.length ? instructions() : "Add a zone below first (\u201cAdd zone\u201d), then draw it here.";
      finish.hidden = shapeOf(current()) !== "polygon";
      draw();
    }

    function instructions() {
      var how = {
        circle: "Circle: click the centre, then a point on its edge.",
        rect: "Rectangle: click one corner, then the opposite corner.",
        polygon: "Polygon: click each corner in turn, then \u201cFinish polygon\u201d.",
      }[shapeOf(current())];
      if (!how) return "Choose this zone\u2019s shape below (circle, rectangle or polygon), then draw it here.";
      return how + " Coordinates are in the image's own pixels.";
    }

    function shapeElement(shape, numbers, highlight) {
      var el;
      if (shape === "circle" && numbers.length >= 3) {
        el = document.createElementNS(SVG, "circle");
        el.setAttribute("cx", numbers[0]); el.setAttribute("cy", numbers[1]); el.setAttribute("r", numbers[2]);
      } else if (shape === "rect" && numbers.length >= 4) {
        el = document.createElementNS(SVG, "rect");
        el.setAttribute("x", numbers[0]); el.setAttribute("y", numbers[1]);
        el.setAttribute("width", numbers[2]); el.setAttribute("height", numbers[3]);
      } else if (shape === "polygon" && numbers.length >= 4) {
        el = document.createElementNS(SVG, "polygon");
        var pts = [];
        for (var i = 0; i + 1 < numbers.length; i += 2) pts.push(numbers[i] + "," + numbers[i + 1]);
        el.setAttribute("points", pts.join(" "));
      } else { return null; }
      el.setAttribute("fill", highlight ? "rgba(220,53,69,.35)" : "rgba(13,110,253,.25)");
      el.setAttribute("stroke", highlight ? "#b02a37" : "#0b5ed7");
      el.setAttribute("stroke-width", Math.max(2, info.width / 300));
      return el;
    }

    function draw() {
      if (!svg) return;
      while (svg.childNodes.length > 1) svg.removeChild(svg.lastChild);
      zoneRows(prefix).forEach(function (row, index) {
        var el = shapeElement(row.shape ? row.shape.value : "", parse(row.coords.value), index === Number(zoneSelect.value));
        if (el) svg.appendChild(el);
      });
      pending.forEach(function (point) {
        var dot = document.createElementNS(SVG, "circle");
        dot.setAttribute("cx", point[0]); dot.setAttribute("cy", point[1]);
        dot.setAttribute("r", Math.max(3, info.width / 150)); dot.setAttribute("fill", "#b02a37");
        svg.appendChild(dot);
      });
    }

    function write(numbers) {
      var row = current();
      if (!row) return;
      setValue(row.coords, numbers.map(function (n) { return Math.round(n * 10) / 10; }).join(", "));
      draw();
    }

    function clickPoint(event) {
      var rect = svg.getBoundingClientRect();
      return [(event.clientX - rect.left) * info.width / rect.width, (event.clientY - rect.top) * info.height / rect.height];
    }

    function onClick(event) {
      var row = current();
      if (!row || !panel.querySelector("[data-drawing]").checked) return;
      var shape = shapeOf(row);
      if (!shape) return;
      pending.push(clickPoint(event));
      if (shape === "circle" && pending.length === 2) {
        var c = pending[0], e = pending[1];
        write([c[0], c[1], Math.hypot(e[0] - c[0], e[1] - c[1])]);
        pending = [];
      } else if (shape === "rect" && pending.length === 2) {
        var a = pending[0], b = pending[1];
        write([Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])]);
        pending = [];
      }
      draw();
    }

    finish.addEventListener("click", function () {
      if (pending.length >= 3) write([].concat.apply([], pending));
      pending = [];
      draw();
    });
    panel.querySelector("[data-clear]").addEventListener("click", function () {
      pending = [];
      if (current()) write([]);
    });
    zoneSelect.addEventListener("change", function () { pending = []; refreshZones(); });
    document.addEventListener("change", function (event) {
      if (event.target.name && event.target.name.indexOf(prefix + "zones-") === 0) refreshZones();
    });

    panel.querySelector("[data-open]").addEventListener("click", function () {
      if (!imageInput.value) { window.alert("Choose the image first."); return; }
      fetch("/admin/quiz-image/" + imageInput.value + "/", { credentials: "same-origin" })
        .then(function (response) { return response.json(); })
        .then(function (data) {
          info = data;
          stage.innerHTML = "";
          var img = document.createElement("img");
          img.src = data.url; img.alt = ""; img.style.width = "100%"; img.style.display = "block";
          svg = document.createElementNS(SVG, "svg");
          svg.setAttribute("viewBox", "0 0 " + data.width + " " + data.height);
          svg.setAttribute("style", "position:absolute;inset:0;width:100%;height:100%;cursor:crosshair");
          svg.appendChild(document.createElementNS(SVG, "g"));
          svg.addEventListener("click", onClick);
          stage.appendChild(img);
          stage.appendChild(svg);
          body.hidden = false;
          refreshZones();
        });
    });
  }

  // One image, one place: while the answer is a hotspot, the question-level image row is hidden
  // (unless an image is still set there, so the instructor can see the error and remove it).
  function syncQuestionImage() {
    var input = document.getElementById("id_image");
    var row = input && input.closest("section.w-panel");
    if (!row) return;
    var hotspot = false;
    document.querySelectorAll('input[name^="body-"][name$="-type"]').forEach(function (type) {
      var deleted = document.querySelector('input[name="' + type.name.replace(/-type$/, "-deleted") + '"]');
      if (type.value === "hotspot" && !(deleted && deleted.value === "1")) hotspot = true;
    });
    row.hidden = hotspot && !input.value;
  }

  function scan() {
    document.querySelectorAll('input[name$="-value-image_alt"]').forEach(buildEditor);
    syncQuestionImage();
  }
  document.addEventListener("DOMContentLoaded", scan);
  new MutationObserver(function () { scan(); }).observe(document.documentElement, { childList: true, subtree: true });
})();
