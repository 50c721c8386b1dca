#!/bin/sh
# Articles/s of entities+quotes+figures (analysis only) on texts nobody here
# wrote: the NER and quote sets' inputs and the extraction dev set's texts
# (../shared/data/extraction/trafilatura: its pages are gunzipped and run
# through `revue extract --format html` once, into
# build/bench/extraction-dev.jsonl, whose "text" and "lang" are then
# analysed; delete that file to extract again). Builds ./revue's objects first.
#   bench/analyze/run.sh [FILE.jsonl ...]
set -e
cd "$(dirname "$0")/../.."
make -s -j2 revue >/dev/null
PKGS="libxml-2.0 libexttextcat jansson sqlite3 libutf8proc zlib libdeflate libxxhash libcurl libmicrohttpd"
# every library object, the generated web assets included (the CLI pulls them in)
OBJ="$(find build/rel/src -name '*.o' ! -path 'build/rel/src/cli/main.o' | sort) build/rel/build/gen/web_assets.o"
mkdir -p build/bench
cc -std=c17 -D_GNU_SOURCE -O2 -Isrc $(pkg-config --cflags $PKGS) -o build/bench/bench_analyze \
	bench/analyze/bench_analyze.c $OBJ $(pkg-config --libs $PKGS) -lstemmer -lm -lpthread
if [ $# -eq 0 ]; then
	set -- ../shared/data/ner/wikineural-fr/input.jsonl ../shared/data/ner/wikineural-en/input.jsonl \
		../shared/data/quotes/polnear/input.jsonl
	DEV=../shared/data/extraction/trafilatura/html
	OUT=build/bench/extraction-dev.jsonl
	if [ -d "$DEV" ] && [ ! -s "$OUT" ]; then
		T=$(mktemp -d)
		for f in "$DEV"/*.gz; do
			gunzip -c "$f" > "$T/$(basename "$f" .gz)"
		done
		REVUE=$(pwd)/revue
		(cd "$T" && REVUE_DB="$T/bench.db" "$REVUE" extract --format html * > extraction-dev.jsonl 2>/dev/null) || true
		mv "$T/extraction-dev.jsonl" "$OUT"
		rm -rf "$T"
	fi
	[ -s "$OUT" ] && set -- "$@" "$OUT"
fi
for f in "$@"; do
	printf '%s: ' "$f"
	./build/bench/bench_analyze --rounds 3 "$f"
done
