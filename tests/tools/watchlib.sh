# watchlib.sh - shared by the watch_* tests: a private temp dir and the
# misbehaving news server (tests/tools/newsserver.py) on a free loopback port.
# Sourced with REVUE and REVUE_ROOT set by tests/run.sh.

: "${REVUE:?}" "${REVUE_ROOT:?}"
if ! command -v python3 >/dev/null 2>&1 || ! command -v sqlite3 >/dev/null 2>&1; then
	echo "skip: needs python3 and sqlite3"
	exit 0
fi
T=$(mktemp -d)
SERVER_PID=
cleanup() {
	[ -n "$SERVER_PID" ] && kill "$SERVER_PID" 2>/dev/null
	[ -n "$WATCH_PID" ] && kill -9 "$WATCH_PID" 2>/dev/null
	rm -rf "$T"
}
trap cleanup EXIT INT TERM

fail() {
	echo "FAIL: $*"
	exit 1
}

# start_server [newsserver options]: sets PORT and BASE.
start_server() {
	python3 "$REVUE_ROOT/tests/tools/newsserver.py" "$T/port" "$T/served.log" "$@" &
	SERVER_PID=$!
	i=0
	while [ ! -s "$T/port" ] && [ $i -lt 100 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	[ -s "$T/port" ] || fail "news server did not start"
	PORT=$(cat "$T/port")
	BASE="http://127.0.0.1:$PORT"
	touch "$T/served.log"
}

# Options that make a watcher fast against the local server.
FAST="--delay 0 --timeout 1 --retries 0 --retry-base 0 --max-body 1000000 --contact mailto:tests@example.org"

q() {
	sqlite3 "$T/w.db" "$1"
}

# Every article page served whole was stored exactly once, and nothing else.
check_exactly_once() {
	sort -u "$T/served.log" >"$T/served.uniq"
	n_served=$(wc -l <"$T/served.uniq")
	[ "$n_served" -gt 0 ] || fail "nothing was served"
	while read -r path; do
		n=$(q "SELECT COUNT(*) FROM articles WHERE ref = '$BASE$path'")
		[ "$n" = 1 ] || fail "$path served, stored $n times"
	done <"$T/served.uniq"
	n_rows=$(q "SELECT COUNT(*) FROM articles")
	[ "$n_rows" = "$n_served" ] || fail "$n_rows articles stored for $n_served pages served"
	echo "exactly once: $n_served pages served, $n_rows articles"
}
