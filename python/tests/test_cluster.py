"""glean.dask on a cluster started as docs/python.md tells a user with several machines: a
`dask scheduler` process and two `dask worker` processes (one per "machine"), each connecting
to the scheduler over TCP, here on the loopback address. The facts of a few hundred reports
computed there equal extract's."""

import os
import shutil
import signal
import socket
import subprocess
import sys

import pytest

distributed = pytest.importorskip("distributed")

import glean
import glean.dask
from conftest import SOURCE_DIR, assert_frame_equals_csv, assert_same, cli_facts

RULES = str(SOURCE_DIR / "rules")
WORKERS = 2
# A computation whose workers all died would wait for new ones for ever.
TIMEOUT = 300


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def stop(process):
    """Ends a command this test started, with the processes it started (its session)."""
    if process.poll() is None:
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=30)
    except subprocess.TimeoutExpired:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """The address of a scheduler with two workers, each started by its own command."""
    # The command of the interpreter running the tests, which has the same packages.
    dask = shutil.which("dask", path=os.path.dirname(sys.executable)) or shutil.which("dask")
    if dask is None:
        pytest.skip("no dask command (Debian python3-distributed)")
    home = tmp_path_factory.mktemp("cluster")
    address = f"tcp://127.0.0.1:{free_port()}"
    # The documented commands; only the loopback address, and dashboards on any free port,
    # so that runs beside other work on the machine do not collide.
    commands = [[dask, "scheduler", "--host", "127.0.0.1", "--port", address.rsplit(":", 1)[1],
                 "--dashboard-address", "127.0.0.1:0"]]
    for number in range(WORKERS):
        commands.append([dask, "worker", address, "--nworkers", "1", "--nthreads", "1",
                         "--dashboard-address", "127.0.0.1:0", "--death-timeout", "120",
                         "--local-directory", str(home / f"worker{number}")])
    # The package as this test imports it, for the workers to import: installed, or the build
    # tree's python/ folder on PYTHONPATH, which must then be absolute.
    package = os.path.dirname(os.path.dirname(os.path.abspath(glean.__file__)))
    path = os.pathsep.join(filter(None, [package, os.environ.get("PYTHONPATH")]))
    processes = []
    try:
        for number, command in enumerate(commands):
            log = open(home / f"process{number}.log", "wb")
            # In the folder of no report or rule: the workers find them by their absolute paths,
            # as on another machine.
            processes.append(subprocess.Popen(command, cwd=home, stdout=log, stderr=log,
                                              stdin=subprocess.DEVNULL, start_new_session=True,
                                              env={**os.environ, "PYTHONPATH": path}))
        yield address
    finally:
        for process in reversed(processes):
            stop(process)


@pytest.fixture(scope="module")
def client(scheduler):
    with distributed.Client(scheduler, timeout=60) as client:
        client.wait_for_workers(WORKERS, timeout=120)
        yield client


def test_a_dataframe_on_separate_worker_processes_equals_the_csv_output(client, reports):
    assert len(client.scheduler_info()["workers"]) == WORKERS
    frame = glean.dask.extract_dataframe([RULES], [reports], partition_size=48)
    frame = client.compute(frame).result(timeout=TIMEOUT)
    assert len(frame) > 1000
    assert_frame_equals_csv(frame.reset_index(drop=True), [reports])
    # Both workers took part, and each compiled the rules once.
    compiled = client.run(lambda: len(glean.dask._engines))
    assert sorted(compiled.values()) == [1] * WORKERS


def test_a_bag_on_separate_worker_processes_gives_the_facts_of_the_command_line(client, reports):
    bag = glean.dask.extract_bag([RULES], [reports], partition_size=48)
    facts = client.compute(bag).result(timeout=TIMEOUT)
    assert_same(facts, cli_facts("--jobs", "2", reports))
