// Site search in Material's search dialog (overrides/partials/search.html), answered by Pagefind.
//
// Nothing is fetched until the visitor opens search (click, "/", "s" or "f"): the few lines in
// partials/search.html then import this module, which loads Pagefind's script, WebAssembly and
// the index chunks of the page's language from pagefind/ (written at build time by
// saxonyhub.search_index). Results are ranked by Pagefind and then by kind (a
// guide above a profile that mentions the same words), show their kind and an excerpt with the
// match highlighted. A query without results tries a one-letter correction of its long words
// and then offers help: glossary, directory, guides, and what the other language finds.
// scripts/search.py runs window.hubSearch.query() of this file in Chromium, so tests and staff
// see what visitors see.

const settings = JSON.parse(document.getElementById("hub-search-config").textContent);
const root = new URL(settings.root, location.href);
const KIND_WEIGHT = {
  guide: 1.5, service: 1.0, organisation: 1.0, glossary: 0.9, act: 0.8,
  news: 0.8, event: 0.8, technology: 0.6, location: 0.6, page: 0.6, tool: 0.4,
};
const TERMS_ANCHOR = "#hub-search-terms";
const SHOWN = 4; // results whose excerpt is loaded at once (a fragment each); more on request
const MIN_TYPO = 6; // words this long may carry one typo

// One Pagefind instance per language, made on first use. No worker: it would cost another
// 12 KB before the first answer, and a search of this site takes milliseconds.
const engines = {};
function engine(lang) {
  if (!engines[lang]) {
    engines[lang] = import(new URL("pagefind/pagefind.js", root).href).then(async (module) => {
      // Pagefind takes an instance's language from <html lang> when the instance is made (its
      // `language` option is overridden); the other language's is made under that language.
      const html = document.documentElement;
      const own = html.lang;
      html.lang = lang;
      let instance;
      try {
        instance = module.createInstance({
          basePath: new URL("pagefind/", root).pathname,
          baseUrl: root.pathname,
          excerptLength: 24,
          noWorker: true,
        });
      } finally {
        html.lang = own;
      }
      await instance.init();
      return instance;
    });
  }
  return engines[lang];
}

// Pagefind matches every term as a word start too; a term of one or two letters ("CE", "KI")
// would match thousands of words, so it is quoted: an exact word.
function prepare(query) {
  return query.trim().split(/\s+/).map((w) => (w.length <= 2 && /^\w+$/.test(w) ? `"${w}"` : w)).join(" ");
}

// Profiles carry no "kind" filter (saxonyhub.search_index.UNFILTERED_KIND): the filter file,
// fetched with the first query, then lists the few other pages only.
const DEFAULT_KIND = "organisation";

async function ranked(pf, query) {
  const kinds = Object.keys(KIND_WEIGHT).filter((kind) => kind !== DEFAULT_KIND);
  const [all, ...perKind] = await Promise.all([
    pf.search(query), ...kinds.map((kind) => pf.search(query, { filters: { kind } })),
  ]);
  const kindOf = new Map();
  perKind.forEach((found, i) => found.results.forEach((r) => kindOf.set(r.id, kinds[i])));
  return all.results
    .map((r) => ({ result: r, kind: kindOf.get(r.id) || DEFAULT_KIND }))
    .map((r) => ({ ...r, score: r.result.score * KIND_WEIGHT[r.kind] }))
    .sort((a, b) => b.score - a.score);
}

function fold(word) {
  return word.toLowerCase().replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue").replace(/ß/g, "ss");
}

const vocabularies = {};
function vocabulary(length) {
  const key = `${settings.lang}.${length}`;
  if (!vocabularies[key]) {
    const url = new URL(`pagefind/hub-words.${key}.json`, root);
    vocabularies[key] = fetch(url).then((r) => (r.ok ? r.json() : [])).catch(() => []);
  }
  return vocabularies[key];
}

