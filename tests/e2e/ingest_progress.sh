#!/bin/sh
# revue ingest progress: plain key=value lines when stderr is not a terminal,
# nothing with --quiet.
: "${REVUE:?}" "${REVUE_ROOT:?}"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
for i in 1 2 3 4 5; do
	printf 'Bulletin %s\n\nThe harbour authority said on Monday that ferry %s would leave earlier from February, residents were told.\n' "$i" "$i" >"$T/n$i.txt"
done
REVUE_PROGRESS_SECONDS=0 "$REVUE" --db "$T/a.db" ingest "$T"/n*.txt 2>"$T/err" || { cat "$T/err"; exit 1; }
grep -q '^progress: files=5/5 records=5 articles=5 rate=[0-9]*/s done=100% eta=' "$T/err" || { cat "$T/err"; echo "no final progress line"; exit 1; }
grep -q '^ingest: 5 records' "$T/err" || { echo "no summary"; exit 1; }
REVUE_PROGRESS_SECONDS=0 "$REVUE" --db "$T/b.db" ingest --quiet "$T"/n*.txt 2>"$T/err2" || exit 1
[ ! -s "$T/err2" ] || { cat "$T/err2"; echo "--quiet printed something"; exit 1; }
echo ok
