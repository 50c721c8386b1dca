#!/bin/sh
# fuzz/campaign.sh SECONDS TARGET... - run each libFuzzer target in turn (one
# at a time: the machine is shared) for SECONDS, restarting after a crash
# until its time is used. Crashes land in build/fuzz/crash-TARGET-*; the
# grown corpus in build/fuzz/corpus/NAME; a line per target in
# build/fuzz/campaign.log: target, seconds, executions, crashes.
# A target also stops at FUZZ_RUNS executions (default 10 million: issue 8
# asks for 10 million or 30 minutes, whichever comes first).
# Needs the binaries: make build/fuzz/bin/fuzz_NAME.
set -u
runs_cap=${FUZZ_RUNS:-10000000}
secs=$1
shift
mkdir -p build/fuzz
for t in "$@"; do
	name=${t#fuzz_}
	mkdir -p build/fuzz/corpus/$name
	dict=""
	[ -f fuzz/dict/$name.dict ] && dict="-dict=fuzz/dict/$name.dict"
	# the HTTP and query targets read short inputs
	maxlen=262144
	case $name in api | search | date) maxlen=4096 ;; esac
	start=$(date +%s)
	execs=0
	crashes=0
	while :; do
		left=$((secs - ($(date +%s) - start)))
		[ $left -gt 5 ] || break
		runs_left=$((runs_cap - execs))
		[ $runs_left -gt 0 ] || break
		out=$(build/fuzz/bin/$t -max_total_time=$left -runs=$runs_left -rss_limit_mb=2048 -timeout=10 -max_len=$maxlen \
			-artifact_prefix=build/fuzz/crash-$t- $dict -print_final_stats=1 \
			build/fuzz/corpus/$name fuzz/corpus/$name 2>&1)
		rc=$?
		n=$(echo "$out" | sed -n 's/^stat::number_of_executed_units: *//p' | tail -1)
		execs=$((execs + ${n:-0}))
		[ $rc -eq 0 ] && break
		# no INITED line: libFuzzer refused to start (bad dictionary...)
		if ! echo "$out" | grep -a -q INITED; then
			echo "$t: did not start: $(echo "$out" | tail -2)" >>build/fuzz/campaign.crashes
			break
		fi
		crashes=$((crashes + 1))
		echo "$out" | grep -a -E '^==[0-9]+==ERROR|SUMMARY|Test unit written|^fuzz_' | head -5 >>build/fuzz/campaign.crashes
		[ $crashes -ge 20 ] && break
	done
	echo "$t $(($(date +%s) - start)) $execs $crashes" | tee -a build/fuzz/campaign.log
done
