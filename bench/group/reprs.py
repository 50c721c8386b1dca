#!/usr/bin/python3
"""bench/group/reprs.py SET [--reprs A,B,...] [--pred FILE...] - is the grouping
ceiling a property of a headline's words, or of how they are cut?

ceiling.py bounds what a second look at revue's events could gain with one
representation (accent-folded words cut to 6 letters). This computes the same
kind of bounds for other representations of an article, each an upper bound
with the gold choosing the threshold (never a method):

  online   one pass in input order, each article joins the event whose
           centroid is closest if the cosine reaches t, else starts one (the
           shape of revue's grouper, without its rules);
  avglink  offline average-linkage agglomerative clustering, cut at t (the
           issue's "tuned offline peer", .810 with word TF-IDF on French);
  merge    join two of revue's events whose average link reaches t (revue's
           export needed: --pred, or the scorer's work directory files);
  refine   move each article of revue's events to an event whose centroid
           (without it) is closer than its own by a margin (one k-means step).

Representations (accent-folded, lower-cased, a short French/English stop list,
sublinear TF-IDF over the set, unit length; a mixture is a weighted sum of
cosines, the same as concatenating the weighted unit vectors):

  w6        words cut to 6 letters (ceiling.py's)
  word      whole words
  stem      Snowball stems (libstemmer through ctypes: the library revue
            links; French for french-gnews, English for the others)
  c3 c4 c5  character n-grams within words (" word " padded)
  c35       c3 + c4 + c5 within words
  x3 x4 x5  character n-grams across word boundaries (the text of the kept
            words joined by one space)
  x35       x3 + x4 + x5 across boundaries
  wp4 wp5   w6 plus each word's first 4 / 5 letters as a key at 0.3 of its
            weight (session 11's prefix keys, which lost inside revue)
  names     w6, with capitalised words that are close in edit distance
            (Hallyday/Halliday, Poutine/Putin) made one feature
  mix:A+B:L L * cos(A) + (1 - L) * cos(B), e.g. mix:stem+c35:0.5

Needs numpy and scipy (Debian: python3-numpy python3-scipy, hence
/usr/bin/python3); skips with a message when they or the set are absent.
Prints B-cubed F1 (P / R) and the threshold chosen, one line per bound.
"""
import argparse
import collections
import ctypes
import ctypes.util
import json
import math
import os
import re
import sys
import unicodedata

try:
    import numpy as np
    from scipy.cluster.hierarchy import linkage, fcluster
    from scipy.spatial.distance import squareform
    import scipy.sparse as sp
except ImportError:  # pragma: no cover
    print("skip: numpy and scipy needed (apt-get install python3-numpy python3-scipy)")
    sys.exit(0)

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from ceiling import fmt, read_gold  # noqa: E402  (the same set files, the same figures)
SHARED = os.environ.get("SHARED", os.path.join(HERE, "..", "..", "..", "shared"))

STOP = set("""le la les de des du un une et a au aux en pour par sur dans avec est sont ce
qui que son sa ses il elle ils on l d s n qu c se ne pas plus apres avant comment pourquoi
va peut contre chez moins leur leurs cette ces tout tous the of to in and for on at is was
with by from that as an be has have it its this are after over said he she they who will
not but""".split())

THRESHOLDS = [round(0.02 * i, 2) for i in range(1, 41)]  # .02 ... .80


def fold(text):
    t = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in t if not unicodedata.combining(ch))


def tokens(text):
    """(folded lower-case word, was it capitalised) for the kept words."""
    out = []
    for m in re.finditer(r"[A-Za-z0-9]+", fold(text)):
        w = m.group(0)
        lw = w.lower()
        if lw in STOP or len(lw) < 2:
            continue
        out.append((lw, w[0].isupper()))
    return out


class Stemmer:
    def __init__(self, lang):
        name = ctypes.util.find_library("stemmer") or "libstemmer.so.0d"
        lib = ctypes.CDLL(name)
        lib.sb_stemmer_new.restype = ctypes.c_void_p
        lib.sb_stemmer_new.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        lib.sb_stemmer_stem.restype = ctypes.POINTER(ctypes.c_char)
        lib.sb_stemmer_stem.argtypes = [ctypes.c_void_p, ctypes.c_char_p, ctypes.c_int]
        lib.sb_stemmer_length.restype = ctypes.c_int
        lib.sb_stemmer_length.argtypes = [ctypes.c_void_p]
        self.lib = lib
        self.st = lib.sb_stemmer_new(lang.encode(), b"UTF_8")
        if not self.st:
            raise RuntimeError("no Snowball stemmer for " + lang)
        self.cache = {}

    def __call__(self, w):
        s = self.cache.get(w)
        if s is None:
            b = w.encode()
            p = self.lib.sb_stemmer_stem(self.st, b, len(b))
            s = ctypes.string_at(p, self.lib.sb_stemmer_length(self.st)).decode()
            self.cache[w] = s
        return s


