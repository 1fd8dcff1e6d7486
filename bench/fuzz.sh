#!/bin/sh
# The long fuzz run: the suite's seeded fuzz tests (tests/ReportGen.Tests/Cli/FuzzTests.cs) with
# many more mutants. Usage: bench/fuzz.sh [SCALE] [SEED...]
#   SCALE multiplies the suite's counts (300 workbook, 40 template, 30+30 document mutants);
#   each SEED gives a different set of mutants (default: 1 2 3).
# Every mutant must give exit 0 or 1, no stack trace, no internal error, a place on every
# problem line, and finish within 30 s; the peak memory of the whole test process is printed.
set -e
cd "$(dirname "$0")/.."
scale=${1:-10}
[ $# -gt 0 ] && shift
seeds=${*:-1 2 3}
dotnet build tests/ReportGen.Tests -c Release -v q -nologo >/dev/null
for seed in $seeds; do
  echo "== seed $seed, scale $scale"
  start=$(date +%s)
  REPORTGEN_FUZZ_SCALE=$scale REPORTGEN_FUZZ_SEED=$seed \
    /usr/bin/env time -f "peak memory of the test process: %M KB" \
    dotnet test tests/ReportGen.Tests -c Release --no-build --filter "FullyQualifiedName~FuzzTests" \
      --logger "console;verbosity=detailed" 2>&1 | grep -E "mutants|Total tests|Passed:|Failed:|Failed |exit [0-9]+|line without|peak memory"
  echo "   $(( $(date +%s) - start )) s"
done
