#!/bin/sh
# The web page in headless Chromium (playwright-core): story list, a story's
# outlets/quotes/figures, an accent- and ending-insensitive search, XSS and
# offline checks; screenshots in tests/output/. Installs what it needs
# (tests/web/setup.sh) and fails loudly when it cannot.
set -u
root=${REVUE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
revue=${REVUE:-$root/build/san/revue}
"$root/tests/web/setup.sh" || { echo "FAIL: cannot set up chromium + playwright-core" >&2; exit 1; }
tmp=$(mktemp -d)
pid=""
cleanup() {
	[ -n "$pid" ] && kill "$pid" 2>/dev/null
	rm -rf "$tmp"
}
trap cleanup EXIT INT TERM
"$revue" --db "$tmp/r.db" ingest "$root/tests/fixtures/serve/corpus.jsonl" >/dev/null || exit 1
# a later turn of article 1's story: one storyline of two events
"$revue" --db "$tmp/r.db" ingest "$root/tests/fixtures/serve/storyline.jsonl" >/dev/null || exit 1
# Analysis results for article 1 whatever the analyzers find, so the page's
# quotes, figures and entities are always exercised (one of them hostile).
sqlite3 "$tmp/r.db" < "$root/tests/fixtures/serve/analysis.sql" || exit 1
# A storyline longer than one page of the API (events 9001..9105).
sqlite3 "$tmp/r.db" < "$root/tests/fixtures/serve/long_storyline.sql" || exit 1
"$revue" --db "$tmp/r.db" serve --port 0 >"$tmp/out" 2>"$tmp/err" &
pid=$!
port=""
for _ in $(seq 1 100); do
	port=$(sed -n 's/.*:\([0-9][0-9]*\)\/$/\1/p' "$tmp/out")
	[ -n "$port" ] && break
	sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: server did not start"; cat "$tmp/err"; exit 1; }
mkdir -p "$root/tests/output"
node "$root/tests/web/web_test.mjs" "http://127.0.0.1:$port" "$root/tests/output"
rc=$?
kill "$pid"
wait "$pid"
src=$?
pid=""
if [ "$src" -ne 0 ]; then
	echo "FAIL: server exited with $src"
	cat "$tmp/err"
	exit 1
fi
exit $rc
