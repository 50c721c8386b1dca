#!/bin/sh
# The same page read as a saved file and from a WARC archive is one article:
# the archive names it by the URL the crawler requested (tracking tags and
# all), the page by its canonical link. Read in either order, the second is
# "unchanged", not stored again as a duplicate of itself.
: "${REVUE:?}"
command -v python3 >/dev/null 2>&1 || { echo "skip: needs python3"; exit 0; }
command -v sqlite3 >/dev/null 2>&1 || { echo "skip: needs sqlite3"; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() {
	echo "FAIL: $*"
	cat "$T/err" 2>/dev/null
	exit 1
}
cat >"$T/page.html" <<'HTML'
<html><head><title>Le port de Valmer rouvre ses quais</title>
<link rel="canonical" href="https://courrier.example/2026/03/port-valmer-rouvre.html">
<meta property="og:site_name" content="Le Courrier du Port">
<meta property="article:published_time" content="2026-03-02T08:00:00Z"></head>
<body><article><h1>Le port de Valmer rouvre ses quais</h1>
<p>Le port de Valmer a rouvert ses quais lundi matin après trois semaines de grève des dockers, a annoncé la capitainerie dans un communiqué.</p>
<p>« Les navires attendus au large pourront accoster dès mardi », a déclaré Jeanne Morel, directrice du port, qui estime le retard à 40 navires.</p>
</article></body></html>
HTML
python3 - "$T/page.html" "$T/crawl.warc" <<'PY'
import sys
body = open(sys.argv[1], "rb").read()
http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n" % len(body) + body
uri = "https://Courrier.example:443/2026/03/port-valmer-rouvre.html?utm_source=rss&utm_medium=feed#top"
head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Date: 2026-03-02T09:00:00Z\r\n"
        "WARC-Target-URI: %s\r\nContent-Type: application/http; msgtype=response\r\n"
        "Content-Length: %d\r\n\r\n" % (uri, len(http))).encode()
open(sys.argv[2], "wb").write(head + http + b"\r\n\r\n")
PY
for order in "crawl.warc page.html" "page.html crawl.warc"; do
	rm -f "$T/db" "$T/db-wal" "$T/db-shm"
	set -- $order
	"$REVUE" --db "$T/db" ingest "$T/$1" 2>"$T/err" || fail "$1: exit $?"
	grep -q "1 stored" "$T/err" || fail "$1 not stored"
	"$REVUE" --db "$T/db" ingest "$T/$2" 2>"$T/err" || fail "$2: exit $?"
	grep -q "0 stored, 0 duplicates, 1 unchanged" "$T/err" || fail "$1 then $2: the same page stored twice"
	n=$(sqlite3 "$T/db" 'SELECT COUNT(*) FROM articles')
	[ "$n" -eq 1 ] || fail "$1 then $2: $n rows"
done
echo ok
