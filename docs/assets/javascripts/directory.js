// Competence directory: facet and keyword filter over the list rendered at build time.
// Without JavaScript the full list stays visible and the form is never shown (CSS: html.hub-js).
// The filter state lives in the URL (?technology=a,b&type=c&keyword=word), so a filtered view
// can be shared, the back button restores the previous filter and the language switch keeps it
// (facet ids are the same in both languages). The map's markers follow the filter.
// The keyword matches word starts in everything a visitor sees of a profile (saxonyhub.directory
// explains data-names and data-words), folded as site search folds (ä = ae, ß = ss, hyphens).
(function () {
  "use strict";

  var UMLAUTS = { "ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss" };
  var WORD = /[\p{L}\p{N}]+(?:[-\u2010\u2011][\p{L}\p{N}]+)*/gu;
  var HYPHEN = /[-\u2010\u2011]/;

  function fold(text) {
    return text.toLowerCase()
      .replace(/[äöüß]/g, function (c) { return UMLAUTS[c]; })
      .normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  }

  // " word word " with each part of a hyphenated word and the parts joined:
  // "PET-Diagnostik" is found as "PET", "Diagnostik", "PET-Diagnostik" and "PETDiagnostik".
  function wordIndex(text) {
    var seen = {};
    var all = [];
    (text.normalize("NFC").match(WORD) || []).forEach(function (word) {
      var parts = fold(word).split(HYPHEN);
      if (parts.length > 1) parts.push(parts.join(""));
      parts.forEach(function (part) {
        if (!seen[part]) { seen[part] = true; all.push(part); }
      });
    });
    return " " + all.join(" ") + " ";
  }

  // The words typed, as typed (to name them) and folded, a hyphenated word joined (to match).
  function queryWords(text) {
    return (text.normalize("NFC").match(WORD) || []).map(function (typed) {
      return { typed: typed, word: fold(typed).split(HYPHEN).join("") };
    });
  }

  // A word start; words of one or two letters only whole ("AI" is not "brain", nor "aim").
  function contains(index, word) {
    return index.indexOf(" " + word + (word.length < 3 ? " " : "")) !== -1;
  }

  function setText(node, text) {
    if (node.textContent !== text) node.textContent = text;
  }

  // The attribute, which SVG elements (map markers) understand too.
  function setHidden(node, hidden) {
    if (node.hasAttribute("hidden") !== hidden) node.toggleAttribute("hidden", hidden);
  }

  function setUp() {
    var form = document.querySelector("[data-hub-filter]");
    if (!form || form.dataset.ready) return;
    form.dataset.ready = "true";
    var list = document.querySelector("[data-hub-items]");
    var items = Array.prototype.slice.call(list.children);
    var status = document.querySelector("[data-hub-status]");
    var empty = document.querySelector("[data-hub-empty]");
    var emptyList = empty.querySelector("[data-hub-empty-list]");
    var markers = Array.prototype.slice.call(document.querySelectorAll("[data-hub-marker]"));
    var places = Array.prototype.slice.call(document.querySelectorAll("[data-hub-place]"));
    var switches = Array.prototype.map.call(
      document.querySelectorAll(".md-select__link[hreflang]"),
      function (link) { return { link: link, href: link.getAttribute("href") }; });
    var placeLists = {};
    places.forEach(function (place) {
      var placeList = document.getElementById(place.getAttribute("href").slice(1));
      if (placeList) placeLists[place.getAttribute("href")] = placeList;
    });
    var facetSets = Array.prototype.slice.call(form.querySelectorAll("[data-facet]"));
    var facets = facetSets.map(function (f) { return f.dataset.facet; });
    var keyword = form.querySelector("input[name=keyword]");
    // Facet labels: the names of values in the empty state, technology words for the keyword.
    var labels = {};
    var counters = [];
    facetSets.forEach(function (set) {
      var facet = set.dataset.facet;
      labels[facet] = { "": set.querySelector("legend").textContent.trim() };
      set.querySelectorAll("input").forEach(function (box) {
        var count = box.parentNode.querySelector("[data-count-for]");
        labels[facet][box.value] = box.parentNode.textContent.replace(count.textContent, "").trim();
        counters.push({ facet: facet, value: box.value, node: count });
      });
    });
    items.forEach(function (item, position) {
      item.position = position;
      item.values = {};
      facets.forEach(function (facet) {
        item.values[facet] = (item.dataset[facet] || "").split(" ").filter(Boolean);
      });
    });

    // The word index is built in idle time after load (at 3,000 organisations it takes a few
    // hundred milliseconds), in slices that never delay a tap; a keyword typed earlier
    // finishes it at once.
    var indexed = 0;
    var ranked = false;
    function indexItem(item) {
      var name = item.querySelector("a").textContent;
      var technologies = item.values.technology.map(function (id) {
        return labels.technology ? labels.technology[id] || "" : "";
      });
      item.name = name;
      item.nameIndex = wordIndex(name + " " + (item.dataset.names || ""));
      item.wordIndex = wordIndex([item.textContent, item.dataset.names || "",
        item.dataset.words || "", technologies.join(" ")].join(" "));
    }
    function indexIdle(deadline) {
      while (indexed < items.length && deadline.timeRemaining() > 1) indexItem(items[indexed++]);
      if (indexed < items.length) window.requestIdleCallback(indexIdle);
    }
    function buildIndex() {
      while (indexed < items.length) indexItem(items[indexed++]);
      if (ranked) return;
      ranked = true;
      // Equal ranks: the displayed name in German order, as the build sorted the list.
      var collator = new Intl.Collator("de");
      items.slice().sort(function (a, b) {
        return collator.compare(a.name, b.name) || a.position - b.position;
      }).forEach(function (item, rank) { item.rank = rank; });
    }
    if (window.requestIdleCallback) window.requestIdleCallback(indexIdle);

    function emptyState() {
      var state = { keyword: "" };
      facets.forEach(function (facet) { state[facet] = []; });
      return state;
    }

    function readForm() {
      var state = emptyState();
      state.keyword = keyword.value.trim();
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
      // ?q= was the keyword before site search claimed it; old links still work.
      state.keyword = params.get("keyword") || params.get("q") || "";
      facets.forEach(function (facet) {
        state[facet] = (params.get(facet) || "").split(",").filter(Boolean);
      });
      return state;
    }

    function writeForm(state) {
      keyword.value = state.keyword;
      facets.forEach(function (facet) {
        form.querySelectorAll("input[name=" + facet + "]").forEach(function (box) {
          box.checked = state[facet].indexOf(box.value) !== -1;
          var fields = box.closest("details");
          if (box.checked && fields) fields.open = true;
        });
      });
    }

    function toSearch(state) {
      var params = new URLSearchParams();
      facets.forEach(function (facet) {
        if (state[facet].length) params.set(facet, state[facet].join(","));
      });
      if (state.keyword) params.set("keyword", state.keyword);
      var query = params.toString();
      return query ? "?" + query : "";
    }

    // The facets that exclude an item: for every facet with a selection, it needs one value.
    function excludedBy(item, state) {
      var failed = [];
      facets.forEach(function (facet) {
        var chosen = state[facet];
        if (!chosen.length) return;
        var values = item.values[facet];
        if (!chosen.some(function (v) { return values.indexOf(v) !== -1; })) failed.push(facet);
      });
      return failed;
    }

    function hasWords(item, words) {
      return words.every(function (word) { return contains(item.wordIndex, word); });
    }

    function render(state) {
      var typed = queryWords(state.keyword);
      var words = typed.map(function (t) { return t.word; });
      if (words.length && !ranked) buildIndex();
      var counts = {};
      facets.forEach(function (facet) { counts[facet] = {}; });
      var found = [];
      var visibleIds = {};
      items.forEach(function (item) {
        var failed = excludedBy(item, state);
        var matched = hasWords(item, words);
        if (matched && failed.length === 0) {
          found.push(item);
          visibleIds[item.dataset.id] = true;
        }
        // A facet value counts the items the other facets and the keyword let through.
        if (!matched || failed.length > 1) return;
        facets.forEach(function (facet) {
          if (failed.length && failed[0] !== facet) return;
          item.values[facet].forEach(function (value) {
            counts[facet][value] = (counts[facet][value] || 0) + 1;
          });
        });
      });
      arrange(found, words);
      counters.forEach(function (counter) {
        setText(counter.node, "(" + (counts[counter.facet][counter.value] || 0) + ")");
      });
      showMap(visibleIds);
      var template = found.length === 1 ? status.dataset.templateOne : status.dataset.templateOther;
      status.textContent = template.replace("{n}", found.length).replace("{total}", items.length);
      var active = facets.reduce(function (sum, facet) { return sum + state[facet].length; }, 0);
      activeCount.textContent = active ? "(" + active + ")" : "";
      showEmpty(found.length === 0 ? state : null, typed);
      var search = toSearch(state);
      switches.forEach(function (s) { s.link.setAttribute("href", s.href + search); });
    }

    // Ranked when words are typed: name matches first, then by name; else the build's order.
    // The list holds only the items found: items taken out of the document instead of hidden,
    // because Chromium's cost of hiding a long run of siblings grows with the square of the
    // run (3,000 organisations, a keyword that finds none: 2.7 s of style work instead of
    // 0.06 s). Narrowing only removes, widening only inserts, and an unchanged list is not
    // touched; anything else rebuilds it.
    function arrange(found, words) {
      var wanted = found;
      if (words.length) {
        found.forEach(function (item) {
          item.score = words.filter(function (w) { return contains(item.nameIndex, w); }).length;
        });
        wanted = found.slice().sort(function (a, b) {
          return b.score - a.score || a.rank - b.rank;
        });
      }
      var current = Array.prototype.slice.call(list.children);
      if (current.length === wanted.length && current.every(function (item, i) {
        return wanted[i] === item;
      })) return;
      if (current.length - wanted.length < wanted.length && isSubsequence(wanted, current)) {
        var keep = new Set(wanted);
        current.forEach(function (item) { if (!keep.has(item)) item.remove(); });
      } else if (wanted.length - current.length < current.length &&
          isSubsequence(current, wanted)) {
        var next = 0;
        wanted.forEach(function (item) {
          if (current[next] === item) next += 1;
          else list.insertBefore(item, current[next] || null);
        });
      } else {
        var fragment = document.createDocumentFragment();
        wanted.forEach(function (item) { fragment.appendChild(item); });
        list.textContent = "";
        list.appendChild(fragment);
      }
    }

    function isSubsequence(part, whole) {
      var i = 0;
      for (var j = 0; j < whole.length && i < part.length; j++) {
        if (whole[j] === part[i]) i += 1;
      }
      return i === part.length;
    }

    // The map shows where the filtered organisations are (SVG has no `hidden` property).
    // Nodes are touched only where something changes.
    function showMap(visibleIds) {
      markers.forEach(function (marker) {
        setHidden(marker, !visibleIds[marker.dataset.hubMarker]);
      });
      // A place marker counts only the organisations found there; its list below the map too.
      places.forEach(function (place) {
        var ids = place.dataset.hubPlace.split(" ").filter(function (id) { return visibleIds[id]; });
        setHidden(place, ids.length === 0);
        setText(place.querySelector("[data-hub-count]"), String(ids.length));
        var placeList = placeLists[place.getAttribute("href")];
        if (!placeList) return;
        setHidden(placeList, ids.length === 0);
        setText(placeList.querySelector("[data-hub-place-count]"), String(ids.length));
        placeList.querySelectorAll("[data-hub-place-item]").forEach(function (entry) {
          setHidden(entry, !visibleIds[entry.dataset.hubPlaceItem]);
        });
      });
    }

    // Nothing found: one button per filter (each keyword word, each facet) that removes it,
    // with how many organisations there would be without it.
    function showEmpty(state, typed) {
      empty.hidden = !state;
      emptyList.textContent = "";
      if (!state) return;
      var texts = emptyList.dataset;
      var words = typed.map(function (t) { return t.word; });
      var filters = typed.map(function (t, i) {
        var others = typed.filter(function (_, j) { return j !== i; });
        var rest = others.map(function (o) { return o.word; });
        return {
          name: texts.keyword.replace("{word}", t.typed),
          count: items.filter(function (item) {
            return hasWords(item, rest) && excludedBy(item, state).length === 0;
          }).length,
          remove: function () {
            state.keyword = others.map(function (o) { return o.typed; }).join(" ");
          },
        };
      });
      facets.forEach(function (facet) {
        if (!state[facet].length) return;
        filters.push({
          name: labels[facet][""] + ": " + state[facet].map(function (v) {
            return labels[facet][v] || v;
          }).join(", "),
          count: items.filter(function (item) {
            var failed = excludedBy(item, state);
            return hasWords(item, words) && failed.every(function (f) { return f === facet; });
          }).length,
          remove: function () { state[facet] = []; },
        });
      });
      filters.forEach(function (filter) {
        var entry = document.createElement("li");
        var button = document.createElement("button");
        button.type = "button";
        button.className = "md-button";
        button.textContent = texts.remove.replace("{filter}", filter.name);
        button.addEventListener("click", function () {
          filter.remove();
          apply(state, true);
          keyword.focus();
        });
        var result = document.createElement("span");
        result.textContent = filter.count === 0 ? texts.withoutNone
          : (filter.count === 1 ? texts.withoutOne : texts.withoutOther).replace("{n}", filter.count);
        entry.appendChild(button);
        entry.appendChild(document.createTextNode(" "));
        entry.appendChild(result);
        emptyList.appendChild(entry);
      });
    }

    function apply(state, push) {
      writeForm(state);
      var url = window.location.pathname + toSearch(state);
      if (push) window.history.pushState(null, "", url);
      else window.history.replaceState(null, "", url);
      render(state);
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
      apply(readForm(), true);
    });
    keyword.addEventListener("input", function () {
      window.clearTimeout(typing);
      typing = window.setTimeout(function () { apply(readForm(), false); }, 150);
    });
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.addEventListener("reset", function () {
      window.setTimeout(function () { apply(emptyState(), true); });
    });
    empty.querySelector("[data-hub-clear]").addEventListener("click", function () {
      apply(emptyState(), true);
      keyword.focus();
    });
    window.addEventListener("popstate", function () {
      var state = readUrl();
      writeForm(state);
      render(state);
    });

    var initial = readUrl();
    if (new URLSearchParams(window.location.search).has("q")) apply(initial, false);
    else {
      writeForm(initial);
      render(initial);
    }
    document.documentElement.classList.remove("hub-directory-query");
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setUp);
  } else {
    setUp();
  }
})();
