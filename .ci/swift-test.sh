#!/usr/bin/env bash
# Runs the built test suite. When it fails, the recorded issues are printed again at the end, each
# with the first lines of its message, and last the names of the failed tests, where the tail of a
# CI log shows them; the whole output stays in .build/test-output.log.
set -uo pipefail
log=.build/test-output.log
mkdir -p .build
# At most one test case per CPU at a time. Left to itself, Swift Testing starts every test at once,
# and on Linux the cooperative pool has one thread per CPU, shared with Dispatch's global queues:
# some 600 test cases queue for two threads behind each other's blocking work, so a test's time
# limit counts, along with its own run, the minutes other tests held the pool. A CI run failed so:
# every FilePipelineTests test over its one minute, each under a second when run alone. With one
# test per CPU (no more than two `takehome` children at once, against eight before), the whole run
# took 261 and 274 s here, against 264 s. A value set by the caller is kept.
export SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH="${SWT_EXPERIMENTAL_MAXIMUM_PARALLELIZATION_WIDTH:-$(nproc)}"
"${SWIFT:-swift}" test --skip-build "$@" 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
if [ "$status" -ne 0 ]; then
    echo
    echo "takehome: the test run failed (exit $status). Its issues again (all of the output: $log):"
    awk '
        function cut(line) { return length(line) > 300 ? substr(line, 1, 300) " …" : line }
        /^✘ Test .* recorded an issue/ { print cut($0); shown = 0; inside = 1; next }
        inside && (/^↳/ || /^  /) { if (shown++ < 3) print cut($0); next }
        { inside = 0 }
        /: error: / || /Fatal error/ || /[Ee]xited with (unexpected )?signal/ { print cut($0) }
        /^✘ Test .* failed after/ && !/^✘ Test run with/ { sub(/^✘ Test /, ""); sub(/ failed after.*/, ""); failed = failed (failed ? ", " : "") $0 }
        END { if (failed) print "failed: " failed }
    ' "$log" | tail -n 120
fi
exit "$status"
