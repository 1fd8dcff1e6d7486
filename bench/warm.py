#!/usr/bin/env python3
"""Warm PDF throughput and peak memory of two or more builds, in paired runs.

    python3 bench/warm.py [--rounds 5] [--pages 500] [--runs 3] [--rev NAME=GITREV ...] [--bench NAME=DLL ...]

Each variant is the benchmark (bench/ReportGen.Bench) built from a git revision of this clone
(checked out into a temporary worktree, built in Release) or an already built ReportGen.Bench.dll;
"now" (the working tree) is always one. Every round runs each variant once, as a new process
(`pdf --pages N --runs R --large-only`: R runs of the generated document, the first cold), in an
order that rotates round by round, so the machine's noise falls on all alike. It prints, per
variant, the medians over the rounds of the warm pages per second, the CPU time per warm run (all
threads, the GC's too) and the peak working set, with the spread (min-max).
"""
import argparse, os, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
PROJECT = os.path.join("bench", "ReportGen.Bench")


def build(tree):
    # Built in place: the benchmark finds the repository (samples, templates) from where it runs.
    subprocess.run(["dotnet", "build", os.path.join(tree, PROJECT), "-c", "Release", "--nologo", "-v", "q"],
                   check=True, stdout=subprocess.DEVNULL)
    return os.path.join(tree, PROJECT, "bin", "Release", "net10.0", "ReportGen.Bench.dll")


def run(dll, pages, runs):
    p = subprocess.run(["dotnet", dll, "pdf", "--pages", str(pages), "--runs", str(runs), "--large-only"],
                       capture_output=True, text=True)
    if p.returncode != 0:
        sys.exit(f"{dll} failed: {p.stderr}")
    warm = [l for l in p.stdout.splitlines() if re.match(r"run [2-9]|run \d\d", l)]
    rates = [float(re.search(r"\((\d+) pages/s", l).group(1)) for l in warm]
    # Older builds of the benchmark do not print their CPU time.
    cpus = [float(m.group(1)) for l in warm if (m := re.search(r"CPU ([\d.]+) s", l))] or [float("nan")]
    peak = float(re.search(r"peak working set (\d+) MB\s*$", p.stdout.strip().splitlines()[-1]).group(1))
    return statistics.median(rates), statistics.median(cpus), peak


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--rev", action="append", default=[], metavar="NAME=GITREV")
    ap.add_argument("--bench", action="append", default=[], metavar="NAME=DLL")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="reportgen-warm-")
    variants = {"now": build(ROOT)}
    trees = []
    try:
        for spec in a.rev:
            name, rev = spec.split("=", 1)
            tree = os.path.join(work, "tree-" + name)
            subprocess.run(["git", "-C", ROOT, "worktree", "add", "--detach", tree, rev], check=True, capture_output=True)
            trees.append(tree)
            variants[name] = build(tree)
        for spec in a.bench:
            name, dll = spec.split("=", 1)
            variants[name] = os.path.abspath(dll)
        names = list(variants)
        print(f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} cores, load average "
              f"{os.getloadavg()[0]:.1f}; {a.rounds} rounds of {a.pages} pages, {a.runs} runs each (the first cold)")
        results = {n: [] for n in names}
        for r in range(a.rounds):
            for n in names[r % len(names):] + names[:r % len(names)]:
                results[n].append(run(variants[n], a.pages, a.runs))
        for n in names:
            rates, cpus, peaks = zip(*results[n])
            print(f"{n:10} {statistics.median(rates):5.0f} pages/s (min {min(rates):.0f}, max {max(rates):.0f})  "
                  f"CPU {statistics.median(cpus):5.2f} s per run (min {min(cpus):.2f}, max {max(cpus):.2f})  "
                  f"peak {statistics.median(peaks):4.0f} MB (min {min(peaks):.0f}, max {max(peaks):.0f})")
        print(f"load average at the end {os.getloadavg()[0]:.1f}")
    finally:
        for tree in trees:
            subprocess.run(["git", "-C", ROOT, "worktree", "remove", "--force", tree], capture_output=True)
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
