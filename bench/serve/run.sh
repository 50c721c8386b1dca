#!/bin/sh
# bench/serve: revue serve under wrk on loopback over >= 100,000 articles.
#   bench/serve/run.sh [N_ARTICLES] [SECONDS]
# Builds the store once in bench/work/ (synthetic JSONL through
# `revue ingest --format jsonl`), then runs wrk against /api/stories and
# /api/search, each twice: the same URL (what a page reload costs: the
# per-thread response cache answers) and a new URL every request (a nonce
# argument defeats the cache, so every request runs the SQL).
set -u
cd "$(dirname "$0")/../.."
n=${1:-100000}
secs=${2:-10}
work=bench/work
mkdir -p "$work"
command -v wrk >/dev/null 2>&1 || ./scripts/deps.sh wrk
make -s revue
db=$work/serve_$n.db
if [ ! -f "$db" ]; then
	python3 bench/serve/gen_corpus.py "$n" >"$work/serve_$n.jsonl"
	start=$(date +%s.%N)
	./revue --db "$db.tmp" ingest --format jsonl "$work/serve_$n.jsonl"
	end=$(date +%s.%N)
	mv "$db.tmp" "$db"
	rm -f "$db.tmp-wal" "$db.tmp-shm"
	echo "ingest: $n articles in $(echo "$end - $start" | bc) s"
fi
articles=$(sqlite3 "$db" "SELECT COUNT(*) FROM articles")
echo "store: $db, $articles articles, $(du -m "$db" | cut -f1) MB ($(sqlite3 "$db" "SELECT COUNT(DISTINCT event) FROM articles") stories)"

./revue --db "$db" serve --port 0 >"$work/serve.out" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT INT TERM
port=""
for _ in $(seq 1 100); do
	port=$(sed -n 's/.*:\([0-9][0-9]*\)\/$/\1/p' "$work/serve.out")
	[ -n "$port" ] && break
	sleep 0.1
done
base="http://127.0.0.1:$port"

cat >"$work/nonce.lua" <<'LUA'
-- a new URL each request: path .. "&n=<thread><counter>" (the API ignores n)
local counter, id = 0, 0
local words = { "militaires", "gouvernement", "grève", "troops", "energy", "etats-unis", "inflation",
  "sécheresse", "elections", "hospital", "récolte", "ukraine", "budget", "tribunal", "factory" }
function setup(thread) thread:set("tid", math.random(1, 1000000)) end
function init(args) id = tid or 0 end
function request()
  counter = counter + 1
  local path = wrk.path
  if string.find(path, "q=WORD") then
    path = string.gsub(path, "q=WORD", "q=" .. words[(counter % #words) + 1])
  end
  return wrk.format("GET", path .. "&n=" .. id .. "_" .. counter)
end
LUA

run() { # NAME CONNECTIONS URL [wrk args]
	name=$1
	conns=$2
	url=$3
	shift 3
	threads=2
	[ "$conns" -lt 2 ] && threads=1
	curl -s -o /dev/null "$url" # warm
	echo "== $name, $conns connection(s): $url"
	wrk -t$threads -c"$conns" -d"${secs}s" --latency "$@" "$url" >"$work/wrk.txt"
	rps=$(sed -n 's/^Requests\/sec: *//p' "$work/wrk.txt")
	p50=$(awk '$1=="50%"{print $2}' "$work/wrk.txt")
	p99=$(awk '$1=="99%"{print $2}' "$work/wrk.txt")
	errs=$(grep -E "Non-2xx|Socket errors" "$work/wrk.txt" || true)
	echo "   requests/s $rps   p50 $p50   p99 $p99 $errs"
}
nonce="-s $work/nonce.lua"
run "stories, same URL" 32 "$base/api/stories?limit=20"
run "stories, new URL each time" 32 "$base/api/stories?limit=20" $nonce
run "stories, new URL each time" 1 "$base/api/stories?limit=20" $nonce
run "story page, same URL" 32 "$base/api/stories/1"
run "search, same URL" 32 "$base/api/search?q=militaires"
run "search, new URL each time (15 words)" 32 "$base/api/search?q=WORD" $nonce
run "search, new URL each time (15 words)" 1 "$base/api/search?q=WORD" $nonce
run "search, two words, lang=fr, new URL" 1 "$base/api/search?q=s%C3%A9cheresse%20r%C3%A9colte&lang=fr" $nonce
kill $pid
wait $pid 2>/dev/null || true
trap - EXIT INT TERM
