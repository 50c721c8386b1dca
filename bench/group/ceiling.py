#!/usr/bin/env python3
"""bench/group/ceiling.py SET [--revue PATH] [--pred FILE] - how far word overlap
can take revue's events on a clustering set, measured from revue's own output.

revue places each article once, online. This asks what a second look at its
finished events could still gain if it had every article at once and the gold
to choose its threshold with (so each figure is an upper bound, not a method):

  merge   join two of revue's events when their articles are close enough:
          centroid cosine, single link (closest pair) or average link, at the
          best of several thresholds (1.01: none merged);
  refine  move each article to another event whose centroid (without it) is
          clearly closer than its own (one k-means step);
  reach   where recall is lost: each piece of a gold event split over several
          predicted events, by the cosine of its closest article in another
          piece (under .1: no shared word worth the name).

Vectors are this script's own (accent-folded words cut to 6 letters, a short
French and English stop list, TF-IDF with sublinear tf), not revue's: the
question is what words alone say. Reads the set from ../shared/data
(skips with a message where it is absent). Prints B-cubed F1 (P / R).
"""
import argparse
import collections
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SHARED = os.path.join(os.path.dirname(ROOT), "shared")

STOP = set("""le la les de des du un une et a au aux en pour par sur dans avec est sont ce
qui que son sa ses il elle ils on l d s n qu c se ne pas plus apres avant comment pourquoi
va peut contre chez moins leur leurs cette ces tout tous the of to in and for on at is was
with by from that as an be has have it its this are after over said he she they who will
not but""".split())


def words(text):
    t = unicodedata.normalize("NFKD", text.lower())
    t = "".join(ch for ch in t if not unicodedata.combining(ch))
    return [w[:6] for w in re.findall(r"[a-z0-9]+", t) if w not in STOP and len(w) > 1]


def unit(v):
    s = math.sqrt(sum(x * x for x in v.values())) or 1.0
    return {w: x / s for w, x in v.items()}


def dot(a, b):
    if len(a) > len(b):
        a, b = b, a
    return sum(x * b.get(w, 0.0) for w, x in a.items())


def bcubed(pred, gold):
    pc, gc = collections.defaultdict(set), collections.defaultdict(set)
    for r in pred:
        pc[pred[r]].add(r)
        gc[gold[r]].add(r)
    p = r_ = 0.0
    for r in pred:
        both = len(pc[pred[r]] & gc[gold[r]])
        p += both / len(pc[pred[r]])
        r_ += both / len(gc[gold[r]])
    p, r_ = p / len(pred), r_ / len(pred)
    return (2 * p * r_ / (p + r_) if p + r_ else 0.0), p, r_


def read_gold(set_dir):
    """The set's gold event of each article id."""
    gold = {}
    with open(os.path.join(set_dir, "gold.clusters.tsv"), encoding="utf-8") as f:
        for line in f:
            if line.startswith("#") or not line.strip():
                continue
            ref, event = line.rstrip("\n").split("\t")[:2]
            gold[ref] = event
    return gold


def fmt(score):
    return "%.4f (%.3f / %.3f)" % score


def run_revue(revue, set_dir):
    work = tempfile.mkdtemp(prefix="revue-ceiling-")
    cmd = [sys.executable, os.path.join(SHARED, "eval", "score_clustering.py"), "--revue", revue,
           "--set", set_dir, "--workdir", work]
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    outs = sorted(f for f in os.listdir(work) if f.endswith(".stdout.jsonl"))
    return [os.path.join(work, f) for f in outs]


def centroids(members, vec):
    out = {}
    for e, refs in members.items():
        c = collections.defaultdict(float)
        for r in refs:
            for w, x in vec[r].items():
                c[w] += x
        out[e] = c
    return out


def merge_bounds(pred, gold, vec):
    members = collections.defaultdict(list)
    for r, e in pred.items():
        members[e].append(r)
    cen = {e: unit(c) for e, c in centroids(members, vec).items()}
    by_word = collections.defaultdict(set)
    for e, c in cen.items():
        for w in c:
            by_word[w].add(e)
    pairs = []  # (e, f, centroid, single, average)
    for e, c in cen.items():
        near = set()
        for w in c:
            near |= by_word[w]
        for f in near:
            if f <= e:
                continue
            links = [dot(vec[a], vec[b]) for a in members[e] for b in members[f]]
            pairs.append((e, f, dot(c, cen[f]), max(links), sum(links) / len(links)))
    results = {}
    for k, name in ((2, "centroid"), (3, "single link"), (4, "average link")):
        best = None
        for t in (0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5, 0.6, 0.7, 0.8, 1.01):
            parent = {e: e for e in members}

            def find(x):
                while parent[x] != x:
                    parent[x] = parent[parent[x]]
                    x = parent[x]
                return x
            for p in pairs:
                if p[k] >= t:
                    parent[find(p[0])] = find(p[1])
            s = bcubed({r: find(e) for r, e in pred.items()}, gold)
            if best is None or s[0] > best[1][0]:
                best = (t, s)
        results[name] = best
    return results


