#!/bin/sh
# A batch mixing good articles with every kind of bad input: each bad input
# gets one stderr line naming it, the good ones are stored, exit status is 2.
set -u
REVUE=${REVUE:-./revue}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
in=$work/in
mkdir -p "$in"
fail() { echo "FAIL: $*"; echo "--- stderr:"; cat "$work/err"; exit 1; }

printf 'Grève au port de Valmer\n\nLes dockers du port de Valmer ont cessé le travail lundi, a annoncé le syndicat.\n' > "$in/good1.txt"
printf '<html><head><title>Wildfire spreads</title></head><body><p>The fire grew to 3,500 hectares overnight, officials said on Tuesday.</p></body></html>' > "$in/good2.html"
: > "$in/empty.txt"
printf '\177ELF\002\001\001\000\000\000binary\000junk' > "$in/binary.html"
printf 'Caf\351 cr\350me \340 Valmer\n\nLe pr\351sident a d\351clar\351 que tout allait bien.\n' > "$in/latin1.txt"
yes 'lorem ipsum dolor sit amet' | head -c 209715200 > "$in/huge.txt"
ln -s "$in/does-not-exist.txt" "$in/dangling.txt"
printf '{"id":"j1","text":"Un article valide en JSONL.","title":"Valide"}\n{"id":"j2", broken\n{"id":"j3"}\n' > "$in/batch.jsonl"

"$REVUE" --db "$work/db" ingest "$in" "$work/missing-path" 2> "$work/err"
rc=$?
[ "$rc" -eq 2 ] || fail "exit status $rc, expected 2"
grep -q 'empty.txt: empty file' "$work/err" || fail "empty file not reported"
grep -q 'binary.html: binary data' "$work/err" || fail "binary file not reported"
grep -q 'huge.txt: too large' "$work/err" || fail "200 MB file not reported"
grep -q 'dangling.txt: cannot' "$work/err" || fail "unreadable path not reported"
grep -q 'missing-path: cannot' "$work/err" || fail "missing path not reported"
grep -q 'batch.jsonl#2: malformed JSON' "$work/err" || fail "malformed JSONL line not reported"
grep -q 'batch.jsonl#3: no "text"' "$work/err" || fail "JSONL line without text not reported"
grep -q '7 rejected' "$work/err" || fail "summary does not count 7 rejections"

n=$("$REVUE" --db "$work/db" export --format jsonl | wc -l)
[ "$n" -eq 4 ] || fail "expected 4 stored articles, got $n"
"$REVUE" --db "$work/db" export --format jsonl | grep -q 'Café crème à Valmer' || fail "Windows-1252 text not decoded"
"$REVUE" --db "$work/db" export --format jsonl | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)          # every output line is valid JSON and UTF-8
    assert a["ref"], a
' || fail "export is not valid JSONL"
# a mistyped option value names itself: exit 1 with the reason
"$REVUE" --db "$work/db" entities --type persn 2>"$work/e" >/dev/null
[ $? -eq 1 ] && grep -q "unknown type 'persn'" "$work/e" || fail "unknown --type not reported: $(cat "$work/e")"
"$REVUE" --db "$work/db" ingest --format pdf x 2>"$work/e" >/dev/null
[ $? -eq 1 ] && grep -q "unknown format 'pdf'" "$work/e" || fail "unknown --format not reported: $(cat "$work/e")"
"$REVUE" --db "$work/db" stories --limit 0 2>"$work/e" >/dev/null
[ $? -eq 1 ] && grep -q "limit is a number of 1 or more" "$work/e" || fail "--limit 0 accepted"
"$REVUE" --db "$work/db" export --what storylines 2>"$work/e" >/dev/null
[ $? -eq 1 ] && grep -q "not 'storylines'" "$work/e" || fail "bad --what not named"
echo "ok: bad inputs rejected, good ones stored"
