#!/bin/sh
# Run every test: the unit tests (build/san/test_unit) and each end-to-end
# script in tests/e2e/ (which use build/san/revue). Prints one closing line
# "N passed, N failed" summing both; exits non-zero when anything failed.
cd "$(dirname "$0")/.." || exit 1
export ASAN_OPTIONS="detect_leaks=1:abort_on_error=0:halt_on_error=1"
export UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1"
export REVUE=$PWD/build/san/revue
export REVUE_ROOT=$PWD
passed=0
failed=0

out=$(./build/san/test_unit 2>&1)
echo "$out" | grep -v '^ok ' 
line=$(echo "$out" | grep '^unit: ' | tail -n 1)
if [ -n "$line" ]; then
	passed=$((passed + $(echo "$line" | sed -E 's/unit: ([0-9]+) passed.*/\1/')))
	failed=$((failed + $(echo "$line" | sed -E 's/.* ([0-9]+) failed/\1/')))
else
	echo "FAIL unit test runner crashed"
	failed=$((failed + 1))
fi

for t in tests/e2e/*.sh; do
	[ -f "$t" ] || continue
	name=$(basename "$t" .sh)
	log=$(mktemp)
	if timeout 900 sh "$t" >"$log" 2>&1; then
		echo "ok   e2e/$name"
		passed=$((passed + 1))
	else
		echo "FAIL e2e/$name"
		sed 's/^/    /' "$log" | tail -n 40
		failed=$((failed + 1))
	fi
	rm -f "$log"
done

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
