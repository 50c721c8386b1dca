#!/usr/bin/env python3
"""Generate a stream of news articles for the grouping benchmark (JSONL on stdout).

usage: gen.py N [--data ../shared/data/clustering] [--years 5] [--seed 1]

Events come from the gold clusters of the clustering development sets (their
texts are read from ../shared/data at run time and never stored in the repo).
Each pass over the events gives every event an invented date in a 5-year span
and perturbs every article (dropped words, swapped neighbours, an invented
outlet and URL, a pass tag so passes are distinct events), so the stream has
realistic event sizes and vocabulary, in date order, of any length.
"""
import argparse, datetime, json, os, random, sys

def load(data):
    events = {}
    for name in sorted(os.listdir(data)):
        d = os.path.join(data, name)
        gold = {}
        try:
            for line in open(os.path.join(d, 'gold.clusters.tsv'), encoding='utf-8'):
                if line.startswith('#'):
                    continue
                i, e, _ = line.rstrip('\n').split('\t')
                gold[i] = name + ':' + e
            for line in open(os.path.join(d, 'input.jsonl'), encoding='utf-8'):
                r = json.loads(line)
                if r['id'] in gold:
                    events.setdefault(gold[r['id']], []).append((r.get('title') or '', (r.get('text') or r.get('title') or '')[:3000]))
        except OSError:
            continue
    return list(events.values())

def perturb(rng, text, tag):
    words = text.split()
    out = [w for w in words if rng.random() > 0.08]
    for i in range(len(out) - 1):
        if rng.random() < 0.04:
            out[i], out[i + 1] = out[i + 1], out[i]
    # a pass tag makes events of different passes different happenings
    return ' '.join(out) + ' ' + tag

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('n', type=int)
    ap.add_argument('--data', default=os.path.join(os.path.dirname(__file__), '../../../shared/data/clustering'))
    ap.add_argument('--years', type=int, default=5)
    ap.add_argument('--seed', type=int, default=1)
    a = ap.parse_args()
    rng = random.Random(a.seed)
    events = load(a.data)
    if not events:
        sys.exit('gen.py: no clustering data under ' + a.data)
    days = a.years * 365
    total = sum(len(e) for e in events)
    passes = (a.n + total - 1) // total
    # each pass: all events, dates spread over the whole span, sorted by date
    emitted = 0
    out = sys.stdout
    items = []
    for p in range(passes):
        for k, ev in enumerate(events):
            items.append((rng.randrange(days), p, k))
    items.sort()
    for day, p, k in items:
        tag = 'p%dk%d' % (p, k)
        for j, (title, text) in enumerate(events[k]):
            if emitted >= a.n:
                return
            d = day + rng.randrange(3)
            t = datetime.datetime(2019, 1, 1) + datetime.timedelta(days=d, minutes=rng.randrange(1440))
            date = t.strftime('%Y-%m-%dT%H:%M:00Z')
            rec = {'id': 'g%d' % emitted, 'title': perturb(rng, title, ''), 'text': perturb(rng, text, tag),
                   'published': date, 'source': 'outlet%d' % rng.randrange(200),
                   'url': 'https://outlet%d.example/%d/%s' % (rng.randrange(200), emitted, tag)}
            out.write(json.dumps(rec, ensure_ascii=False) + '\n')
            emitted += 1

if __name__ == '__main__':
    main()
