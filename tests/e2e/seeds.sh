#!/bin/sh
# The foundation acceptance on the seeds: ingest ../shared/seeds, export
# JSONL, and check titles, URLs, dates, tags, authors and clean bodies.
# (Language and events come from other stages and are tested there.)
set -eu
cd "$REVUE_ROOT"
SEEDS=../shared/seeds
if [ ! -d "$SEEDS" ]; then
	echo "skip: $SEEDS absent"
	exit 0
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT INT TERM

"$REVUE" --db "$tmp/r.db" ingest "$SEEDS" >"$tmp/ingest.out" 2>&1 || {
	cat "$tmp/ingest.out"
	exit 1
}
"$REVUE" --db "$tmp/r.db" export --format jsonl >"$tmp/out.jsonl"

python3 - "$tmp/out.jsonl" <<'PY'
import json, sys

arts = {}
for line in open(sys.argv[1], encoding="utf-8"):
    a = json.loads(line)
    key = a["ref"].rsplit("/", 1)[-1][:3]
    arts[key] = a

fail = []
def check(cond, what):
    if not cond:
        fail.append(what)

check(sorted(arts) == ["000", "001", "002", "003", "004"], "5 articles, got %s" % sorted(arts))
titles = {
    "000": "Imbroglio entre alliés sur le rapatriement des diplomates en Ukraine: personne n'est d'accord",
    "001": "Le Pentagone n’exclut pas l’envoi de troupes en Ukraine, avec une précision",
    "002": "Conflit Ukraine-Russie. Washington a placé 8.500 militaires en état d’alerte",
    "003": "Conflit en Ukraine: les Etats-Unis étudient l’envoi de troupes dans les pays de l’Otan",
    "004": "L’appel Biden-Poutine n’est pas concluant alors que les tensions en Ukraine montent en flèche",
}
for k, t in titles.items():
    got = arts.get(k, {}).get("title")
    check(got == t, "%s title: %r" % (k, got))

a0, a1, a3 = arts.get("000", {}), arts.get("001", {}), arts.get("003", {})
check(a0.get("url") == "https://fr.sputniknews.com/20220124/imbroglio-entre-allies-sur-le-rapatriement-des-diplomates-en-ukraine-personne-nest-daccord-1054570776.html", "000 url %r" % a0.get("url"))
check(a1.get("url") == "https://fr.sputniknews.com/20220202/le-pentagone-nexclut-pas-lenvoi-de-troupes-en-ukraine-avec-une-precision-1054950200.html", "001 url %r" % a1.get("url"))
check(a0.get("published") == "2022-01-24T11:48+01:00", "000 published %r" % a0.get("published"))
check(a1.get("published") == "2022-02-02T19:14+01:00", "001 published %r" % a1.get("published"))
check(a1.get("modified") == "2022-02-02T19:58+01:00", "001 modified %r" % a1.get("modified"))
check(a3.get("published") == "2022-01-24", "003 published %r" % a3.get("published"))
check(a3.get("published_source") == "comments" and a3.get("published_inferred") is True,
      "003 published from comments, inferred: %r %r" % (a3.get("published_source"), a3.get("published_inferred")))
check(a0.get("tags") == ["international", "joe biden", "ambassade", "europe de l'est", "militaires américains"], "000 tags %r" % a0.get("tags"))
check(a1.get("tags") == ["états-unis", "ukraine", "john kirby", "pentagone", "joe biden", "garanties de sécurité"], "001 tags %r" % a1.get("tags"))
check(a0.get("authors") == ["Victor Koulakov"], "000 authors %r" % a0.get("authors"))
check(a1.get("authors") == ["Dmitri Bassenko"], "001 authors %r" % a1.get("authors"))

t0 = a0.get("text", "")
check(t0.startswith("Alors que la Russie attend"), "000 body start %r" % t0[:60])
check(t0.endswith("dans le Donbass."), "000 body end %r" % t0[-60:])
junk = ["Posté par", "Check Also", "Laisser une réponse", "cdnnfr1", "/html/head", "Share Post",
        "ABONNEZ-VOUS", "1920 1080 true", "feedback.fr@", "Stay Connected",
        "You might also enjoy", "Inscrivez-vous"]
for k, a in sorted(arts.items()):
    text = a.get("text", "")
    check(len(text) > 500, "%s body too short (%d)" % (k, len(text)))
    for j in junk:
        check(j not in text, "%s body contains %r" % (k, j))
    check(text == "\n\n".join(a.get("paragraphs", [])), "%s text is its paragraphs" % k)

if fail:
    print("\n".join("FAIL " + f for f in fail))
    sys.exit(1)
print("seeds: 5 articles clean")
PY
