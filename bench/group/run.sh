#!/bin/sh
# Grouping benchmark: grouping alone (bench_place) and end to end (revue
# ingest), with peak RSS from /usr/bin/time -v. Run from the repo root after
# `make`:   bench/group/run.sh 10000 100000 1000000
# (E2E_MAX=N skips the end-to-end run above N articles.)
# The largest size is then placed once more with --reference: its first 10k
# articles placed again into a fresh grouper beside every later chunk, so
# the flatness (throughput at N against 10k) is read from paired runs under
# the same load of the machine (REFERENCE=0 skips it; its peak RSS includes
# the 10k articles it keeps, so the RSS figures come from the runs above).
# Work files go to bench/work/ (ignored by git).
set -e
cd "$(dirname "$0")/../.."
mkdir -p bench/work
PKGS="libxml-2.0 libexttextcat jansson sqlite3 libutf8proc zlib libdeflate libxxhash libcurl libmicrohttpd"
OBJ="$(find build/rel/src -name '*.o' ! -path '*/cli/main.o') $(find build/rel/build/gen -name '*.o' 2>/dev/null)"
cc -std=c17 -D_GNU_SOURCE -O2 -Isrc $(pkg-config --cflags $PKGS) -o bench/work/bench_place \
	bench/group/bench_place.c $OBJ $(pkg-config --libs $PKGS) -lstemmer -lm -lpthread
E2E_MAX=${E2E_MAX:-1000000}
# One stream of the largest size; smaller runs take its first N articles, so
# every size sees the same density of articles per day (flat cost shows).
max=0
for n in "$@"; do [ "$n" -gt "$max" ] && max=$n; done
full=bench/work/stream_$max.jsonl
[ -f "$full" ] || python3 bench/group/gen.py "$max" > "$full"
for n in "$@"; do
	f=bench/work/prefix_$n.jsonl
	head -n "$n" "$full" > "$f"
	echo "== $n articles: grouping alone"
	/usr/bin/time -v bench/work/bench_place "$f" 2> bench/work/time_place_$n.txt
	grep -E "Maximum resident|Elapsed" bench/work/time_place_$n.txt
	if [ "$n" -le "$E2E_MAX" ]; then
		echo "== $n articles: end to end (revue ingest --format jsonl)"
		rm -f bench/work/e2e.db bench/work/e2e.db-wal bench/work/e2e.db-shm
		/usr/bin/time -v ./revue --db bench/work/e2e.db ingest --format jsonl "$f" 2> bench/work/time_e2e_$n.txt || true
		grep -E "^ingest:|Maximum resident|Elapsed|User time|System time" bench/work/time_e2e_$n.txt
		secs=$(grep Elapsed bench/work/time_e2e_$n.txt | awk '{print $NF}' | awk -F: '{ if (NF==3) print $1*3600+$2*60+$3; else print $1*60+$2 }')
		echo "end_to_end_per_s=$(python3 -c "print(round($n/$secs))")"
	fi
done
if [ "${REFERENCE:-1}" != 0 ] && [ "$max" -gt 10000 ]; then
	echo "== $max articles: grouping alone, the first 10k placed again beside each chunk"
	bench/work/bench_place bench/work/prefix_$max.jsonl --reference | grep -E "again|chunks after"
fi
