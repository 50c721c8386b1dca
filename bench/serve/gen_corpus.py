#!/usr/bin/env python3
"""Write N synthetic news articles as revue JSONL (deterministic).

Words are drawn with a Zipf-like law from small French and English
vocabularies written here, so posting lists look like real text: a few very
common terms, a long tail of rare ones. Articles come in bursts (events) of
2-12 articles from several outlets over a few days.
usage: gen_corpus.py N > corpus.jsonl
"""
import json
import random
import sys

FR = ("le la les un une des du de et à en pour sur avec dans par au aux ce cette qui que ne pas plus "
      "gouvernement ministre président armée militaires soldats troupes frontière sécurité défense crise "
      "guerre paix accord sommet réunion négociations sanctions économie inflation prix énergie gaz pétrole "
      "électricité grève syndicat salaires retraite réforme élections députés sénat loi vote budget impôts "
      "école université santé hôpital médecins vaccin épidémie climat chaleur sécheresse inondations tempête "
      "incendie forêt agriculture agriculteurs récolte blé marché bourse banque entreprise emploi chômage "
      "industrie usine automobile transport train trafic aéroport vol port navire commerce exportations "
      "tribunal procès justice police enquête suspect victime attentat manifestation rassemblement ville "
      "région département capitale pays europe états-unis russie ukraine chine afrique allemagne espagne "
      "italie royaume-uni annonce déclare affirme selon hier lundi mardi mercredi jeudi vendredi samedi "
      "dimanche semaine mois année millions milliards euros pourcentage hausse baisse record historique").split()
EN = ("the a an of and to in for on with by at from that this which not more government minister "
      "president army military soldiers troops border security defence crisis war peace agreement summit "
      "meeting talks sanctions economy inflation prices energy gas oil electricity strike union wages pension "
      "reform elections lawmakers senate law vote budget taxes school university health hospital doctors "
      "vaccine epidemic climate heat drought floods storm fire forest farming farmers harvest wheat market "
      "stocks bank company jobs unemployment industry factory cars transport train traffic airport flight "
      "port ship trade exports court trial justice police investigation suspect victim attack protest rally "
      "city region capital country europe united states russia ukraine china africa germany spain italy "
      "britain announced said according yesterday monday tuesday wednesday thursday friday saturday sunday "
      "week month year million billion dollars percent rise fall record historic").split()
OUTLETS = ["Le Quotidien du Port", "La Gazette du Soir", "Le Courrier Central", "L'Écho des Vallées",
           "Harbour Times", "The Evening Ledger", "Northern Dispatch", "Daily Meridian"]


def zipf_words(rng, vocab, weights, n):
    return rng.choices(vocab, weights=weights, k=n)


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 100000
    rng = random.Random(42)
    wfr = [1.0 / (i + 1) for i in range(len(FR))]
    wen = [1.0 / (i + 1) for i in range(len(EN))]
    out = sys.stdout
    i = 0
    day = 0
    while i < n:
        lang = "fr" if rng.random() < 0.6 else "en"
        vocab, weights = (FR, wfr) if lang == "fr" else (EN, wen)
        topic = rng.sample(vocab[25:], 6)  # the event's own words
        size = rng.randint(2, 12)
        day += rng.random() < 0.3
        for _ in range(size):
            if i >= n:
                break
            d = day + rng.randint(0, 3)
            date = "2023-%02d-%02d" % (1 + (d // 28) % 12, 1 + d % 28)
            title = " ".join(topic[:3] + zipf_words(rng, vocab, weights, 5)).capitalize()
            paras = []
            for _ in range(rng.randint(3, 6)):
                words = zipf_words(rng, vocab, weights, rng.randint(20, 45)) + rng.sample(topic, 3)
                rng.shuffle(words)
                paras.append(" ".join(words).capitalize() + ".")
            out.write(json.dumps({"id": "s%d" % i, "lang": lang, "source": rng.choice(OUTLETS),
                                  "published": date, "url": "https://news.example/%d" % i,
                                  "title": title, "text": "\n\n".join(paras)}, ensure_ascii=False) + "\n")
            i += 1


main()
