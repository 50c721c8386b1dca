// Drive revue's web page in headless Chromium: node web_test.mjs BASE_URL OUTDIR
// Checks the story list, a story page (outlets, quotes, figures shown and
// matching the API), that a "<script>" title stays text, keyboard access,
// a stemmed, accent-folded search, and that no request leaves the server.
import { chromium } from "playwright-core";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

const base = process.argv[2];
const outDir = process.argv[3];
if (!base || !outDir) {
  console.error("usage: node web_test.mjs BASE_URL OUTDIR");
  process.exit(2);
}
fs.mkdirSync(outDir, { recursive: true });
const profile = fs.mkdtempSync(path.join(os.tmpdir(), "revue-chromium-"));
const failures = [];
const check = (cond, what) => {
  console.log((cond ? "ok   " : "FAIL ") + what);
  if (!cond) failures.push(what);
};

const ctx = await chromium.launchPersistentContext(profile, {
  executablePath: "/usr/bin/chromium",
  headless: true,
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync"],
  viewport: { width: 1280, height: 900 },
});
try {
  const page = ctx.pages()[0] || (await ctx.newPage());
  const origin = new URL(base).origin;
  const external = [];
  await ctx.route("**/*", (route) => {
    const u = route.request().url();
    if (u.startsWith(origin + "/") || u.startsWith("data:")) return route.continue();
    external.push(u);
    return route.abort();
  });
  let dialogs = 0;
  page.on("dialog", (d) => { dialogs++; d.dismiss(); });
  const consoleErrors = [];
  page.on("pageerror", (e) => consoleErrors.push(String(e)));

  // Story list
  await page.goto(base + "/", { waitUntil: "load" });
  await page.waitForSelector("#stories li", { timeout: 15000 });
  const stories = await page.$$eval("#stories li a.title", (as) => as.map((a) => ({ text: a.textContent, href: a.getAttribute("href") })));
  check(stories.length >= 3, `story list shows stories (${stories.length})`);
  check(await page.$$eval("#stories svg.spark rect", (r) => r.length) > 0, "volume charts are drawn");
  const xss = stories.find((s) => s.text.includes("<script>"));
  check(!!xss, "a <script> title is shown as text");
  check(await page.$$eval("#stories script", (s) => s.length) === 0, "no script element injected");
  check(dialogs === 0, "no dialog opened by page data");
  await page.screenshot({ path: path.join(outDir, "web_stories.png"), fullPage: true });

  // Keyboard: "/" focuses the search box; Tab reaches the first story link
  await page.keyboard.press("/");
  check(await page.evaluate(() => document.activeElement && document.activeElement.id === "quick-q"), "'/' focuses search");

  // A story with several outlets if there is one (grouping may vary)
  const data = await page.evaluate(async () => (await (await fetch("/api/stories?limit=100")).json()).stories);
  // the story of article 1, which carries quotes, figures and entities
  const first = await page.evaluate(async () => (await fetch("/api/articles/1")).json());
  const pick = data.find((s) => s.id === first.event);
  await page.click(`#stories a.title[href="#/story/${pick.id}"]`);
  await page.waitForSelector("#outlets .card", { timeout: 15000 });
  const story = await page.evaluate(async (id) => (await fetch("/api/stories/" + id)).json(), pick.id);
  for (const id of ["timeline", "outlets", "quotes", "figures", "entities"])
    check(await page.isVisible("#" + id), `story section #${id} is shown`);
  const outletNames = await page.$$eval("#outlets .card h3", (h) => h.map((x) => x.textContent));
  check(story.outlets.every((o) => outletNames.includes(o.source)) && outletNames.length === story.outlets.length,
    `each outlet has its column (${outletNames.join(", ")})`);
  const cardLangs = await page.$$eval("#outlets .card a[href^='#/article/']",
    (as) => as.map((a) => [Number(a.getAttribute("href").split("/")[2]), a.lang]));
  check(cardLangs.length > 0 && cardLangs.every(([id, lang]) => lang && lang === story.members.find((m) => m.id === id).lang),
    `each outlet's article carries its language (${cardLangs.map((x) => x[1]).join(",")})`);
  check(story.quotes.length > 0 && story.figures.length > 0 && story.entities.length > 0, "the story has quotes, figures and entities");
  const quotesText = await page.textContent("#quotes");
  check(story.speakers.every((g) => quotesText.includes(g.speaker || "Unattributed")) &&
    story.speakers.every((g) => g.quotes.every((q) => quotesText.includes(q.text) &&
      q.sources.every((o) => quotesText.includes(o)))),
    `quotes by speaker are shown with the outlets that carried them (${story.speakers.length} speakers)`);
  // each quote once, however many outlets carried it
  const shownQuotes = await page.$$eval("#quotes blockquote", (b) => b.length);
  const quoteCount = story.speakers.reduce((n, g) => n + g.quotes.length, 0);
  check(shownQuotes === quoteCount, `each quote is shown once (${shownQuotes} shown, ${quoteCount} distinct)`);
  const figuresText = await page.textContent("#figures");
  check(story.figures.every((f) => figuresText.includes(f.text || "") && figuresText.includes(f.source)),
    `figures with their outlet are shown (${story.figures.length})`);
  check(await page.$$eval("#quotes img, #quotes b", (x) => x.length) === 0, "markup in a quote stays text");
  check(await page.$$eval("a[href$='format=csv']", (a) => a.length) > 0, "story export links");
  // The storyline: both turns, oldest first, this one marked, the other a link
  const turns = (await page.evaluate(async (sl) => (await (await fetch("/api/stories?storyline=" + sl)).json()).stories,
    story.storyline)).sort((a, b) => a.first.localeCompare(b.first));
  check(turns.length === 2, `the fixture's storyline has two events (${turns.length})`);
  const slItems = await page.$$eval("#storyline ol.storyline li", (li) => li.map((x) => x.textContent));
  check(slItems.length === 2 && turns.every((t, i) => slItems[i].includes(t.title)), "the storyline lists its events, oldest first");
  check((await page.textContent("#storyline h2")).includes(story.storyline_name || "\u0000"), `the storyline is named (${story.storyline_name})`);
  check(await page.$$eval("#storyline [aria-current=page]", (x) => x.length) === 1, "the story shown is marked in its storyline");
  const other = turns.find((t) => t.id !== pick.id);
  await page.click(`#storyline a[href="#/story/${other.id}"]`);
  await page.waitForFunction((t) => document.querySelector("h1") && document.querySelector("h1").textContent === t, other.title, { timeout: 15000 });
  check(await page.isVisible("#storyline"), "the other turn's page shows the storyline too");
  await page.goBack();
  await page.waitForSelector("#why button", { timeout: 15000 });

  // Why these articles: on demand, one line per article of the story
  await page.click("#why button");
  await page.waitForSelector("#why ul.why li", { timeout: 15000 });
  const why = await page.evaluate(async (id) => (await fetch("/api/stories/" + id + "/why")).json(), pick.id);
  const whyItems = await page.$$eval("#why ul.why li", (li) => li.map((x) => x.textContent));
  check(whyItems.length === why.why.length && why.why.length === story.members.length,
    `each article of the story is explained (${whyItems.length})`);
  check(whyItems.filter((t) => t.includes("started the story")).length === 1, "one article started the story");
  check(!/\bnull\b|undefined/.test(await page.textContent("#why")), "the explanation shows no null or undefined");
  const joined = why.why.filter((a) => !a.started_event && a.duplicate_of === undefined);
  check(joined.every((a) => whyItems.some((t) => t.includes("joined at similarity " + a.similarity.toFixed(2)) &&
    t.includes("now " + a.others_similarity.toFixed(2) + " to the other articles") &&
    a.shared_words.every((w) => t.includes(w)))), `joined articles show their similarity and shared words (${joined.length})`);
  await page.screenshot({ path: path.join(outDir, "web_story.png"), fullPage: true });

  // Article page
  await page.click("#outlets .card a[href^='#/article/']");
  await page.waitForSelector(".article-text p", { timeout: 15000 });
  check(await page.$$eval("dl.meta-list a[target=_blank]", (a) => a.length) === 1, "article links to its original");
  // French text marked as French inside the English page, for screen readers
  // and hyphenation (WCAG 3.1.2, language of parts)
  const shownArticle = await page.evaluate(async () => (await fetch("/api/articles/" + location.hash.split("/")[2])).json());
  check(shownArticle.lang && await page.$eval(".article-text", (d) => d.lang) === shownArticle.lang &&
    await page.$eval("h1", (h) => h.lang) === shownArticle.lang, `the article's text and title carry its language (${shownArticle.lang})`);

  // Search: accents and endings differ from the text ("États-Unis", "militaires")
  await page.fill("#quick-q", "etats-unis militaire");
  await page.press("#quick-q", "Enter");
  // wait for the search page itself, not the article page still shown
  await page.waitForFunction(() => location.hash.startsWith("#/search") && document.title.startsWith("Search"),
    null, { timeout: 15000 });
  await page.waitForSelector("#hits li", { timeout: 15000 }).catch(() => {});
  const hitTitles = await page.$$eval("#hits li > a", (as) => as.map((a) => a.textContent));
  check(hitTitles.some((t) => t.includes("États-Unis")), `search 'etats-unis militaire' finds 'États-Unis … militaires' (${hitTitles.length} hits)`);
  check(await page.$$eval("#hits mark", (m) => m.length) > 0, "search hits are highlighted");
  check(await page.$$eval("#hits li > a", (as) => as.length > 0 && as.every((a) => a.lang === "fr")),
    "search hits carry their language (the French ones found)");
  await page.screenshot({ path: path.join(outDir, "web_search.png"), fullPage: true });

  // A storyline of 105 events: its oldest event is past the API's first page
  // (the 100 newest), yet its page finds and marks it, shows a window of the
  // storyline rather than a hundred lines, and links to every event.
  await page.goto(base + "/#/story/9001", { waitUntil: "load" });
  await page.waitForSelector("#outlets .card", { timeout: 15000 });
  await page.waitForSelector("#storyline", { timeout: 15000 }).catch(() => {});
  const longCurrent = await page.$$eval("#storyline [aria-current=page]", (x) => x.map((e) => e.textContent));
  check(longCurrent.length === 1 && longCurrent[0].includes("épisode 1 sur"),
    `a story past the storyline's first 100 events is marked in it (${longCurrent.join(" | ")})`);
  const longItems = await page.$$eval("#storyline ol.storyline li", (li) => li.length);
  check(longItems > 0 && longItems <= 15, `a long storyline is shown as a window around the story (${longItems} lines)`);
  check((await page.textContent("#storyline")).includes("105 events"), "the long storyline says how many events it has");
  const allLink = await page.$("#storyline a[href='#/stories?storyline=9000']");
  check(!!allLink, "the long storyline links to the list of all its events");
  if (allLink) {
    await allLink.click();
    await page.waitForFunction(() => location.hash.startsWith("#/stories?storyline=") && document.querySelector("#stories li"),
      null, { timeout: 15000 }).catch(() => {});
    const listed = await page.$$eval("#stories li a.title", (as) => as.map((a) => a.textContent));
    check(listed.length === 20 && listed.every((t) => t.startsWith("Feuilleton du canal")),
      `the storyline's list shows only its events (${listed.length})`);
    check((await page.textContent("h1")).includes("Storyline"), "the storyline's list says it is one storyline");
    check(await page.$$eval(".pager a", (as) => as.some((a) => a.getAttribute("href").includes("storyline=9000"))),
      "the storyline's list pages through its events");
  }

  // A query the API refuses (no word in it): the search page stays, with its
  // words in the form and the reason next to it, so the reader can fix them.
  await page.goto(base + "/#/search?q=" + encodeURIComponent("* NOT"), { waitUntil: "load" });
  await page.waitForSelector("[role=alert]", { timeout: 15000 }).catch(() => {});
  check(await page.inputValue("form.filters input[name=q]").catch(() => null) === "* NOT",
    "a refused search keeps its form and words");
  check(((await page.textContent("[role=alert]").catch(() => "")) || "").includes("no word to search for"),
    "a refused search says why");

  // Contrast in both colour schemes: an error (a story that does not exist)
  // and muted text read at 4.5:1 or more against the page (WCAG 1.4.3)
  for (const scheme of ["light", "dark"]) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.goto(base + "/#/story/999999", { waitUntil: "load" });
    await page.waitForSelector(".error", { timeout: 15000 }).catch(() => {});
    const ratios = await page.evaluate(() => {
      const rgb = (c) => c.match(/\d+(\.\d+)?/g).slice(0, 3).map(Number);
      const lum = (c) => {
        const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
        return 0.2126 * r + 0.7152 * g + 0.0722 * b;
      };
      const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
      const bg = getComputedStyle(document.body).backgroundColor === "rgba(0, 0, 0, 0)"
        ? getComputedStyle(document.documentElement).backgroundColor : getComputedStyle(document.body).backgroundColor;
      const of = (sel) => { const e = document.querySelector(sel); return e ? ratio(getComputedStyle(e).color, bg) : 0; };
      return { error: of(".error"), muted: of(".foot") };
    });
    check(ratios.error >= 4.5 && ratios.muted >= 4.5,
      `text contrast in the ${scheme} scheme (error ${ratios.error.toFixed(2)}, muted ${ratios.muted.toFixed(2)})`);
  }
  await page.emulateMedia({ colorScheme: "light" });

  // Phone width
  await page.setViewportSize({ width: 390, height: 800 });
  await page.goto(base + "/#/story/" + pick.id, { waitUntil: "load" });
  await page.waitForSelector("#outlets .card", { timeout: 15000 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  check(overflow <= 1, `no horizontal scroll on a phone (${overflow}px)`);
  await page.screenshot({ path: path.join(outDir, "web_story_phone.png"), fullPage: true });

  check(external.length === 0, `no external request (${external.join(" ")})`);
  check(consoleErrors.length === 0, `no script error (${consoleErrors.join(" | ")})`);
  check(dialogs === 0, "no dialog at all");
} finally {
  await ctx.close();
  fs.rmSync(profile, { recursive: true, force: true });
}
console.log(failures.length ? `web: ${failures.length} failed` : "web: all passed");
process.exit(failures.length ? 1 : 0);