def levenshtein(a, b, cap):
    if abs(len(a) - len(b)) > cap:
        return cap + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > cap:
            return cap + 1
        prev = cur
    return prev[-1]


def name_groups(toks):
    """Capitalised words of 5+ letters joined when within edit distance 1
    (2 from 7 letters on), same first letter; a word that is lower-case more
    often than capitalised is not a name."""
    cap, low = collections.Counter(), collections.Counter()
    for ts in toks:
        for w, c in ts:
            (cap if c else low)[w] += 1
    names = sorted(w for w in cap if len(w) >= 5 and not w.isdigit() and cap[w] > low[w])
    parent = {w: w for w in names}

    def find(x):
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x
    by_first = collections.defaultdict(list)
    for w in names:
        by_first[w[0]].append(w)
    joined = []
    for group in by_first.values():
        for i, a in enumerate(group):
            for b in group[i + 1:]:
                k = 2 if min(len(a), len(b)) >= 7 or max(len(a), len(b)) >= 7 else 1
                if a[:6] == b[:6]:
                    continue  # already one feature when cut to 6
                if levenshtein(a, b, k) <= k:
                    joined.append((a, b))
                    parent[find(a)] = find(b)
    return {w: find(w) for w in names}, joined


def features(kind, toks, stem, names):
    """A list of feature lists, one per article."""
    out = []
    for ts in toks:
        ws = [w for w, _ in ts]
        if kind == "w6":
            f = [w[:6] for w in ws]
        elif kind == "word":
            f = list(ws)
        elif kind == "stem":
            f = [stem(w) for w in ws]
        elif kind.startswith("wp"):  # session 11's prefix keys, at 0.3 of a word
            f = [w[:6] for w in ws] + ["~" + w[:int(kind[2:])] for w in ws]
        elif kind == "names":
            f = ["@" + names[w] if w in names else w[:6] for w in ws]
        elif kind[0] in "cx":
            ns = [int(ch) for ch in kind[1:]] if kind[1:] != "35" else [3, 4, 5]
            f = []
            if kind[0] == "c":
                for w in ws:
                    p = " " + w + " "
                    for n in ns:
                        f.extend(p[i:i + n] for i in range(max(1, len(p) - n + 1)))
            else:
                p = " " + " ".join(ws) + " "
                for n in ns:
                    f.extend(p[i:i + n] for i in range(max(1, len(p) - n + 1)))
        else:
            raise SystemExit("unknown representation " + kind)
        out.append(f)
    return out


def sim_matrix(feats):
    n = len(feats)
    vocab, rows, cols, vals = {}, [], [], []
    df = collections.Counter()
    for f in feats:
        df.update(set(f))
    for i, f in enumerate(feats):
        for w, c in collections.Counter(f).items():
            j = vocab.setdefault(w, len(vocab))
            rows.append(i)
            cols.append(j)
            vals.append((1 + math.log(c)) * math.log(n / df[w]) * (0.3 if w[0] == "~" else 1.0))
    x = sp.csr_matrix((vals, (rows, cols)), shape=(n, len(vocab)))
    norm = np.sqrt(np.asarray(x.multiply(x).sum(axis=1)).ravel())
    norm[norm == 0] = 1.0
    x = sp.diags(1.0 / norm) @ x
    s = (x @ x.T).toarray()
    return s


def bcubed(pred, gold):
    """pred, gold: integer label arrays."""
    pred = np.asarray(pred)
    gold = np.asarray(gold)
    pair = collections.Counter(zip(pred.tolist(), gold.tolist()))
    pc = collections.Counter(pred.tolist())
    gc = collections.Counter(gold.tolist())
    p = sum(c * c / pc[a] for (a, _), c in pair.items()) / len(pred)
    r = sum(c * c / gc[b] for (_, b), c in pair.items()) / len(pred)
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


def best_of(scores):
    return max(scores, key=lambda ts: ts[1][0])


