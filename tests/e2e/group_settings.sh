#!/bin/sh
# The grouping settings README.md documents are the ones revue has, with the
# defaults it uses: every line of `regroup --show-config` is a row of the
# README's settings table with the same default, and every row of that table
# is a setting revue knows.
set -u
REVUE=${REVUE:-./revue}
README=${README:-$(dirname "$0")/../../README.md}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$REVUE" --db "$work/r.db" regroup --show-config > "$work/config.txt" || { echo "FAIL: --show-config"; exit 1; }
python3 - "$work/config.txt" "$README" <<'PY' || exit 1
import re, sys
code = {}
for line in open(sys.argv[1], encoding='utf-8'):
    name, value = (part.strip() for part in line.split('=', 1))
    code[name] = float(value)
doc = {}
for line in open(sys.argv[2], encoding='utf-8'):
    m = re.match(r'\| `([a-z_]+)` \| ([0-9.]+) \|', line)
    if m:
        doc[m.group(1)] = float(m.group(2))
problems = []
for name, value in code.items():
    if name not in doc:
        problems.append('%s (default %g) is not in the README settings table' % (name, value))
    elif doc[name] != value:
        problems.append('%s: README says %g, revue uses %g' % (name, doc[name], value))
for name in doc.keys() - code.keys():
    problems.append('README documents %s, which revue does not know' % name)
if len(code) < 40:
    problems.append('only %d settings printed' % len(code))
for p in problems:
    print('FAIL: ' + p)
sys.exit(1 if problems else 0)
PY
# out of range and unknown settings are refused, naming the setting
"$REVUE" --db "$work/r.db" regroup --show-config --set anchor_share=0.2 2> "$work/err.txt" && { echo "FAIL: anchor_share=0.2 accepted"; exit 1; }
grep -q "anchor_share" "$work/err.txt" || { echo "FAIL: the message does not name the setting"; cat "$work/err.txt"; exit 1; }
"$REVUE" --db "$work/r.db" regroup --show-config --set member_keep=33 2>/dev/null && { echo "FAIL: member_keep=33 accepted"; exit 1; }
"$REVUE" --db "$work/r.db" regroup --show-config --set member_keep=32 > "$work/keep.txt" || { echo "FAIL: member_keep=32 refused"; exit 1; }
grep -qx "member_keep = 32" "$work/keep.txt" || { echo "FAIL: --set not shown by --show-config"; exit 1; }
# the environment's settings: an error says where the setting came from
REVUE_GROUP="event_window_days=2.5" "$REVUE" --db "$work/r.db" regroup --show-config 2> "$work/env.txt" && { echo "FAIL: REVUE_GROUP event_window_days=2.5 accepted"; exit 1; }
grep -q "REVUE_GROUP: event_window_days must be a whole number" "$work/env.txt" || { echo "FAIL: REVUE_GROUP error"; cat "$work/env.txt"; exit 1; }
REVUE_GROUP="time_bonus=0.1" "$REVUE" --db "$work/r.db" regroup --show-config | grep -qx "time_bonus = 0.1" || { echo "FAIL: REVUE_GROUP not applied"; exit 1; }
exit 0
