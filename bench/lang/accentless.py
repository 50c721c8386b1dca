#!/usr/bin/env python3
"""bench/lang/accentless.py [--revue PATH] - language identification of texts
written without accents, as crawled headlines often are ("apres la greve",
"Nao ha acordo").

Takes the lingua sentences of ../shared/data/lid/lingua-sentences that had
an accent and become plain ASCII once their marks are stripped, and scores
revue's `lang` on them whole and cut to their first 7 words (a headline's
length). Prints the micro accuracy and the accuracy of each language with 20
sentences or more. Skips with a message where the data is absent.
"""
import argparse
import collections
import json
import os
import subprocess
import sys
import tempfile
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SET = os.path.join(os.path.dirname(ROOT), "shared", "data", "lid", "lingua-sentences")


def strip_marks(text):
    t = unicodedata.normalize("NFKD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in t if not unicodedata.combining(ch)))


def score(revue, records, gold):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False) as f:
        for r in records:
            f.write(json.dumps(r) + "\n")
        path = f.name
    try:
        out = subprocess.run([revue, "extract", "--no-analysis", "--format", "jsonl", path],
                             capture_output=True, text=True, check=False).stdout
    finally:
        os.unlink(path)
    ok, total = collections.Counter(), collections.Counter()
    for line in out.splitlines():
        a = json.loads(line)
        want = gold.get(a.get("ref"))
        if want:
            total[want] += 1
            ok[want] += (a.get("lang") or "")[:2] == want
    langs = sorted((k for k in total if total[k] >= 20), key=lambda k: -total[k])
    micro = sum(ok.values()) / max(1, sum(total.values()))
    return "micro %.4f  " % micro + " ".join("%s %.2f" % (k, ok[k] / total[k]) for k in langs)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--revue", default=os.path.join(ROOT, "revue"))
    args = ap.parse_args()
    if not os.path.isdir(SET):
        print("skip: %s not found" % SET)
        return 0
    gold = {}
    with open(os.path.join(SET, "gold.lang.tsv"), encoding="utf-8") as f:
        for line in f:
            if not line.startswith("#"):
                cols = line.rstrip("\n").split("\t")
                gold[cols[0]] = cols[1]
    whole, cut = [], []
    with open(os.path.join(SET, "input.jsonl"), encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            plain = strip_marks(r["text"])
            if plain == unicodedata.normalize("NFC", r["text"]) or not plain.isascii():
                continue
            whole.append({"id": r["id"], "text": plain})
            cut.append({"id": r["id"], "text": " ".join(plain.split()[:7])})
    print("%d sentences written without their accents" % len(whole))
    print("whole:        " + score(args.revue, whole, gold))
    print("first 7 words: " + score(args.revue, cut, gold))
    return 0


if __name__ == "__main__":
    sys.exit(main())
