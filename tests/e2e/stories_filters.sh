#!/bin/sh
# revue stories and GET /api/stories agree under filters: a filter picks the
# stories, each is counted whole, in the same order; an impossible day is a
# usage error naming it; a filter that matches nothing says so. revue search
# --json and GET /api/search give the same hits with the same snippet_parts;
# CSV exports have one shape.
set -u
root=${REVUE_ROOT:-$(cd "$(dirname "$0")/../.." && pwd)}
revue=${REVUE:-$root/build/san/revue}
command -v curl >/dev/null 2>&1 || { echo "FAIL: curl is required (Debian curl)"; exit 1; }
tmp=$(mktemp -d)
pid=""
trap '[ -n "$pid" ] && kill "$pid" 2>/dev/null; rm -rf "$tmp"' EXIT INT TERM
"$revue" --db "$tmp/r.db" ingest "$root/examples" 2>/dev/null || exit 1
"$revue" --db "$tmp/r.db" serve --port 0 --timeout 3 >"$tmp/out" 2>"$tmp/err" &
pid=$!
port=""
for _ in $(seq 1 100); do
	port=$(sed -n 's/.*:\([0-9][0-9]*\)\/$/\1/p' "$tmp/out")
	[ -n "$port" ] && break
	sleep 0.1
done
[ -n "$port" ] || { echo "FAIL: server did not start"; cat "$tmp/err"; exit 1; }
fails=0
for q in "since=2026-04-01" "lang=fr" "until=2026-05-10&lang=en" "since=2026-03-01&until=2026-04-30"; do
	args=$(echo "$q" | sed 's/^/--/; s/&/ --/g; s/=/ /g')
	# shellcheck disable=SC2086
	"$revue" --db "$tmp/r.db" stories $args --json >"$tmp/cli" || { echo "FAIL: stories $args"; fails=$((fails + 1)); }
	curl -s "http://127.0.0.1:$port/api/stories?$q&limit=100" >"$tmp/api"
	python3 - "$tmp/cli" "$tmp/api" "$q" <<'PY' || fails=$((fails + 1))
import json, sys
cli = [json.loads(l) for l in open(sys.argv[1])]
api = json.load(open(sys.argv[2]))["stories"]
c = [(s["id"], s["articles"]) for s in cli]
a = [(s["id"], s["articles"]) for s in api]
if not c or c != a:
    print("FAIL: %s: cli %s, api %s" % (sys.argv[3], c, a))
    sys.exit(1)
