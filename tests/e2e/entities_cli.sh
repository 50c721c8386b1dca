#!/bin/sh
# revue entities and revue story: entities folded across articles and
# languages, quotes and figures of a story, in text and JSON.
set -e
: "${REVUE:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/in.jsonl" <<'JSONL'
{"id": "fr1", "source": "Le Quotidien", "published": "2022-01-24", "title": "Washington prépare des renforts", "text": "Washington envisage l’envoi de 1.000 à 5.000 soldats en Europe de l’Est.\n\n«Aucune décision n’a été prise», a déclaré le porte-parole du Pentagone John Kirby.\n\nVladimir Poutine n’a pas réagi."}
{"id": "en1", "source": "The Courier", "published": "2022-01-25", "title": "Putin silent as troops gather", "text": "Putin has not reacted. More than 130,000 Russian troops are massed at the border, officials said.\n\n“No decision has been made,” said Pentagon spokesman John Kirby."}
JSONL
"$REVUE" --db "$tmp/db" ingest --format jsonl "$tmp/in.jsonl" >/dev/null
out=$("$REVUE" --db "$tmp/db" entities --json)
echo "$out" | grep -q '"name":"Vladimir Poutine"' || { echo "no Poutine: $out"; exit 1; }
echo "$out" | grep '"name":"Vladimir Poutine"' | grep -q '"Putin"' || { echo "Putin not folded: $out"; exit 1; }
echo "$out" | grep '"name":"Vladimir Poutine"' | grep -q '"articles":2' || { echo "not in 2 articles: $out"; exit 1; }
"$REVUE" --db "$tmp/db" entities | grep -q 'John Kirby' || { echo "text listing lacks Kirby"; exit 1; }
# every stored event shows its facts
for id in $("$REVUE" --db "$tmp/db" stories --json | sed -n 's/^{"id":\([0-9]*\).*/\1/p'); do
	"$REVUE" --db "$tmp/db" story "$id" --json >"$tmp/s$id.json"
	grep -q '"speakers"' "$tmp/s$id.json" || { echo "story $id: no speakers"; exit 1; }
	grep -q '"figures_ledger"' "$tmp/s$id.json" || { echo "story $id: no ledger"; exit 1; }
done
cat "$tmp"/s*.json | grep -q '"speaker":"John Kirby"' || { echo "Kirby not a speaker"; cat "$tmp"/s*.json; exit 1; }
cat "$tmp"/s*.json | grep -q '"value_max":5000' || { echo "range missing"; cat "$tmp"/s*.json; exit 1; }
"$REVUE" --db "$tmp/db" story 1 | grep -q 'figures ledger' || { echo "text story lacks the ledger"; exit 1; }
echo ok
