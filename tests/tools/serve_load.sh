#!/bin/sh
# serve_load.sh REVUE DB SECONDS WORKDIR - revue serve under load on loopback.
#
# Starts `REVUE --db DB serve` on a free 127.0.0.1 port, then for SECONDS runs
# at once: wrk (2 threads, 32 connections, tests/tools/load.lua: /api/stories
# and /api/search), slowloris.py (SLOW_CONNS connections, a byte every 2 s),
# malformed.py (broken requests in a loop) and an RSS sampler (VmRSS from
# /proc/PID/status every second). Afterwards: /api/health must answer 200 and
# SIGTERM must stop the server with status 0.
# Fails on: any 5xx (wrk or malformed), an injected header, wrk connect/read/
# write/timeout errors, no 2xx, health down, unclean exit, RSS growth above
# RSS_LIMIT_KB between the end of the first fifth of the run and the end.
# Prints the figures as "load: ..." lines. Uses only 127.0.0.1.
set -u
revue=$1
db=$2
secs=$3
work=$4
here=$(cd "$(dirname "$0")" && pwd)
slow=${SLOW_CONNS:-150}
rss_limit=${RSS_LIMIT_KB:-32768}
mkdir -p "$work"
command -v wrk >/dev/null 2>&1 || { echo "FAIL: wrk is required (Debian wrk)"; exit 1; }
fails=0
fail() {
	echo "FAIL: $*"
	fails=$((fails + 1))
}

"$revue" --db "$db" serve --port 0 --timeout 10 >"$work/serve.out" 2>"$work/serve.err" &
pid=$!
trap 'kill $pid 2>/dev/null' EXIT INT TERM
port=""
for _ in $(seq 1 100); do
	port=$(sed -n 's/.*:\([0-9][0-9]*\)\/$/\1/p' "$work/serve.out" 2>/dev/null)
	[ -n "$port" ] && break
	sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: server did not start"; cat "$work/serve.err"; exit 1; }
base="http://127.0.0.1:$port"

# RSS sampler: one line "SECONDS KB" per second until the server is gone
(
	i=0
	while [ $i -le $((secs + 5)) ] && kill -0 $pid 2>/dev/null; do
		kb=$(sed -n 's/^VmRSS:[[:space:]]*\([0-9]*\) kB/\1/p' /proc/$pid/status 2>/dev/null)
		[ -n "$kb" ] && echo "$i $kb"
		i=$((i + 1))
		sleep 1
	done
) >"$work/rss.log" &
rss_pid=$!

python3 "$here/slowloris.py" "$port" --conns "$slow" --duration "$secs" --interval 2 >"$work/slow.out" 2>&1 &
slow_pid=$!
python3 "$here/malformed.py" "$port" --duration "$secs" >"$work/malformed.out" 2>&1 &
mal_pid=$!
sleep 1 # let slowloris take its connections first
wrk -t2 -c32 -d"$((secs - 1))s" --timeout 5s -s "$here/load.lua" "$base" >"$work/wrk.out" 2>&1
wrk_rc=$?
wait $slow_pid
wait $mal_pid
mal_rc=$?

code=$(curl -s -o "$work/health" -w '%{http_code}' --max-time 5 "$base/api/health")
[ "$code" = 200 ] || fail "/api/health after the load: status $code"
kill -TERM $pid
wait $pid
rc=$?
trap - EXIT INT TERM
wait $rss_pid 2>/dev/null

cat "$work/wrk.out" | sed -n 's/^ *\(Requests\/sec\|Transfer\/sec\):/load: wrk \1:/p; s/^ *\([0-9]* requests in .*\)/load: wrk \1/p'
grep -E '^wrk-' "$work/wrk.out" | sed 's/^/load: /'
sed 's/^/load: /' "$work/slow.out" "$work/malformed.out"
[ $wrk_rc = 0 ] || fail "wrk exited $wrk_rc: $(tail -3 "$work/wrk.out")"
st=$(grep '^wrk-status:' "$work/wrk.out")
[ -n "$st" ] || fail "no wrk status line"
echo "$st" | grep -q ' 5xx=0$' || fail "wrk saw server errors: $st"
echo "$st" | grep -q ' 2xx=0 ' && fail "wrk got no 2xx: $st"
er=$(grep '^wrk-errors:' "$work/wrk.out")
echo "$er" | grep -q 'connect=0 read=0 write=0 status=[0-9]* timeout=0' || fail "wrk socket errors: $er"
[ $mal_rc = 0 ] || fail "malformed requests: $(cat "$work/malformed.out")"
grep -q '^slowloris: ' "$work/slow.out" || fail "slowloris: $(tail -3 "$work/slow.out")"
[ $rc = 0 ] || fail "server exit status $rc: $(tail -20 "$work/serve.err")"

# RSS: first sample after a fifth of the run (caches warm) vs the last one
warm=$((secs / 5))
first=$(awk -v w="$warm" '$1 >= w { print $2; exit }' "$work/rss.log")
last=$(awk '{ v = $2 } END { print v }' "$work/rss.log")
max=$(awk 'BEGIN { m = 0 } $2 > m { m = $2 } END { print m }' "$work/rss.log")
start=$(awk 'NR == 1 { print $2 }' "$work/rss.log")
if [ -n "$first" ] && [ -n "$last" ]; then
	growth=$((last - first))
	echo "load: rss_kb start=$start warm=$first end=$last max=$max growth_after_warmup=$growth samples=$(wc -l <"$work/rss.log")"
	[ $growth -le "$rss_limit" ] || fail "RSS grew by $growth kB after warm-up (limit $rss_limit)"
else
	fail "no RSS samples"
fi
echo "load: server exit status $rc"
[ $fails -eq 0 ] && echo "load: ok" || echo "load: $fails failure(s)"
[ $fails -eq 0 ]
