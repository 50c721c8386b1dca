#!/bin/sh
# bench/warc/run.sh [WORKDIR] - WARC reader speed against zcat, and
# end-to-end ingest speed into the store.
#
# Builds (once) a WARC.gz of at least 500 MB from the HTML pages in
# ../shared/data (one gzip member per record, request + response records,
# each page repeated with a perturbed title and first paragraph), in
# WORKDIR (default /tmp/revue-bench-warc; not in the repo). Then:
#   1. zcat FILE > /dev/null             (the decompression limit)
#   2. bench_warc FILE                   (the reader alone, counting callback)
#   3. revue ingest of a 1-copy archive  (articles/s into a fresh store)
# Best of 3 runs for 1 and 2; median of 3 (CPU time) for 3.
# E2E_ONLY=1 skips 1 and 2. Run from the repository root after `make`.
set -e
W=${1:-/tmp/revue-bench-warc}
DATA=../shared/data
[ -d "$DATA" ] || { echo "skip: $DATA not found"; exit 0; }
mkdir -p "$W"
BIG=$W/cc-big.warc.gz
SMALL=$W/cc-small.warc.gz
[ -s "$SMALL" ] || python3 tests/tools/mkwarc.py "$SMALL" --gzip member "$DATA"
if [ -z "${E2E_ONLY:-}" ]; then
[ -s "$BIG" ] || python3 tests/tools/mkwarc.py "$BIG" --gzip member --repeat "${REPEAT:-12}" "$DATA"
OBJS="$(find build/rel/src -name '*.o' ! -path '*/cli/*' | sort) build/rel/build/gen/web_assets.o" # the generated web assets too (api.o refers to them)
LIBS=$(pkg-config --libs libxml-2.0 libexttextcat jansson sqlite3 libutf8proc zlib libdeflate libxxhash libcurl libmicrohttpd)
cc -O2 -std=c17 -D_GNU_SOURCE -Isrc -o "$W/bench_warc" bench/warc/bench_warc.c $OBJS $LIBS -lstemmer -lm -lpthread
echo "archive: $(du -m "$BIG" | cut -f1) MB compressed, $(zcat "$BIG" | wc -c | awk '{ printf "%d", $1 / 1048576 }') MB uncompressed"
best() { sort -n | head -1; }
for i in 1 2 3; do
	s=$(date +%s.%N)
	zcat "$BIG" >/dev/null
	e=$(date +%s.%N)
	echo "$s $e" | awk '{ print $2 - $1 }'
done | best >"$W/zcat.s"
for i in 1 2 3; do
	"$W/bench_warc" "$BIG"
done | sed 's/.*seconds=\([0-9.]*\).*/\1 &/' | sort -n | head -1 | cut -d' ' -f2- >"$W/reader.out"
zs=$(cat "$W/zcat.s")
rs=$(sed 's/.*seconds=\([0-9.]*\).*/\1/' "$W/reader.out")
recs=$(sed 's/.*records=\([0-9]*\) .*/\1/' "$W/reader.out")
echo "zcat:   ${zs}s"
echo "reader: $(cat "$W/reader.out")"
echo "$zs $rs $recs" | awk '{ printf "reader speed = %.0f%% of zcat (zcat-equivalent %.0f records/s)\n", 100 * $1 / $2, $3 / $1 }'
fi
# End to end: CPU seconds (user + system) of the ingest process, median of
# 3 runs into a fresh store each: per core, and not the neighbours' load.
: >"$W/e2e.cpu"
for i in 1 2 3; do
	rm -f "$W/e2e.db" "$W/e2e.db-wal" "$W/e2e.db-shm"
	/usr/bin/time -o "$W/e2e.time" -f "%U %S %e %M" ./revue --db "$W/e2e.db" ingest --quiet "$SMALL" 2>"$W/e2e.err" || true
	tail -n 1 "$W/e2e.time" >>"$W/e2e.cpu" # after any "exited with status" line
done
set -- $(awk '{ print $1 + $2, $3, $4 }' "$W/e2e.cpu" | sort -n | sed -n 2p)
stored=$(sqlite3 "$W/e2e.db" "SELECT COUNT(*) FROM articles")
echo "end-to-end: $stored articles stored from $(zcat "$SMALL" | grep -c '^WARC-Type: response') responses in $1 CPU s ($2 s wall, peak RSS $(($3 / 1024)) MB)" \
	"= $(echo "$1 $stored" | awk '{ printf "%.0f", $2 / $1 }') articles/s per core (median of 3)"
