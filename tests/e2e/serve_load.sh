#!/bin/sh
# The server under load, short version (~15 s; bench/serve/load.sh runs 60 s
# with the release binary): wrk on /api/stories and /api/search while
# slowloris connections and malformed requests arrive, against the
# sanitized binary. Zero 5xx, no wrk socket errors, health still answers,
# RSS flat after warm-up, clean exit (see tests/tools/serve_load.sh).
set -u
root=${REVUE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
revue=${REVUE:-$root/build/san/revue}
for t in wrk curl python3; do
	command -v $t >/dev/null 2>&1 || { echo "FAIL: $t is required (make deps)"; exit 1; }
done
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM
"$revue" --db "$tmp/r.db" ingest "$root/tests/fixtures/serve/corpus.jsonl" "$root/examples" >/dev/null 2>&1
[ -s "$tmp/r.db" ] || { echo "FAIL: no store"; exit 1; }
sqlite3 "$tmp/r.db" <"$root/tests/fixtures/serve/analysis.sql" || exit 1
# ASan keeps freed memory in quarantine (256 MB by default), which would
# read as growth: a small one keeps RSS meaningful under the sanitizers.
ASAN_OPTIONS="${ASAN_OPTIONS:-}:quarantine_size_mb=16" RSS_LIMIT_KB=${RSS_LIMIT_KB:-49152} SLOW_CONNS=100 \
	sh "$root/tests/tools/serve_load.sh" "$revue" "$tmp/r.db" 15 "$tmp/load"
