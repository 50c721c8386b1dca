#!/usr/bin/env python3
"""Per-half chunk scores of the trafilatura set from a score_extraction.py --details FILE.
Usage: bench/extract/halves.py DETAILS [GOLD]. Half of a page = crc32 of its file name (UTF-8),
even = A, odd = B: a fixed split for finding rules on A and checking them on B."""
import json, sys, zlib, os, unicodedata
gold_path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "shared", "data", "extraction", "trafilatura", "gold.chunks.jsonl")
if len(sys.argv) > 2:
    gold_path = sys.argv[2]
det = sys.argv[1]
gold = [json.loads(l) for l in open(gold_path, encoding='utf-8')]
for g in gold: g['ref'] = unicodedata.normalize('NFC', g['ref'])
missed, extra, notext = {}, {}, set()
for line in open(det, encoding='utf-8'):
    f = line.rstrip('\n').split('\t')
    if f[0] == 'MISSED': missed[f[1]] = missed.get(f[1], 0) + 1
    elif f[0] == 'BOILERPLATE': extra[f[1]] = extra.get(f[1], 0) + 1
    elif f[0] in ('NO_TEXT',): notext.add(f[1])
def half(ref): return 'A' if zlib.crc32(os.path.basename(ref).encode('utf-8')) & 1 == 0 else 'B'
tot = {h: [0, 0, 0, 0] for h in 'AB'}
for g in gold:
    r = g['ref']; h = half(r); nw = len(g['with'])
    if r in notext: tot[h][2] += nw; tot[h][3] += 1; continue
    fn = missed.get(r, 0); tot[h][0] += nw - fn; tot[h][1] += extra.get(r, 0); tot[h][2] += fn; tot[h][3] += 1
def prf(tp, fp, fn):
    p = tp / (tp + fp) if tp + fp else 0; r = tp / (tp + fn) if tp + fn else 0
    return p, r, 2 * p * r / (p + r) if p + r else 0
allc = [tot['A'][i] + tot['B'][i] for i in range(4)]
for name, c in (('A', tot['A']), ('B', tot['B']), ('all', allc)):
    p, r, f = prf(*c[:3])
    print(f'{name:3} pages {c[3]:4} TP {c[0]:4} FP {c[1]:3} FN {c[2]:3}  P {p:.4f} R {r:.4f} F1 {f:.4f}')
