#!/bin/sh
# Language identification on part of the lingua sentences (../shared): the
# 12 anchor languages must stay well above the target of the full set.
set -eu
SET="$REVUE_ROOT/../shared/data/lid/lingua-sentences"
SCORER="$REVUE_ROOT/../shared/eval/score_lid.py"
if [ ! -f "$SET/input.jsonl" ] || [ ! -f "$SCORER" ]; then
	echo "skip: no ../shared lid set"
	exit 0
fi
out=$(python3 "$SCORER" --revue "$REVUE" --set "$SET" --limit 4000 | tail -n 1)
echo "$out" | tr ' ' '\n' | grep -E '^accuracy_'
echo "$out" | tr ' ' '\n' | awk -F= '
	$1 == "missing" && $2 != 0 { print "missing articles: " $2; bad = 1 }
	$1 == "accuracy_mean12" && $2 < 0.96 { print "accuracy_mean12 " $2 " < 0.96"; bad = 1 }
	$1 == "accuracy_mean" && $2 < 0.88 { print "accuracy_mean " $2 " < 0.88"; bad = 1 }
	END { exit bad }'
