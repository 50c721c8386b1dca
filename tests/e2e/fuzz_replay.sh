#!/bin/sh
# Replay every fuzz corpus and every kept crash (fuzz/regressions/) through
# its target under ASan+UBSan: what once crashed must never crash again.
set -u
cd "${REVUE_ROOT:-.}" || exit 1
status=0
for src in fuzz/fuzz_*.c; do
	t=$(basename "$src" .c)
	name=${t#fuzz_}
	bin=build/san/replay_$t
	[ -x "$bin" ] || { echo "FAIL: $bin not built"; status=1; continue; }
	dirs="fuzz/corpus/$name"
	[ -d "fuzz/regressions/$name" ] && dirs="$dirs fuzz/regressions/$name"
	out=$("$bin" $dirs 2>&1) || { echo "FAIL: $t"; echo "$out" | tail -20; status=1; continue; }
	echo "$t: $out"
done
exit $status