def bound_avglink(s, gold):
    d = 1.0 - s
    np.fill_diagonal(d, 0.0)
    d = np.clip((d + d.T) / 2, 0.0, 2.0)
    z = linkage(squareform(d, checks=False), method="average")
    return best_of([(t, bcubed(fcluster(z, 1.0 - t + 1e-9, criterion="distance"), gold))
                    for t in THRESHOLDS])


def online(s, t):
    """Leader clustering on centroids, in input order (s: cosine matrix)."""
    n = s.shape[0]
    label = np.zeros(n, dtype=int)
    # to[j, e]: the sum of event e's members' cosines to article j (a row per
    # article, so that the one read per article is contiguous)
    to = np.zeros((n, n))
    selfsum = np.zeros(n)       # per event: |centroid|^2 = sum of cosines within it
    k = 0
    for i in range(n):
        if k:
            sims = to[i, :k] / np.sqrt(np.maximum(selfsum[:k], 1e-12))
            e = int(np.argmax(sims))
            if sims[e] >= t:
                label[i] = e
                selfsum[e] += 2 * to[i, e] + s[i, i]
                to[:, e] += s[i]
                continue
        label[i] = k
        to[:, k] = s[i]
        selfsum[k] = s[i, i]
        k += 1
    return label


def curve_avglink(s, gold):
    d = 1.0 - s
    np.fill_diagonal(d, 0.0)
    d = np.clip((d + d.T) / 2, 0.0, 2.0)
    z = linkage(squareform(d, checks=False), method="average")
    return [bcubed(fcluster(z, 1.0 - t + 1e-9, criterion="distance"), gold)[0] for t in THRESHOLDS]


def curve_online(s, gold):
    return [bcubed(online(s, t), gold)[0] for t in THRESHOLDS]


