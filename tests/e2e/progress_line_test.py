"""The progress line of extract on a terminal, with a pseudo-terminal as its standard error.

    progress_line_test.py EXTRACT SOURCE_DIR

The run's last input is standard input, which the test holds open for a second more than a whole
run takes, so the run lasts long enough for the line to be drawn; the line must then be drawn on
the terminal, say files done of all, MB/s and facts, and be cleared at the end; it must not be
drawn when standard error is not a terminal, nor when the facts go to the same terminal; and the
facts must be the same either way.
"""
import os
import pty
import re
import select
import subprocess
import sys
import time

extract, source_dir = sys.argv[1], sys.argv[2]
os.chdir(source_dir)
corpus = sorted(
    os.path.join("tests/data/corpus", name)
    for name in os.listdir("tests/data/corpus")
    if name.endswith(".txt"))
report = open(corpus[0], "rb").read()
command = [extract, "--rules", "rules/", *corpus, "-"]
failures = 0
checks = 0

# How long the run takes when standard input is there at once: loading the rules comes before the
# line's clock starts, and takes seconds in a sanitizer build, so the wait below comes on top.
started = time.monotonic()
subprocess.run(command, input=report, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
               check=True)
stall = time.monotonic() - started + 1.0


def check(condition, what, detail=""):
    global failures, checks
    checks += 1
    if not condition:
        failures += 1
        print(f"FAIL: {what}\n  {detail!r}")


def run(stdout_tty, stderr_tty):
    """Runs the command; returns (stdout bytes, stderr bytes)."""
    fds = {}
    if stderr_tty:
        fds["err"] = pty.openpty()
    if stdout_tty:
        fds["out"] = pty.openpty()
    process = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=fds["out"][1] if stdout_tty else subprocess.PIPE,
        stderr=fds["err"][1] if stderr_tty else subprocess.PIPE)
    for _, follower in fds.values():
        os.close(follower)
    # Standard input stays open a second past a whole run: every file before it is done, and the
    # run goes on.
    time.sleep(stall)
    process.stdin.write(report)
    process.stdin.close()
    got = {"out": b"", "err": b""}
    readers = {}
    for name, (leader, _) in fds.items():
        readers[leader] = name
    if not stdout_tty:
        readers[process.stdout.fileno()] = "out"
    if not stderr_tty:
        readers[process.stderr.fileno()] = "err"
    while readers:
        ready, _, _ = select.select(list(readers), [], [], 30)
        if not ready:
            break
        for fd in ready:
            try:
                chunk = os.read(fd, 65536)
            except OSError:  # a pseudo-terminal whose other end closed
                chunk = b""
            if chunk:
                got[readers[fd]] += chunk
            else:
                del readers[fd]
    process.wait(timeout=60)
    check(process.returncode == 0, "the run succeeds", (process.returncode, got["err"]))
    for leader, _ in fds.values():
        os.close(leader)
    return got["out"], got["err"]


total = len(corpus) + 1
line = re.compile(rb"\r(\d+)/%d files  \d+\.\d MB/s  (\d+) facts\x1b\[K" % total)

plain_out, plain_err = run(stdout_tty=False, stderr_tty=False)
check(plain_err == b"", "no progress line when standard error is not a terminal", plain_err)
facts = sum(1 for fact in plain_out.splitlines())

out, err = run(stdout_tty=False, stderr_tty=True)
lines = line.findall(err)
check(lines, "a progress line is drawn on the terminal", err)
# Which files a line counts depends on the machine's speed (one that finishes within a quarter
# second of the line before is not drawn), but the counts only grow, up to the run's.
counts = [(int(done), int(shown)) for done, shown in lines]
check(counts == sorted(counts) and all(d <= total and f <= facts for d, f in counts),
      "the line counts files and facts as they are done", (counts, total, facts))
check(err.endswith(b"\r\x1b[K"), "the line is cleared at the end", err[-40:])
check(line.sub(b"", err).replace(b"\r\x1b[K", b"") == b"", "nothing else is written", err)
check(out == plain_out, "the facts are the same with the line")

out, err = run(stdout_tty=True, stderr_tty=True)
check(not line.search(err) and not line.search(out),
      "no progress line when the facts go to the terminal", err)

print(f"{checks - failures} passed, {failures} failed")
sys.exit(1 if failures else 0)
