#!/usr/bin/env python3
"""End-to-end speed and memory of borderminutes, against underthesea.ner, the tool a user would otherwise use.

usage: .venv/bin/python bench/run.py [--articles 2000] [--ner-articles 100] [--runs 3] [--profile] [--out bench/results.json]

Measures (each in a fresh process, wall time, peak resident memory from os.wait4):
  (a) one article through the CLI from a cold start (first run, and median of 5);
  (b) a batch of N articles (samples/ repeated into bench/tmp/) with --jobs 1 and --jobs 2 (median of
      --runs; the two settings take turns);
  (c) underthesea.ner on every sentence of the same articles: timed on the first --ner-articles of
      the batch (the mix of samples repeats, so this is representative) and extrapolated to N;
  and, with --profile, where the in-process pipeline spends its time (cProfile).
The package measured is the one this interpreter imports; its bytecode is compiled first (as
``pip install .`` does), so an editable checkout, or a shell with PYTHONDONTWRITEBYTECODE set,
is measured as an install runs rather than recompiling its sources in every process.
Prints a table and writes bench/results.json. Nothing here asserts on time: tests never do.
"""

from __future__ import annotations

import argparse
import compileall
import cProfile
import importlib.util
import inspect
import io
import json
import os
import platform
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
TMP = ROOT / "bench" / "tmp"
SINGLE = SAMPLES / "laocai-honghe-talks-2023.txt"
TARGETS = {"per_core_articles_per_s": 300, "cold_single_s": 1.5, "peak_rss_mb": 300, "speedup_vs_ner": 100}


def cli() -> list[str]:
    script = Path(sys.executable).with_name("borderminutes")
    return [str(script)] if script.exists() else [sys.executable, "-m", "borderminutes"]


def compile_bytecode() -> str:
    """Compile the measured package's bytecode, as its installer does; returns the package's folder."""
    spec = importlib.util.find_spec("borderminutes")
    if spec is None or not spec.submodule_search_locations:
        raise SystemExit("borderminutes is not installed for this interpreter (see README.md)")
    folder = spec.submodule_search_locations[0]
    if not compileall.compile_dir(folder, quiet=1):
        raise SystemExit(f"could not compile the bytecode of {folder}")
    return folder


