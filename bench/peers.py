#!/usr/bin/env python3
"""ReportGen side by side with pandoc + LibreOffice and with Typst, on the same documents.

    python3 bench/peers.py [--runs 7] [--pages 500] [--exe PATH/TO/reportgen]

ReportGen runs as the linux-x64 tool package ships it: the native build (Native AOT), published
here from this clone (minutes: the native link), or the `reportgen` given with --exe.

Each peer runs only where it is installed: `pandoc` and `soffice` (or `libreoffice`) on the PATH;
Typst as the npm package @myriaddreamin/typst-ts-node-compiler, found by node from this folder,
from NODE_PATH, or from TYPST_NODE_DIR (a folder with node_modules/, e.g. after
`npm install --prefix DIR @myriaddreamin/typst-ts-node-compiler`). Jobs, every run a new process
(cold) unless said otherwise, variants alternating run by run (paired runs), medians printed:

  sample   reportgen build of the sample (4 PDF + 4 DOCX) against pandoc making the four DOCX
           from the same text (Markdown) plus one LibreOffice call converting them to PDF
  check    reportgen check of the sample, alone (and the full build's peak memory, printed after it)
  zh-pdf   reportgen building the Chinese portfolio analysis PDF against Typst typesetting the
           same text (Typst markup, the same bundled fonts)
  long     a generated document of about --pages pages, warm (in one process, after a first
           run): pages per second of ReportGen's PDF writer and of Typst

The inputs for the peers come from `ReportGen.Bench export`, which writes the documents
ReportGen composes as Markdown and Typst markup; they carry the same text, numbering,
footnotes and tables (charts as their data tables: the peers draw no charts).
"""
import argparse, json, os, shutil, statistics, subprocess, sys, tempfile, time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DOCS = ["annual-report-summary", "portfolio-analysis"]

TYPST_JS = r"""
const fs = require('fs');
const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
const [file, out, fonts, repeat] = process.argv.slice(2);
const compiler = NodeCompiler.create({ workspace: require('path').dirname(file), fontArgs: [{ fontPaths: [fonts] }] });
const rates = [];
let pages = 0;
for (let i = 0; i < Number(repeat); i++) {
  const start = process.hrtime.bigint();
  const doc = compiler.compile({ mainFilePath: file }).result;
  if (!doc) throw new Error('typst could not compile ' + file);
  const pdf = compiler.pdf(doc);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  fs.writeFileSync(out, pdf);
  pages = doc.numOfPages;
  rates.push(pages / seconds);
  compiler.evictCache(0);
}
console.log(JSON.stringify({ pages, rates }));
"""


PEAK = {}  # the highest peak memory (MB) of each command, by its first two words


def timed(args, cwd, env=None):
    start = time.perf_counter()
    p = subprocess.Popen(args, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(args)} failed ({os.waitstatus_to_exitcode(status)})")
    key = " ".join(os.path.basename(a) for a in args[:2])
    PEAK[key] = max(PEAK.get(key, 0), usage.ru_maxrss / 1024.0)  # ru_maxrss is in KB on Linux
    return elapsed


def paired(jobs, runs):
    """jobs: name -> function returning seconds; alternates the order every run; returns medians."""
    results = {name: [] for name in jobs}
    names = list(jobs)
    for name in names:
        jobs[name]()  # warm-up: files in the page cache
    for r in range(runs):
        for name in names[r % len(names):] + names[:r % len(names)]:
            results[name].append(jobs[name]())
    return {name: (statistics.median(v), min(v), max(v)) for name, v in results.items()}