def refine_bound(pred, gold, vec):
    best = None
    for margin in (0.02, 0.05, 0.1):
        members = collections.defaultdict(list)
        for r, e in pred.items():
            members[e].append(r)
        cen = centroids(members, vec)
        by_word = collections.defaultdict(set)
        for e, c in cen.items():
            for w in c:
                by_word[w].add(e)
        norm2 = {e: sum(x * x for x in c.values()) for e, c in cen.items()}
        moved = dict(pred)
        n_moved = 0
        for r, own in pred.items():
            v = vec[r]
            sims = {}
            for e in set().union(*(by_word[w] for w in v)) if v else ():
                d, n2 = dot(v, cen[e]), norm2[e]
                if e == own:
                    if len(members[e]) == 1:
                        continue
                    # the event without the article: c - v (v has norm 1)
                    d, n2 = d - 1.0, n2 - 2 * d + 1.0
                sims[e] = d / math.sqrt(n2) if n2 > 1e-12 else 0.0
            if not sims:
                continue
            e, s = max(sims.items(), key=lambda kv: kv[1])
            if e != own and s > sims.get(own, 0.0) + margin and s > 0.3:
                moved[r] = e
                n_moved += 1
        s = bcubed(moved, gold)
        if best is None or s[0] > best[2][0]:
            best = (margin, n_moved, s)
    return best


def reach(pred, gold, vec):
    by_gold = collections.defaultdict(list)
    for r in pred:
        by_gold[gold[r]].append(r)
    n = len(pred)
    bins = collections.OrderedDict((k, 0.0) for k in ("<.1", ".1-.2", ".2-.3", ".3-.4", ">=.4"))
    for refs in by_gold.values():
        pieces = collections.defaultdict(list)
        for r in refs:
            pieces[pred[r]].append(r)
        if len(pieces) < 2:
            continue
        for e, piece in pieces.items():
            link = max(dot(vec[a], vec[b]) for a in piece for b in refs if pred[b] != e)
            key = ("<.1" if link < .1 else ".1-.2" if link < .2 else ".2-.3" if link < .3
                   else ".3-.4" if link < .4 else ">=.4")
            bins[key] += len(piece) * (len(refs) - len(piece)) / len(refs) / n
    return bins


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("set", help="a set under ../shared/data/clustering, e.g. french-gnews")
    ap.add_argument("--revue", default=os.path.join(ROOT, "revue"))
    ap.add_argument("--pred", help="revue's export of the set (JSONL) instead of running it")
    args = ap.parse_args()
    set_dir = os.path.join(SHARED, "data", "clustering", args.set)
    if not os.path.isdir(set_dir):
        print("skip: %s not found" % set_dir)
        return 0
    gold = read_gold(set_dir)
    files = [args.pred] if args.pred else run_revue(args.revue, set_dir)
    pred, text = {}, {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            for line in f:
                a = json.loads(line)
                if a.get("ref") in gold and "event" in a:
                    pred[a["ref"]] = a["event"]
                    title = a.get("title") or ""
                    body = a.get("text") or ""
                    # the title twice, as revue weighs it; a headline set's text is its title
                    text[a["ref"]] = title + " " + (body if body != title else title)
    df = collections.Counter()
    tokens = {r: words(t) for r, t in text.items()}
    for ws in tokens.values():
        df.update(set(ws))
    n = len(tokens)
    vec = {r: unit({w: (1 + math.log(c)) * math.log(n / df[w])
                    for w, c in collections.Counter(ws).items()})
           for r, ws in tokens.items()}
    print("%s: %d articles, revue %s" % (args.set, len(pred), fmt(bcubed(pred, gold))))
    for name, (t, s) in merge_bounds(pred, gold, vec).items():
        print("  merge events, %-12s best threshold %.2f: %s" % (name, t, fmt(s)))
    margin, moved, s = refine_bound(pred, gold, vec)
    print("  refine, best margin %.2f (%d articles moved): %s" % (margin, moved, fmt(s)))
    print("  recall lost, by the closest article in another piece of its gold event:")
    for k, v in reach(pred, gold, vec).items():
        print("    cosine %-6s %.4f" % (k, v))
    return 0


if __name__ == "__main__":
    sys.exit(main())
