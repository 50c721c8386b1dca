#!/usr/bin/env python3
"""Print pairs of English words that name one concept, from WordNet 3.0.

usage: tools/wn_edges.py [/usr/share/wordnet] [options] | build/mkwnmap OUT

Reads the Debian package wordnet-base (WordNet 3.0, Princeton University; licence: use, copy,
modify and distribute for any purpose with its copyright notice). Prints "word<TAB>word"
lines; build/mkwnmap stems both sides as the analyzer does and joins them into concept terms
(build/en-concept.map), which the grouper adds to English articles' vectors.

Only one-word lemmas written in lower case (no proper names), and only each word's first
sense (WordNet lists the most frequent sense first), so a rare sense does not join a common
word to an unrelated one:
  - irregular inflections (the *.exc lists: "ran" -> "run", "men" -> "man");
  - derivationally related forms between first senses ("die" / "death", "elect" /
    "election"): the pointer runs from the word's first sense to a word whose first sense
    is its target;
  - synonyms (--syn): two words whose first senses are the same synset.
"""
import os
import sys
from collections import defaultdict

POS = {'n': 'noun', 'v': 'verb', 'a': 'adj', 'r': 'adv'}


def good(w):
    return w.isalpha() and w.islower() and w.isascii() and len(w) >= 3


def clean(w):
    k = w.find('(')
    return w[:k] if k >= 0 else w


def main():
    args = [a for a in sys.argv[1:] if not a.startswith('--')]
    opts = {a.split('=')[0][2:]: (a.split('=', 1)[1] if '=' in a else '1')
            for a in sys.argv[1:] if a.startswith('--')}
    root = args[0] if args else '/usr/share/wordnet'
    syn = opts.get('syn', '0') != '0'
    deriv = opts.get('deriv', '1') != '0'
    exc = opts.get('exc', '1') != '0'
    senses = int(opts.get('senses', '1'))
    # first senses: (pos, word) -> [offsets]
    first = {}
    for p, name in POS.items():
        with open(os.path.join(root, 'index.' + name), encoding='latin-1') as f:
            for line in f:
                if line.startswith('  '):
                    continue
                t = line.split()
                w = t[0]
                if not good(w):
                    continue
                pc = int(t[3])
                offs = t[6 + pc:]
                first[(p, w)] = offs[:senses]
    out = set()
    if exc:
        for p, name in POS.items():
            with open(os.path.join(root, name + '.exc'), encoding='latin-1') as f:
                for line in f:
                    t = line.split()
                    if len(t) >= 2 and good(t[0]) and good(t[1]):
                        out.add((t[0], t[1]))
    # synsets: (pos, offset) -> (words, derivation pointers (src idx, pos, off, tgt idx))
    need = defaultdict(set)
    for (p, w), offs in first.items():
        for o in offs:
            need[p].add(o)
    for p, name in POS.items():
        with open(os.path.join(root, 'data.' + name), encoding='latin-1') as f:
            for line in f:
                if line.startswith('  '):
                    continue
                t = line.split()
                off = t[0]
                wc = int(t[3], 16)
                words = [clean(t[4 + 2 * i]) for i in range(wc)]
                k = 4 + 2 * wc
                pc = int(t[k])
                ptrs = []
                for i in range(pc):
                    sym, o2, p2, st = t[k + 1 + 4 * i: k + 5 + 4 * i]
                    if sym == '+':
                        ptrs.append((int(st[:2], 16), 's' if p2 == 's' else p2, o2, int(st[2:], 16)))
                for wi, w in enumerate(words):
                    if not good(w) or off not in first.get((p, w), ()):
                        continue
                    if syn:
                        for w2 in words:
                            if w2 != w and good(w2) and off in first.get((p, w2), ()):
                                out.add((w, w2))
                    if deriv:
                        for src, p2, o2, tgt in ptrs:
                            if src != wi + 1:
                                continue
                            pp = 'a' if p2 == 's' else p2
                            dsets = deriv_targets.setdefault((pp, o2), [])
                            dsets.append((w, tgt))
    if deriv:
        for p, name in POS.items():
            with open(os.path.join(root, 'data.' + name), encoding='latin-1') as f:
                for line in f:
                    if line.startswith('  '):
                        continue
                    t = line.split()
                    lst = deriv_targets.get((p, t[0]))
                    if not lst:
                        continue
                    wc = int(t[3], 16)
                    words = [clean(t[4 + 2 * i]) for i in range(wc)]
                    for w, tgt in lst:
                        if 1 <= tgt <= wc:
                            w2 = words[tgt - 1]
                            if good(w2) and t[0] in first.get((p, w2), ()):
                                out.add((w, w2))
    for a, b in sorted(out):
        print(f'{a}\t{b}')


deriv_targets = {}

if __name__ == '__main__':
    main()
