#!/usr/bin/python3
"""Python threads over one glean.Engine: wall time, process CPU time and speed-up, 1 and 2 threads.

Engine.extract releases the GIL while the engine works, so threads extracting different files
should run at once. This measures it over the same files, interleaved run by run (the machine
may be shared, so every run is listed beside the medians):

  - wall time and the process's CPU time (user + system, all threads) of extracting every file
    with 1 and with 2 threads of one Engine;
  - CPU utilisation, CPU time over wall time: about 1.0 for one thread; near 2.0 for two threads
    when they really run at once, lower when they wait on a lock (the GIL, an engine mutex) or
    for a core the machine gives to something else;
  - the speed-up, 1-thread wall time over 2-thread wall time;
  - the same for `extract --jobs 1` and `--jobs 2` on the same files (its CPU time is the child
    process's), which shows what the machine allowed two threads during the same runs.

Every run's facts are checked: each thread count's must equal the first run's, fact for fact
(their digest), and their count must equal extract's. The Python rows compile the rules once,
before; extract's start-up (compiling the rules, measured on an empty input in the same runs) is
subtracted from its wall and CPU times.

  PYTHONPATH=build/python tools/bench/python_threads_bench.py --runs 5
"""
import argparse
import concurrent.futures
import hashlib
import os
import resource
import statistics
import subprocess
import sys
import time

import glean


def child_cpu():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_extract(extract, rules, jobs, files):
    cpu, start = child_cpu(), time.perf_counter()
    out = subprocess.run([extract, "--rules", rules, "--jobs", str(jobs), *files], check=True,
                         capture_output=True).stdout
    return time.perf_counter() - start, child_cpu() - cpu, out.count(b"\n"), None


def run_threads(engine, files, threads):
    cpu, start = time.process_time(), time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        facts = list(pool.map(engine.extract, files))
    wall, cpu = time.perf_counter() - start, time.process_time() - cpu
    digest = hashlib.sha256(repr(facts).encode()).hexdigest()
    return wall, cpu, sum(map(len, facts)), digest


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--extract", default="build/tools/extract/extract")
    parser.add_argument("--rules", default="rules/")
    parser.add_argument("--reports", nargs="+",
                        default=["tests/data/corpus", "tests/data/dev", "tests/data/provincial"])
    parser.add_argument("--repeat", type=int, default=4, help="times each report is extracted")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()

    files = glean.list_inputs(args.reports) * args.repeat
    size = sum(os.path.getsize(f) for f in files)
    engine = glean.Engine(glean.RuleSet.load(args.rules))
    print(f"{len(files)} inputs, {size / 1e6:.1f} MB; rules {args.rules}; {os.cpu_count()} cores; "
          f"load average {os.getloadavg()[0]:.1f} at the start; {args.runs} runs each, medians",
          flush=True)

    measures = {
        "extract start-up": lambda: run_extract(args.extract, args.rules, 1, ["/dev/null"]),
        "extract --jobs 1": lambda: run_extract(args.extract, args.rules, 1, files),
        "extract --jobs 2": lambda: run_extract(args.extract, args.rules, 2, files),
        "Engine.extract, 1 thread": lambda: run_threads(engine, files, 1),
        "Engine.extract, 2 threads": lambda: run_threads(engine, files, 2),
    }
    runs = {name: [] for name in measures}
    want_facts, want_digest = None, None
    for _ in range(args.runs):
        for name, measure in measures.items():
            wall, cpu, facts, digest = measure()
            runs[name].append((wall, cpu))
            if name == "extract start-up":
                continue
            want_facts = facts if want_facts is None else want_facts
            want_digest = digest if want_digest is None else want_digest
            if facts != want_facts or (digest is not None and digest != want_digest):
                sys.exit(f"{name}: {facts} facts (digest {digest}), the first run gave "
                         f"{want_facts} (digest {want_digest})")

    startup_wall = statistics.median(w for w, _ in runs["extract start-up"])
    startup_cpu = statistics.median(c for _, c in runs.pop("extract start-up"))
    for name in ("extract --jobs 1", "extract --jobs 2"):
        runs[name] = [(w - startup_wall, c - startup_cpu) for w, c in runs[name]]
    print(f"extract start-up: {startup_wall:.3f} s wall, {startup_cpu:.3f} s CPU, subtracted")
    print(f"{'':27} {'wall s':>7} {'CPU s':>7} {'CPU/wall':>8} {'MB/s':>6} {'speed-up':>8}")
    medians = {}
    for name, pairs in runs.items():
        wall = statistics.median(w for w, _ in pairs)
        cpu = statistics.median(c for _, c in pairs)
        utilisation = statistics.median(c / w for w, c in pairs)
        medians[name] = wall
        one = name.replace("2 threads", "1 thread").replace("--jobs 2", "--jobs 1")
        speedup = f"{medians[one] / wall:7.2f}x" if one != name else ""
        print(f"{name:27} {wall:7.3f} {cpu:7.3f} {utilisation:8.2f} {size / 1e6 / wall:6.1f} "
              f"{speedup:>8}   (wall: {', '.join(f'{w:.2f}' for w, _ in pairs)}; "
              f"CPU: {', '.join(f'{c:.2f}' for _, c in pairs)})")
    cpu_of = {name: statistics.median(c for _, c in pairs) for name, pairs in runs.items()}
    print(f"one Python thread against extract --jobs 1: "
          f"{medians['extract --jobs 1'] / medians['Engine.extract, 1 thread']:.2f} by wall time, "
          f"{cpu_of['extract --jobs 1'] / cpu_of['Engine.extract, 1 thread']:.2f} by CPU time")
    print(f"facts: {want_facts} in every run, equal fact for fact across the Python runs")


if __name__ == "__main__":
    main()
