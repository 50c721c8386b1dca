#!/bin/sh
# bench/warc/many_small.sh [WORKDIR] [FILES] - a crawl of many small
# .warc.gz files, where what is done once per file (opening, sniffing the
# format, the first members) weighs more than in one large archive.
#
# Builds (once) the 1-copy archive of bench/warc/run.sh from ../shared/data
# (one gzip member per record), and splits its members, in order, into FILES
# (default 500) .warc.gz files of consecutive members in WORKDIR/crawl
# (default /tmp/revue-bench-warc; not in the repo). Then, with the binaries
# at $REVUE (default ./revue) and $BENCH_WARC (default: built from
# build/rel like run.sh), over the directory:
#   1. bench_warc DIR   the readers alone (counting callback), wall s, best of 3
#   2. revue ingest DIR CPU s (user + system) into a fresh store, median of 3
# Run from the repository root after `make`.
set -e
W=${1:-/tmp/revue-bench-warc}
FILES=${2:-500}
DATA=../shared/data
[ -d "$DATA" ] || { echo "skip: $DATA not found"; exit 0; }
mkdir -p "$W"
SMALL=$W/cc-small.warc.gz
[ -s "$SMALL" ] || python3 tests/tools/mkwarc.py "$SMALL" --gzip member "$DATA"
CRAWL=$W/crawl-$FILES
if [ ! -d "$CRAWL" ]; then
	mkdir -p "$CRAWL.tmp"
	python3 - "$SMALL" "$CRAWL.tmp" "$FILES" <<'EOF'
import sys, zlib
src, out, files = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, "rb").read()
ends, pos = [], 0
while pos < len(data):  # where each gzip member ends
    d = zlib.decompressobj(31)
    d.decompress(data[pos:])
    pos = len(data) - len(d.unused_data)
    ends.append(pos)
start = 0
for i in range(files):
    stop = ends[(i + 1) * len(ends) // files - 1]
    with open("%s/part-%04d.warc.gz" % (out, i), "wb") as f:
        f.write(data[start:stop])
    start = stop
EOF
	mv "$CRAWL.tmp" "$CRAWL"
fi
REVUE=${REVUE:-./revue}
if [ -z "${BENCH_WARC:-}" ]; then
	BENCH_WARC=$W/bench_warc
	OBJS="$(find build/rel/src -name '*.o' ! -path '*/cli/*' | sort) build/rel/build/gen/web_assets.o"
	LIBS=$(pkg-config --libs libxml-2.0 libexttextcat jansson sqlite3 libutf8proc zlib libdeflate libxxhash libcurl libmicrohttpd)
	cc -O2 -std=c17 -D_GNU_SOURCE -Isrc -o "$BENCH_WARC" bench/warc/bench_warc.c $OBJS $LIBS -lstemmer -lm -lpthread
fi
echo "crawl: $(ls "$CRAWL" | wc -l) files, $(du -sm "$CRAWL" | cut -f1) MB compressed"
for i in 1 2 3; do
	"$BENCH_WARC" "$CRAWL"
done | sed 's/.*seconds=\([0-9.]*\).*/\1 &/' | sort -n | head -1 | cut -d' ' -f2- >"$W/many.reader"
echo "reader: $(cat "$W/many.reader") (best of 3)"
: >"$W/many.cpu"
for i in 1 2 3; do
	rm -f "$W/many.db" "$W/many.db-wal" "$W/many.db-shm"
	/usr/bin/time -o "$W/many.time" -f "%U %S %e" "$REVUE" --db "$W/many.db" ingest --quiet "$CRAWL" 2>"$W/many.err" || true
	tail -n 1 "$W/many.time" >>"$W/many.cpu"
done
set -- $(awk '{ print $1 + $2, $3 }' "$W/many.cpu" | sort -n | sed -n 2p)
echo "end-to-end: $(sqlite3 "$W/many.db" "SELECT COUNT(*) FROM articles") articles in $1 CPU s ($2 s wall, median of 3)"
