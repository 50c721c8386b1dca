#!/bin/sh
# A story's number survives a regroup: each rebuilt event takes back the
# number of the old event most of its articles were in, storylines too,
# so a link to story N still shows that story. The bundled corpus.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
db="$dir/r.db"
"$REVUE" --db "$db" ingest "$REVUE_ROOT/examples" > /dev/null 2>&1
[ $? -le 2 ] || { echo "ingest failed"; exit 1; }
members() { "$REVUE" --db "$db" export --format jsonl --what articles > "$1" || exit 1; }
members "$dir/before.jsonl"
# stricter settings split some events; the others keep their numbers (they
# were numbered anew in placement order, so every event after the first
# split moved up one)
"$REVUE" --db "$db" regroup --since 2000-01-01 --set event_threshold=0.5 --set clear_threshold=0.5 > "$dir/out.txt" || exit 1
cat "$dir/out.txt"
grep -q "events rebuilt, [1-9][0-9]* under their old numbers" "$dir/out.txt" || { echo "no event kept its number"; exit 1; }
members "$dir/after.jsonl"
python3 - "$dir/before.jsonl" "$dir/after.jsonl" <<'PY' || exit 1
import json, sys
def load(p):
    ev, st = {}, {}
    for l in open(p):
        a = json.loads(l)
        if a.get('event') is None:
            continue
        ev.setdefault(a['event'], set()).add(a['ref'])
        st.setdefault(a['storyline'], set()).add(a['ref'])
    return ev, st
(eb, sb), (ea, sa) = load(sys.argv[1]), load(sys.argv[2])
same = [e for e in eb if any(eb[e] == m for m in ea.values())]
assert 3 <= len(same) < len(eb), f"{len(same)} of {len(eb)} events came back whole: the settings should split some"
split = min(e for e in eb if e not in same)
assert any(e > split for e in same), "no whole event after the first split one"
moved = [e for e in same if ea.get(e) != eb[e]]
assert not moved, f"events rebuilt with the same articles under another number: {moved}"
same_st = [s for s in sb if any(sb[s] == m for m in sa.values())]
moved_st = [s for s in same_st if sa.get(s) != sb[s]]
assert not moved_st, f"storylines renumbered: {moved_st}"
print(f"{len(same)} of {len(eb)} events and {len(same_st)} of {len(sb)} storylines back under their numbers")
PY
# new ingests go on from the highest number: none is given twice
"$REVUE" --db "$db" regroup --since 2000-01-01 --set event_threshold=1 --set time_bonus=0 > /dev/null || exit 1
"$REVUE" --db "$db" export --format jsonl --what articles | python3 -c "
import json,sys
ev={}
for l in sys.stdin:
    a=json.loads(l)
    if a.get('event') is not None and a.get('duplicate_of') is None: ev.setdefault(a['event'],set()).add(a['storyline'])
assert all(len(s)==1 for s in ev.values()), 'an event in two storylines'
" || exit 1
sqlite3 "$db" "SELECT COUNT(*) FROM articles WHERE event IS NOT NULL AND event NOT IN (SELECT id FROM events)" 2>/dev/null | grep -qx 0 || {
	command -v sqlite3 > /dev/null && { echo "articles point at events that do not exist"; exit 1; }
}
echo "ok"
