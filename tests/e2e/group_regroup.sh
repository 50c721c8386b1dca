#!/bin/sh
# regroup with other thresholds changes the events, and back; story --why
# explains membership. Texts written for this test.
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
cat > "$dir/in.jsonl" <<'JSON'
{"id":"f1","title":"Floods force evacuation in Norvale","published":"2023-03-07","text":"Heavy rain flooded the river valley of Norvale on Tuesday, forcing the evacuation of four hundred families from the lower districts. The mayor of Norvale, Irena Castell, said the dam above the town held."}
{"id":"f2","title":"Norvale families evacuated as river bursts banks","published":"2023-03-08","text":"Families in Norvale spent the night in school gyms after the river burst its banks. Mayor Irena Castell said the dam held and rescue teams evacuated four hundred families."}
{"id":"c1","title":"Lindqvist wins the Halden open","published":"2023-03-08","text":"The grandmaster Tobias Lindqvist won the Halden chess open on Sunday after a long endgame against the defending champion."}
JSON
db="$dir/r.db"
"$REVUE" --db "$db" ingest --format jsonl "$dir/in.jsonl" || exit 1
n_events() { "$REVUE" --db "$db" export --format jsonl | python3 -c "import json,sys; print(len({json.loads(l)['event'] for l in sys.stdin}))"; }
[ "$(n_events)" = 2 ] || { echo "expected 2 events after ingest, got $(n_events)"; exit 1; }
# the storyline is named by its recurring title words
"$REVUE" --db "$db" stories | grep -q "^storyline .*: Norvale" || { "$REVUE" --db "$db" stories; echo "no storyline name"; exit 1; }
ev=$("$REVUE" --db "$db" export --format jsonl | python3 -c "import json,sys; print([json.loads(l) for l in sys.stdin if json.loads(l)['ref']=='f1'][0]['event'])")
"$REVUE" --db "$db" story "$ev" --why > "$dir/why.txt" || exit 1
cat "$dir/why.txt"
# shared words as the article wrote them ("Norvale", "evacuation"), not the
# grouper's stems ("norval", "evacu")
grep -q "shared:.*Norvale" "$dir/why.txt" || { echo "--why does not show the shared words as written"; exit 1; }
grep -E -q "shared:.*( |,)(norval|evacu|famili)(,|$)" "$dir/why.txt" && { echo "--why shows stems"; exit 1; }
# the first article started the event (its similarity 1 is a convention, not a join)
grep -q "started the event" "$dir/why.txt" || { echo "--why does not say which article started the event"; exit 1; }
[ "$(grep -c "joined at" "$dir/why.txt")" = 1 ] || { echo "--why: expected one article that joined"; exit 1; }
# the header names the thresholds by kind of article, not one that "joined at" would
# contradict, as the settings in effect have them
REVUE_GROUP="short_threshold=0.21,long_threshold=0.26" "$REVUE" --db "$db" story "$ev" --why > "$dir/why_set.txt" || exit 1
grep -q "^why: .*joins at 0.30; undated headlines 0.21, full articles 0.26" "$dir/why_set.txt" || { head -1 "$dir/why_set.txt"; echo "--why header does not name the thresholds in effect"; exit 1; }
"$REVUE" --db "$db" story "$ev" --why --json | python3 -c "
import json,sys
d=json.load(sys.stdin); w=d['why']
assert len(w)==2 and w[0]['shared_terms'], d
assert [x['started_event'] for x in w]==[True,False], w
assert all(len(x['shared_words'])==len(x['shared_terms']) for x in w), w
assert 'norval' in w[0]['shared_terms'] and 'Norvale' in w[0]['shared_words'], w
# each is compared with the other article, not with a centroid that holds
# itself: two articles share the same terms, at the same similarity
assert w[0]['shared_terms']==w[1]['shared_terms'], w
assert abs(w[0]['others_similarity']-w[1]['others_similarity'])<1e-6, w
assert all(0<x['others_similarity']<x['centroid_similarity'] for x in w), w" || exit 1
# names and words as written, whole in any script: "Норвальске" has a byte
# of "»" inside its "л", where the storyline namer once cut it
cat > "$dir/ru.jsonl" <<'JSON'
{"id":"r1","title":"Аппарата нет в Норвальске","published":"2023-03-07","lang":"ru","text":"Больница в Норвальске осталась без аппарата, сказал главный врач Ирина Кастелл."}
{"id":"r2","title":"В Норвальске ждут аппарата","published":"2023-03-08","lang":"ru","text":"Главный врач Ирина Кастелл сообщила, что аппарата в Норвальске не будет до весны."}
JSON
"$REVUE" --db "$dir/ru.db" ingest --format jsonl "$dir/ru.jsonl" 2>/dev/null || exit 1
"$REVUE" --db "$dir/ru.db" stories | grep -q "^storyline .*: .*Норвальске" || { "$REVUE" --db "$dir/ru.db" stories; echo "storyline name cut inside a letter"; exit 1; }
"$REVUE" --db "$dir/ru.db" story 1 --why --json | python3 -c "
import json,sys
w=json.load(sys.stdin)['why']
assert all('Норвальске' in a['shared_words'] for a in w), w" || exit 1
# a word its stem is no prefix of ("Vermaux" stems to "vermal") is shown as
# written, not as the stem
cat > "$dir/fr.jsonl" <<'JSON'
{"id":"v1","title":"Crue à Vermaux : le barrage de Vermaux sous surveillance","published":"2023-04-03","lang":"fr","text":"La crue de la rivière inquiète Vermaux depuis lundi. Le barrage de Vermaux est placé sous surveillance renforcée, a indiqué la préfecture, et deux cents habitants ont été évacués."}
{"id":"v2","title":"Vermaux : deux cents habitants évacués, le barrage tient","published":"2023-04-04","lang":"fr","text":"À Vermaux, deux cents habitants ont passé la nuit au gymnase. Le barrage de Vermaux tient, selon la préfecture, mais la crue n'a pas encore atteint son pic."}
JSON
"$REVUE" --db "$dir/fr.db" ingest --format jsonl "$dir/fr.jsonl" 2>/dev/null || exit 1
"$REVUE" --db "$dir/fr.db" story 1 --why > "$dir/why_fr.txt" || exit 1
grep -q "shared:.*Vermaux" "$dir/why_fr.txt" || { cat "$dir/why_fr.txt"; echo "--why shows the stem of Vermaux, not the word"; exit 1; }
grep -E -q "shared:.*vermal" "$dir/why_fr.txt" && { echo "--why shows a stem"; exit 1; }
"$REVUE" --db "$db" regroup --since 2023-01-01 --set event_threshold=1 --set time_bonus=0 || exit 1
[ "$(n_events)" = 3 ] || { echo "expected 3 events with threshold 1, got $(n_events)"; exit 1; }
"$REVUE" --db "$db" regroup --since 2023-01-01 || exit 1
[ "$(n_events)" = 2 ] || { echo "expected 2 events again, got $(n_events)"; exit 1; }
"$REVUE" --db "$db" regroup --since 2023-01-01 --set no_such=1 2>/dev/null && { echo "bad setting accepted"; exit 1; }
"$REVUE" --db "$db" regroup 2>/dev/null; [ $? -eq 1 ] || { echo "missing --since not a usage error"; exit 1; }
# an undated article goes with its story through a regroup: its event is
# rebuilt, never left pointing at a deleted one
cat > "$dir/undated.jsonl" <<'JSON'
{"id":"f3","title":"Norvale counts the cost of the flood","text":"In Norvale the families evacuated from the lower districts returned to flooded homes, and the mayor, Irena Castell, said the dam above the town had held through the night."}
JSON
"$REVUE" --db "$db" ingest --format jsonl "$dir/undated.jsonl" 2>/dev/null || exit 1
"$REVUE" --db "$db" regroup --since 2023-01-01 || exit 1
orphans=$(sqlite3 "$db" "SELECT COUNT(*) FROM articles WHERE event IS NOT NULL AND event NOT IN (SELECT id FROM events)")
[ "$orphans" = 0 ] || { echo "$orphans articles kept an event regroup deleted"; exit 1; }
[ "$(sqlite3 "$db" "SELECT a.event = b.event FROM articles a, articles b WHERE a.ref = 'f3' AND b.ref = 'f1'")" = 1 ] ||
	{ echo "the undated flood report left its story"; exit 1; }
exit 0
