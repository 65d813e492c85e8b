// rashomon web app: the little script the pages need. A citation link highlights the
// sentence it points to (and only that one) and brings it into view; a link that
// arrives with a sentence in its #fragment does the same on load.
"use strict";

function highlight(id) {
  const target = id ? document.getElementById(id) : null;
  if (!target) return false;
  document.querySelectorAll(".hl").forEach((el) => el.classList.remove("hl"));
  target.classList.add("hl");
  target.scrollIntoView({ block: "center" });
  return true;
}

document.addEventListener("click", (event) => {
  const link = event.target.closest("a.cite");
  if (!link) return;
  const id = decodeURIComponent(link.hash.slice(1));
  if (highlight(id)) {
    event.preventDefault();
    history.replaceState(null, "", "#" + encodeURIComponent(id));
  }
});

document.addEventListener("DOMContentLoaded", () => {
  if (location.hash) highlight(decodeURIComponent(location.hash.slice(1)));
});