def measure(cmd: list[str], stdout=subprocess.DEVNULL) -> dict:
    """Wall seconds and peak resident memory (MB) of ``cmd`` and the worker processes it waits for."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE, cwd=ROOT)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    err = proc.stderr.read().decode("utf-8", "replace") if proc.stderr else ""
    if proc.returncode not in (0, 1):
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}): {err[-2000:]}")
    return {"wall_s": round(wall, 3), "peak_rss_mb": round(usage.ru_maxrss / 1024, 1), "exit": proc.returncode}


def make_batch(n: int) -> Path:
    """``n`` article files: the samples repeated, each copy under its own name."""
    folder = TMP / f"batch-{n}"
    if folder.exists() and len(list(folder.glob("*.txt"))) == n:
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    sources = sorted(SAMPLES.glob("*.txt"))
    for i in range(n):
        src = sources[i % len(sources)]
        shutil.copyfile(src, folder / f"{i:05d}-{src.name}")
    return folder


def cold_single(runs: int = 5) -> dict:
    walls = [measure([*cli(), "extract", str(SINGLE)]) for _ in range(runs)]
    return {"file": str(SINGLE.relative_to(ROOT)), "first_s": walls[0]["wall_s"],
            "median_s": round(statistics.median(w["wall_s"] for w in walls), 3),
            "peak_rss_mb": max(w["peak_rss_mb"] for w in walls)}


def batches(folder: Path, n: int, settings: tuple[int, ...], runs: int) -> list[dict]:
    """Each ``--jobs`` setting ``runs`` times, the settings taking turns (a busy stretch of the shared
    machine then slows each alike); per setting, the median run."""
    measured: dict[int, list[dict]] = {jobs: [] for jobs in settings}
    for _ in range(runs):
        for jobs in settings:
            measured[jobs].append(batch_run(folder, n, jobs))
    return [summary(jobs, n, measured[jobs]) for jobs in settings]


def batch_run(folder: Path, n: int, jobs: int) -> dict:
    out = TMP / f"out-jobs{jobs}.jsonl"
    with open(out, "wb") as fh:
        run = measure([*cli(), "extract", str(folder), "--format", "jsonl", "--jobs", str(jobs)], stdout=fh)
    lines = sum(1 for _ in open(out, encoding="utf-8"))
    if lines != n:
        raise SystemExit(f"--jobs {jobs}: {lines} records for {n} articles")
    return run


def summary(jobs: int, n: int, measured: list[dict]) -> dict:
    m = sorted(measured, key=lambda r: r["wall_s"])[(len(measured) - 1) // 2]  # the lower middle for an even count
    rate = n / m["wall_s"]
    return {"jobs": jobs, **m, "peak_rss_mb": max(r["peak_rss_mb"] for r in measured),
            "runs_wall_s": [r["wall_s"] for r in measured],
            "articles_per_s": round(rate, 1), "per_core_articles_per_s": round(rate / jobs, 1)}


def ner_worker(files: list[str]) -> None:
    """Run in a child process: underthesea.ner on every sentence of ``files``; prints JSON timings."""
    t0 = time.perf_counter()
    from underthesea import ner, sent_tokenize

    ner("Xin chào.")  # loads the model
    loaded = time.perf_counter()
    sentences = 0
    for path in files:
        text = Path(path).read_text(encoding="utf-8")
        for line in text.splitlines():
            for sentence in sent_tokenize(line) if line.strip() else []:
                ner(sentence)
                sentences += 1
    done = time.perf_counter()
    print(json.dumps({"load_s": round(loaded - t0, 3), "run_s": round(done - loaded, 3), "sentences": sentences}))


def underthesea_ner(folder: Path, n: int, subset: int) -> dict:
    files = sorted(str(p) for p in folder.glob("*.txt"))[:subset]
    listing = TMP / "ner-files.json"
    listing.write_text(json.dumps(files), encoding="utf-8")
    out = TMP / "ner-out.json"
    with open(out, "wb") as fh:
        m = measure([sys.executable, str(Path(__file__).resolve()), "--ner-worker", str(listing)], stdout=fh)
    timing = json.loads(out.read_text(encoding="utf-8"))
    rate = len(files) / timing["run_s"]
    return {"measured_articles": len(files), "sentences": timing["sentences"], "model_load_s": timing["load_s"],
            "run_s": timing["run_s"], "articles_per_s": round(rate, 2),
            "extrapolated_wall_s": round(timing["load_s"] + n / rate, 1), "peak_rss_mb": m["peak_rss_mb"]}


def profile(rounds: int = 10, top: int = 18) -> dict:
    """In-process, warm: wall time per pipeline stage, then cProfile's own time by module."""
    sys.path.insert(0, str(ROOT / "src"))
    from borderminutes import pipeline
    from borderminutes.document import read_file

    docs = [read_file(p) for p in sorted(SAMPLES.glob("*.txt"))]
    for doc in docs:  # warm: imports, compiled patterns, underthesea models
        pipeline.extract_document(doc)
    stages = _stage_times(pipeline, docs, rounds)
    profiler = cProfile.Profile()
    profiler.enable()
    for _ in range(rounds):
        for doc in docs:
            pipeline.extract_document(doc)
    profiler.disable()
    text = io.StringIO()
    text.write("wall time per article by stage (ms, no profiler):\n")
    text.writelines(f"  {ms:7.3f}  {name}\n" for name, ms in stages.items())
    stats = pstats.Stats(profiler, stream=text)
    by_module = _own_time_by_module(stats, rounds * len(docs))
    text.write("\nown time per article by module (ms, under cProfile; regex calls charged to their caller):\n")
    text.writelines(f"  {ms:7.3f}  {name}\n" for name, ms in by_module.items())
    stats.sort_stats("tottime").print_stats(top)
    return {"articles": rounds * len(docs), "stage_ms": stages, "own_ms_by_module": by_module,
            "report": text.getvalue()}


