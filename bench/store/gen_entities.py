#!/usr/bin/env python3
"""Write N synthetic articles dense in invented names, as revue JSONL
(deterministic), for timing the entity lists on a large store.

Every name is made up here from invented syllables: people (given name and
surname, then the surname alone, sometimes in capitals), organisations and
places, drawn with a Zipf-like law so that a few entities are in thousands of
articles and most in a handful. About 14 entity rows per article: 72,000
articles give about a million rows in the entities table.
usage: gen_entities.py N > corpus.jsonl
"""
import json
import random
import sys

SYL = ("bra ken dor vel mar tis lun gar fen hol quin sar tor bel dra mik nor pel ros vak "
       "zan lor tem cor ast hel jun kal mor nev").split()
GIVEN = ("Oskar Ilse Maren Tobin Edda Jorund Salme Kasimir Wenna Aldric Brisa Corvin Dagny Elvar "
         "Faustine Gisla Hadrien Ione Joris Katell Leontine Mattis Nadja Orvar Pernille Quentin "
         "Runa Sigrid Teodor Ulla Valter Ylva Zelie Anselm Berit").split()
ORG_FORMS_EN = ("{} Shipping Union", "{} Bank", "{} Chamber of Trade", "{} Rail Company", "{} Party",
                "{} Institute")
ORG_FORMS_FR = ("Banque {}", "Union des dockers de {}", "Compagnie ferroviaire de {}", "Parti de {}",
                "Institut {}")


def word(rng, n):
    return "".join(rng.choice(SYL) for _ in range(n)).capitalize()


def pool(rng, n, make):
    seen, out = set(), []
    while len(out) < n:
        w = make()
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 72000
    rng = random.Random(20261125)
    people = pool(rng, 6000, lambda: (rng.choice(GIVEN), word(rng, 3)))
    places = pool(rng, 2500, lambda: word(rng, rng.randint(2, 3)))
    orgs = pool(rng, 2500, lambda: word(rng, rng.randint(2, 3)))
    wp = [1.0 / (i + 1) for i in range(len(people))]
    wl = [1.0 / (i + 1) for i in range(len(places))]
    wo = [1.0 / (i + 1) for i in range(len(orgs))]
    out = sys.stdout
    for i in range(n):
        fr = rng.random() < 0.5
        day = i // 400
        date = "2024-%02d-%02d" % (1 + (day // 28) % 12, 1 + day % 28)
        paras = []
        for _ in range(rng.randint(4, 6)):
            (given, sur), place = rng.choices(people, wp)[0], rng.choices(places, wl)[0]
            org = rng.choices(orgs, wo)[0]
            org_name = rng.choice(ORG_FORMS_FR if fr else ORG_FORMS_EN).format(org)
            surname = sur.upper() if rng.random() < 0.05 else sur
            if fr:
                paras.append("Le conseil s'est réuni mardi à %s, où %s %s a parlé au nom de la %s. "
                             "Selon %s, la grève continue." % (place, given, sur, org_name, surname))
            else:
                paras.append("The council met on Tuesday in %s, where %s %s spoke for the %s. "
                             "%s said the strike would go on." % (place, given, sur, org_name, surname))
        title = ("Grève à %s" if fr else "Talks in %s") % rng.choices(places, wl)[0]
        out.write(json.dumps({"id": "e%d" % i, "lang": "fr" if fr else "en", "source": "Outlet %d" % (i % 9),
                              "published": date, "url": "https://names.example/%d" % i,
                              "title": title, "text": "\n\n".join(paras)}, ensure_ascii=False) + "\n")


main()
