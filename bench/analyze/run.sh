#!/bin/sh
# Articles/s of entities+quotes+figures (analysis only) on texts nobody here
# wrote: the NER and quote sets' inputs, and the extraction dev set's texts
# when a JSONL of them is given. Builds ./revue's objects first.
#   bench/analyze/run.sh [FILE.jsonl ...]
set -e
cd "$(dirname "$0")/../.."
make -s -j2 revue >/dev/null
PKGS="libxml-2.0 libexttextcat jansson sqlite3 libutf8proc zlib libxxhash libcurl libmicrohttpd"
# every library object, the generated web assets included (the CLI pulls them in)
OBJ="$(find build/rel/src -name '*.o' ! -path 'build/rel/src/cli/main.o' | sort) build/rel/build/gen/web_assets.o"
mkdir -p build/bench
cc -std=c17 -D_GNU_SOURCE -O2 -Isrc $(pkg-config --cflags $PKGS) -o build/bench/bench_analyze \
	bench/analyze/bench_analyze.c $OBJ $(pkg-config --libs $PKGS) -lstemmer -lm -lpthread
if [ $# -eq 0 ]; then
	set -- ../shared/data/ner/wikineural-fr/input.jsonl ../shared/data/ner/wikineural-en/input.jsonl \
		../shared/data/quotes/polnear/input.jsonl
fi
for f in "$@"; do
	printf '%s: ' "$f"
	./build/bench/bench_analyze --rounds 3 "$f"
done
