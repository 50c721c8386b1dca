// revue web page: a small hash-routed view over the JSON API.
// Every piece of data reaches the page through textContent or setAttribute
// on elements built here (never innerHTML), so a title like "<script>" is
// shown as text. No request leaves this origin.
"use strict";

const main = document.getElementById("main");
const SVGNS = "http://www.w3.org/2000/svg";

// el("a", {href: "#/"}, "text", child...): build an element safely.
function el(tag, attrs, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) {
    if (v === null || v === undefined || v === false) continue;
    e.setAttribute(k, v === true ? "" : String(v));
  }
  for (const c of children) append(e, c);
  return e;
}

function append(parent, c) {
  if (c === null || c === undefined || c === false) return;
  if (Array.isArray(c)) { c.forEach((x) => append(parent, x)); return; }
  parent.appendChild(c instanceof Node ? c : document.createTextNode(String(c)));
}

// Only http(s) links to the original article; anything else is not a link.
function safeUrl(u) {
  try {
    const p = new URL(u);
    return p.protocol === "http:" || p.protocol === "https:" ? p.href : null;
  } catch (e) {
    return null;
  }
}

async function api(path) {
  const r = await fetch(path, { headers: { Accept: "application/json" } });
  let body = null;
  try { body = await r.json(); } catch (e) { /* not JSON */ }
  if (!r.ok) throw new Error(body && body.error ? body.error.message : "HTTP " + r.status);
  return body;
}

function qs(params) {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== "") u.set(k, v);
  return u.toString();
}

function setPage(title, ...nodes) {
  document.title = title ? title + " · revue" : "revue";
  main.replaceChildren(...nodes.filter(Boolean));
}

function dates(first, last) {
  if (!first) return "undated";
  return first === last || !last ? first : first + " → " + last;
}

function plural(n, word) {
  return n + " " + word + (n === 1 ? "" : "s");
}

// A bar per day between the first and last day (gaps are empty days).
function sparkline(volume) {
  const svg = document.createElementNS(SVGNS, "svg");
  svg.setAttribute("class", "spark");
  svg.setAttribute("viewBox", "0 0 120 32");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("role", "img");
  const days = (volume || []).filter((d) => d.day);
  const total = days.reduce((s, d) => s + d.n, 0);
  const label = document.createElementNS(SVGNS, "title");
  label.textContent = "articles per day: " + (days.map((d) => d.day + ": " + d.n).join(", ") || "none dated");
  svg.appendChild(label);
  if (!days.length) return svg;
  const t0 = Date.parse(days[0].day), t1 = Date.parse(days[days.length - 1].day);
  const span = Math.max(1, Math.round((t1 - t0) / 86400000) + 1);
  const max = Math.max(...days.map((d) => d.n));
  const w = 120 / span;
  for (const d of days) {
    const i = Math.round((Date.parse(d.day) - t0) / 86400000);
    const h = Math.max(2, (d.n / max) * 30);
    const r = document.createElementNS(SVGNS, "rect");
    r.setAttribute("x", (i * w).toFixed(2));
    r.setAttribute("y", (32 - h).toFixed(2));
    r.setAttribute("width", Math.max(1, w - 1).toFixed(2));
    r.setAttribute("height", h.toFixed(2));
    svg.appendChild(r);
  }
  svg.setAttribute("aria-label", plural(total, "dated article") + " over " + plural(span, "day"));
  return svg;
}

function filterForm(action, values, fields) {
  const f = el("form", { class: "filters", "data-action": action });
  for (const [name, label, type] of fields) {
    const input = el("input", { name, type: type || "text", value: values[name] || "" });
    if (name === "lang") input.setAttribute("size", "4");
    f.appendChild(el("label", {}, label, input));
  }
  f.appendChild(el("button", { type: "submit" }, "Apply"));
  f.addEventListener("submit", (ev) => {
    ev.preventDefault();
    const p = {};
    for (const [k, v] of new FormData(f).entries()) p[k] = v;
    location.hash = "#/" + action + "?" + qs(p);
  });
  return f;
}

