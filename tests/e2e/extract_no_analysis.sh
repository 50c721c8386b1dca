#!/bin/sh
# revue extract --no-analysis: the same text and metadata as revue extract,
# without entities, quotes and figures (the extraction alone, for speed).
set -e
: "${REVUE:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cat >"$tmp/page.html" <<'HTML'
<!doctype html><html lang="en"><head><title>Harbour strike goes on - The Courier</title>
<meta property="article:published_time" content="2022-01-24T08:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Harbour strike goes on</h1>
<p>Dockers at the northern harbour stopped work for a third day on Monday, and more than
1,200 containers are waiting on the quays, the port authority said.</p>
<p>"We will not unload a single ship until the talks resume," said union leader Maria Lindqvist,
speaking to reporters outside the main gate of the harbour.</p>
<p>The harbour master, Jonas Berg, said the backlog would take weeks to clear once work starts
again, and that about 40 ships are now anchored off the coast.</p></article>
<footer>Copyright The Courier</footer></body></html>
HTML
full=$("$REVUE" extract --format html "$tmp/page.html")
only=$("$REVUE" extract --format html --no-analysis "$tmp/page.html")
for key in '"entities"' '"quotes"' '"figures"'; do
	printf "%s\n" "$full" | grep -q "$key" || { echo "revue extract lacks $key: $full"; exit 1; }
	if printf "%s\n" "$only" | grep -q "$key"; then echo "--no-analysis has $key: $only"; exit 1; fi
done
# everything else is the same, key by key
strip() { python3 -c 'import json,sys; a=json.loads(sys.stdin.read()); [a.pop(k, None) for k in ("entities","quotes","figures")]; print(json.dumps(a, sort_keys=True))'; }
a=$(printf "%s\n" "$full" | strip)
b=$(printf "%s\n" "$only" | strip)
[ -n "$a" ] && [ "$a" = "$b" ] || { echo "extraction differs:"; echo "$a"; echo "$b"; exit 1; }
printf "%s\n" "$only" | grep -q '"lang":"en"' || { echo "no language: $only"; exit 1; }
echo ok
