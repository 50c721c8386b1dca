#!/bin/sh
# The command-line contract: help, usage errors, exit codes, --db and
# $REVUE_DB, idempotent ingest, stdin, export formats.
set -u
REVUE=${REVUE:-./revue}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

"$REVUE" --help | grep -q 'ingest' || fail "--help does not list commands"
for c in ingest extract stories story article export; do
	"$REVUE" $c --help > /dev/null || fail "$c --help failed"
done
"$REVUE" frobnicate 2>/dev/null; [ $? -eq 1 ] || fail "unknown command must exit 1"
"$REVUE" ingest 2>/dev/null; [ $? -eq 1 ] || fail "ingest without paths must exit 1"
"$REVUE" story abc 2>/dev/null; [ $? -eq 1 ] || fail "bad id must exit 1"
"$REVUE" ingest --format nope x 2>/dev/null; [ $? -eq 1 ] || fail "bad format must exit 1"
# --db without its path: say so ("unknown option --db" sent the reader
# looking for a misspelling), and never take the command for the path
"$REVUE" --db 2> "$work/err"; [ $? -eq 1 ] || fail "--db without a path must exit 1"
grep -q -- '--db needs a PATH' "$work/err" || fail "--db without a path said: $(cat "$work/err")"
"$REVUE" --db stories 2> "$work/err"; [ $? -eq 1 ] || fail "--db followed by a command must exit 1"
grep -q -- '--db needs a PATH' "$work/err" || fail "--db followed by a command said: $(cat "$work/err")"
[ ! -e stories ] || fail "--db took the command 'stories' for the store's path"

cat > "$work/a.txt" <<'TXT'
Accueil » Monde » Valmer

La grève paralyse le port de Valmer

Les dockers du port de Valmer ont cessé le travail lundi matin. «Nous ne reprendrons pas sans garanties», a déclaré le délégué syndical Marc Leroy.

Environ 1.200 grévistes se sont rassemblés devant les grilles.
TXT
printf 'Other words entirely about a wildfire near Corvan that burned 3,500 hectares.\n' > "$work/b.txt"
REVUE_DB="$work/env.db" "$REVUE" ingest "$work/a.txt" 2>/dev/null || fail "ingest via REVUE_DB failed"
[ -f "$work/env.db" ] || fail "REVUE_DB was not used"
"$REVUE" --db "$work/db" ingest "$work/a.txt" 2>/dev/null || fail "ingest failed"
"$REVUE" ingest --db "$work/db" "$work/a.txt" 2> "$work/err" || fail "second ingest failed"
grep -q '1 unchanged' "$work/err" || fail "re-ingest was not idempotent: $(cat "$work/err")"
"$REVUE" --db "$work/db" ingest --source "Corvan Gazette" - < "$work/b.txt" 2>/dev/null || fail "stdin ingest failed"
n=$("$REVUE" --db "$work/db" export | wc -l)
[ "$n" -eq 2 ] || fail "expected 2 articles, got $n"
"$REVUE" --db "$work/db" export | grep -q '"ref":"-"' || fail "stdin record should have ref -"
"$REVUE" --db "$work/db" export | grep '"ref":"-"' | grep -q '"source":"Corvan Gazette"' || fail "--source not applied"
"$REVUE" --db "$work/db" export --format csv | head -1 | grep -q '^id,ref,url' || fail "csv header"
"$REVUE" --db "$work/db" export --format csv --what events | head -1 | grep -q '^id,storyline' || fail "events csv"
"$REVUE" --db "$work/db" stories | grep -q 'grève\|Valmer' || fail "stories does not show the article"
"$REVUE" --db "$work/db" stories --json | python3 -c 'import json,sys; [json.loads(l) for l in sys.stdin]' || fail "stories --json"
"$REVUE" --db "$work/db" article 1 | grep -q 'Valmer' || fail "article 1"
"$REVUE" --db "$work/db" article 1 --json | python3 -c 'import json,sys; a=json.load(sys.stdin); assert a["id"]==1 and a["event"]' || fail "article --json"
"$REVUE" --db "$work/db" article 99 2>/dev/null; [ $? -ne 0 ] || fail "missing article must fail"
ev=$("$REVUE" --db "$work/db" article 1 --json | python3 -c 'import json,sys; print(json.load(sys.stdin)["event"])')
"$REVUE" --db "$work/db" story "$ev" | grep -q 'Valmer' || fail "story $ev"
"$REVUE" --db "$work/db" story "$ev" --json | python3 -c 'import json,sys; s=json.load(sys.stdin); assert s["members"]' || fail "story --json"
"$REVUE" extract "$work/a.txt" | python3 -c '
import json, sys
a = json.loads(sys.stdin.readline())
assert a["ref"].endswith("a.txt"), a["ref"]
assert "id" not in a
assert "Valmer" in a["text"]
' || fail "extract output"
echo "ok"
