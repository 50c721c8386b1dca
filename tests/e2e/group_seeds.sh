#!/bin/sh
# The seeds group as DESIGN.md says: {000,002,003} one event, 001 and 004
# each their own, all five one storyline.
SEEDS="$REVUE_ROOT/../shared/seeds"
[ -d "$SEEDS" ] || { echo "skip: $SEEDS absent"; exit 0; }
# Grouping needs the bodies, titles and dates of the text-dump extractor.
if ! "$REVUE" extract "$SEEDS/000_00bdff7ae8828c4a.txt" 2>/dev/null | grep -q '"published"'; then
	echo "skip: text-dump extraction (dates) not there yet"
	exit 0
fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
"$REVUE" --db "$dir/s.db" ingest "$SEEDS" || exit 1
"$REVUE" --db "$dir/s.db" export --format jsonl > "$dir/out.jsonl" || exit 1
python3 - "$dir/out.jsonl" <<'PY'
import json, sys
ev, st = {}, {}
for line in open(sys.argv[1]):
    a = json.loads(line)
    k = a["ref"].split("/")[-1][:3]
    ev[k], st[k] = a.get("event"), a.get("storyline")
print("events", ev, "storylines", st)
ok = (ev["000"] == ev["002"] == ev["003"] and len({ev["000"], ev["001"], ev["004"]}) == 3
      and len(set(st.values())) == 1 and None not in st.values())
sys.exit(0 if ok else 1)
PY