async function showStories(params) {
  const offset = parseInt(params.get("offset") || "0", 10) || 0;
  const values = Object.fromEntries(params.entries());
  const data = await api("/api/stories?" + qs({ since: values.since, until: values.until,
    lang: values.lang, source: values.source, storyline: values.storyline, limit: 20, offset }));
  const list = el("ul", { class: "stories", id: "stories" });
  for (const s of data.stories) {
    list.appendChild(el("li", { class: "story" },
      el("div", {},
        el("a", { class: "title", href: "#/story/" + s.id, lang: s.langs.length === 1 ? s.langs[0] : null }, s.title || "(untitled story)"),
        el("div", { class: "meta" }, dates(s.first, s.last), " · ", plural(s.articles, "article"), " · ",
          plural(s.n_sources, "outlet"), " · ", plural(s.n_langs, "language"),
          s.langs.length ? " (" + s.langs.join(", ") + ")" : "")),
      sparkline(s.volume)));
  }
  const pager = el("nav", { class: "pager", "aria-label": "pages" });
  const base = Object.assign({}, values);
  if (offset > 0) pager.appendChild(el("a", { href: "#/stories?" + qs(Object.assign(base, { offset: Math.max(0, offset - 20) })) }, "← Newer"));
  if (data.next_offset !== null) pager.appendChild(el("a", { href: "#/stories?" + qs(Object.assign({}, values, { offset: data.next_offset })) }, "Older →"));
  const form = filterForm("stories", values, [["since", "since", "date"], ["until", "until", "date"], ["lang", "language"], ["source", "outlet"]]);
  // one storyline's events: the filters narrow them, they do not leave it
  if (values.storyline) form.prepend(el("input", { type: "hidden", name: "storyline", value: values.storyline }));
  setPage(values.storyline ? "Storyline " + values.storyline : "Stories",
    values.storyline ? el("p", {}, el("a", { href: "#/" }, "← All stories")) : null,
    el("h1", {}, values.storyline ? "Storyline " + values.storyline + ": its events, newest first" : "Stories"),
    form,
    data.stories.length ? list : el("p", {}, "No stories match."),
    pager);
}

function section(id, title, ...content) {
  return el("section", { id, "aria-labelledby": id + "-h" }, el("h2", { id: id + "-h" }, title), ...content);
}

// An article's title in its language (lang on the element: screen readers
// read a French headline as French inside this English page).
function articleLink(a) {
  return el("a", { href: "#/article/" + a.id, lang: a.lang }, a.title || "(untitled)");
}

function exportsLinks(base) {
  return el("p", { class: "exports" }, "Export: ",
    el("a", { href: base + (base.includes("?") ? "&" : "?") + "format=csv", download: "" }, "CSV"),
    el("a", { href: base + (base.includes("?") ? "&" : "?") + "format=jsonl", download: "" }, "JSONL"));
}

function formatValue(f) {
  const fmt = (v) => Number(v).toLocaleString();
  return (f.qualifier ? f.qualifier + " " : "") + fmt(f.value) + (f.value_max !== undefined ? "–" + fmt(f.value_max) : "");
}

