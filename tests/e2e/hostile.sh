#!/bin/sh
# Ingest the hostile corpus (tests/hostile/make_hostile.py) together with
# good articles: every good article is stored, nothing crashes, memory stays
# bounded, and the batch reports what it rejected.
set -u
REVUE=${REVUE:-./revue}
root=${REVUE_ROOT:-.}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
fail() { echo "FAIL: $*"; tail -n 30 "$work/err"; exit 1; }
python3 "$root/tests/hostile/make_hostile.py" "$work/in" || fail "cannot build the corpus"
# Peak RSS of the child, measured by the parent (no extra tools needed).
python3 - "$REVUE" "$work" <<'PY' > "$work/rss" 2> "$work/err"
import resource, subprocess, sys
revue, work = sys.argv[1], sys.argv[2]
p = subprocess.run([revue, "--db", work + "/db", "ingest", work + "/in"], stderr=subprocess.PIPE)
sys.stderr.write(p.stderr.decode("utf-8", "replace"))
print(p.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)
PY
read rc rss < "$work/rss"
echo "exit $rc, peak RSS ${rss} MB"
[ "$rc" -eq 0 ] || [ "$rc" -eq 2 ] || fail "revue exited $rc (crash?)"
# ASan builds use much more memory; the bound is for the work, not the runtime.
[ "$rss" -lt 1500 ] || fail "peak RSS ${rss} MB is not bounded"
for ref in good-1.txt good-2.txt good-3; do
	"$REVUE" --db "$work/db" export | grep -q "\"ref\":\"[^\"]*$ref\"" || fail "good article $ref was not stored"
done
for name in empty.txt junk.html bomb.warc.gz deep.jsonl; do
	grep -q "$name" "$work/err" || fail "$name was not reported on stderr"
done
# Nothing stored may carry a raw CR/LF inside a URL, or be invalid UTF-8.
"$REVUE" --db "$work/db" export | python3 -c '
import json, sys
n = 0
for line in sys.stdin:
    a = json.loads(line)
    n += 1
    assert "\r" not in a.get("url", "") and "\n" not in a.get("url", ""), a.get("url")
    for k in ("published", "modified"):
        if k in a:
            assert a[k][:4].isdigit() and int(a[k][:4]) < 3000, a[k]
print(n, "articles stored")
' || fail "stored data is not clean"
echo "ok"