function oneEdit(a, b) {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x, y) => a.slice(x) === b.slice(y);
  return rest(i + 1, i + 1) || rest(i + 1, i) || rest(i, i + 1)
    || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(i + 2, i + 2));
}

// Whether the site has ``word`` as a word: Pagefind's exact-phrase search, answered from the
// index chunk the query loads anyway (the vocabularies cost 2-5 KB each).
async function known(pf, word) {
  return (await pf.search(`"${word}"`)).results.length > 0;
}

// The query with each long word that the site does not contain replaced by the most frequent
// word one edit away (insertion, deletion, substitution or swap of neighbours). Pagefind alone
// would answer a misspelt word with pages containing some word that starts like it.
async function corrected(pf, query) {
  const words = query.trim().split(/\s+/);
  const fixed = await Promise.all(words.map(async (word) => {
    const folded = fold(word);
    if (folded.length < MIN_TYPO || !/^[a-z]+$/.test(folded)) return word;
    if (await known(pf, word)) return word;
    const same = await vocabulary(folded.length);
    if (same.includes(folded)) return word;
    const lists = await Promise.all([folded.length - 1, folded.length, folded.length + 1].map(vocabulary));
    const candidates = lists.flat().filter((w) => oneEdit(folded, w));
    return candidates.length ? candidates[0] : word;
  }));
  return fixed.join(" ");
}

// The full answer to a query: what the dialog shows, and what scripts/search.py prints.
async function answer(query) {
  const pf = await engine(settings.lang);
  const fixed = await corrected(pf, query);
  if (fixed !== query) {
    const results = await ranked(pf, prepare(fixed));
    if (results.length) return { query: fixed, results };
  }
  return { query, results: await ranked(pf, prepare(query)) };
}

async function details(item) {
  const data = await item.result.data();
  const sections = (data.sub_results || []).filter((s) => !s.url.endsWith(TERMS_ANCHOR));
  const best = sections
    .filter((s) => s.excerpt.includes("<mark>"))
    .sort((a, b) => b.locations.length - a.locations.length)[0];
  const excerpt = best ? best.excerpt : data.content.split(/\s+/).slice(0, 24).join(" ") + " …";
  return { url: data.url, title: data.meta.title || data.url, kind: item.kind, excerpt };
}

// --- the dialog ----------------------------------------------------------------------------

const toggle = document.getElementById("__search");
const dialog = document.querySelector("[data-hub-search]");
const input = dialog && dialog.querySelector("input[name=query]");
const meta = dialog && dialog.querySelector(".md-search-result__meta");
const list = dialog && dialog.querySelector(".md-search-result__list");
const strings = settings.strings;
let latest = 0;
let timer;

function plural(count) {
  if (count === 0) return strings.none;
  return count === 1 ? strings.one : strings.other.replace("#", count);
}

function element(tag, attributes = {}, children = []) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

function excerptNode(html) {
  // Pagefind's excerpt is the page's own text with <mark> around matches, escaped otherwise.
  const node = element("p");
  node.innerHTML = html;
  for (const child of [...node.querySelectorAll("*")]) {
    if (child.tagName !== "MARK") child.replaceWith(child.textContent);
  }
  return node;
}

function resultItem(shown) {
  const kind = element("span", { class: "hub-search-kind" }, [strings.kinds[shown.kind] || shown.kind]);
  const article = element("article", { class: "md-search-result__article md-typeset" }, [
    element("div", { class: "md-search-result__icon md-icon" }),
    kind,
    element("h1", {}, [shown.title]),
    excerptNode(shown.excerpt),
  ]);
  const link = element("a", { href: shown.url, class: "md-search-result__link", tabindex: "-1" }, [article]);
  return element("li", { class: "md-search-result__item" }, [link]);
}