def typst_env():
    env = dict(os.environ)
    paths = [p for p in [os.path.join(os.environ.get("TYPST_NODE_DIR", ""), "node_modules"), os.path.join(ROOT, "bench", "node_modules"),
                         env.get("NODE_PATH", "")] if p]
    env["NODE_PATH"] = os.pathsep.join(paths)
    if shutil.which("node") is None:
        return None
    ok = subprocess.run(["node", "-e", "require.resolve('@myriaddreamin/typst-ts-node-compiler')"], env=env,
                        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0
    return env if ok else None


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--pages", type=int, default=500)
    ap.add_argument("--exe", help="the reportgen to run (default: publish the native one from this clone)")
    a = ap.parse_args()
    work = tempfile.mkdtemp(prefix="reportgen-peers-")
    try:
        if a.exe:
            reportgen = os.path.abspath(a.exe)
        else:
            print("publishing reportgen (native, as the linux-x64 tool package)…", flush=True)
            subprocess.run(["dotnet", "publish", os.path.join(ROOT, "src", "ReportGen.Cli"), "-c", "Release", "-o", os.path.join(work, "rg"),
                            "-r", "linux-x64", "--nologo", "-v", "q"], check=True, stdout=subprocess.DEVNULL)
            reportgen = os.path.join(work, "rg", "reportgen")
        print("exporting the documents for the peers…", flush=True)
        export = os.path.join(work, "in")
        subprocess.run(["dotnet", "run", "-c", "Release", "--project", os.path.join(ROOT, "bench", "ReportGen.Bench"), "--",
                        "export", "--out", export, "--pages", str(a.pages)], check=True, stdout=subprocess.DEVNULL)
        run = os.path.join(work, "run")
        os.makedirs(run)
        subprocess.run([reportgen, "sample", "x.xlsx"], cwd=run, check=True, stdout=subprocess.DEVNULL)
        fonts = os.path.join(ROOT, "fonts")
        print(f"{time.strftime('%Y-%m-%d %H:%M', time.gmtime())} UTC, {os.cpu_count()} cores; {a.runs} paired runs, medians (min-max)")

        def show(title, medians, base):
            print(title)
            for name, (med, lo, hi) in medians.items():
                print(f"  {name:34} {med:7.3f} s ({lo:.3f}-{hi:.3f})  x{med / medians[base][0]:.2f} of {base}")

        # sample: reportgen against pandoc + LibreOffice
        soffice = shutil.which("soffice") or shutil.which("libreoffice")
        pandoc = shutil.which("pandoc")
        jobs = {"reportgen build (8 files)": lambda: timed([reportgen, "build", "x.xlsx", "--out", "out"], run)}
        if pandoc and soffice:
            peer_out = os.path.join(work, "peer")
            os.makedirs(peer_out, exist_ok=True)
            profile = "file://" + os.path.join(work, "lo-profile")

            def pandoc_lo():
                start = time.perf_counter()
                docx = []
                for d in DOCS:
                    for lang in ["en", "zh"]:
                        target = os.path.join(peer_out, f"{d}.{lang}.docx")
                        subprocess.run([pandoc, os.path.join(export, f"{d}.{lang}.md"), "-o", target], check=True)
                        docx.append(target)
                subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf", "--outdir", peer_out] + docx,
                               check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
                return time.perf_counter() - start
            jobs["pandoc (4 DOCX) + LibreOffice (4 PDF)"] = pandoc_lo
        else:
            print(f"sample: pandoc + LibreOffice skipped (pandoc {'found' if pandoc else 'not installed'}, "
                  f"LibreOffice {'found' if soffice else 'not installed'})")
        sample = paired(jobs, a.runs)
        show("sample, cold:", sample, "reportgen build (8 files)")
        build_peak = PEAK[f"{os.path.basename(reportgen)} build"]
        check = paired({"reportgen check": lambda: timed([reportgen, "check", "x.xlsx"], run)}, a.runs)["reportgen check"]
        print(f"check of the sample, cold: {check[0] * 1000:.0f} ms ({check[1] * 1000:.0f}-{check[2] * 1000:.0f})")
        print(f"peak memory of the full build: {build_peak:.0f} MB (the highest of its runs)")

        env = typst_env()
        jobs = {"reportgen (zh PDF)": lambda: timed([reportgen, "build", "x.xlsx", "--out", "out", "--doc", "portfolio-analysis", "--lang", "zh",
                                                     "--format", "pdf"], run)}
        if env:
            script = os.path.join(work, "typst.js")
            with open(script, "w") as f:
                f.write(TYPST_JS)
            jobs["typst (zh PDF)"] = lambda: timed(["node", script, os.path.join(export, "portfolio-analysis.zh.typ"),
                                                    os.path.join(work, "typst.pdf"), fonts, "1"], work, env)
        else:
            print("zh-pdf: Typst skipped (node or @myriaddreamin/typst-ts-node-compiler not found; see TYPST_NODE_DIR)")
        show("one Chinese PDF, cold:", paired(jobs, a.runs), "reportgen (zh PDF)")

        print(f"long document, warm (about {a.pages} pages):")
        out = subprocess.run(["dotnet", "run", "-c", "Release", "--project", os.path.join(ROOT, "bench", "ReportGen.Bench"), "--",
                              "pdf", "--pages", str(a.pages), "--runs", str(a.runs + 1), "--large-only"], check=True, capture_output=True, text=True).stdout
        line = [l for l in out.splitlines() if l.startswith("median")][-1]
        rg_rate = float(line.split("generated document ")[1].split(" pages/s")[0])
        rg_pages = int([l for l in out.splitlines() if l.startswith("run ")][-1].split("generated document, ")[1].split(" pages")[0])
        rg_time = rg_pages / rg_rate
        print(f"  reportgen                          {rg_time:7.2f} s for {rg_pages} pages, {rg_rate:.0f} pages/s  ({line})")
        if env:
            res = json.loads(subprocess.run(["node", script, os.path.join(export, f"generated-{a.pages}.typ"), os.path.join(work, "typst-long.pdf"),
                                             fonts, str(a.runs + 1)], env=env, check=True, capture_output=True, text=True).stdout)
            ty_rate = statistics.median(res["rates"][1:])
            ty_time = res["pages"] / ty_rate
            # Typst sets the same text on a different number of pages (its own page design): compare the time for the text.
            print(f"  typst                              {ty_time:7.2f} s for {res['pages']} pages, {ty_rate:.0f} pages/s;  "
                  f"typst x{ty_time / rg_time:.2f} the time of reportgen for the same text")
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
