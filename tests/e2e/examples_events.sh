#!/bin/sh
# `revue ingest examples` gives the events and storylines the corpus was
# written with (examples/MANIFEST.tsv): French and English reports of one
# happening together, duplicates with their original, developing stories as
# one storyline. Feed items repeat articles' leads and are left out here.
set -u
REVUE=${REVUE:-./revue}
root=${REVUE_ROOT:-.}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$root" || exit 1
"$REVUE" --db "$work/db" ingest examples 2> "$work/err"
rc=$?
[ "$rc" -eq 0 ] || { echo "FAIL: ingest exited $rc"; cat "$work/err"; exit 1; }
"$REVUE" --db "$work/db" export --format jsonl > "$work/articles.jsonl"
python3 - "$work/articles.jsonl" examples/MANIFEST.tsv <<'PY'
import csv, itertools, json, sys
arts = {}
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    arts[a["ref"]] = a
gold = {}
for row in csv.DictReader(open(sys.argv[2], encoding="utf-8"), delimiter="\t"):
    if "#" in row["ref"] and row["ref"].split("#")[0].endswith(".xml"):
        continue
    gold[row["ref"]] = row
by_id = {a.get("id"): a for a in arts.values()}
def event(a):
    if a.get("event"):
        return a["event"]
    o = by_id.get(a.get("duplicate_of"))
    return o.get("event") if o else None
missing = [r for r in gold if r not in arts]
problems = [f"not stored: {r}" for r in missing]
refs = [r for r in gold if r in arts]
for x, y in itertools.combinations(refs, 2):
    same_gold = gold[x]["event"] == gold[y]["event"]
    same_pred = event(arts[x]) == event(arts[y])
    if same_gold != same_pred:
        problems.append(f"{'split' if same_gold else 'merged'}: {x} [{gold[x]['event']}] / {y} [{gold[y]['event']}]")
    same_sl = gold[x]["storyline"] == gold[y]["storyline"]
    if same_sl and arts[x].get("storyline") != arts[y].get("storyline"):
        problems.append(f"storyline split: {x} [{gold[x]['storyline']}] / {y}")
    if not same_sl and arts[x].get("storyline") == arts[y].get("storyline"):
        problems.append(f"storylines merged: {x} [{gold[x]['storyline']}] / {y} [{gold[y]['storyline']}]")
for r in refs:
    o = gold[r]["duplicate_of"]
    if not o or o not in arts:
        continue
    # either copy may arrive first: the later one points to the earlier
    a, b = arts[r], arts[o]
    if a.get("duplicate_of") != b.get("id") and b.get("duplicate_of") != a.get("id"):
        problems.append(f"duplicate not marked: {r} / {o}")
n_gold = len(set(g["event"] for g in gold.values()))
n_pred = len(set(event(arts[r]) for r in refs))
print(f"{len(refs)} articles, {n_gold} designed events, {n_pred} found; {len(problems)} problems")
for p in problems[:40]:
    print("  " + p)
sys.exit(1 if problems else 0)
PY
rc=$?
[ "$rc" -eq 0 ] || exit "$rc"
# the port storyline is named by its place as written, hyphen and accent kept
"$REVUE" --db "$work/db" stories > "$work/stories.txt"
grep -q "^storyline .*(3 events): Port-Aurèle, " "$work/stories.txt" || { cat "$work/stories.txt"; echo "FAIL: storyline not named Port-Aurèle"; exit 1; }
# a text dump names no outlet: its member line shows "[file name]", not its folder
ev=$(python3 -c "
import json,sys
for l in open(sys.argv[1]):
    a=json.loads(l)
    if a['ref'].endswith('text/hld-port-strike-01.txt'): print(a['event'])" "$work/articles.jsonl")
"$REVUE" --db "$work/db" story "$ev" > "$work/story.txt"
grep -q " \[hld-port-strike-01.txt\]  *#[0-9]" "$work/story.txt" || { cat "$work/story.txt"; echo "FAIL: a text dump's line does not name its file"; exit 1; }
