/* rashomon report: citations highlight their evidence sentence, claim cells show their
   evidence one at a time, entity names mark their mentions. Everything works without
   it (anchors and <details>); it only makes those nicer. */
(function () {
  "use strict";
  function sel(attr, value) {
    return "[" + attr + '="' + (window.CSS && CSS.escape ? CSS.escape(value) : value) + '"]';
  }
  function openAround(el) {
    for (var d = el.closest("details"); d; d = d.parentElement && d.parentElement.closest("details")) {
      d.open = true;
    }
  }
  function highlight(id) {
    var pieces = document.querySelectorAll(sel("data-ev", id));
    if (!pieces.length) return false;
    document.querySelectorAll(".ev.hl").forEach(function (el) { el.classList.remove("hl"); });
    pieces.forEach(function (el) { el.classList.add("hl"); });
    openAround(pieces[0]);
    pieces[0].scrollIntoView({ block: "center" });
    return true;
  }
  document.addEventListener("click", function (e) {
    var link = e.target.closest && e.target.closest('a[href^="#"]');
    if (link) {
      var id = decodeURIComponent(link.getAttribute("href").slice(1));
      if (document.querySelector(sel("data-ev", id))) {
        e.preventDefault();
        if (location.hash !== "#" + id) history.pushState(null, "", "#" + id);
        highlight(id);
        return;
      }
      var target = document.getElementById(id);
      if (target) openAround(target);
    }
    var toggle = e.target.closest && e.target.closest(".ent-toggle");
    if (toggle) {
      var on = toggle.classList.toggle("on");
      document.querySelectorAll(".ent" + sel("data-entity", toggle.getAttribute("data-entity")))
        .forEach(function (el) { el.classList.toggle("on", on); });
    }
  });
  document.addEventListener("toggle", function (e) {
    var cell = e.target;
    if (!cell.classList || !cell.classList.contains("cell") || !cell.open) return;
    document.querySelectorAll("details.cell[open]").forEach(function (other) {
      if (other !== cell) other.open = false;
    });
  }, true);
  document.addEventListener("keydown", function (e) {
    if (e.key === "Escape") {
      document.querySelectorAll("details.cell[open]").forEach(function (d) { d.open = false; });
    }
  });
  function fromHash() {
    if (location.hash.length > 1) highlight(decodeURIComponent(location.hash.slice(1)));
  }
  window.addEventListener("hashchange", fromHash);
  window.addEventListener("popstate", fromHash);
  window.addEventListener("beforeprint", function () {
    document.querySelectorAll("details.single, details.cell").forEach(function (d) { d.open = true; });
  });
  fromHash();
})();
