#!/usr/bin/env bash
# `make test`'s runner: the whole suite in two lanes at once, on the test binary `swift build
# --build-tests` made. The long end-to-end suites (README examples, the three tasks in tmux, the
# LaTeX compiles, the demo's challenge files, the numpy reference) mostly wait on child
# processes, so on two cores they run beside the unit tests instead of after them; run one
# after the other they took ~14 min, over `make test`'s 15-minute budget once the build is added.
#
# The lanes call the XCTest binary directly: two `swift test` runs would queue on SwiftPM's lock
# of `.build`. Every test runs exactly once: the slow lane names its classes, the other lane runs
# every class of `--list-tests` that is not among them. Exit status: non-zero when either lane
# fails or a slow class named here no longer exists.
set -uo pipefail
cd "$(dirname "$0")/.."

bundle=".build/debug/blendscopePackageTests.xctest"
[ -x "$bundle" ] || { echo "test-two-lanes: $bundle is missing; run 'swift build --build-tests' first" >&2; exit 2; }

slow_classes=(
    blendscopeTests.ReadmeExamplesTests
    blendscopeTests.TUIThreeTasksDemoTests
    blendscopeTests.TUIThreeTasksRealTests
    blendscopeTests.LaTeXCompileTests
    blendscopeTests.DemoChallengeFilesTests
    blendscopeTests.ExportProvenanceTests
    blendscopeTests.ReportCommandTests
    BlendCoreTests.UncertaintyReferenceTests
)

listing=$("$bundle" --list-tests 2>/dev/null | grep -E '^[A-Za-z]+Tests\.[A-Za-z0-9_]+/' | sed 's#/.*##' | sort -u)
missing=0
for class in "${slow_classes[@]}"; do
    grep -qxF "$class" <<<"$listing" || { echo "test-two-lanes: no test class $class (renamed? update this list)" >&2; missing=1; }
done
[ "$missing" -eq 0 ] || exit 2
fast_classes=$(grep -vxF -f <(printf '%s\n' "${slow_classes[@]}") <<<"$listing" | paste -sd, -)
slow_list=$(printf '%s\n' "${slow_classes[@]}" | paste -sd, -)

mkdir -p .build
slow_log=.build/test-slow-lane.log
"$bundle" "$slow_list" >"$slow_log" 2>&1 &
slow_pid=$!
# The slow lane's child processes must not outlive an interrupted run.
trap 'kill "$slow_pid" 2>/dev/null' INT TERM

"$bundle" "$fast_classes"
fast_status=$?
wait "$slow_pid"
slow_status=$?

echo "---- slow lane (${slow_list//,/, }) ----"
cat "$slow_log"
echo "---- lanes: unit and store tests exit $fast_status, end-to-end suites exit $slow_status ----"
[ "$fast_status" -eq 0 ] && [ "$slow_status" -eq 0 ]
