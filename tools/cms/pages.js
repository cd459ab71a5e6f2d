// Markdown pages open with their counterpart: an entry of a page list (news, guides: the German
// folder) is edited in its two-language collection "<list>_de_en", whose entry slug is
// "<section>/<name>" (hooks/saxonyhub/cms_config.py, page_pair_collection). Decap cannot list that
// collection itself, so its list leads back here. Runs before Decap reads the address.
(function () {
  "use strict";
  var SECTIONS = ["news", "guides"]; // = PAGE_COLLECTIONS (tests/unit/test_cms_config.py)
  var PAIR = "_de_en";
  function target(hash) {
    var match = /^#\/collections\/([a-z_]+)(\/.*)?$/.exec(hash);
    if (!match) return null;
    var name = match[1];
    var rest = match[2] || "";
    if (SECTIONS.indexOf(name) >= 0) {
      var entry = /^\/entries\/([^/?]+)$/.exec(rest);
      if (entry) return "#/collections/" + name + PAIR + "/entries/" + name + "/" + entry[1];
      if (/^\/new(\?.*)?$/.test(rest)) return "#/collections/" + name + PAIR + rest;
      return null;
    }
    if (name.slice(-PAIR.length) === PAIR && !/^\/(entries|new)/.test(rest)) {
      return "#/collections/" + name.slice(0, -PAIR.length);
    }
    return null;
  }
  function follow() {
    var next = target(window.location.hash);
    if (next) window.location.replace(next);
  }
  follow();
  // A click on a list entry goes straight to the pair: redirecting after Decap has opened the
  // German-only entry would leave that form in place (no English side).
  document.addEventListener(
    "click",
    function (event) {
      var link = event.target.closest ? event.target.closest("a[href]") : null;
      var next = link && target(new URL(link.href).hash);
      if (!next) return;
      event.preventDefault();
      event.stopImmediatePropagation();
      window.location.hash = next;
    },
    true,
  );
  window.addEventListener("hashchange", follow); // typed or bookmarked addresses
  // Decap's preview frame has no accessible name (axe: frame-title).
  new MutationObserver(function () {
    var frame = document.getElementById("preview-pane");
    if (frame && !frame.title) frame.title = "Vorschau";
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
