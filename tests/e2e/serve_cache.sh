#!/bin/sh
# The server's per-thread response cache must key on the exact arguments:
# "q=museum&limit=1" and "q=museum%26limit%3D1" (one argument q whose value
# holds & and =) once shared a slot, so the second got the first's answer;
# a request with too many arguments must get its 400 even when its first 32
# arguments were answered before.
set -u
root=${REVUE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
revue=${REVUE:-$root/build/san/revue}
command -v curl >/dev/null 2>&1 || { echo "FAIL: curl is required"; exit 1; }
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
"$revue" --db "$tmp/r.db" ingest "$root/tests/fixtures/serve/corpus.jsonl" >/dev/null || exit 1
"$revue" --db "$tmp/r.db" serve --port 0 --threads 1 >"$tmp/out" 2>"$tmp/err" &
pid=$!
port=""
for _ in $(seq 1 100); do
	port=$(sed -n 's/.*:\([0-9][0-9]*\)\/$/\1/p' "$tmp/out" 2>/dev/null)
	[ -n "$port" ] && break
	sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: server did not start"; cat "$tmp/err"; exit 1; }
base="http://127.0.0.1:$port"
fails=0
a=$(curl -s "$base/api/search?q=militaires&limit=1")
b=$(curl -s "$base/api/search?q=militaires%26limit%3D1")
echo "$a" | grep -q '"query":"militaires"' || { echo "FAIL: first answer: $a"; fails=$((fails + 1)); }
echo "$b" | grep -q '"query":"militaires&limit=1"' || { echo "FAIL: second answer is not its own: $b"; fails=$((fails + 1)); }
many=""
for i in $(seq 1 40); do many="$many&a$i=1"; done
few=""
for i in $(seq 1 32); do few="$few&a$i=1"; done
c1=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/stories?${few#&}")
c2=$(curl -s -o /dev/null -w '%{http_code}' "$base/api/stories?${many#&}")
[ "$c2" = 400 ] || { echo "FAIL: 40 arguments after 32 were cached ($c1): status $c2"; fails=$((fails + 1)); }
kill -TERM $pid
wait $pid
rc=$?
pid=""
[ $rc = 0 ] || { echo "FAIL: server exit $rc"; cat "$tmp/err"; fails=$((fails + 1)); }
[ $fails = 0 ]
