#!/usr/bin/env bash
# The native tool (Native AOT, linux-x64) must write the same bytes as the JIT build.
# Usage: bench/aot-compare.sh NATIVE_REPORTGEN [JIT_COMMAND...]
#   NATIVE_REPORTGEN  the native `reportgen` (an installed tool, or `dotnet publish -r linux-x64` output)
#   JIT_COMMAND       default: `dotnet run --project src/ReportGen.Cli --`
# Runs every command on the sample workbook with both, each in its own empty folder with the same
# relative paths, and fails on any difference in a written file, standard output, standard error
# or exit code. Masked in what they print: the elapsed time ("in 3.95 s"), each side's folder and
# where each finds the templates shipped beside it.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
native=$(realpath "$1"); shift
if [ $# -eq 0 ]; then
  dotnet build "$repo/src/ReportGen.Cli" -v q -nologo >/dev/null
  set -- dotnet run --no-build --project "$repo/src/ReportGen.Cli" --
fi
jit=("$@")
work=$(mktemp -d)
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT # KEEP=1 keeps the two folders to look into

# One step: the same arguments with each build; its exit code and output are kept as files.
n=0
step() {
  n=$((n + 1))
  for side in jit native; do
    local dir="$work/$side"
    mkdir -p "$dir/.steps"
    local rc=0
    if [ "$side" = jit ]; then (cd "$dir" && "${jit[@]}" "$@") >"$dir/.steps/$n.out" 2>"$dir/.steps/$n.err" || rc=$?
    else (cd "$dir" && "$native" "$@") >"$dir/.steps/$n.out" 2>"$dir/.steps/$n.err" || rc=$?; fi
    echo "$* -> exit $rc" >"$dir/.steps/$n.rc"
    # The elapsed time, the folder of each side and where each finds its shipped templates differ by design.
    sed -i -E -e 's/ in [0-9]+\.[0-9]+ s / in T s /' -e "s#$dir#WORK#g" \
      -e 's#[^ ]*/templates \(the templates shipped#SHIPPED (the templates shipped#' \
      -e 's#^[^ ]*/templates: not checked#SHIPPED: not checked#' \
      -e 's#^copied ([0-9]+) templates \((.*)\) from [^ ]*/templates to#copied \1 templates (\2) from SHIPPED to#' \
      "$dir/.steps/$n.out" "$dir/.steps/$n.err"
  done
  echo "  $(cat "$work/native/.steps/$n.rc")"
}

mkdir -p "$work/jit" "$work/native"
cp "$repo/seeds/unhabitat-2020-2021.xlsx" "$work/jit/cycle.xlsx"
cp "$repo/seeds/unhabitat-2020-2021.xlsx" "$work/native/cycle.xlsx"

step help
step help build
step sample sample.xlsx
step check cycle.xlsx
step check cycle.xlsx --lang zh --format pdf,docx,txt --annotate annotated.xlsx
step analyse cycle.xlsx
step analyse cycle.xlsx --json -
step names cycle.xlsx --lang zh
step names --markdown
step templates tpl
step build cycle.xlsx --out out --format pdf,docx,txt
step build cycle.xlsx --out out-en --lang en --format pdf,docx,txt --doc portfolio-analysis
step review cycle.xlsx --out review.html
step explain out 142
step explain out 142 --json
step verify out
step diff out out-en
step diff out out-en --json
step diff out/portfolio-analysis.en.pdf out/annual-report-summary.en.pdf
step diff out/portfolio-analysis.zh.docx out/annual-report-summary.zh.docx --json
# The redline (diff with a Word output): the Open XML SDK 3.x reads its enumerations without the
# reflection 2.20 used (Enum.GetValues), which the native code could not serve (it exited 70).
step diff out-en out --docx redlines
step diff out/portfolio-analysis.en.docx out-en/portfolio-analysis.en.docx --docx redline.docx
# Bad input: a problem at its place, exit 1, the same text from both.
printf 'not a workbook' >"$work/jit/broken.xlsx"; cp "$work/jit/broken.xlsx" "$work/native/broken.xlsx"
step check broken.xlsx
step build missing.xlsx

if diff -r "$work/jit" "$work/native" >"$work/differences"; then
  echo "aot-compare: $n commands, $(find "$work/native" -type f | wc -l) files: the native tool and the JIT build agree byte for byte"
else
  echo "aot-compare: the native tool and the JIT build differ:" >&2
  grep '^diff\|^Only' "$work/differences" >&2
  head -n 60 "$work/differences" >&2
  exit 1
fi