def _stage_times(pipeline, docs: list, rounds: int) -> dict[str, float]:
    """Wall ms per article of the whole pipeline and of each stage it calls, timed by wrapping them."""
    spent: dict[str, float] = {}

    def timed(owner, attr: str, label: str) -> None:
        original = getattr(owner, attr, None)
        if original is None:
            return

        def wrapper(*args, **kwargs):
            start = time.perf_counter()
            try:
                return original(*args, **kwargs)
            finally:
                spent[label] = spent.get(label, 0.0) + time.perf_counter() - start
        setattr(owner, attr, wrapper)

    for attr in ("clean", "segment", "looks_vietnamese", "check_evidence"):
        timed(pipeline, attr, attr)
    # The field functions the pipeline calls, read from its source ("sides.find_sides(article)").
    calls = set(re.findall(r"\b([a-z]+)\.([a-z_]+)\(", inspect.getsource(pipeline)))
    for module_name, attr in sorted(calls):
        module = getattr(pipeline, module_name, None)
        if getattr(module, "__name__", "").startswith("borderminutes.fields.") and callable(getattr(module, attr, None)):
            timed(module, attr, f"fields/{module_name}.{attr}")
    start = time.perf_counter()
    for _ in range(rounds):
        for doc in docs:
            pipeline.extract_document(doc)
    n = rounds * len(docs)
    result = {"whole pipeline": (time.perf_counter() - start) / n * 1000}
    result.update(sorted(((k, v / n * 1000) for k, v in spent.items()), key=lambda kv: -kv[1]))
    return {k: round(v, 3) for k, v in result.items()}


def _own_time_by_module(stats: pstats.Stats, articles: int) -> dict[str, float]:
    """Own time of each module; C calls (regex, str methods) and the timeout wrappers of patterns.py
    are charged to the code that called them, in proportion to its calls."""
    totals: dict[str, float] = {}

    def charge(func: tuple, amount: float, depth: int = 0) -> None:
        filename, _, name = func
        callers = stats.stats[func][4]
        passes = filename == "~" or (filename.endswith("patterns.py") and name in PASS_THROUGH)
        if passes and callers and depth < 8:
            calls = sum(c[0] for c in callers.values())
            for caller, c in callers.items():
                charge(caller, amount * c[0] / calls, depth + 1)
        else:
            key = _module_name(filename)
            totals[key] = totals.get(key, 0.0) + amount

    for func, (_, _, tottime, _, _) in stats.stats.items():
        charge(func, tottime)
    ranked = sorted(totals.items(), key=lambda kv: -kv[1])
    return {k: round(v / articles * 1000, 3) for k, v in ranked if v / articles * 1000 >= 0.01}


PASS_THROUGH = {"finditer", "search", "match"}


def _module_name(filename: str) -> str:
    path = Path(filename)
    if "borderminutes" in path.parts:
        return "borderminutes/" + "/".join(path.parts[path.parts.index("borderminutes") + 1:])
    if "site-packages" in path.parts:
        return path.parts[path.parts.index("site-packages") + 1]
    return "python stdlib" if filename.startswith(("/", "<")) else filename


def machine() -> dict:
    model = next((line.split(":", 1)[1].strip() for line in open("/proc/cpuinfo", encoding="utf-8")
                  if line.startswith("model name")), platform.processor())
    return {"cpu": model, "cores": os.cpu_count(), "python": platform.python_version(), "os": platform.platform(),
            "date": time.strftime("%Y-%m-%d"), "load_average_at_start": round(os.getloadavg()[0], 2)}


def verdicts(results: dict) -> dict:
    worst_per_core = min(b["per_core_articles_per_s"] for b in results["batch"])
    peak = max([b["peak_rss_mb"] for b in results["batch"]] + [results["cold_single"]["peak_rss_mb"]])
    return {
        "per_core_articles_per_s": (worst_per_core, worst_per_core >= TARGETS["per_core_articles_per_s"]),
        "cold_single_s": (results["cold_single"]["median_s"],
                          results["cold_single"]["median_s"] <= TARGETS["cold_single_s"]),
        "peak_rss_mb": (peak, peak <= TARGETS["peak_rss_mb"]),
        "speedup_vs_ner": (results["speedup_vs_ner"], results["speedup_vs_ner"] >= TARGETS["speedup_vs_ner"]),
    }


