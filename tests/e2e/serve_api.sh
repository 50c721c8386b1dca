#!/bin/sh
# revue serve over a small corpus on a free loopback port: every endpoint,
# ETag/304, errors as JSON, path traversal and oversized requests refused,
# only loopback bound, clean shutdown (sanitizers check the exit).
set -u
root=${REVUE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
revue=${REVUE:-$root/build/san/revue}
command -v curl >/dev/null 2>&1 || { echo "FAIL: curl is required (Debian curl)"; exit 1; }
tmp=$(mktemp -d)
pid=""
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

"$revue" --db "$tmp/r.db" ingest "$root/tests/fixtures/serve/corpus.jsonl" >/dev/null || exit 1
sqlite3 "$tmp/r.db" < "$root/tests/fixtures/serve/analysis.sql" || exit 1
"$revue" --db "$tmp/r.db" serve --port 0 --timeout 3 >"$tmp/out" 2>"$tmp/err" &
pid=$!
port=""
for _ in $(seq 1 100); do
	port=$(sed -n 's/.*:\([0-9][0-9]*\)\/$/\1/p' "$tmp/out")
	[ -n "$port" ] && break
	sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: server did not start"; cat "$tmp/err"; exit 1; }
base="http://127.0.0.1:$port"

# status URL [curl args]: print the status code, body in $tmp/body
status() {
	url=$1
	shift
	curl -s -o "$tmp/body" -w '%{http_code}' "$@" "$url"
}
expect() { # CODE URL [curl args]
	code=$1
	shift
	got=$(status "$@")
	[ "$got" = "$code" ] || fail "$1: status $got, expected $code ($(head -c 200 "$tmp/body"))"
}
body_has() {
	grep -q -- "$1" "$tmp/body" || fail "body should contain '$1': $(head -c 300 "$tmp/body")"
}

expect 200 "$base/api/health"
body_has '"articles":6'
expect 200 "$base/api/stories?limit=2"
body_has '"next_offset":2'
expect 200 "$base/api/stories/1"
body_has '"outlets"'
body_has '"speaker":"Marie Dupont"'
body_has '"figures"'
# the story names its storyline; the storyline lists its events
body_has '"storyline":1'
body_has '"storyline_name":"'
expect 200 "$base/api/stories?storyline=1"
python3 -c "
import json,sys
d=json.load(open(sys.argv[1]))
assert [s['id'] for s in d['stories']]==[1], d" "$tmp/body" || fail "/api/stories?storyline=1"
expect 200 "$base/api/articles/1"
body_has '"title":"Les États-Unis envoient des militaires en renfort sur la côte"'
expect 200 "$base/api/search?q=Etats-Unis%20militaire"
body_has '"id":1'
expect 200 "$base/api/search?q=etats-unis&lang=fr&since=2024-03-04&until=2024-03-04&source=La%20Gazette%20du%20Soir"
body_has '"id":2'
expect 200 "$base/api/entities"
body_has 'Marie Dupont'
expect 200 "$base/api/openapi.json"
body_has '"openapi"'
# why each article is in story 1: as revue story 1 --why --json
expect 200 "$base/api/stories/1/why"
python3 -c "
import json,sys
d=json.load(open(sys.argv[1])); w=d['why']
assert d['event']==1 and d['thresholds']['event']>0 and not d['truncated'], d
assert sum(1 for a in w if a.get('started_event'))>=1, w
assert all(len(a['shared_words'])==len(a['shared_terms']) for a in w if 'duplicate_of' not in a), w
" "$tmp/body" || fail "/api/stories/1/why"
"$revue" --db "$tmp/r.db" story 1 --why --json >"$tmp/why_cli.json" 2>/dev/null
cmp -s "$tmp/body" "$tmp/why_cli.json" || python3 -c "
import json,sys
a=json.load(open(sys.argv[1])); b=json.load(open(sys.argv[2]))
assert a==b, (a,b)" "$tmp/body" "$tmp/why_cli.json" || fail "/api/stories/1/why differs from revue story 1 --why --json"
# every story's explanation at once: each request analyses on its own
ids=$(curl -s "$base/api/stories?limit=100" | python3 -c "import json,sys; print(' '.join(str(s['id']) for s in json.load(sys.stdin)['stories']))")
pids=""
for i in $ids; do
	curl -s -o /dev/null -w '%{http_code}\n' "$base/api/stories/$i/why" >"$tmp/why_$i.code" &
	pids="$pids $!"
done
for p in $pids; do wait "$p"; done # not a bare wait: the server runs in the background too
for i in $ids; do
	[ "$(cat "$tmp/why_$i.code")" = 200 ] || fail "/api/stories/$i/why in parallel: $(cat "$tmp/why_$i.code")"
done
expect 404 "$base/api/stories/999/why"
expect 404 "$base/api/stories/1/whys"
expect 200 "$base/api/stories/1/export?format=csv"
body_has 'id,ref,url,source,title,published'
expect 200 "$base/api/search/export?q=gr%C3%A8ve&format=jsonl"
body_has '"ref":"rail-1"'
expect 200 "$base/"
body_has '<!doctype html>'
expect 200 "$base/app.js"

# the <script> title is JSON data, never markup the server builds
expect 200 "$base/api/stories?limit=100"
body_has '<script>alert'
grep -q '"content_type"\|text/html' "$tmp/body" && fail "stories JSON mentions html"
ct=$(curl -s -o /dev/null -w '%{content_type}' "$base/api/stories")
case "$ct" in application/json*) ;; *) fail "content type $ct" ;; esac

