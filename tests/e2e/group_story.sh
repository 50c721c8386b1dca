#!/bin/sh
# A developing story in French, shaped like the seeds (texts written for this
# test): three reports of one happening on one day, a follow-up nine days
# later, an undated report of a later turn, and an English report of the first
# day. Expect three events, one storyline, the English report with the French.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/in.jsonl" <<'JSON'
{"id":"a","lang":"fr","published":"2023-10-02T09:10+02:00","title":"Grève des contrôleurs aériens : Orly et Roissy à l'arrêt","text":"La grève des contrôleurs aériens a paralysé lundi les aéroports d'Orly et de Roissy. La direction générale de l'aviation civile a demandé aux compagnies d'annuler la moitié de leurs vols. Le syndicat majoritaire réclame 1.200 embauches et dénonce des effectifs insuffisants dans les tours de contrôle."}
{"id":"b","lang":"fr","published":"2023-10-02","title":"Aéroports : la moitié des vols annulés à Orly par la grève","text":"À Orly, la moitié des vols ont été annulés lundi en raison de la grève des contrôleurs aériens. Les passagers ont patienté des heures dans les terminaux. Le syndicat des contrôleurs demande 1.200 embauches, l'aviation civile juge la revendication irréaliste."}
{"id":"c","lang":"fr","published":"2023-10-02T18:40+02:00","title":"Contrôleurs aériens en grève : Roissy perturbé, les compagnies en colère","text":"Les compagnies aériennes dénoncent le coût de la grève des contrôleurs aériens qui a perturbé Roissy et Orly lundi. Selon l'aviation civile, la moitié des vols ont été annulés. Le syndicat maintient sa demande de 1.200 embauches dans les tours de contrôle."}
{"id":"d","lang":"fr","published":"2023-10-11T08:00+02:00","title":"Contrôleurs aériens : le ministre reçoit le syndicat après la grève","text":"Neuf jours après la grève qui avait paralysé Orly et Roissy, le ministre des Transports a reçu mercredi le syndicat des contrôleurs aériens. Il propose 600 embauches sur trois ans dans les tours de contrôle ; le syndicat, qui en demandait 1.200, consultera sa base."}
{"id":"e","lang":"fr","title":"Les contrôleurs aériens acceptent l'accord, fin du conflit dans les aéroports","text":"Les contrôleurs aériens ont approuvé par vote l'accord proposé par le ministre des Transports : 800 embauches dans les tours de contrôle et une prime. Le syndicat lève son préavis de grève et le trafic d'Orly et de Roissy ne sera plus perturbé."}
{"id":"en","lang":"en","published":"2023-10-02T20:00+01:00","title":"Air traffic strike grounds flights at Orly and Roissy","text":"A strike by French air traffic controllers grounded half of the flights at Orly and Roissy airports on Monday, and passengers waited for hours in the terminals. The union wants 1,200 new hires in the control towers; the civil aviation authority asked airlines to cancel flights."}
{"id":"x","lang":"fr","published":"2023-10-02","title":"Rugby : le XV de France bat l'Italie","text":"Le XV de France a battu l'Italie 60 à 7 à Lyon et se qualifie pour les quarts de finale de la Coupe du monde. Les Bleus ont marqué neuf essais devant un public enthousiaste."}
JSON
"$REVUE" --db "$dir/s.db" ingest --format jsonl "$dir/in.jsonl" || exit 1
"$REVUE" --db "$dir/s.db" export --format jsonl > "$dir/out.jsonl" || exit 1
python3 - "$dir/out.jsonl" <<'PY'
import json, sys
ev, st = {}, {}
for line in open(sys.argv[1]):
    a = json.loads(line)
    ev[a["ref"]], st[a["ref"]] = a.get("event"), a.get("storyline")
print("events", ev, "storylines", st)
bad = []
# names, numbers and the day carry it; the FreeDict map (when built) adds more
if ev["en"] != ev["a"]:
    bad.append("the English report of the strike is in the same event")
if not ev["a"] == ev["b"] == ev["c"]:
    bad.append("a, b, c are one happening")
if len({ev["a"], ev["d"], ev["e"], ev["x"]}) != 4:
    bad.append("d (9 days later), e (a later turn) and x (rugby) are events of their own")
if not st["a"] == st["d"] == st["e"]:
    bad.append("a, d, e are one storyline")
if st["x"] == st["a"]:
    bad.append("the rugby match is not in the strike's storyline")
print("\n".join(bad) or "ok")
sys.exit(1 if bad else 0)
PY
