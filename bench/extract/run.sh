#!/bin/sh
# bench/extract/run.sh - pages/s of revue extract against libxml2's bare
# parse, readability-lxml and Readability.js, on the same pages in the same
# run, one core each (taskset when present).
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
# revue and the bare parse are quick: best of 3 runs each, which damps the
# noise of a shared machine; the slow Python and JS runs go once.
revue_s=999999
bare_s=999999
for rep in 1 2 3; do
	/usr/bin/time -o "$W/time" -f "%U %S" $PIN "$ROOT/revue" extract --format html $FILES \
		> /dev/null 2>&1 || true
	t=$(awk '{ print $1 + $2 }' "$W/time")
	revue_s=$(echo "if ($t < $revue_s) $t else $revue_s" | bc -l)
	set -- $($PIN "$B/bareparse" $FILES)
	bare_s=$(echo "if ($2 < $bare_s) $2 else $bare_s" | bc -l)
done
set -- $($PIN /usr/bin/python3 "$B/rlxml.py" $FILES); rl_s=$2
set -- $($PIN node "$B/rjs.mjs" $FILES); rjs_s=$2

rate() { echo "scale=1; $i / $1" | bc -l; }
echo "pages: $i ($(echo "$BYTES / 1048576" | bc) MB), one core, CPU seconds"
printf '%-34s %8s s %9s pages/s\n' "revue extract (whole process)" "$(printf %.3f $revue_s)" "$(rate $revue_s)"
printf '%-34s %8s s %9s pages/s\n' "libxml2 bare parse" "$(printf %.3f $bare_s)" "$(rate $bare_s)"
printf '%-34s %8s s %9s pages/s\n' "readability-lxml 0.8 (python3)" "$(printf %.3f $rl_s)" "$(rate $rl_s)"
printf '%-34s %8s s %9s pages/s\n' "Readability.js 0.6 + linkedom" "$(printf %.3f $rjs_s)" "$(rate $rjs_s)"
echo "revue / readability-lxml: $(echo "scale=2; $rl_s / $revue_s" | bc -l)x"
echo "revue / Readability.js:   $(echo "scale=2; $rjs_s / $revue_s" | bc -l)x"
echo "revue / bare parse:       $(echo "scale=0; 100 * $bare_s / $revue_s" | bc -l)%"