def crossval(s, gold, curve, cuts, seed=1):
    """Cut the gold events into two random halves (records keep their order),
    choose the threshold on one half, score it on the other: the bound without
    the gold's choice. Returns (mean held-out F1, mean best-on-itself F1)."""
    import random
    rnd = random.Random(seed)
    events = sorted(set(gold.tolist()))
    held, best = [], []
    for _ in range(cuts):
        rnd.shuffle(events)
        first = set(events[: len(events) // 2])
        halves = [np.array([i for i, g in enumerate(gold) if (g in first) == h]) for h in (True, False)]
        cs = [curve(s[np.ix_(ix, ix)], gold[ix]) for ix in halves]
        for a, b in ((0, 1), (1, 0)):
            k = int(np.argmax(cs[a]))
            held.append(cs[b][k])
            best.append(max(cs[b]))
    return sum(held) / len(held), sum(best) / len(best)


def bound_online(s, gold, grid=None):
    return best_of([(t, bcubed(online(s, t), gold)) for t in (grid or THRESHOLDS)])


def event_matrix(pred):
    ids = {e: k for k, e in enumerate(sorted(set(pred)))}
    lab = np.array([ids[e] for e in pred])
    m = sp.csr_matrix((np.ones(len(pred)), (np.arange(len(pred)), lab)), shape=(len(pred), len(ids)))
    return m, lab


def bound_merge(s, pred, gold):
    m, lab = event_matrix(pred)
    b = np.asarray((m.T @ (m.T @ s).T))
    size = np.asarray(m.sum(axis=0)).ravel()
    avg = b / np.outer(size, size)
    k = len(size)
    iu = np.triu_indices(k, 1)
    vals = avg[iu]
    order = np.argsort(-vals)
    out = []
    for t in THRESHOLDS + [1.01]:
        parent = list(range(k))

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x
        for o in order:
            if vals[o] < t:
                break
            parent[find(iu[0][o])] = find(iu[1][o])
        out.append((t, bcubed([find(x) for x in lab], gold)))
    return best_of(out)


def bound_refine(s, pred, gold):
    m, lab = event_matrix(pred)
    sm = np.asarray((m.T @ s).T)    # article . (sum of each event's vectors), s symmetric
    b = sm[np.arange(len(lab)), lab]
    b = np.bincount(lab, weights=b, minlength=m.shape[1])  # |sum of event|^2
    size = np.asarray(m.sum(axis=0)).ravel()
    n = len(lab)
    out = []
    for margin in (0.02, 0.05, 0.1):
        sims = sm / np.sqrt(np.maximum(b, 1e-12))
        idx = np.arange(n)
        own_dot = sm[idx, lab] - 1.0
        own_n2 = b[lab] - 2 * sm[idx, lab] + 1.0
        own = np.where(size[lab] > 1, own_dot / np.sqrt(np.maximum(own_n2, 1e-12)), 0.0)
        sims[idx, lab] = -1.0
        best = sims.argmax(axis=1)
        bs = sims[idx, best]
        move = (bs > own + margin) & (bs > 0.3)
        new = np.where(move, best, lab)
        out.append((margin, (bcubed(new, gold), int(move.sum()))))
    t, (score, moved) = max(out, key=lambda o: o[1][0][0])
    return t, score, moved


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("set")
    ap.add_argument("--reprs", default="w6,word,stem,names,c3,c4,c5,c35,x3,x4,x5,x35")
    ap.add_argument("--bounds", default="online,avglink,merge,refine")
    ap.add_argument("--cv", type=int, default=0,
                    help="also choose the threshold on half the events, score the other half (N cuts)")
    ap.add_argument("--pred", nargs="*", help="revue's output for the set (JSONL files)")
    args = ap.parse_args()
    set_dir = os.path.join(SHARED, "data", "clustering", args.set)
    if not os.path.isdir(set_dir):
        print("skip: %s not found" % set_dir)
        return 0
    gold_of = read_gold(set_dir)
    refs, texts = [], []
    with open(os.path.join(set_dir, "input.jsonl"), encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if a["id"] not in gold_of:
                continue
            title, body = a.get("title") or "", a.get("text") or a.get("html") or ""
            refs.append(a["id"])
            # the title twice, as revue weighs it; a headline set's text is its title
            texts.append(title + " " + title + " " + body if body != title else title)
    gids = {g: k for k, g in enumerate(sorted(set(gold_of.values())))}
    gold = np.array([gids[gold_of[r]] for r in refs])
    pred = None
    if args.pred:
        ev = {}
        for path in args.pred:
            with open(path, encoding="utf-8") as f:
                for line in f:
                    a = json.loads(line)
                    if "event" in a and a.get("ref") in gold_of:
                        ev[a["ref"]] = a["event"]
        keep = [i for i, r in enumerate(refs) if r in ev]
        if len(keep) < len(refs):  # records the extraction rejected: scored alone
            for i, r in enumerate(refs):
                ev.setdefault(r, "missing:" + r)
        pred = [ev[r] for r in refs]
        print("%s: %d articles, revue %s" % (args.set, len(refs), fmt(bcubed(event_matrix(pred)[1], gold))))
    else:
        print("%s: %d articles" % (args.set, len(refs)))
    toks = [tokens(t) for t in texts]
    stem = Stemmer("french" if args.set.startswith("french") else "english")
    names, joined = name_groups(toks) if "names" in args.reprs else ({}, [])
    if "names" in args.reprs:
        print("  names: %d capitalised words, %d pairs joined, e.g. %s" % (
            len(names), len(joined), ", ".join("/".join(p) for p in joined[:12])))
    cache = {}

    def sims(kind):
        if kind not in cache:
            if kind.startswith("mix:"):
                _, ab, lam = kind.split(":")
                a, b = ab.split("+")
                cache[kind] = float(lam) * sims(a) + (1 - float(lam)) * sims(b)
            else:
                cache[kind] = sim_matrix(features(kind, toks, stem, names))
        return cache[kind]

    bounds = args.bounds.split(",")
    for kind in args.reprs.split(","):
        s = sims(kind)
        parts = []
        if "online" in bounds:
            t, sc = bound_online(s, gold)
            parts.append("online %s at %.2f" % (fmt(sc), t))
        if "avglink" in bounds:
            t, sc = bound_avglink(s, gold)
            parts.append("avglink %s at %.2f" % (fmt(sc), t))
        if pred is not None and "merge" in bounds:
            t, sc = bound_merge(s, pred, gold)
            parts.append("merge %s at %.2f" % (fmt(sc), t))
        if pred is not None and "refine" in bounds:
            t, sc, moved = bound_refine(s, pred, gold)
            parts.append("refine %s (%d moved, margin %.2f)" % (fmt(sc), moved, t))
        if args.cv:
            for name, curve in (("online", curve_online), ("avglink", curve_avglink)):
                if name in bounds:
                    h, b = crossval(s, gold, curve, args.cv)
                    parts.append("%s halves: held-out %.4f, own best %.4f" % (name, h, b))
        print("  %-18s %s" % (kind, "; ".join(parts)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
