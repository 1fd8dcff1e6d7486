#!/usr/bin/env python3
"""Cold-start benchmark of the reportgen command: every run is a new process, as a user runs it.

    python3 bench/cold.py [--runs 11] [--jobs check,full,zh-pdf] [--variants native,r2r,jit,...] [--keep DIR]

Publishes the command from this clone, as each variant asks: `native` as the linux-x64 tool
package ships it (Native AOT), `r2r` as the win-x64 package does (ReadyToRun, on the installed
runtime; here for linux-x64) and `jit` (no precompiled code, as the portable package); writes the
sample workbook, then runs the jobs:

    check   reportgen check x.xlsx

    full    reportgen build x.xlsx            (4 documents x 2 languages x PDF + DOCX: 8 files)
    zh-pdf  reportgen build x.xlsx --doc portfolio-analysis --lang zh --format pdf

Variants run in turn within each round (paired runs; the order rotates every round), so
the machine's noise falls on all of them alike; it prints the median wall time, CPU time (user +
system, all threads) and peak resident memory of each, and the spread (min-max) as the noise. A variant is a name from
VARIANTS below: a published build plus environment settings (DOTNET_TieredPGO=0 and the like
try runtime settings without rebuilding).
"""
import argparse, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

# name: (build, environment)
VARIANTS = {
    "r2r": ("r2r", {}),
    "native": ("native", {}),
    "jit": ("jit", {}),
    "r2r-nopgo": ("r2r", {"DOTNET_TieredPGO": "0"}),
    "r2r-pgo": ("r2r", {"DOTNET_TieredPGO": "1"}),
    "r2r-noconcgc": ("r2r", {"DOTNET_gcConcurrent": "0"}),
    "r2r-gen0-64mb": ("r2r", {"DOTNET_GCgen0size": "0x4000000"}),
    "r2r-noquickjitloops": ("r2r", {"DOTNET_TC_QuickJitForLoops": "0"}),
    "r2r-notiered": ("r2r", {"DOTNET_TieredCompilation": "0"}),
    "r2r-noosr": ("r2r", {"DOTNET_OSR_HitLimit": "0", "DOTNET_TC_OnStackReplacement": "0"}),
    "r2r-invariant": ("r2r", {"DOTNET_SYSTEM_GLOBALIZATION_INVARIANT": "1"}),
    "r2r-gen0-16mb": ("r2r", {"DOTNET_GCgen0size": "0x1000000"}),
    "r2r-gen0-32mb": ("r2r", {"DOTNET_GCgen0size": "0x2000000"}),
    "r2r-loh1mb": ("r2r", {"DOTNET_GCLOHThreshold": "0x100000"}),
    "r2r-nobackground": ("r2r", {"DOTNET_TC_BackgroundWorkerTimeoutMs": "0", "DOTNET_TC_CallCountThreshold": "1000"}),
}

JOBS = {
    "check": ["check", "x.xlsx"],
    "full": ["build", "x.xlsx", "--out", "out"],
    "zh-pdf": ["build", "x.xlsx", "--out", "out", "--doc", "portfolio-analysis", "--lang", "zh", "--format", "pdf"],
}


def publish(kind, dest):
    args = ["dotnet", "publish", os.path.join(ROOT, "src", "ReportGen.Cli"), "-c", "Release", "-o", dest, "--nologo", "-v", "q"]
    if kind == "native":  # the linux-x64 tool package's build: PublishAot is on for that RID (the link takes minutes)
        args += ["-r", "linux-x64"]
    else:  # PublishAot off: a linux-x64 RID would turn it on
        args += ["-p:PublishAot=false", "-p:PublishReadyToRun=" + ("true" if kind == "r2r" else "false")]
    if kind == "r2r":
        args += ["-r", "linux-x64", "--self-contained", "false"]
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    return os.path.join(dest, "reportgen")


def run_once(exe, job, env, cwd):
    out = os.path.join(cwd, "out")
    shutil.rmtree(out, ignore_errors=True)
    start = time.perf_counter()
    p = subprocess.Popen([exe] + JOBS[job], cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    p.returncode = os.waitstatus_to_exitcode(status)
    if p.returncode != 0:
        sys.exit(f"{exe} {' '.join(JOBS[job])} failed ({p.returncode}): {p.stderr.read().decode()}")
    return elapsed, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime  # ru_maxrss is in KB on Linux


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=11)
    ap.add_argument("--jobs", default="full,zh-pdf")
    ap.add_argument("--variants", default="r2r,jit")
    ap.add_argument("--keep", help="publish into DIR and reuse it if present")
    ap.add_argument("--exe", action="append", default=[], metavar="NAME=PATH",
                    help="also run another reportgen executable as variant NAME (an older build, a self-contained one...)")
    a = ap.parse_args()
    for spec in a.exe:
        name, path = spec.split("=", 1)
        VARIANTS[name] = ("exe:" + os.path.abspath(path), {})
    variants = [v for v in a.variants.split(",") if v] + [spec.split("=", 1)[0] for spec in a.exe]  # --variants '' : only --exe builds
    work = a.keep or tempfile.mkdtemp(prefix="reportgen-cold-")
    os.makedirs(work, exist_ok=True)
    exes = {}
    for kind in sorted({VARIANTS[v][0] for v in variants}):
        if kind.startswith("exe:"):
            exes[kind] = kind[4:]
            continue
        exe = os.path.join(work, kind, "reportgen")
        exes[kind] = exe if os.path.exists(exe) else publish(kind, os.path.join(work, kind))
    run_dir = os.path.join(work, "run")
    os.makedirs(run_dir, exist_ok=True)
    if os.path.exists(os.path.join(run_dir, "x.xlsx")):  # --keep: `sample` does not overwrite
        os.remove(os.path.join(run_dir, "x.xlsx"))
    subprocess.run([exes[VARIANTS[variants[0]][0]], "sample", "x.xlsx"], cwd=run_dir, check=True, stdout=subprocess.DEVNULL)
    print(f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} cores, "
          f"{subprocess.run(['dotnet', '--version'], capture_output=True, text=True).stdout.strip()} SDK; {a.runs} paired runs")
    for job in a.jobs.split(","):
        results = {v: [] for v in variants}
        for v in variants:  # one warm-up each: the files in the page cache, as on a second build
            run_once(exes[VARIANTS[v][0]], job, {**os.environ, **VARIANTS[v][1]}, run_dir)
        for r in range(a.runs):
            order = variants[r % len(variants):] + variants[:r % len(variants)]
            for v in order:
                results[v].append(run_once(exes[VARIANTS[v][0]], job, {**os.environ, **VARIANTS[v][1]}, run_dir))
        base = statistics.median(t for t, _, _ in results[variants[0]])
        for v in variants:
            times = [t for t, _, _ in results[v]]
            mems = [m for _, m, _ in results[v]]
            cpu = [c for _, _, c in results[v]]
            med = statistics.median(times)
            print(f"{job:7} {v:22} {med:6.3f} s (min {min(times):.3f}, max {max(times):.3f})  cpu {statistics.median(cpu):5.2f} s  "
                  f"{statistics.median(mems):5.0f} MB peak  x{med / base:.2f} of {variants[0]}")
    if not a.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