def table(results: dict) -> str:
    n, m, ner = results["articles"], results["machine"], results["underthesea_ner"]
    rows = [("measurement", "wall", "articles/s", "per core", "peak RSS")]
    c = results["cold_single"]
    rows.append(("one article, cold CLI start (median of 5)", f"{c['median_s']:.2f} s", "", "", f"{c['peak_rss_mb']:.0f} MB"))
    for b in results["batch"]:
        rows.append((f"{n} articles, extract --jobs {b['jobs']} (median of {len(b['runs_wall_s'])})", f"{b['wall_s']:.2f} s", f"{b['articles_per_s']:.0f}",
                     f"{b['per_core_articles_per_s']:.0f}", f"{b['peak_rss_mb']:.0f} MB"))
    rows.append((f"{n} articles, underthesea.ner per sentence*", f"{ner['extrapolated_wall_s']:.0f} s",
                 f"{ner['articles_per_s']:.1f}", f"{ner['articles_per_s']:.1f}", f"{ner['peak_rss_mb']:.0f} MB"))
    widths = [max(len(r[i]) for r in rows) for i in range(5)]
    lines = ["| " + " | ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(r, widths))) + " |"
             for r in rows]
    lines.insert(1, "| " + " | ".join("-" * w if i == 0 else "-" * (w - 1) + ":" for i, w in enumerate(widths)) + " |")
    lines.append("")
    lines.append(f"\\* underthesea.ner timed on {ner['measured_articles']} of the {n} articles ({ner['sentences']} "
                 f"sentences, after {ner['model_load_s']:.1f} s of model loading) and extrapolated; one process.")
    lines.append(f"Speed-up over underthesea.ner (--jobs 1 against one ner process): {results['speedup_vs_ner']:.0f}x.")
    lines.append(f"Machine: {m['cpu']}, {m['cores']} cores, Python {m['python']}, {m['date']}; "
                 f"load average {m['load_average_at_start']} when the run started (other work slows every figure).")
    lines.append("")
    for name, (value, ok) in verdicts(results).items():
        lines.append(f"- {name}: {value} (target {'>=' if name in ('per_core_articles_per_s', 'speedup_vs_ner') else '<='} "
                     f"{TARGETS[name]}) {'met' if ok else 'NOT MET'}")
    return "\n".join(lines)


def _positive(value: str) -> int:
    if not value.isdigit() or int(value) < 1:
        raise argparse.ArgumentTypeError(f"{value!r} is not a whole number of at least 1")
    return int(value)


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=2000)
    parser.add_argument("--ner-articles", type=int, default=100)
    parser.add_argument("--runs", type=_positive, default=3, help="runs of each batch; the median is reported")
    parser.add_argument("--profile", action="store_true", help="also profile the pipeline in-process (cProfile)")
    parser.add_argument("--out", type=Path, default=ROOT / "bench" / "results.json")
    parser.add_argument("--ner-worker", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.ner_worker:
        ner_worker(json.loads(args.ner_worker.read_text(encoding="utf-8")))
        return 0

    TMP.mkdir(parents=True, exist_ok=True)
    folder = make_batch(args.articles)
    results: dict = {"machine": machine(), "articles": args.articles,
                     "package": {"folder": compile_bytecode(), "bytecode": "compiled first, as pip install does"}}
    results["cold_single"] = cold_single()
    results["batch"] = batches(folder, args.articles, (1, 2), args.runs)
    results["underthesea_ner"] = underthesea_ner(folder, args.articles, args.ner_articles)
    ours = results["batch"][0]["articles_per_s"]
    results["speedup_vs_ner"] = round(ours / results["underthesea_ner"]["articles_per_s"], 1)
    results["targets"] = {k: {"value": v, "target": TARGETS[k], "met": ok} for k, (v, ok) in verdicts(results).items()}
    if args.profile:
        results["profile"] = profile()
        print(results["profile"]["report"])
    print(table(results))
    args.out.write_text(json.dumps(results, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"\nwrote {args.out.relative_to(ROOT) if args.out.is_relative_to(ROOT) else args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
