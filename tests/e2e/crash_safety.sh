#!/bin/sh
# kill -9 an ingest at random moments, re-run it each time: the database
# stays consistent and, at the end, every input is stored exactly once.
set -u
REVUE=${REVUE:-./revue}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
N=20000
python3 - "$work/batch.jsonl" "$N" <<'PY'
import json, random, sys
random.seed(7)
words = "port grève dockers valmer incendie corvan hectares ministre sommet banque taux vote recomptage barrage mine rappel vaccin transfert club".split()
with open(sys.argv[1], "w") as f:
    for i in range(int(sys.argv[2])):
        text = " ".join(random.choice(words) for _ in range(60)) + f" article {i}."
        f.write(json.dumps({"id": f"k{i}", "title": f"Dépêche {i}", "text": text,
                            "published": f"2024-03-{1 + i % 28:02d}"}) + "\n")
PY
kills=0
for i in $(seq 1 50); do
	"$REVUE" --db "$work/db" ingest --quiet "$work/batch.jsonl" 2>/dev/null &
	pid=$!
	sleep "0.$(shuf -i 10-400 -n 1 | xargs printf "%03d")"
	kill -9 "$pid" 2>/dev/null && kills=$((kills + 1))
	wait "$pid" 2>/dev/null
	ok=$(sqlite3 "$work/db" 'PRAGMA integrity_check' 2>&1)
	[ "$ok" = "ok" ] || fail "integrity_check after kill $i: $ok"
done
"$REVUE" --db "$work/db" ingest --quiet "$work/batch.jsonl" || fail "final ingest failed"
total=$(sqlite3 "$work/db" 'SELECT COUNT(*) FROM articles')
distinct=$(sqlite3 "$work/db" 'SELECT COUNT(DISTINCT ref) FROM articles')
[ "$total" -eq "$N" ] || fail "expected $N articles, got $total"
[ "$distinct" -eq "$N" ] || fail "duplicated refs: $distinct distinct of $total"
echo "ok: $kills kills, $total articles, integrity ok"
