#!/usr/bin/env python3
"""Text-dump extraction measured on pages nobody here wrote.

No development set holds text dumps, so this makes them: each page of an HTML
set with gold chunks (../shared/data/extraction/trafilatura) is flattened the
way a crawler's text dump is (the URL, then one line per block element's text,
blank lines between; scripts and styles dropped; navigation, comments and
footers kept), and `revue extract --format text` reads the dumps. The text is
scored with the trafilatura chunk metric of ../shared/eval/score_extraction.py
(a "with" chunk found = TP, a "without" chunk found = FP). The same run scores
"keep every line" (what a dump is before cleaning) as the baseline.

usage: bench/textdump_eval.py [--revue ./revue] [--set DIR] [--limit N] [--keep DIR]
"""
import argparse
import gzip
import html.parser
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, '..', '..', 'shared', 'eval'))
import evalcommon as ec  # noqa: E402

BLOCK = set('address article aside blockquote body br dd details dialog div dl dt fieldset '
            'figcaption figure footer form h1 h2 h3 h4 h5 h6 header hr li main nav ol p pre '
            'section summary table td th tr ul title option button label'.split())
SKIP = set('script style noscript template svg head'.split())


class Dumper(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.cur, self.skip, self.in_title = [], [], 0, False

    def flush(self):
        t = ' '.join(''.join(self.cur).split())
        if t:
            self.lines.append(t)
        self.cur = []

    def handle_starttag(self, tag, attrs):
        if tag == 'title':
            self.in_title = True
            self.flush()
            return
        if tag in SKIP:
            self.skip += 1
        elif tag in BLOCK:
            self.flush()
        if tag == 'img':
            src = dict(attrs).get('src') or ''
            if src.startswith('http'):
                self.flush()
                self.lines.append(src)

    def handle_endtag(self, tag):
        if tag == 'title':
            self.in_title = False
            self.flush()
        elif tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag in BLOCK:
            self.flush()

    def handle_data(self, data):
        if not self.skip or self.in_title:
            self.cur.append(data)


def dump(html_bytes, url):
    text = html_bytes.decode('utf-8', errors='replace')
    d = Dumper()
    try:
        d.feed(text)
        d.close()
    except Exception:  # noqa: BLE001 - a broken page still gives its lines so far
        pass
    d.flush()
    lines = ([url] if url else []) + d.lines
    return '\n\n'.join(lines) + '\n'


def score(gold, texts):
    tp = fp = fn = tn = 0
    for g in gold:
        r = texts.get(g['ref'])
        if r is None:
            fn += len(g['with'])
            tn += len(g['without'])
            continue
        r = ec.collapse(r)
        found = sum(1 for w in g['with'] if ec.collapse(w) in r)
        extra = sum(1 for w in g['without'] if ec.collapse(w) in r)
        tp += found
        fn += len(g['with']) - found
        fp += extra
        tn += len(g['without']) - extra
    p, r, f = ec.prf(tp, fp, fn)
    return p, r, f


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--revue', default='./revue')
    ap.add_argument('--set', default=os.path.join(HERE, '..', '..', 'shared', 'data', 'extraction', 'trafilatura'))
    ap.add_argument('--limit', type=int, default=0)
    ap.add_argument('--keep', help='write the dumps and the output here and keep them')
    args = ap.parse_args()
    gold = [json.loads(l) for l in open(os.path.join(args.set, 'gold.chunks.jsonl'), encoding='utf-8')]
    if args.limit:
        gold = gold[:args.limit]
    work = args.keep or tempfile.mkdtemp(prefix='textdump_eval.')
    os.makedirs(os.path.join(work, 'dump'), exist_ok=True)
    raw, names = {}, []
    for g in gold:
        name = os.path.basename(g['ref'])
        with gzip.open(os.path.join(args.set, 'html', name + '.gz')) as f:
            d = dump(f.read(), g.get('url'))
        path = os.path.join('dump', name + '.txt')
        with open(os.path.join(work, path), 'w', encoding='utf-8') as f:
            f.write(d)
        raw[g['ref']] = d
        names.append((g['ref'], path))
    t0 = time.time()
    texts = {}
    revue = os.path.abspath(args.revue)
    for i in range(0, len(names), 500):
        chunk = names[i:i + 500]
        out = subprocess.run([revue, 'extract', '--format', 'text'] + [p for _, p in chunk],
                             cwd=work, capture_output=True, text=True, stdin=subprocess.DEVNULL)
        by_path = {p: ref for ref, p in chunk}
        for line in out.stdout.splitlines():
            a = json.loads(line)
            ref = by_path.get(a.get('ref'))
            if ref:
                texts[ref] = a.get('text') or '\n'.join(a.get('paragraphs') or [])
    dt = time.time() - t0
    bp, br, bf = score(gold, raw)
    p, r, f = score(gold, texts)
    print(f'text dumps of {len(gold)} pages of {os.path.basename(os.path.normpath(args.set))}')
    print(f'  keep every line : precision {bp:.4f}  recall {br:.4f}  F1 {bf:.4f}')
    print(f'  revue textdump  : precision {p:.4f}  recall {r:.4f}  F1 {f:.4f}   '
          f'({len(texts)} articles, {len(gold) / dt:.1f} dumps/s)')
    if not args.keep:
        shutil.rmtree(work)


if __name__ == '__main__':
    main()