print("ok: %s: %d stories alike" % (sys.argv[3], len(c)))
PY
done
# --source and --storyline pick what the API's source= and storyline= pick;
# one storyline reads oldest first, as a timeline
"$revue" --db "$tmp/r.db" stories --source "Le Courrier du Rhône" --json >"$tmp/cli" || fails=$((fails + 1))
curl -s "http://127.0.0.1:$port/api/stories?source=Le%20Courrier%20du%20Rh%C3%B4ne&limit=100" >"$tmp/api"
sl=$("$revue" --db "$tmp/r.db" stories --json | python3 -c "
import json,sys,collections
c=collections.Counter(json.loads(l)['storyline'] for l in sys.stdin)
print(max(c, key=lambda k: (c[k], -k)))")
"$revue" --db "$tmp/r.db" stories --storyline "$sl" --json >"$tmp/cli_sl" || fails=$((fails + 1))
curl -s "http://127.0.0.1:$port/api/stories?storyline=$sl&limit=100" >"$tmp/api_sl"
python3 - "$tmp/cli" "$tmp/api" "$tmp/cli_sl" "$tmp/api_sl" "$sl" <<'PY' || fails=$((fails + 1))
import json, sys
def ids(p, api):
    return [s["id"] for s in (json.load(open(p))["stories"] if api else [json.loads(l) for l in open(p)])]
c, a = ids(sys.argv[1], False), ids(sys.argv[2], True)
if not c or c != a:
    print("FAIL: --source: cli %s, api %s" % (c, a)); sys.exit(1)
cli = [json.loads(l) for l in open(sys.argv[3])]
a = ids(sys.argv[4], True)
if len(cli) < 2 or sorted(s["id"] for s in cli) != sorted(a) or any(s["storyline"] != int(sys.argv[5]) for s in cli):
    print("FAIL: --storyline %s: cli %s, api %s" % (sys.argv[5], [s["id"] for s in cli], a)); sys.exit(1)
firsts = [s["first"] for s in cli]
if firsts != sorted(firsts):
    print("FAIL: --storyline is not oldest first: %s" % firsts); sys.exit(1)
print("ok: --source (%d stories) and --storyline %s (%d events, oldest first)" % (len(c), sys.argv[5], len(cli)))
PY
"$revue" --db "$tmp/r.db" stories --storyline 9999 >"$tmp/none" || fails=$((fails + 1))
grep -q "no storyline 9999" "$tmp/none" || { echo "FAIL: missing storyline said: $(cat "$tmp/none")"; fails=$((fails + 1)); }
for bad in 2026-13-01 yesterday 2026-02-30 2026-4-1; do
	"$revue" --db "$tmp/r.db" stories --since "$bad" >/dev/null 2>"$tmp/e"
	rc=$?
	if [ $rc -ne 1 ] || ! grep -q "'$bad' is not a day" "$tmp/e"; then
		echo "FAIL: --since $bad: exit $rc, $(cat "$tmp/e")"
		fails=$((fails + 1))
	fi
done
"$revue" --db "$tmp/r.db" stories --lang xx >"$tmp/none" || fails=$((fails + 1))
grep -q "no stories match" "$tmp/none" || { echo "FAIL: empty filter said: $(cat "$tmp/none")"; fails=$((fails + 1)); }
# search --json carries the same hit shape as GET /api/search: snippet_parts
"$revue" --db "$tmp/r.db" search barrage --json >"$tmp/cli" || fails=$((fails + 1))
curl -s "http://127.0.0.1:$port/api/search?q=barrage&limit=20" >"$tmp/api"
python3 - "$tmp/cli" "$tmp/api" <<'PY' || fails=$((fails + 1))
import json, sys
cli = [json.loads(l) for l in open(sys.argv[1])]
api = json.load(open(sys.argv[2]))["hits"]
bad = [h["id"] for h in cli if not any(p["match"] for p in h.get("snippet_parts", []))]
if not cli or bad or [h["id"] for h in cli] != [h["id"] for h in api][:len(cli)] or \
        [h["snippet_parts"] for h in cli] != [h["snippet_parts"] for h in api][:len(cli)]:
    print("FAIL: search --json: %d hits, no marked part in %s" % (len(cli), bad))
    sys.exit(1)
print("ok: search --json: %d hits with snippet_parts, as the API" % len(cli))
PY
# an article with no outlet is "[file]" in a story's members, and that label
# filters like any outlet
curl -s "http://127.0.0.1:$port/api/stories/6" | python3 -c '
import json, sys
s = json.load(sys.stdin)
src = [m.get("source") for m in s["members"]]
sys.exit(0 if "[hld-port-strike-01.txt]" in src and None not in src else 1)' ||
	{ echo "FAIL: story members lack the [file] label"; fails=$((fails + 1)); }
# a duplicate matched by its title shows its original's lead, not nothing
"$revue" --db "$tmp/r.db" search grève --json | python3 -c '
import json, sys
hits = [json.loads(l) for l in sys.stdin]
empty = [h["id"] for h in hits if not h["snippet"]]
sys.exit(1 if not hits or empty else 0)' || { echo "FAIL: search hits with an empty snippet"; fails=$((fails + 1)); }
n=$("$revue" --db "$tmp/r.db" search port --source "[hld-port-strike-01.txt]" --json | wc -l)
[ "$n" -ge 1 ] || { echo "FAIL: --source [file] finds nothing"; fails=$((fails + 1)); }
# a name typed differently by different articles is one entity in the API
# too, with the mentions the CLI counts
curl -s "http://127.0.0.1:$port/api/entities?q=SUD-Dockers" >"$tmp/ent.json"
"$revue" --db "$tmp/r.db" entities --json >"$tmp/ent.jsonl"
python3 - "$tmp/ent.json" "$tmp/ent.jsonl" <<'PY' || fails=$((fails + 1))
import json, sys
api = json.load(open(sys.argv[1]))["entities"]
cli = [e for e in map(json.loads, open(sys.argv[2])) if e["name"] == "SUD-Dockers"]
if len(api) != 1 or not cli or api[0]["mentions"] != cli[0]["mentions"]:
    print("FAIL: API entities %s, CLI %s" % (api, cli[:1]))
    sys.exit(1)
print("ok: one SUD-Dockers, %d mentions in both" % api[0]["mentions"])
PY
# a story's timeline lists each day's articles in the order they were published
curl -s "http://127.0.0.1:$port/api/stories/4" | python3 -c '
import json, sys
from datetime import datetime
def t(a):
    p = a.get("published") or ""
    if "T" not in p:
        return None
    return datetime.fromisoformat(p.replace("Z", "+00:00")).timestamp() if ("+" in p[10:] or "Z" in p or "-" in p[11:]) else None
s = json.load(sys.stdin)
for d in s["timeline"]:
    ts = [t(a) for a in d["articles"] if t(a) is not None]
    if ts != sorted(ts):
        print("FAIL: day %s out of order: %s" % (d["day"], [a.get("published") for a in d["articles"]]))
        sys.exit(1)' || fails=$((fails + 1))
# a story's CSV from the API has the rows revue export --format csv prints
"$revue" --db "$tmp/r.db" export --format csv >"$tmp/cli.csv" || fails=$((fails + 1))
curl -s "http://127.0.0.1:$port/api/stories/4/export?format=csv" >"$tmp/api.csv"
python3 - "$tmp/cli.csv" "$tmp/api.csv" <<'PY' || fails=$((fails + 1))
import sys
cli = open(sys.argv[1], newline="").read().split("\r\n")
api = open(sys.argv[2], newline="").read().split("\r\n")
missing = [r for r in api if r not in cli]
if len(api) < 3 or api[0] != cli[0] or missing:
    print("FAIL: API CSV rows not in the CLI export: %s" % missing[:2])
    sys.exit(1)
print("ok: CSV: %d API rows, same header and rows as revue export" % (len(api) - 2))
PY
[ $fails -eq 0 ]
