#!/usr/bin/env python3
"""How far a held-out clustering set may score from its development set.

usage: bench/group/spread.py [--revue PATH] [--splits N] [--seed S]
                             [--compare NAME=VALUE,...] SET...

Every quality target is also scored on a held-out set drawn like the
development set. A development score just above a target says little unless
one knows how much two such draws differ. This estimates it from the
development set alone: its gold events are shuffled and cut into two halves
(an event stays whole, records keep their order), revue is scored on each half
with ../shared/eval/score_clustering.py, and the difference between the two
halves' B-cubed F1 is taken over N such cuts.

Two halves of n/2 records differ by sqrt(2) * s_half; a set of n records
varies by about s_half / sqrt(2); a held-out set of the development set's size
differs from it by about sqrt(2) times that, that is by rms(difference) / sqrt(2).
Halves score higher than the whole (each holds half the neighbouring events
to confuse), so only the differences are used, never the halves' level.

--compare also scores every half with other grouping settings ($REVUE_GROUP
syntax, after those of the environment) and prints, per half, the score with
them minus the score without: a change of a few thousandths on the whole set
is worth keeping when the halves agree on its sign.

SET is a name under ../shared/data/clustering (or $SHARED/data/clustering).
Prints one line per cut and a summary per set. Skips with a message when the
shared data is absent.
"""
import argparse
import json
import math
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.environ.get('SHARED', os.path.join(HERE, '..', '..', '..', 'shared'))


def read_set(set_dir):
    """The gold lines and the input lines, each with its record's event."""
    event_of = {}
    gold = []
    with open(os.path.join(set_dir, 'gold.clusters.tsv'), encoding='utf-8') as f:
        for line in f:
            if line.startswith('#') or not line.strip():
                continue
            item, event = line.split('\t')[:2]
            event_of[item] = event
            gold.append((event, line))
    with open(os.path.join(set_dir, 'input.jsonl'), encoding='utf-8') as f:
        records = [(event_of.get(json.loads(line)['id']), line) for line in f]
    return gold, records


def write_half(out_dir, gold, records, keep):
    os.makedirs(out_dir)
    with open(os.path.join(out_dir, 'input.jsonl'), 'w', encoding='utf-8') as dst:
        dst.writelines(line for event, line in records if event in keep)
    with open(os.path.join(out_dir, 'gold.clusters.tsv'), 'w', encoding='utf-8') as dst:
        dst.write('#id\tevent\toriginal_id\n')
        dst.writelines(line for event, line in gold if event in keep)


def score(revue, set_dir, work_dir, settings=None):
    env = dict(os.environ)
    if settings:
        env['REVUE_GROUP'] = ','.join(s for s in (env.get('REVUE_GROUP'), settings) if s)
    run = subprocess.run([sys.executable, os.path.join(SHARED, 'eval', 'score_clustering.py'),
                          '--set', set_dir, '--revue', revue, '--workdir', work_dir],
                         capture_output=True, text=True, check=False, env=env)
    last = run.stdout.strip().splitlines()[-1:] or ['']
    fields = dict(kv.split('=', 1) for kv in last[0].split() if '=' in kv)
    if 'bcubed_f1' not in fields:
        raise RuntimeError('%s: no score (exit %d): %s' % (set_dir, run.returncode, run.stderr[-300:]))
    return float(fields['bcubed_f1'])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--revue', default=os.path.join(HERE, '..', '..', 'revue'))
    ap.add_argument('--splits', type=int, default=10)
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--compare', metavar='NAME=VALUE,...')
    ap.add_argument('sets', nargs='+')
    args = ap.parse_args()
    if args.splits < 1:
        ap.error('--splits must be at least 1')
    revue = os.path.abspath(args.revue)
    if not os.path.isdir(os.path.join(SHARED, 'data', 'clustering')):
        print('skip: %s/data/clustering not found' % SHARED)
        return 0
    with tempfile.TemporaryDirectory(prefix='revue-spread-') as tmp, ThreadPoolExecutor(2) as pool:
        for name in args.sets:
            set_dir = os.path.join(SHARED, 'data', 'clustering', name)
            if not os.path.isfile(os.path.join(set_dir, 'gold.clusters.tsv')):
                print('%-18s skip: no %s/gold.clusters.tsv' % (name, set_dir))
                continue
            gold, records = read_set(set_dir)
            events = sorted({event for event, _ in gold})
            cuts = []
            for k in range(args.splits):
                order = events[:]
                random.Random(args.seed * 1000 + k).shuffle(order)
                first = set(order[:len(order) // 2])
                halves = []
                for h, keep in (('a', first), ('b', set(order) - first)):
                    d = os.path.join(tmp, '%s-%d-%s' % (name, k, h))
                    write_half(d, gold, records, keep)
                    base = pool.submit(score, revue, d, d + '-work')
                    other = pool.submit(score, revue, d, d + '-compare', args.compare) if args.compare else None
                    halves.append((base, other))
                cuts.append(halves)
            diffs, changes = [], []
            for k, ((a, a2), (b, b2)) in enumerate(cuts):
                fa, fb = a.result(), b.result()
                diffs.append(fa - fb)
                line = '%-18s cut %2d  halves %.4f %.4f  difference %+.4f' % (name, k, fa, fb, fa - fb)
                if args.compare:
                    ca, cb = a2.result() - fa, b2.result() - fb
                    changes += [ca, cb]
                    line += '  with %s: %+.4f %+.4f' % (args.compare, ca, cb)
                print(line)
            rms = math.sqrt(sum(d * d for d in diffs) / len(diffs))
            print('%-18s %d cuts: rms difference %.4f; a held-out set of this size: about '
                  '+/- %.4f (one standard deviation) from the development score'
                  % (name, len(diffs), rms, rms / math.sqrt(2)))
            if args.compare:
                print('%-18s with %s: %+.4f on average over %d halves, higher on %d, lower on %d'
                      % (name, args.compare, sum(changes) / len(changes), len(changes),
                         sum(c > 0 for c in changes), sum(c < 0 for c in changes)))
    return 0


if __name__ == '__main__':
    sys.exit(main())
