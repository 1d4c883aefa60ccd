"""Engine.extract releases the GIL: Python threads run while it works, and two extracts overlap.

Both are checked by what happens during the calls, not by a speed-up ratio, which a loaded
machine cannot promise.
"""

import sys
import threading
import time

import glean
from conftest import SOURCE_DIR

# About 5 MB of report text (the sample reports four times over): an extract of it spans fifty
# of Python's 5 ms switch intervals, even on an idle machine.
BIG = (
    b"\n".join(
        path.read_bytes()
        for folder in ("corpus", "dev", "provincial")
        for path in sorted((SOURCE_DIR / "tests/data" / folder).glob("*.txt"))
    )
    * 4
)


def timed_extract(engine, spans):
    start = time.perf_counter()
    facts = engine.extract(BIG, name="big.txt")
    spans.append((start, time.perf_counter(), len(facts)))


def test_a_python_thread_runs_while_extract_works(rules):
    engine = glean.Engine(rules)
    ticks = []
    done = threading.Event()

    def count():
        while not done.is_set():
            ticks.append(time.perf_counter())
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    spans = []
    try:
        timed_extract(engine, spans)
    finally:
        done.set()
        counter.join()
    start, end, facts = spans[0]
    assert facts > 300
    # With the GIL held through the call, the counter could only run at its edges.
    third = (end - start) / 3
    middle = [t for t in ticks if start + third < t < end - third]
    assert middle, f"no Python progress during the middle of a {end - start:.2f}s extract"


def test_two_threads_extract_at_the_same_time(rules):
    engine = glean.Engine(rules)
    spans = []
    # Python then never takes the GIL from a running thread: a thread gives it up only where it
    # waits, or where C code releases it. A call that held it would run both extracts one after
    # the other, the second starting after the first ended.
    interval = sys.getswitchinterval()
    sys.setswitchinterval(60)
    try:
        threads = [threading.Thread(target=timed_extract, args=(engine, spans)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
    finally:
        sys.setswitchinterval(interval)
    (a_start, a_end, a_facts), (b_start, b_end, b_facts) = sorted(spans)
    assert a_facts == b_facts > 300
    assert b_start < a_end, "the second extract began only after the first ended"