async function showStory(id) {
  const s = await api("/api/stories/" + encodeURIComponent(id));
  const byId = new Map(s.members.map((a) => [a.id, a]));

  const timeline = el("ol", { class: "timeline" });
  for (const d of s.timeline) {
    timeline.appendChild(el("li", {}, el("span", { class: "day" }, d.day || "undated"),
      el("ul", {}, d.articles.map((a) => el("li", {}, el("span", { class: "muted" }, (a.source || "") + ": "), articleLink(a))))));
  }

  const outlets = el("div", { class: "outlets" });
  for (const o of s.outlets) {
    const card = el("article", { class: "card" }, el("h3", {}, o.source));
    for (const ref of o.articles) {
      const a = byId.get(ref.id) || ref;
      card.appendChild(el("p", {}, articleLink(a)));
      card.appendChild(el("p", { class: "meta" }, [a.published, a.lang].filter(Boolean).join(" · ")));
      if (a.excerpt) card.appendChild(el("p", { lang: a.lang }, a.excerpt));
    }
    outlets.appendChild(card);
  }

  // Who said what: the most quoted first, each quote once with every outlet
  // that carried it (a wire quote reprinted by four outlets is one quote).
  const quotes = el("div", {});
  for (const group of s.speakers || []) {
    const who = el("div", { class: "speaker" }, el("h3", {}, group.speaker || "Unattributed"));
    for (const q of group.quotes) {
      who.appendChild(el("blockquote", {}, "« " + q.text + " »",
        el("div", { class: "meta" }, [q.role, q.sources.join(", ")].filter(Boolean).join(" · "))));
    }
    quotes.appendChild(who);
  }
  if (!(s.speakers || []).length) quotes.appendChild(el("p", { class: "muted" }, "No quotes found in these articles."));

  // The ledger: one quantity as each outlet reported it, disagreements flagged.
  const ledger = (s.ledger || []).filter((q) => q.n_sources > 1 || q.disagree);
  const ledgerBox = ledger.length ? el("div", { class: "ledger" }, ledger.map((q) =>
    el("div", { class: "quantity" },
      el("h3", {}, (q.unit || q.key || "") + " — " + plural(q.n_sources, "outlet"),
        q.disagree ? el("span", { class: "disagree" }, " outlets disagree") : null),
      el("ul", {}, q.reports.map((r) => el("li", {}, (r.text || formatValue(r)) + " · " + (r.source || ""))))))) : null;

  let figures;
  if (s.figures.length) {
    const rows = s.figures.slice().sort((a, b) => (a.unit || "").localeCompare(b.unit || "") || a.value - b.value);
    figures = el("div", { class: "table-wrap" }, el("table", {},
      el("thead", {}, el("tr", {}, el("th", { scope: "col" }, "Figure"), el("th", { scope: "col" }, "Counts"),
        el("th", { scope: "col" }, "Outlet"), el("th", { scope: "col" }, "In context"))),
      el("tbody", {}, rows.map((f) => el("tr", {}, el("td", {}, f.text || formatValue(f)), el("td", {}, f.unit || ""),
        el("td", {}, f.source || ""), el("td", { lang: (byId.get(f.article) || {}).lang }, f.context || ""))))));
  } else {
    figures = el("p", { class: "muted" }, "No figures found in these articles.");
  }

  const entities = s.entities.length
    ? el("ul", { class: "entities" }, s.entities.map((e) => el("li", { title: e.type || "" }, e.name + " (" + e.articles + ")")))
    : el("p", { class: "muted" }, "No entities found in these articles.");

  // The storyline: the other turns of this story, oldest first
  const storyline = s.storyline ? storylineSection(s, await storylineTurns(s.storyline)) : null;

  setPage(s.title,
    el("p", {}, el("a", { href: "#/" }, "← Stories")),
    el("h1", { lang: s.langs.length === 1 ? s.langs[0] : null }, s.title || "(untitled story)"),
    el("p", { class: "meta" }, dates(s.first, s.last), " · ", plural(s.articles, "article"), " · ",
      plural(s.n_sources, "outlet"), " · ", s.langs.join(", ")),
    exportsLinks("/api/stories/" + s.id + "/export"),
    storyline,
    section("timeline", "Timeline", timeline),
    section("outlets", "How each outlet told it", outlets),
    section("quotes", "Who said what", quotes),
    section("figures", "Figures each outlet reported", ledgerBox ? el("div", {}, ledgerBox, figures) : figures),
    section("entities", "People, organisations, places", entities),
    whySection(s.id));
}

// Every event of a storyline, oldest first. The API gives 100 per page,
// newest first: a storyline of a few hundred events (AllSides has one of
// 707) would otherwise lose its oldest turns, the story shown among them.
const STORYLINE_PAGES = 20;
async function storylineTurns(storyline) {
  const turns = [];
  let offset = 0, more = false;
  for (let page = 0; page < STORYLINE_PAGES; page++) {
    const sl = await api("/api/stories?" + qs({ storyline, limit: 100, offset }));
    turns.push(...sl.stories);
    more = sl.next_offset !== null;
    if (!more) break;
    offset = sl.next_offset;
  }
  turns.sort((a, b) => (a.first || "").localeCompare(b.first || "") ||
    (a.last || "").localeCompare(b.last || "") || a.id - b.id);
  return { turns, more };
}

