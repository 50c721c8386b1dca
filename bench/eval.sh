#!/bin/sh
# Run every scorer of ../shared/eval on its development set and print the
# summary line of each. Usage: bench/eval.sh [REVUE_BINARY] [SET_NAME_FILTER]
# Skips (with a message) when ../shared/data is absent.
cd "$(dirname "$0")/.." || exit 1
REVUE=${1:-./revue}
FILTER=${2:-}
SHARED=${SHARED:-../shared}
if [ ! -d "$SHARED/data" ] || [ ! -d "$SHARED/eval" ]; then
	echo "skip: $SHARED/data or $SHARED/eval not found"
	exit 0
fi
run() {
	name=$1
	shift
	case "$name" in *"$FILTER"*) ;; *) return ;; esac
	printf '%-26s ' "$name"
	python3 "$@" --revue "$REVUE" 2>&1 | tail -n 1
}
run extraction   "$SHARED/eval/score_extraction.py" --set "$SHARED/data/extraction/trafilatura"
run dates        "$SHARED/eval/score_dates.py"      --set "$SHARED/data/dates/htmldate-default"
run metadata     "$SHARED/eval/score_metadata.py"   --set "$SHARED/data/metadata/readability"
run lid          "$SHARED/eval/score_lid.py"        --set "$SHARED/data/lid/lingua-sentences"
for s in ecbplus-traindev allsides-even uci-newsagg french-gnews; do
	run "clustering/$s" "$SHARED/eval/score_clustering.py" --set "$SHARED/data/clustering/$s"
done
run ner-fr       "$SHARED/eval/score_ner.py"        --set "$SHARED/data/ner/wikineural-fr"
run ner-en       "$SHARED/eval/score_ner.py"        --set "$SHARED/data/ner/wikineural-en"
run quotes       "$SHARED/eval/score_quotes.py"     --set "$SHARED/data/quotes/polnear"