# errors are JSON with the status
expect 404 "$base/api/stories/999"
body_has '"status":404'
expect 404 "$base/api/nothing"
expect 400 "$base/api/search"
expect 400 "$base/api/stories?limit=100000"
expect 400 "$base/api/stories?since=notadate"
expect 400 "$base/api/stories?storyline=0"
expect 400 "$base/api/stories?storyline=x"
expect 405 "$base/api/health" -X POST
expect 405 "$base/api/health" -X DELETE

# ETag / 304
etag=$(curl -s -D - -o /dev/null "$base/api/stories/1" | tr -d '\r' | sed -n 's/^[Ee][Tt]ag: //p')
[ -n "$etag" ] || fail "no ETag"
expect 304 "$base/api/stories/1" -H "If-None-Match: $etag"
expect 200 "$base/api/stories/2" -H "If-None-Match: $etag"

# only compiled-in files: traversal, encoded dots, absolute paths, NUL
for p in "/../../etc/passwd" "/%2e%2e/%2e%2e/etc/passwd" "/%2E%2E%2Fetc%2Fpasswd" "/..%2f..%2fetc%2fpasswd" \
	"//etc/passwd" "/etc/passwd" "/index.html%00.js" "/app.js%00" "/src/serve/web/app.js" \
	"/%5c..%5c..%5cetc%5cpasswd" "/api/..%2f..%2fetc/passwd" "/revue.db" "/r.db"; do
	code=$(status "$base$p" --path-as-is)
	case "$code" in 400 | 404) ;; *) fail "$p: status $code" ;; esac
	grep -q 'root:' "$tmp/body" && fail "$p: served a system file"
	grep -q 'SQLite format' "$tmp/body" && fail "$p: served the store"
done
# raw request targets curl would not send: absolute-form, a NUL byte, no slash
python3 - "$port" <<'PY' || fail "a raw request target was served"
import socket, sys
for target in [b"http://127.0.0.1/../../etc/passwd", b"/index.html\x00../../etc/passwd", b"etc/passwd",
               b"/..\\..\\etc\\passwd"]:
    s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
    s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    status = data.split(b" ", 2)[1] if data.startswith(b"HTTP/") else b"closed"
    # libmicrohttpd ends the target at a raw NUL: "/index.html\0..." is
    # "/index.html", a compiled-in page, which is all that can ever be served
    nul_ok = b"\x00" in target and status == b"200" and b"<!doctype html>" in data
    if (status not in (b"400", b"404", b"closed") and not nul_ok) or b"root:" in data:
        print("target", target, "->", data[:200])
        sys.exit(1)
PY

# bounded request: a huge header or query is refused, the server lives on
big=$(head -c 70000 /dev/zero | tr '\0' 'a')
code=$(status "$base/api/search?q=$big")
case "$code" in 4??) ;; *) fail "70 kB query: status $code" ;; esac
code=$(status "$base/api/health" -H "X-Big: $big")
case "$code" in 4??) ;; *) fail "70 kB header: status $code" ;; esac
code=$(status "$base/api/search?q=$(head -c 2000 /dev/zero | tr '\0' 'b')")
[ "$code" = 400 ] || fail "2 kB q: status $code"

# a slow client is dropped after the timeout (3 s here)
if command -v python3 >/dev/null 2>&1; then
	python3 - "$port" <<'PY' || fail "idle connection not closed by the server"
import socket, sys, time
s = socket.create_connection(("127.0.0.1", int(sys.argv[1])))
s.sendall(b"GET /api/health HTTP/1.1\r\nHost: x\r\n")  # never finishes the headers
s.settimeout(10)
t = time.time()
try:
    data = s.recv(100)
except socket.timeout:
    sys.exit(1)
sys.exit(0 if time.time() - t < 9 else 1)
PY
fi
expect 200 "$base/api/health"

# an ingest while serving shows up at once (cached answers are dropped when
# SQLite's data_version moves)
expect 200 "$base/api/health"
body_has '"articles":6'
printf '{"id":"late-1","source":"Harbour Times","lang":"en","published":"2024-03-13","title":"Late ferry news","text":"The harbour ferry resumed service on Wednesday."}\n' >"$tmp/late.jsonl"
"$revue" --db "$tmp/r.db" ingest "$tmp/late.jsonl" >/dev/null || fail "ingest while serving"
expect 200 "$base/api/health"
body_has '"articles":7'
expect 200 "$base/api/search?q=ferries"
body_has 'Late ferry news'

# loopback only by default
grep -q "127.0.0.1:$port" "$tmp/out" || fail "not bound to 127.0.0.1: $(cat "$tmp/out")"
if command -v ss >/dev/null 2>&1; then
	ss -ltn | grep ":$port " | grep -qv "127.0.0.1:$port" && fail "listening beyond loopback"
fi

kill "$pid"
wait "$pid"
src=$?
pid=""
[ "$src" -eq 0 ] || { fail "server exit status $src"; cat "$tmp/err"; }
[ "$fails" -eq 0 ] && echo "serve_api: all passed"
exit "$fails"
