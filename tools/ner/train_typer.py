#!/usr/bin/env python3
"""Train the entity type model (src/analyze/ner_typer.h) on the CC0 / CC BY NER training sets.

usage: tools/ner/train_typer.py ../shared/data/train/ner [/usr/share/wordnet] > src/analyze/ner_typer.h

English context also comes from WordNet 3.0's glosses (Debian wordnet-base; its licence allows any
use with the copyright notice): the definitions are encyclopedic sentences like Wikipedia's, and
the names in them that src/analyze/ner_wordnet.h types (itself made from WordNet) label them
("the flight of Muhammad from Mecca to Medina"). A gloss gives only English context features
("en|pw:from"), so it teaches which words stand around a person or a place without touching the
names' own features or French. Without the WordNet folder the glosses are left out.

An averaged perceptron over the gold name spans of data/train/ner (Europeana FR CC0, NewsEye FR
HIPE-2022 CC BY 4.0, WikiGold EN CC BY 4.0) that tells a name's type (PER, ORG, LOC, MISC) from
its words, their endings and shapes and the words around it. Detection stays with the rules of
entities.c; this model only types names no list knows. The features must match span_features()
in src/analyze/entities.c. Weights are scaled by 100, rounded to int16 and sorted by feature bytes.
Nothing from data/ner (WikiNEuRal) is read.
"""
import os
import random
import sys
from collections import defaultdict

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from build_lexicon import read_bio, spans, fold, TYPES  # noqa: E402

EPOCHS = 8
WIKI_WEIGHT = 3
# Models trained on differently shuffled data, their weights averaged: a single perceptron's
# English F1 moves by +-.0015 with the shuffle's seed; the average of 4 is steadier and better
# (WikiNEuRal EN .7691 -> .7705, FR .8122 -> .8127; 8 models: .7704 / .8131). Each of them
# trained on a bootstrap sample of the examples (drawn with replacement, bagging) differs more
# from the others: EN .7705 -> .7718, FR .8127 -> .8123 (another draw: .7715 / .8110).
ENSEMBLE = 4
GAZ = {}


def load_gazetteer(path):
    """Single words of the hand-written gazetteer (src/analyze/ner_gazetteer.c) with their type."""
    import re
    for m in re.finditer(r'^\t"([POLMC])\|(.*)",$', open(path, encoding='utf-8').read(), re.M):
        for name in m.group(2).split('|'):
            k = fold(name)
            if ' ' not in k and k not in GAZ:
                GAZ[k] = 'L' if m.group(1) == 'C' else m.group(1)  # a country is a location


def shape(tok):
    if any(c.isdigit() for c in tok) and not any(c.isalpha() for c in tok):
        return 'd'
    if tok.isupper() and len(tok) > 1:
        return 'X'
    if tok[:1].isupper():
        return 'Xx'
    return 'x'


def ctx_word(toks, i, step):
    """The word next to position i (step -1 before, +1 after), skipping apostrophes."""
    j = i + step
    while 0 <= j < len(toks) and toks[j] in ("'", '’'):
        j += step
    if 0 <= j < len(toks):
        w = fold(toks[j]).rstrip("'’")
        return w if w else '_'
    return '^' if step < 0 else '$'


