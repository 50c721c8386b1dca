#!/bin/sh
# bench/store: the entity lists on a store of about a million entity rows.
#   bench/store/run.sh [REVUE [DB [RUNS]]]
# Builds the store once in bench/work/ (bench/store/gen_entities.py, 67,000
# articles, through `revue ingest --format jsonl`: two minutes), then times
# `revue entities`, `revue entities --json`, GET /api/entities?q=... and
# GET /api/stories/ID (the story with the most entity rows) RUNS times each
# and prints the median wall-clock seconds. Every request carries a new
# nonce argument, so the server's response cache never answers.
# The outputs go to bench/work/store_out/ to diff two binaries' answers.
set -u
cd "$(dirname "$0")/../.."
revue=${1:-./revue}
db=${2:-bench/work/entities_1m.db}
runs=${3:-3}
work=bench/work
out=$work/store_out
mkdir -p "$work" "$out"
if [ ! -f "$db" ]; then
	[ -f "$work/entities_67000.jsonl" ] || python3 bench/store/gen_entities.py 67000 >"$work/entities_67000.jsonl"
	"$revue" --db "$db.tmp" ingest --quiet --format jsonl "$work/entities_67000.jsonl" || exit 1
	mv "$db.tmp" "$db"
	rm -f "$db.tmp-wal" "$db.tmp-shm"
fi
echo "store: $db, $(sqlite3 "$db" 'SELECT COUNT(*) FROM entities') entity rows," \
	"$(sqlite3 "$db" 'SELECT COUNT(DISTINCT key) FROM entities') keys"
story=$(sqlite3 "$db" "SELECT a.event FROM entities e JOIN articles a ON a.id = e.article
	GROUP BY a.event ORDER BY COUNT(*) DESC LIMIT 1")

median() { sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'; }

# time_cmd NAME COMMAND...: the median of RUNS wall-clock times
time_cmd() {
	name=$1
	shift
	i=0
	while [ "$i" -lt "$runs" ]; do
		s=$(date +%s.%N)
		"$@" >"$out/$name" || exit 1
		e=$(date +%s.%N)
		echo "$e - $s" | bc
		i=$((i + 1))
	done | median | sed "s/^/$name: /; s/\$/ s/"
}

time_cmd entities "$revue" --db "$db" entities
time_cmd entities_json "$revue" --db "$db" entities --json

"$revue" --db "$db" serve --port 0 >"$work/store_serve.out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT INT TERM
port=""
for _ in $(seq 1 100); do
	port=$(sed -n 's/.*:\([0-9][0-9]*\)\/$/\1/p' "$work/store_serve.out")
	[ -n "$port" ] && break
	sleep 0.1
done
[ -n "$port" ] || { echo "the server did not start" >&2; exit 1; }
base="http://127.0.0.1:$port"
nonce=0
time_url() {
	name=$1
	url=$2
	i=0
	while [ "$i" -lt "$runs" ]; do
		nonce=$((nonce + 1))
		curl -s -o "$out/$name" -w '%{time_total}\n' "$base$url&nonce=$nonce$$"
		i=$((i + 1))
	done | median | sed "s/^/$name: /; s/\$/ s/"
}
time_url api_entities_q "/api/entities?q=oskar"
time_url api_entities_q_accent "/api/entities?q=%C3%A9"
time_url api_entities "/api/entities?limit=50"
time_url api_story "/api/stories/$story?x=1"
