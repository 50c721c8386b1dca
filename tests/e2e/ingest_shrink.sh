#!/bin/sh
# A file that shrinks while revue reads it (rewritten in place by a crawler,
# `> file`, log rotation by copytruncate) was mapped, and the first read past
# its new end killed the whole ingest with SIGBUS. Now the file is named as
# changed while it was read, what was stored stays, and the rest of the
# batch carries on: exit status 2.
: "${REVUE:?}"
command -v python3 >/dev/null 2>&1 || { echo "skip: needs python3"; exit 0; }
command -v sqlite3 >/dev/null 2>&1 || { echo "skip: needs sqlite3"; exit 0; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() {
	echo "FAIL: $*"
	echo "--- stderr:"
	cat "$T/err"
	exit 1
}
mkdir "$T/in"
python3 - "$T/in/a-big.jsonl" <<'PY'
import json, random, sys
random.seed(11)
words = "quai écluse marée chalutier criée bassin grue conteneur digue phare cale amarre".split()
with open(sys.argv[1], "w") as f:
    for i in range(40000):
        text = " ".join(random.choice(words) for _ in range(90)) + f" dépêche {i}."
        f.write(json.dumps({"id": f"s{i}", "title": f"Note du port {i}", "text": text,
                            "published": "2025-05-%02d" % (1 + i % 28)}) + "\n")
PY
printf 'Le phare de la digue nord rallumé\n\nLe phare de la digue nord a été rallumé mardi soir après trois semaines de travaux, a indiqué la capitainerie.\n' >"$T/in/z-good.txt"
"$REVUE" --db "$T/db" ingest --quiet "$T/in" 2>"$T/err" &
pid=$!
# wait for the first batch to be stored, then cut the file under the reader
i=0
while [ "$i" -lt 600 ]; do
	n=$(sqlite3 "$T/db" 'SELECT COUNT(*) FROM articles' 2>/dev/null || echo 0)
	[ "${n:-0}" -gt 0 ] && break
	kill -0 "$pid" 2>/dev/null || break
	sleep 0.1
	i=$((i + 1))
done
kill -0 "$pid" 2>/dev/null || fail "ingest ended before the file could be cut"
truncate -s 4096 "$T/in/a-big.jsonl"
wait "$pid"
rc=$?
[ "$rc" -eq 2 ] || fail "exit status $rc, expected 2 (135 is SIGBUS)"
grep -q "a-big.jsonl: file changed while it was read" "$T/err" || fail "the shrunk file is not named"
ok=$(sqlite3 "$T/db" 'PRAGMA integrity_check')
[ "$ok" = ok ] || fail "integrity_check: $ok"
sqlite3 "$T/db" "SELECT COUNT(*) FROM articles WHERE ref LIKE '%z-good.txt'" | grep -qx 1 ||
	fail "the file after the shrunk one was not ingested"
# read again as it is now: its surviving lines are there already, nothing doubles
"$REVUE" --db "$T/db" ingest --quiet "$T/in" 2>"$T/err2"
dups=$(sqlite3 "$T/db" 'SELECT COUNT(*) - COUNT(DISTINCT ref) FROM articles')
[ "$dups" -eq 0 ] || fail "$dups refs stored twice"
echo ok
