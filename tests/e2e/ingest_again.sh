#!/bin/sh
# Ingest is idempotent for the articles, not only for the paths typed: the
# example corpus read again under another spelling of its path, from a copy
# elsewhere, or piped through standard input stores nothing new; a text
# stored once but piped again under another outlet's title is a duplicate,
# not "unchanged" (standard input has no name to trust), and so is a copy of a
# text with neither URL nor outlet under another file name.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cp -r examples "$dir/copy"
db="$dir/t.db"
"$REVUE" --db "$db" ingest examples 2>"$dir/first" || exit 1
first=$(grep -o '[0-9]* stored' "$dir/first")
count() { sqlite3 "$db" 'SELECT count(*) FROM articles'; }
# the stream's language counts (group_meta) are the stored articles', once
meta() { sqlite3 "$db" "SELECT key || '=' || value FROM group_meta WHERE key LIKE 'stem:%' OR key LIKE 'lang:%' ORDER BY key"; }
before=$(count)
meta_before=$(meta)
[ -n "$meta_before" ] || { echo "no language counts saved"; exit 1; }
for path in ./examples/ "$dir/copy" "$(pwd)/examples"; do
	"$REVUE" --db "$db" ingest "$path" 2>"$dir/again" || exit 1
	grep -q " 0 stored, 0 duplicates" "$dir/again" || { echo "ingest $path again:"; cat "$dir/again"; exit 1; }
done
[ "$(meta)" = "$meta_before" ] || { echo "language counts grew on a re-ingest:"; echo "$meta_before" | tr '\n' ' '; echo; meta | tr '\n' ' '; echo; exit 1; }
"$REVUE" --db "$db" ingest - <examples/html/mp-vaccine-recall.html 2>"$dir/again" || exit 1
grep -q "1 unchanged" "$dir/again" || { echo "stdin again:"; cat "$dir/again"; exit 1; }
[ "$(count)" = "$before" ] || { echo "rows $before -> $(count)"; exit 1; }
cp examples/text/coastal-dam-01.txt "$dir/renamed.txt"
"$REVUE" --db "$db" ingest "$dir/renamed.txt" 2>"$dir/again" || exit 1
grep -q "1 duplicates" "$dir/again" || { echo "renamed copy:"; cat "$dir/again"; exit 1; }
# the same body under another headline and outlet, twice through stdin
{ echo "Harbour Gazette"; echo; echo "Another outlet runs the wire story"; echo; tail -n +4 examples/text/coastal-dam-01.txt; } >"$dir/other.txt"
"$REVUE" --db "$db" ingest - <"$dir/other.txt" 2>"$dir/again" || exit 1
"$REVUE" --db "$db" ingest - <"$dir/other.txt" 2>"$dir/twice" || exit 1
echo "first ingest: $first; other outlet: $(tail -1 "$dir/again"); again: $(tail -1 "$dir/twice")"
grep -q "1 stored\|1 duplicates" "$dir/again" || exit 1
grep -q "1 unchanged" "$dir/twice" || exit 1
