#!/bin/sh
# bench/lang.sh - time of language identification inside `revue extract`.
#
# Runs `revue extract --format jsonl` twice on the same records: once
# without "lang" (rv_detect_language runs) and once with "lang" given (it
# does not); the difference is the detector. Two inputs: the lingua
# sentences, and "articles" of 40 sentences (~10 KB) of one language each.
# Times are CPU time of the revue process (user + system).
# usage: bench/lang.sh [REVUE] [SHARED]
set -eu
REVUE=${1:-./revue}
SHARED=${2:-../shared}
SET=$SHARED/data/lid/lingua-sentences
[ -f "$SET/input.jsonl" ] || { echo "no $SET; skipped"; exit 0; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 - "$SET" "$tmp" <<'EOF'
import json, sys, collections
src, out = sys.argv[1], sys.argv[2]
gold = {}
for line in open(src + '/gold.lang.tsv'):
    if not line.startswith('#'):
        f = line.split('\t')
        gold[f[0]] = f[1]
recs = [json.loads(l) for l in open(src + '/input.jsonl')]
by = collections.defaultdict(list)
for r in recs:
    by[gold[r['id']]].append(r['text'])
arts = []
for lang, ts in sorted(by.items()):
    for j in range(0, len(ts) - 40, 40):
        arts.append({'id': 'a%d' % len(arts), 'text': ' '.join(ts[j:j + 40]), 'lang': lang})
for name, rs in (('sentences', [dict(r, lang=gold[r['id']]) for r in recs]), ('articles', arts)):
    with open(f'{out}/{name}.lang.jsonl', 'w') as a, open(f'{out}/{name}.jsonl', 'w') as b:
        for r in rs:
            a.write(json.dumps(r) + '\n')
            b.write(json.dumps({k: v for k, v in r.items() if k != 'lang'}) + '\n')
EOF
# CPU seconds (user + system) of the child, so the load of a shared machine
# does not count.
cpu() {
	python3 -c '
import resource, subprocess, sys
subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, check=True)
r = resource.getrusage(resource.RUSAGE_CHILDREN)
print("%.3f" % (r.ru_utime + r.ru_stime))' "$REVUE" extract --format jsonl "$1"
}
for name in sentences articles; do
	n=$(wc -l <"$tmp/$name.jsonl")
	with=$(cpu "$tmp/$name.jsonl")
	without=$(cpu "$tmp/$name.lang.jsonl")
	echo "$name: $n records; extract ${with} CPU s detecting, ${without} CPU s with lang given;" \
		"$(echo "$with $without $n" | awk '{ printf "%.0f us per detection", ($1 - $2) * 1e6 / $3 }')"
done
