#!/usr/bin/env python3
"""newsserver.py - a misbehaving news site for the watch tests.

usage: newsserver.py PORTFILE SERVEDLOG [--articles N] [--big N] [--article-ms MS]

Listens on a free loopback port (written to PORTFILE) and serves feeds and
article pages, some of which misbehave: 500s, timeouts, cut bodies,
redirect loops, an endless body, wrong charsets, 404s, robots.txt-blocked
pages, a feed whose GUIDs change on every request and one whose titles do.
Each article page served whole with 200 is appended to SERVEDLOG as
"PATH" (one line per response), so a test can check that every article
served was stored exactly once. Misbehaving pages fail on their first
tries and then answer, so each can be stored in the end.
"""
import http.server, os, socketserver, sys, threading, time

PORTFILE, SERVED = sys.argv[1], sys.argv[2]
N_ART = 40
N_BIG = 0
SLOW_MS = 0
args = sys.argv[3:]
while args:
    if args[0] == "--articles":
        N_ART = int(args[1]); args = args[2:]
    elif args[0] == "--article-ms":
        SLOW_MS = int(args[1]); args = args[2:]
    elif args[0] == "--big":
        N_BIG = int(args[1]); args = args[2:]
    else:
        sys.exit("unknown option " + args[0])

lock = threading.Lock()
hits = {}
feed_polls = {}

WORDS = ("harbour quay ferry council bridge market tide river station school "
         "museum library stadium festival railway tunnel airport hospital "
         "garden square theatre orchestra factory bakery vineyard lighthouse").split()

def article_text(key):
    """Title and paragraphs of a plausible local-news story, distinct per key."""
    h = sum(ord(c) * (i + 7) for i, c in enumerate(key))
    w = [WORDS[(h + i * 7) % len(WORDS)] for i in range(8)]
    title = "Report %s: works on the %s and the %s" % (key, w[0], w[1])
    paras = [
        "Officials said on Monday that work on the %s near the %s would continue "
        "through the spring, according to notice %s published by the district council."
        % (w[2], w[3], key),
        "Residents of the district asked for clearer plans for the %s, the %s and the "
        "%s, and the council promised a public meeting before the end of the month."
        % (w[4], w[5], w[6]),
        "The deputy mayor told reporters that the budget for the %s had been approved "
        "in January and that contractors were expected on site within weeks (file %s)."
        % (w[7], key),
        "Local shop owners said they hoped the works would not disturb the market days, "
        "which draw visitors from the whole valley every Saturday morning.",
    ]
    return title, paras

def count(path):
    with lock:
        hits[path] = hits.get(path, 0) + 1
        return hits[path]

def item_xml(link, guid, title, date="Mon, 24 Jan 2022 11:48:00 GMT"):
    g = "<guid isPermaLink=\"false\">%s</guid>" % guid if guid else ""
    return ("<item><title>%s</title><link>%s</link>%s<pubDate>%s</pubDate>"
            "<description>summary</description></item>" % (title, link, g, date))

def rss(items):
    return ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Test</title>"
            + "".join(items) + "</channel></rss>").encode()

