#!/bin/sh
# Duplicates end to end (texts written for this test): an exact copy, a wire
# copy under a new headline without its last paragraph, and a tracking-URL
# variant point to the original and share its event; re-ingest changes nothing.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
body="The port authority of Kelmar closed the northern harbour on Monday after a cargo ship lost power and drifted into the breakwater. No one was hurt, said the harbour master, Lena Oduya. Divers inspected the hull through the afternoon while tugs held the ship in place. The authority expects to reopen the harbour on Wednesday once the wreck is towed away. Ferry services to the islands will leave from the southern quay until then."
cut="The port authority of Kelmar closed the northern harbour on Monday after a cargo ship lost power and drifted into the breakwater. No one was hurt, said the harbour master, Lena Oduya. Divers inspected the hull through the afternoon while tugs held the ship in place. The authority expects to reopen the harbour on Wednesday once the wreck is towed away."
other="A late goal from the young striker Amadou Kessel gave Varnia a two to one win over Ostrel in the cup semi-final, sending the club to its first final in thirty years."
cat > "$dir/in.jsonl" <<JSON
{"id":"orig","url":"https://www.kelmar-news.example/harbour-closed","title":"Kelmar harbour closed after ship accident","published":"2023-06-05","text":"$body"}
{"id":"exact","url":"https://daily.example/a1","title":"Kelmar harbour closed after ship accident","published":"2023-06-05","text":"$body"}
{"id":"wire","url":"https://other.example/b2","title":"Drifting cargo ship shuts Kelmar port","published":"2023-06-05","text":"$cut"}
{"id":"amp","url":"http://kelmar-news.example/harbour-closed/amp?utm_source=feed","title":"Kelmar harbour (AMP)","published":"2023-06-05","text":"$other Update."}
{"id":"sport","url":"https://sport.example/cup","title":"Varnia reach the final","published":"2023-06-05","text":"$other"}
JSON
"$REVUE" --db "$dir/t.db" ingest --format jsonl "$dir/in.jsonl" || exit 1
"$REVUE" --db "$dir/t.db" ingest --format jsonl "$dir/in.jsonl" 2>&1 | grep -q "0 stored" || { echo "re-ingest stored again"; exit 1; }
"$REVUE" --db "$dir/t.db" export --format jsonl > "$dir/out.jsonl" || exit 1
python3 - "$dir/out.jsonl" <<'PY'
import json, sys
arts = {json.loads(l)["ref"]: json.loads(l) for l in open(sys.argv[1])}
o = arts["orig"]
bad = []
for k in ("exact", "wire", "amp"):
    a = arts[k]
    if a.get("duplicate_of") != o["id"]:
        bad.append(k + " not a duplicate of orig: " + str(a.get("duplicate_of")))
if arts["sport"].get("duplicate_of"):
    bad.append("sport marked duplicate")
if arts["sport"].get("event") == o.get("event"):
    bad.append("sport in the harbour event")
print("\n".join(bad) or "ok")
sys.exit(1 if bad else 0)
PY
