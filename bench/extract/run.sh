#!/bin/sh
# bench/extract/run.sh - pages/s of revue extract against libxml2's bare
# parse, readability-lxml and Readability.js, on the same pages in the same
# run, one core each (taskset when present). revue runs twice: as
# `revue extract` (the JSON article with entities, quotes and figures) and
# as `revue extract --no-analysis` (text, metadata and language: the
# extraction alone, what the other tools do).
#
#   bench/extract/run.sh [N]     N pages of the trafilatura set (default 300)
#
# Needs ../shared/data (the pages), python3-readability (apt) and node/npm
# (@mozilla/readability + linkedom are installed into bench/extract/node_modules).
set -eu
cd "$(dirname "$0")/../.."
ROOT=$PWD
B=$ROOT/bench/extract
N=${1:-300}
SET=${SHARED:-$ROOT/../shared}/data/extraction/trafilatura/html
[ -d "$SET" ] || { echo "no pages at $SET (set SHARED=...)" >&2; exit 1; }

# tools
[ -x "$ROOT/revue" ] || make -s revue
if ! /usr/bin/python3 -c 'import readability' 2>/dev/null; then
	apt-get install -y -q python3-readability >/dev/null
fi
if [ ! -d "$B/node_modules/@mozilla/readability" ] || [ ! -d "$B/node_modules/linkedom" ]; then
	(cd "$B" && npm install --silent --no-audit --no-fund >/dev/null)
fi
CC=${CC:-cc}
$CC -O2 -o "$B/bareparse" "$B/bareparse.c" $(pkg-config --cflags --libs libxml-2.0)

# pages
W=$(mktemp -d)
trap 'rm -rf "$W"' EXIT
i=0
for f in "$SET"/*.gz; do
	[ $i -lt "$N" ] || break
	zcat "$f" > "$W/p$i.html"
	i=$((i + 1))
done
FILES=$(ls "$W"/p*.html)
BYTES=$(cat $FILES | wc -c)
PIN=""
command -v taskset >/dev/null && PIN="taskset -c 0"

# CPU time (user + system): the machine is shared, so wall clock would
# measure the neighbours. revue is timed as a whole process (start-up,
# reading, JSON output included); the others on their processing only.
# revue and the bare parse are quick: the median of 3 runs each, taken in
# turn, which damps the noise of a shared machine; the slow Python and JS
# runs go once.
cpu() {
	/usr/bin/time -o "$W/time" -f "%U %S" $PIN "$ROOT/revue" extract --format html "$@" \
		> /dev/null 2>&1 || true
	awk '{ print $1 + $2 }' "$W/time"
}
: >"$W/full"
: >"$W/only"
: >"$W/bare"
for rep in 1 2 3; do
	cpu $FILES >>"$W/full"
	cpu --no-analysis $FILES >>"$W/only"
	$PIN "$B/bareparse" $FILES | awk '{ print $2 }' >>"$W/bare"
done
median() { sort -n "$1" | sed -n 2p; }
revue_s=$(median "$W/full")
only_s=$(median "$W/only")
bare_s=$(median "$W/bare")
set -- $($PIN /usr/bin/python3 "$B/rlxml.py" $FILES); rl_s=$2
set -- $($PIN node "$B/rjs.mjs" $FILES); rjs_s=$2

rate() { echo "scale=1; $i / $1" | bc -l; }
row() { printf '%-38s %8s s %9s pages/s\n' "$1" "$(printf %.3f "$2")" "$(rate "$2")"; }
echo "pages: $i ($(echo "$BYTES / 1048576" | bc) MB), one core, CPU seconds"
row "revue extract (whole process)" "$revue_s"
row "revue extract --no-analysis" "$only_s"
row "libxml2 bare parse" "$bare_s"
row "readability-lxml 0.8 (python3)" "$rl_s"
row "Readability.js 0.6 + linkedom" "$rjs_s"
ratios() {
	echo "$1 / readability-lxml: $(echo "scale=2; $rl_s / $2" | bc -l)x"
	echo "$1 / Readability.js:   $(echo "scale=2; $rjs_s / $2" | bc -l)x"
	echo "$1 / bare parse:       $(echo "scale=0; 100 * $bare_s / $2" | bc -l)%"
}
ratios "revue extract              " "$revue_s"
ratios "revue extract --no-analysis" "$only_s"