def features(toks, i, j, lang=None):
    """Features of the span toks[i:j+1] (same strings as entities.c). With lang ("en"), a prior
    of that language's own ("en|b"): WikiGold, the only English set, has far more MISC names
    than the French newspapers. (Per-language copies of the shape, length, ending and
    neighbour features too were tried: English +0.004 F1 more, French -0.005.)"""
    words = [fold(t) for t in toks[i:j + 1]]
    f = ['b', 'f:' + words[0], 'l:' + words[-1], 'n:%d' % min(len(words), 4),
         's3:' + words[-1][-3:], 's4:' + words[-1][-4:], 'p3:' + words[0][:3],
         'sh:' + '_'.join(shape(t) for t in toks[i:j + 1][:4]),
         'pw:' + ctx_word(toks, i, -1), 'nw:' + ctx_word(toks, j, +1)]
    pw = ctx_word(toks, i, -1)
    k = i - 1
    while k >= 0 and toks[k] in ("'", '’'):
        k -= 1
    f.append('ppw:' + ctx_word(toks, k, -1) + '_' + pw)
    for w in words:
        f.append('w:' + w)
        if w in GAZ:
            f.append('gw:' + GAZ[w])
    if any('-' in t for t in toks[i:j + 1]):
        f.append('hy')
    if lang:
        f.append(lang + '|b')
        # the words around a name, also as the language's own (entities.c, ctx_feat())
        f += [lang + '|' + x for x in f if x.startswith(('pw:', 'nw:', 'ppw:'))]
    return f


def gloss_sentences(wordnet):
    """WordNet's glosses as (token, IOB2 tag) sentences, the names ner_wordnet.h types tagged
    (longest run of capitalised tokens first); only glosses with at least one name."""
    import re
    header = os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../src/analyze/ner_wordnet.h')
    letters = {'P': 'PER', 'L': 'LOC', 'O': 'ORG', 'M': 'MISC'}
    names = {m.group(1): letters[m.group(2)]
             for m in re.finditer(r'\{"([^"]+)", \'([PLOM])\'\}', open(header, encoding='utf-8').read())}
    out = []
    for part in ('noun', 'verb', 'adj', 'adv'):
        for line in open(os.path.join(wordnet, 'data.' + part), encoding='latin-1'):
            if line.startswith('  ') or '|' not in line:
                continue
            for piece in line.split('|', 1)[1].split(';'):
                toks = re.findall(r"\w+(?:[-'’]\w+)*|[^\w\s]", piece.strip().strip('"'))
                tags = ['O'] * len(toks)
                i = 0
                while i < len(toks):
                    for n in range(4, 0, -1):
                        run = toks[i:i + n]
                        if len(run) == n and all(t[:1].isupper() for t in run) and fold(' '.join(run)) in names:
                            ty = names[fold(' '.join(run))]
                            tags[i:i + n] = ['B-' + ty] + ['I-' + ty] * (n - 1)
                            i += n - 1
                            break
                    i += 1
                if len(toks) >= 3 and any(t != 'O' for t in tags):
                    out.append(list(zip(toks, tags)))
    return out


def examples(root, wordnet=None):
    sents = []
    sents += list(read_bio(os.path.join(root, 'europeana-fr-cc0/enp_FR.bnf.bio'), 0, 1))
    d = os.path.join(root, 'newseye-fr-ccby')
    for fn in sorted(os.listdir(d)):
        if fn.endswith('.tsv'):
            sents += list(read_bio(os.path.join(d, fn), 0, 1, sep='\t', skip_comments=True))
    n_fr = len(sents)
    wiki = list(read_bio(os.path.join(root, 'wikigold-en-ccby/wikigold.conllu'), 1, 2, sep='\t'))
    # WikiGold is the only modern text (the French sets are 19th-century OCR): it counts
    # WIKI_WEIGHT times so that modern names and their contexts weigh as much as the old ones.
    sents += wiki * WIKI_WEIGHT
    n_named = len(sents)
    if wordnet and os.path.isdir(wordnet):
        sents += gloss_sentences(wordnet)
    out = []
    for si, sent in enumerate(sents):
        lang = None if si < n_fr else 'en'
        toks = [t for t, _ in sent]
        pos = 0
        # spans() yields token lists; find their positions again
        for stoks, ty in spans(sent):
            n = len(stoks)
            while pos + n <= len(toks) and toks[pos:pos + n] != stoks:
                pos += 1
            if pos + n > len(toks):
                break
            if stoks[0][:1].isalpha() and not (stoks[0].isupper() and len(stoks[0]) > 4):
                f = features(toks, pos, pos + len(stoks) - 1, lang)
                if si >= n_named:  # a gloss: English context only
                    f = [x for x in f if x.startswith(lang + '|')]
                out.append((f, TYPES.index(ty)))
            pos += n
    return out