// The storyline's events around this one: all of them when they fit on a
// screen, else the first, the last and a few on each side of this one, with
// a link to the list of every event.
const STORYLINE_ALL = 15, STORYLINE_AROUND = 5;
function storylineSection(s, { turns, more }) {
  if (turns.length < 2) return null;
  const here = turns.findIndex((t) => t.id === s.id);
  let shown = turns.map((t, i) => i);
  if (turns.length > STORYLINE_ALL) {
    const keep = new Set([0, turns.length - 1]);
    const mid = here >= 0 ? here : turns.length - 1;
    for (let i = Math.max(0, mid - STORYLINE_AROUND); i <= Math.min(turns.length - 1, mid + STORYLINE_AROUND); i++) keep.add(i);
    shown = [...keep].sort((a, b) => a - b);
  }
  const items = [];
  shown.forEach((i, k) => {
    if (k > 0 && i > shown[k - 1] + 1)
      items.push(el("li", { class: "gap", "aria-hidden": "true" }, "…"));
    const t = turns[i];
    items.push(el("li", { value: i + 1 },
      el("span", { class: "day" }, dates(t.first, t.last)), " ",
      t.id === s.id ? el("strong", { "aria-current": "page" }, t.title || "(untitled story)")
        : el("a", { href: "#/story/" + t.id }, t.title || "(untitled story)"),
      el("span", { class: "muted" }, " · " + plural(t.articles, "article"))));
  });
  const count = (more ? "more than " : "") + plural(turns.length, "event");
  return section("storyline", "Storyline" + (s.storyline_name ? ": " + s.storyline_name : ""),
    el("p", { class: "meta" }, count + ", oldest first · ",
      el("a", { href: "#/stories?" + qs({ storyline: s.storyline }) }, "list them all")),
    el("ol", { class: "storyline" }, items));
}

// Why each article is in the story: loaded on demand, as it analyses every article again.
function whySection(id) {
  const box = el("div", { id: "why-box" });
  const button = el("button", { type: "button" }, "Explain the grouping");
  button.addEventListener("click", async () => {
    button.disabled = true;
    box.replaceChildren(el("p", { class: "muted" }, "Comparing each article with the story…"));
    try {
      const w = await api("/api/stories/" + encodeURIComponent(id) + "/why");
      const t = w.thresholds;
      const list = el("ul", { class: "why" });
      let started = false;
      for (const a of w.why) {
        const link = el("a", { href: "#/article/" + a.id }, a.title || "(untitled)");
        if (a.duplicate_of !== undefined) {
          list.appendChild(el("li", {}, link, el("div", { class: "meta" },
            "copy of article #" + a.duplicate_of + " (text similarity " + a.duplicate_similarity.toFixed(2) + ")")));
          continue;
        }
        let how;
        if (a.started_event) {
          how = started ? "started a story merged into this one" : "started the story";
          started = true;
        } else {
          how = "joined at similarity " + a.similarity.toFixed(2);
        }
        const words = [...new Set(a.shared_words)];
        list.appendChild(el("li", {}, link,
          el("div", { class: "meta" }, how + " · now " + a.others_similarity.toFixed(2) + " to the other articles"),
          words.length ? el("div", { class: "shared" }, "Shared: ", words.join(", ")) : null));
      }
      box.replaceChildren(...[
        el("p", { class: "muted" }, "An article joins the story it is most similar to when the similarity reaches " +
          t.event.toFixed(2) + " (undated headlines " + t.headline.toFixed(2) + ", full articles " +
          t.full_article.toFixed(2) + ", " + t.clear.toFixed(2) + " when no other story comes close). " +
          "Shared: the words that weigh most in its similarity to the story's other articles."),
        list,
        w.truncated ? el("p", { class: "muted" }, "The first " + w.why.length + " of " + w.articles + " articles.") : null,
      ].filter(Boolean));
    } catch (e) {
      box.replaceChildren(el("p", { class: "error" }, String(e.message || e)));
      button.disabled = false;
    }
  });
  return section("why", "Why these articles", button, box);
}

async function showArticle(id) {
  const a = await api("/api/articles/" + encodeURIComponent(id));
  const meta = el("dl", { class: "meta-list" });
  const add = (k, v) => { if (v) meta.append(el("dt", {}, k), el("dd", {}, v)); };
  add("Outlet", a.source);
  add("Published", a.published ? a.published + (a.published_inferred ? " (inferred)" : "") : null);
  add("Modified", a.modified);
  add("Authors", (a.authors || []).join(", "));
  add("Tags", (a.tags || []).join(", "));
  add("Language", a.lang);
  const url = a.url && safeUrl(a.url);
  if (url) meta.append(el("dt", {}, "Original"), el("dd", {}, el("a", { href: url, rel: "noopener noreferrer nofollow", target: "_blank" }, url)));
  if (a.event) meta.append(el("dt", {}, "Story"), el("dd", {}, el("a", { href: "#/story/" + a.event }, "story " + a.event)));
  if (a.duplicate_of) meta.append(el("dt", {}, "Copy of"), el("dd", {}, el("a", { href: "#/article/" + a.duplicate_of }, "article " + a.duplicate_of)));
  const paras = a.paragraphs && a.paragraphs.length ? a.paragraphs : (a.text || "").split(/\n\n+/);
  setPage(a.title,
    el("h1", { lang: a.lang }, a.title || "(untitled)"),
    meta,
    el("div", { class: "article-text", lang: a.lang }, paras.map((p) => el("p", {}, p))),
    (a.quotes || []).length ? section("quotes", "Quotes", a.quotes.map((q) => el("blockquote", {}, "« " + q.text + " »", el("div", { class: "meta" }, [q.speaker, q.role].filter(Boolean).join(" · "))))) : null,
    (a.figures || []).length ? section("figures", "Figures", el("ul", {}, a.figures.map((f) => el("li", {}, (f.text || formatValue(f)) + (f.unit ? " — " + f.unit : ""))))) : null);
}