class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    wbufsize = 1 << 16  # one write per response: no Nagle delays

    def log_message(self, *a):
        pass

    def send(self, code, body, ctype="text/plain; charset=utf-8", extra=None):
        self.send_response(code)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        self.wfile.write(body)

    def article(self, path, charset="utf-8"):
        if SLOW_MS:
            time.sleep(SLOW_MS / 1000.0)
        key = path.strip("/").replace("/", "-")
        title, paras = article_text(key)
        body = title + "\n\n" + "\n\n".join(paras) + "\n"
        if charset == "latin1":
            body = body.replace("Officials", "Les élus") .encode("latin-1")
            ctype = "text/plain; charset=utf-8"  # lies: the bytes are Latin-1
        else:
            body = body.encode()
            ctype = "text/plain; charset=utf-8"
        self.send(200, body, ctype)
        with lock:
            with open(SERVED, "a") as f:
                f.write(path + "\n")

    def do_GET(self):
        path = self.path.split("?")[0]
        n = count(path)
        if path == "/robots.txt":
            return self.send(200, b"User-agent: *\nDisallow: /private/\n")
        if path == "/":
            return self.send(200, b"<html><head><title>Site</title>"
                             b"<link rel=\"alternate\" type=\"application/atom+xml\" href=\"/feeds/extra.atom\">"
                             b"</head><body>home</body></html>", "text/html")
        if path == "/feeds/main.rss":
            items = []
            for k in range(N_ART):
                # The first 50 misbehave in turn (timeouts cost a second each).
                kind = ("a", "a", "flaky", "slow", "trunc", "latin1", "a", "gone", "loop", "private")[k % 10] \
                    if k < 50 else "a"
                link = "/%s/%d" % (kind, k)
                if k % 7 == 3:
                    link += "?utm_source=rss&utm_medium=feed"
                items.append(item_xml("http://%s%s" % (self.headers["Host"], link), "main-%d" % k,
                                      "Main item %d" % k))
            # The same article again with other tracking tags: fetched once.
            items.append(item_xml("http://%s/a/0?fbclid=xyz" % self.headers["Host"], "main-0-dup", "Dup"))
            items.append(item_xml("http://%s/huge" % self.headers["Host"], "huge", "Huge"))
            body = rss(items)
            etag = '"main-v1"'
            if self.headers.get("If-None-Match") == etag:
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            return self.send(200, body, "application/rss+xml", {"ETag": etag})
        if path == "/feeds/guid.rss":
            # New GUIDs on every poll, same links.
            items = [item_xml("http://%s/g/%d" % (self.headers["Host"], k), "g-%d-%d" % (k, n),
                              "Guid item %d" % k) for k in range(5)]
            return self.send(200, rss(items), "application/rss+xml")
        if path == "/feeds/revise.rss":
            # Same GUIDs, titles edited on every poll.
            items = [item_xml("http://%s/r/%d" % (self.headers["Host"], k), "r-%d" % k,
                              "Revised item %d, version %d" % (k, n)) for k in range(3)]
            return self.send(200, rss(items), "application/rss+xml")
        if path == "/feeds/extra.atom":
            host = self.headers["Host"]
            entries = "".join(
                "<entry><title>Extra %d</title><link href=\"http://%s/x/%d\"/><id>x-%d</id>"
                "<updated>2022-01-25T10:00:00Z</updated></entry>" % (k, host, k, k) for k in range(4))
            body = ("<?xml version=\"1.0\"?><feed xmlns=\"http://www.w3.org/2005/Atom\"><title>X</title>"
                    + entries + "</feed>").encode()
            return self.send(200, body, "application/atom+xml")
        if path == "/feeds/big.xml":
            host = self.headers["Host"]
            items = [item_xml("http://%s/big/%d" % (host, k), "big-%d" % k, "Big %d" % k)
                     for k in range(N_BIG)]
            return self.send(200, rss(items), "application/rss+xml")
        if path == "/sitemap_index.xml":
            host = self.headers["Host"]
            body = ("<?xml version=\"1.0\"?><sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                    "<sitemap><loc>http://%s/sitemap-news.xml</loc></sitemap></sitemapindex>" % host).encode()
            return self.send(200, body, "application/xml")
        if path == "/sitemap-news.xml":
            host = self.headers["Host"]
            urls = "".join(
                "<url><loc>http://%s/s/%d</loc><news:news><news:publication_date>2022-01-24T11:00:00Z"
                "</news:publication_date><news:title>Sitemap story %d</news:title></news:news></url>"
                % (host, k, k) for k in range(3))
            body = ("<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" "
                    "xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\">" + urls + "</urlset>").encode()
            return self.send(200, body, "application/xml")
        if path == "/feeds/broken.rss":
            return self.send(500, b"oops")
        kind = path.split("/")[1] if path.count("/") >= 2 else ""
        if kind in ("a", "g", "r", "x", "s", "big"):
            return self.article(path)
        if kind == "flaky":
            if n <= 2:
                return self.send(500, b"server error")
            return self.article(path)
        if kind == "slow":
            if n <= 1:
                time.sleep(3)
                return self.send(503, b"late")
            return self.article(path)
        if kind == "trunc":
            if n <= 1:
                self.send_response(200)
                self.send_header("Content-Type", "text/plain")
                self.send_header("Content-Length", "5000")
                self.end_headers()
                self.wfile.write(b"Only the beginning of the")
                self.wfile.flush()
                self.close_connection = True
                return
            return self.article(path)
        if kind == "latin1":
            return self.article(path, "latin1")
        if kind == "gone":
            return self.send(404, b"not found")
        if kind == "loop":
            self.send_response(302)
            self.send_header("Location", path)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if kind == "private":
            return self.article(path)  # robots.txt forbids it: never asked
        if path == "/huge":
            # Claims nothing, streams until the client gives up (capped here too).
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Connection", "close")
            self.end_headers()
            chunk = b"x" * 65536
            try:
                for _ in range(3200):  # 200 MB at most
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError):
                pass
            self.close_connection = True
            return
        return self.send(404, b"no such page")

class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        pass  # clients that hang up (timeouts, size caps) are expected

srv = Server(("127.0.0.1", 0), Handler)
tmp = PORTFILE + ".tmp"
with open(tmp, "w") as f:
    f.write(str(srv.server_address[1]))
os.rename(tmp, PORTFILE)
srv.serve_forever()
