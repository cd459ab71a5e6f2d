// Competence directory: facet and keyword filter over the list rendered at build time.
// Without JavaScript the full list stays visible and the form is never shown (CSS: html.hub-js).
// The filter state lives in the URL (?technology=a,b&type=c&q=word), so a filtered view can be
// shared, and the back button restores the previous filter. The map's markers follow the filter.
(function () {
  "use strict";

  function setUp() {
    var form = document.querySelector("[data-hub-filter]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "true";
    form.hidden = false;
    var items = Array.prototype.slice.call(document.querySelectorAll("[data-hub-items] > li"));
    var status = document.querySelector("[data-hub-status]");
    var markers = Array.prototype.slice.call(document.querySelectorAll("[data-hub-marker]"));
    var places = Array.prototype.slice.call(document.querySelectorAll("[data-hub-place]"));
    var placeLists = {};
    places.forEach(function (place) {
      var list = document.getElementById(place.getAttribute("href").slice(1));
      if (list) placeLists[place.getAttribute("href")] = list;
    });
    var facets = Array.prototype.map.call(form.querySelectorAll("[data-facet]"), function (f) {
      return f.dataset.facet;
    });
    var keyword = form.querySelector("input[name=q]");
    items.forEach(function (item) { item.searchText = item.textContent.toLowerCase(); });

    function emptyState() {
      var state = { q: "" };
      facets.forEach(function (facet) { state[facet] = []; });
      return state;
    }

    function readForm() {
      var state = emptyState();
      state.q = keyword.value.trim();
      facets.forEach(function (facet) {
        form.querySelectorAll("input[name=" + facet + "]:checked").forEach(function (box) {
          state[facet].push(box.value);
        });
      });
      return state;
    }

    function readUrl() {
      var params = new URLSearchParams(window.location.search);
      var state = emptyState();
      state.q = params.get("q") || "";
      facets.forEach(function (facet) {
        state[facet] = (params.get(facet) || "").split(",").filter(Boolean);
      });
      return state;
    }

    function writeForm(state) {
      keyword.value = state.q;
      facets.forEach(function (facet) {
        form.querySelectorAll("input[name=" + facet + "]").forEach(function (box) {
          box.checked = state[facet].indexOf(box.value) !== -1;
        });
      });
    }

    function toQuery(state) {
      var params = new URLSearchParams();
      facets.forEach(function (facet) {
        if (state[facet].length) params.set(facet, state[facet].join(","));
      });
      if (state.q) params.set("q", state.q);
      var query = params.toString();
      return window.location.pathname + (query ? "?" + query : "");
    }

    // An item matches when, for every facet with a selection, it has one of the chosen values,
    // and it contains every word typed. `ignore` leaves one facet out (for that facet's counts).
    function matches(item, state, ignore) {
      for (var i = 0; i < facets.length; i++) {
        var facet = facets[i];
        if (facet === ignore || !state[facet].length) continue;
        var values = (item.dataset[facet] || "").split(" ");
        if (!state[facet].some(function (v) { return values.indexOf(v) !== -1; })) return false;
      }
      var words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
      return words.every(function (word) { return item.searchText.indexOf(word) !== -1; });
    }

    function render(state) {
      var shown = 0;
      var visibleIds = {};
      items.forEach(function (item) {
        var visible = matches(item, state, null);
        item.hidden = !visible;
        if (visible) {
          shown += 1;
          visibleIds[item.dataset.id] = true;
        }
      });
      // The map shows where the filtered organisations are (SVG has no `hidden` property).
      markers.forEach(function (marker) {
        marker.toggleAttribute("hidden", !visibleIds[marker.dataset.hubMarker]);
      });
      // A place marker counts only the organisations found there; its list below the map too.
      places.forEach(function (place) {
        var found = place.dataset.hubPlace.split(" ").filter(function (id) { return visibleIds[id]; });
        place.toggleAttribute("hidden", found.length === 0);
        place.querySelector("[data-hub-count]").textContent = found.length;
        var list = placeLists[place.getAttribute("href")];
        if (!list) return;
        list.hidden = found.length === 0;
        list.querySelector("[data-hub-place-count]").textContent = found.length;
        list.querySelectorAll("[data-hub-place-item]").forEach(function (entry) {
          entry.hidden = !visibleIds[entry.dataset.hubPlaceItem];
        });
      });
      facets.forEach(function (facet) {
        form.querySelectorAll("[data-count-for^='" + facet + ":']").forEach(function (count) {
          var value = count.dataset.countFor.slice(facet.length + 1);
          var n = items.filter(function (item) {
            return matches(item, state, facet) &&
              (item.dataset[facet] || "").split(" ").indexOf(value) !== -1;
          }).length;
          count.textContent = "(" + n + ")";
        });
      });
      var template = shown === 1 ? status.dataset.templateOne : status.dataset.templateOther;
      status.textContent = template.replace("{n}", shown).replace("{total}", items.length);
      var active = facets.reduce(function (sum, facet) { return sum + state[facet].length; }, 0);
      activeCount.textContent = active ? "(" + active + ")" : "";
    }

    var toggle = form.querySelector("[data-hub-facets-toggle]");
    var activeCount = form.querySelector("[data-hub-active-count]");
    toggle.addEventListener("click", function () {
      var open = toggle.getAttribute("aria-expanded") !== "true";
      toggle.setAttribute("aria-expanded", String(open));
      form.classList.toggle("hub-filter--open", open);
    });

    var typing;
    form.addEventListener("change", function (event) {
      if (event.target === keyword) return;
      var state = readForm();
      window.history.pushState(state, "", toQuery(state));
      render(state);
    });
    keyword.addEventListener("input", function () {
      window.clearTimeout(typing);
      typing = window.setTimeout(function () {
        var state = readForm();
        window.history.replaceState(state, "", toQuery(state));
        render(state);
      }, 150);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () {
        var state = emptyState();
        window.history.pushState(state, "", toQuery(state));
        render(state);
      });
    });
    window.addEventListener("popstate", function () {
      var state = readUrl();
      writeForm(state);
      render(state);
    });

    var initial = readUrl();
    writeForm(initial);
    render(initial);
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