async function showSearch(params) {
  const values = Object.fromEntries(params.entries());
  const form = filterForm("search", values, [["q", "words", "search"], ["since", "since", "date"], ["until", "until", "date"],
    ["lang", "language"], ["source", "outlet"], ["entity", "entity"]]);
  if (!values.q) {
    setPage("Search", el("h1", {}, "Search"), form);
    form.querySelector("input").focus();
    return;
  }
  const offset = parseInt(values.offset || "0", 10) || 0;
  const query = { q: values.q, since: values.since, until: values.until, lang: values.lang, source: values.source, entity: values.entity };
  let data;
  try {
    data = await api("/api/search?" + qs(Object.assign({ limit: 20, offset }, query)));
  } catch (e) {
    // a refused query ("* NOT", a bad day): keep the form to fix it in
    setPage("Search: " + values.q, el("h1", {}, "Search"), form, el("p", { class: "error", role: "alert" }, e.message));
    return;
  }
  const hits = el("ol", { class: "hits", id: "hits", start: offset + 1 });
  for (const h of data.hits) {
    const snip = el("p", { class: "snippet", lang: h.lang });
    for (const part of h.snippet_parts) snip.appendChild(part.match ? el("mark", {}, part.text) : document.createTextNode(part.text));
    hits.appendChild(el("li", {}, articleLink(h),
      el("div", { class: "meta" }, [h.source, h.published, h.lang].filter(Boolean).join(" · "),
        h.event ? el("span", {}, " · ", el("a", { href: "#/story/" + h.event }, "story")) : null),
      snip));
  }
  const pager = el("nav", { class: "pager", "aria-label": "pages" });
  if (offset > 0) pager.appendChild(el("a", { href: "#/search?" + qs(Object.assign({}, query, { offset: Math.max(0, offset - 20) })) }, "← Previous"));
  if (data.next_offset !== null) pager.appendChild(el("a", { href: "#/search?" + qs(Object.assign({}, query, { offset: data.next_offset })) }, "Next →"));
  setPage("Search: " + values.q, el("h1", {}, "Search"), form,
    exportsLinks("/api/search/export?" + qs(query)),
    data.hits.length ? hits : el("p", {}, "No article matches."), pager);
}

async function route() {
  const h = location.hash || "#/";
  const [path, query] = h.slice(1).split("?");
  const params = new URLSearchParams(query || "");
  const parts = path.split("/").filter(Boolean);
  try {
    if (parts[0] === "story" && /^\d+$/.test(parts[1] || "")) await showStory(parts[1]);
    else if (parts[0] === "article" && /^\d+$/.test(parts[1] || "")) await showArticle(parts[1]);
    else if (parts[0] === "search") await showSearch(params);
    else await showStories(params);
  } catch (e) {
    setPage("Error", el("h1", {}, "Something went wrong"), el("p", { class: "error", role: "alert" }, e.message),
      el("p", {}, el("a", { href: "#/" }, "Back to the stories")));
  }
  // Move focus to the new content for keyboard and screen-reader users.
  if (document.activeElement === document.body || !main.contains(document.activeElement)) main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

document.getElementById("quick-search").addEventListener("submit", (ev) => {
  ev.preventDefault();
  const q = document.getElementById("quick-q").value.trim();
  location.hash = "#/search?" + qs({ q });
});

document.addEventListener("keydown", (ev) => {
  const t = ev.target;
  if (ev.key === "/" && !(t instanceof HTMLInputElement || t instanceof HTMLTextAreaElement || t instanceof HTMLSelectElement)) {
    ev.preventDefault();
    document.getElementById("quick-q").focus();
  }
});

window.addEventListener("hashchange", route);
route();
