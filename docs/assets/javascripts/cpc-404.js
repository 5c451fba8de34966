// The 404 page holds every language; show the one whose folder the missing
// path is in (the longest matching root wins, so /en/... beats /).
(function () {
  var sections = Array.prototype.slice.call(document.querySelectorAll(".cpc-not-found"));
  if (!sections.length) return;
  var path = location.pathname;
  var best = null;
  sections.forEach(function (section) {
    var root = new URL(section.getAttribute("data-cpc-root"), location.href).pathname;
    if (path.indexOf(root) === 0 && (!best || root.length > best.root.length)) {
      best = { section: section, root: root };
    }
  });
  if (!best) best = { section: sections[0] };
  sections.forEach(function (section) {
    section.hidden = section !== best.section;
  });
  var heading = best.section.querySelector("h1, h2");
  if (heading.tagName === "H2") {
    var h1 = document.createElement("h1");
    h1.textContent = heading.textContent;
    heading.replaceWith(h1);
  }
  var skip = document.querySelector(".cpc-skip");
  if (skip) skip.textContent = best.section.getAttribute("data-cpc-skip");
  document.documentElement.lang = best.section.lang;
  document.title = best.section.getAttribute("data-cpc-title") + " - " + document.title.split(" - ").pop();
})();