def train(data, seed=7):
    w = defaultdict(lambda: [0.0] * 4)
    acc = defaultdict(lambda: [0.0] * 4)
    stamp = defaultdict(lambda: [0] * 4)
    c = 0
    rnd = random.Random(seed)
    for _ in range(EPOCHS):
        rnd.shuffle(data)
        for feats, y in data:
            c += 1
            scores = [0.0] * 4
            for f in feats:
                if f in w:
                    ws = w[f]
                    for t in range(4):
                        scores[t] += ws[t]
            p = max(range(4), key=lambda t: scores[t])
            if p != y:
                for f in feats:
                    for t, d in ((y, 1.0), (p, -1.0)):
                        acc[f][t] += (c - stamp[f][t]) * w[f][t]
                        stamp[f][t] = c
                        w[f][t] += d
    avg = {}
    for f in w:
        row = []
        for t in range(4):
            total = acc[f][t] + (c - stamp[f][t]) * w[f][t]
            row.append(total / c)
        avg[f] = row
    return avg


def score(model, feats):
    return max(range(4), key=lambda t: sum(model.get(f, [0] * 4)[t] for f in feats))


def main():
    load_gazetteer(os.path.join(os.path.dirname(os.path.abspath(__file__)), '../../src/analyze/ner_gazetteer.c'))
    global WIKI_WEIGHT
    weight, WIKI_WEIGHT = WIKI_WEIGHT, 1
    wordnet = sys.argv[2] if len(sys.argv) > 2 else '/usr/share/wordnet'
    data = examples(sys.argv[1], wordnet)
    rnd = random.Random(3)
    rnd.shuffle(data)
    held = data[:len(data) // 10]
    model = train(data[len(data) // 10:])
    ok = sum(1 for feats, y in held if score(model, feats) == y)
    held_en = [(feats, y) for feats, y in held if any(f.startswith('en|') for f in feats)]
    ok_en = sum(1 for feats, y in held_en if score(model, feats) == y)
    print(f'{len(data)} spans; held-out type accuracy {ok / len(held):.3f} '
          f'(English {ok_en / max(1, len(held_en)):.3f})', file=sys.stderr)
    WIKI_WEIGHT = weight
    ex = examples(sys.argv[1], wordnet)
    model = defaultdict(lambda: [0.0] * 4)
    for e in range(ENSEMBLE):
        rb = random.Random(100 + e)
        sample = [ex[rb.randrange(len(ex))] for _ in ex]
        for f, ws in train(sample, 7 + e).items():
            for t in range(4):
                model[f][t] += ws[t] / ENSEMBLE
    rows = []
    for f, ws in model.items():
        q = [max(-32767, min(32767, int(round(x * 100)))) for x in ws]
        if any(q) and '"' not in f and '\\' not in f and all(ord(ch) >= 32 for ch in f):
            rows.append((f.encode(), q))
    rows.sort()
    print('/* ner_typer.h - GENERATED by tools/ner/train_typer.py from data/train/ner')
    print(' * (Europeana FR CC0; NewsEye FR / HIPE-2022 CC BY 4.0; WikiGold EN CC BY 4.0)')
    print(' * and the glosses of WordNet 3.0 (Copyright 2006 by Princeton University).')
    print(' * Averaged perceptron weights x100 for PER ORG LOC MISC, sorted by feature bytes. */')
    print('#ifndef RV_NER_TYPER_H\n#define RV_NER_TYPER_H\n')
    print('static const struct rv__ner_feat { const char *f; short w[4]; } rv__ner_feats[] = {')
    for f, q in rows:
        print('\t{"%s", {%d, %d, %d, %d}},' % (f.decode(), *q))
    print('};\n\n#endif')
    print(f'{len(rows)} features', file=sys.stderr)


if __name__ == '__main__':
    main()