async function showMore(results, from) {
  const items = await Promise.all(results.slice(from, from + SHOWN).map(details));
  list.querySelector(".hub-search-more")?.remove();
  for (const shown of items) list.append(resultItem(shown));
  if (results.length > from + SHOWN) {
    const more = element("button", { type: "button", class: "md-button hub-search-more" }, [strings.more]);
    more.addEventListener("click", () => showMore(results, from + SHOWN));
    list.append(element("li", { class: "md-search-result__item hub-search-more" }, [more]));
  }
}

async function help(query) {
  const links = settings.help.map((h) => element("li", {}, [element("a", { href: new URL(h.path, root).href }, [h.text])]));
  const box = element("li", { class: "md-search-result__item hub-search-help" }, [
    element("p", {}, [strings.help]), element("ul", {}, links),
  ]);
  list.replaceChildren(box);
  try {
    const other = await engine(settings.other.lang);
    const found = await other.search(prepare(query));
    if (found.results.length) {
      const first = await found.results[0].data();
      const text = strings.other_found.replace("#", found.results.length);
      box.append(element("p", { class: "hub-search-other" }, [
        element("a", { href: first.url, hreflang: settings.other.lang }, [text]),
      ]));
    }
  } catch (error) {
    console.warn("search in the other language failed", error);
  }
}

async function update() {
  const query = input.value.trim();
  const id = ++latest;
  delete dialog.dataset.hubAnswered;
  if (!query) {
    meta.textContent = strings.placeholder;
    list.replaceChildren();
    return;
  }
  const found = await answer(query);
  if (id !== latest) return; // a newer query is on its way
  meta.textContent = plural(found.results.length)
    + (found.query !== query ? ` · ${strings.corrected.replace("#", found.query)}` : "");
  list.replaceChildren();
  if (found.results.length) await showMore(found.results, 0);
  else await help(query);
  if (id === latest) dialog.dataset.hubAnswered = query; // the tests wait for this
}

function close() {
  toggle.checked = false;
  toggle.dispatchEvent(new Event("change"));
  input.blur();
}

function moveFocus(step) {
  const links = [...list.querySelectorAll(".md-search-result__link, .hub-search-help a, .hub-search-more button")];
  if (!links.length) return;
  const index = links.indexOf(document.activeElement);
  const next = index === -1 ? (step > 0 ? 0 : links.length - 1) : index + step;
  if (next < 0 || next >= links.length) input.focus();
  else links[next].focus();
}

function start() {
  const opened = (reopened) => {
    engine(settings.lang); // start loading while the visitor types
    input.focus();
    if (reopened) input.select(); // the last query, ready to be replaced, as in Material
  };
  toggle.addEventListener("change", () => toggle.checked && opened(true));
  dialog.querySelector("form").addEventListener("submit", (event) => {
    event.preventDefault();
    list.querySelector(".md-search-result__link")?.click();
  });
  dialog.querySelector("form").addEventListener("reset", () => {
    setTimeout(() => { update(); input.focus(); });
  });
  input.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, 120);
  });
  // Opening search with a key is the loader's job (partials/search.html); these keys act in it.
  document.addEventListener("keydown", (event) => {
    if (!toggle.checked || event.ctrlKey || event.metaKey || event.altKey) return;
    if (event.key === "Escape") {
      event.preventDefault();
      close();
    } else if (event.key === "ArrowDown" || event.key === "ArrowUp") {
      event.preventDefault();
      moveFocus(event.key === "ArrowDown" ? 1 : -1);
    } else if (event.key === "Enter" && event.target === input) {
      event.preventDefault();
      list.querySelector(".md-search-result__link")?.click();
    }
  });
  if (toggle.checked) opened(false); // opened before this module loaded: keep what was typed
  if (input.value.trim()) update(); // typed while this module loaded
}

if (dialog && toggle) start();

// For scripts/search.py and the tests: the site paths of every result, best first.
window.hubSearch = {
  async query(text, limit = 20) {
    const found = await answer(text);
    const top = found.results.slice(0, limit);
    const paths = await Promise.all(top.map(async (r) => (await r.result.data()).url));
    return { query: found.query, kinds: top.map((r) => r.kind), paths };
  },
};
