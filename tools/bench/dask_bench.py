#!/usr/bin/python3
"""Throughput of glean's Python module against one `extract --jobs 1` process.

Builds a corpus of many report files from the sample reports, then measures, interleaved over
several runs (medians reported, since the machine may be shared):

  - extract --jobs 1 over the corpus, output to /dev/null (the reference);
  - glean.Engine.extract over every file in one Python thread, and in two threads;
  - glean.dask.extract_bag(...).count() on a distributed.LocalCluster of 1 and of 2 worker
    processes (one thread each): extraction and building the facts happen on the workers, only
    counts come back. The cluster is started once and warmed up (each worker compiles the rules
    once, as it does in a real run), so start-up is not counted.

extract's start-up (compiling the rules, measured on one small file in the same runs) is
subtracted from its time, since the Python runs compile the rules once, before. Dask's tasks are
partitions of `--partition-size` files: its scheduling costs milliseconds a task, so a task
should hold about a second of work, not a report.

Beside wall time, each row gives CPU time, which a loaded machine changes far less: extract's
(the child process's), the Python process's for the threads, and for Dask the workers' own (their
processes' user and system time, asked of each worker before and after) with the client's
process, which holds the scheduler, in a column of its own. CPU time against extract's says what
a worker would give on a core of its own.

Every measurement checks its fact count against extract's, so a fast wrong answer cannot pass.

  PYTHONPATH=build/python tools/bench/dask_bench.py --extract build/tools/extract/extract \
      --rules rules/ --size-mb 20 --runs 5
"""
import argparse
import concurrent.futures
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

import glean
import glean.dask


def build_corpus(sources, directory, size_mb):
    """Copies the reports round-robin into `directory` until it holds `size_mb` MB."""
    reports = [open(path, "rb").read() for path in sources]
    total, number = 0, 0
    while total < size_mb * 1_000_000:
        data = reports[number % len(reports)]
        with open(os.path.join(directory, f"{number:06}.txt"), "wb") as out:
            out.write(data)
        total += len(data)
        number += 1
    return total


def cpu_seconds(who=resource.RUSAGE_SELF):
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_extract(extract, rules, corpus):
    cpu, start = cpu_seconds(resource.RUSAGE_CHILDREN), time.perf_counter()
    out = subprocess.run([extract, "--rules", rules, "--jobs", "1", corpus], check=True,
                         capture_output=True).stdout
    return (time.perf_counter() - start, cpu_seconds(resource.RUSAGE_CHILDREN) - cpu, 0,
            out.count(b"\n"))


def run_threads(engine, files, threads):
    cpu, start = cpu_seconds(), time.perf_counter()
    with concurrent.futures.ThreadPoolExecutor(threads) as pool:
        facts = sum(pool.map(lambda f: len(engine.extract(f)), files))
    return time.perf_counter() - start, cpu_seconds() - cpu, 0, facts


def run_dask(client, rules, corpus, partition_size):
    """Wall time, the workers' CPU time, this process's (client and scheduler), the facts."""
    workers_before = sum(client.run(cpu_seconds).values())
    cpu, start = cpu_seconds(), time.perf_counter()
    bag = glean.dask.extract_bag([rules], [corpus], partition_size=partition_size)
    facts = bag.count().compute(scheduler=client)
    wall, cpu = time.perf_counter() - start, cpu_seconds() - cpu
    return wall, sum(client.run(cpu_seconds).values()) - workers_before, cpu, facts


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--extract", default="build/tools/extract/extract")
    parser.add_argument("--rules", default="rules/")
    parser.add_argument("--reports", nargs="+",
                        default=["tests/data/corpus", "tests/data/dev", "tests/data/provincial"])
    parser.add_argument("--size-mb", type=float, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--partition-size", type=int, default=200)
    args = parser.parse_args()

    import distributed

    rules = os.path.abspath(args.rules)
    work = tempfile.mkdtemp(prefix="glean-dask-bench-")
    try:
        corpus = os.path.join(work, "corpus")
        os.mkdir(corpus)
        size = build_corpus(glean.list_inputs(args.reports), corpus, args.size_mb)
        files = glean.list_inputs(corpus)
        print(f"corpus: {len(files)} files, {size / 1e6:.1f} MB; rules {args.rules}; "
              f"{args.runs} runs each, medians", flush=True)
        engine = glean.Engine(glean.RuleSet.load(rules))
        want = run_extract(args.extract, rules, corpus)[-1]

        clusters = {}
        for workers in (1, 2):
            cluster = distributed.LocalCluster(n_workers=workers, processes=True,
                                               threads_per_worker=1, dashboard_address=":0")
            clusters[workers] = (cluster, distributed.Client(cluster, set_as_default=False))

        def dask_on(workers):
            return run_dask(clusters[workers][1], rules, corpus, args.partition_size)

        one_file = files[0]
        one_file_facts = run_extract(args.extract, rules, one_file)[-1]
        measures = {
            "extract --jobs 1": lambda: run_extract(args.extract, rules, corpus),
            "extract start-up": lambda: run_extract(args.extract, rules, one_file),
            "Engine.extract, 1 thread": lambda: run_threads(engine, files, 1),
            "Engine.extract, 2 threads": lambda: run_threads(engine, files, 2),
            "glean.dask, 1 worker": lambda: dask_on(1),
            "glean.dask, 2 workers": lambda: dask_on(2),
        }
        for workers in (1, 2):
            dask_on(workers)  # warm-up: the workers compile the rules
        times = {name: [] for name in measures}
        cpus = {name: [] for name in measures}
        client_cpus = {name: [] for name in measures}
        for _ in range(args.runs):
            for name, measure in measures.items():
                seconds, cpu, client_cpu, facts = measure()
                if facts != (one_file_facts if name == "extract start-up" else want):
                    sys.exit(f"{name}: {facts} facts, extract gives {want}")
                times[name].append(seconds)
                cpus[name].append(cpu)
                client_cpus[name].append(client_cpu)
        startup = statistics.median(times.pop("extract start-up"))
        startup_cpu = statistics.median(cpus.pop("extract start-up"))
        times["extract --jobs 1"] = [t - startup for t in times["extract --jobs 1"]]
        cpus["extract --jobs 1"] = [t - startup_cpu for t in cpus["extract --jobs 1"]]
        reference = statistics.median(times["extract --jobs 1"])
        reference_cpu = statistics.median(cpus["extract --jobs 1"])
        print(f"extract start-up (one file): {startup:.3f} s, {startup_cpu:.3f} s CPU, "
              "subtracted below")
        print(f"{'':26} {'median s':>8} {'MB/s':>6} {'per worker':>10} {'vs -j1':>7} "
              f"{'CPU s':>6} {'vs -j1':>7} {'client CPU s':>12}")
        for name, runs in times.items():
            median, cpu = statistics.median(runs), statistics.median(cpus[name])
            workers = 2 if name.endswith(("2 threads", "2 workers")) else 1
            rate = size / 1e6 / median
            print(f"{name:26} {median:8.3f} {rate:6.1f} {rate / workers:10.1f} "
                  f"{reference / median:6.2f}x {cpu:6.3f} {reference_cpu / cpu:6.2f}x "
                  f"{statistics.median(client_cpus[name]):12.3f}   "
                  f"(runs: {', '.join(f'{t:.2f}' for t in runs)}; "
                  f"CPU: {', '.join(f'{t:.2f}' for t in cpus[name])})")
        print(f"facts: {want} in every run")
        for cluster, client in clusters.values():
            client.close()
            cluster.close()
    finally:
        shutil.rmtree(work)


if __name__ == "__main__":
    main()
