#!/bin/sh
# bench/serve/load.sh [SECONDS] [N_ARTICLES] - the release server under load
# for SECONDS (60): wrk against /api/stories and /api/search with slowloris
# connections and malformed requests mixed in (tests/tools/serve_load.sh).
# The store: N_ARTICLES (20000) synthetic articles (bench/serve/gen_corpus.py)
# built once in bench/work/. Loopback only.
set -u
cd "$(dirname "$0")/../.."
secs=${1:-60}
n=${2:-20000}
work=bench/work
mkdir -p "$work"
command -v wrk >/dev/null 2>&1 || ./scripts/deps.sh wrk
make -s revue
db=$work/serve_$n.db
if [ ! -f "$db" ]; then
	python3 bench/serve/gen_corpus.py "$n" >"$work/serve_$n.jsonl"
	./revue --db "$db.tmp" ingest --format jsonl "$work/serve_$n.jsonl" || exit 1
	mv "$db.tmp" "$db"
	rm -f "$db.tmp-wal" "$db.tmp-shm"
fi
echo "store: $db, $(sqlite3 "$db" "SELECT COUNT(*) FROM articles") articles"
SLOW_CONNS=${SLOW_CONNS:-200} sh tests/tools/serve_load.sh ./revue "$db" "$secs" "$work/load"
