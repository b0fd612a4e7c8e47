#!/usr/bin/env python3
"""corebound's experiments on CPython: the claims of the Python concurrency notes measured on the real
interpreter, and NumPy's BLAS timed as a peer of corebound's benchmarks.

    python3 corebound_cpython.py claims [--quick | --tiny] [--workers N] [--server-port PORT] [--only KEY,...]
    python3 corebound_cpython.py numpy --op gemm|dot --sizes N,N,... --threads T [--repeats R]
    python3 corebound_cpython.py self-test

Each command prints one JSON document on stdout; progress and errors go to stderr. The document's fields and units
are described in README.md next to this file, and `self-test` checks that README.md and SCHEMA below agree and that
every document the script produces matches them. Standard library only, plus NumPy when it can be imported; without
NumPy the NumPy parts come back as {"skipped": "NumPy is not installed: ..."} and everything else runs.
"""

import argparse
import concurrent.futures.process
import ctypes
import functools
import gc
import json
import math
import multiprocessing
import os
import platform
import queue
import re
import signal
import socket
import socketserver
import statistics
import subprocess
import sys
import sysconfig
import threading
import time
import traceback
import zlib

if sys.version_info < (3, 8):
    sys.exit("corebound_cpython.py needs Python 3.8 or newer (multiprocessing.shared_memory), not " + sys.version)

from multiprocessing import shared_memory  # noqa: E402 (after the version check, which names the problem)

SCHEMA_ID = "corebound-cpython/1"
README = os.path.join(os.path.dirname(os.path.abspath(__file__)), "README.md")


def log(message):
    print("corebound-cpython: " + message, file=sys.stderr, flush=True)


# ---- how big the experiments are ----

class Scale:
    """Sizes of the claims experiments; `standard` and `quick` mirror the JVM's Scale where the
    interpreter allows (pure Python draws about a million samples a second, the JVM a few hundred million)."""

    def __init__(self, name, samples, repeats, thread_starts, process_starts, ipc_mib, increments, requests,
                 latency_ms, gemm_n, grace_seconds):
        self.name = name
        self.samples = samples                  # Monte Carlo samples per run
        self.repeats = repeats                  # timed runs per configuration (the best counts)
        self.thread_starts = thread_starts      # thread starts timed for a median
        self.process_starts = process_starts    # process starts timed per start method
        self.ipc_mib = ipc_mib                  # data moved to a worker
        self.increments = increments            # counter increments per thread
        self.requests = requests                # I/O requests
        self.latency_ms = latency_ms            # latency of the script's own server
        self.gemm_n = gemm_n                    # dgemm size of the NumPy experiment
        self.grace_seconds = grace_seconds      # how long a runaway thread is watched


SCALES = {
    "standard": Scale("standard", 1 << 20, 5, 2000, 20, 256, 2_000_000, 60, 20, 2048, 2.0),
    "quick": Scale("quick", 1 << 18, 3, 500, 5, 16, 200_000, 12, 10, 1024, 0.5),
    "tiny": Scale("tiny", 1 << 12, 1, 50, 1, 1, 5_000, 4, 5, 128, 0.1),  # for tests: a few seconds in all
}

WAITING_THREADS = 256  # threads that wait while this process's memory is measured, as on the JVM


# ---- timing ----

def seconds(call):
    """(wall seconds, result) of one call."""
    t0 = time.perf_counter()
    result = call()
    return time.perf_counter() - t0, result


def best_of(repeats, *calls):
    """For each call, (seconds of its fastest of `repeats` timed runs, its last result). The calls take turns (a, b,
    a, b, ...) so that a slow spell of a shared machine hits them alike, after one untimed round that warms pool
    workers, caches and the allocator."""
    for call in calls:
        call()
    best = [math.inf] * len(calls)
    results = [None] * len(calls)
    for _ in range(repeats):
        for i, call in enumerate(calls):
            t, results[i] = seconds(call)
            best[i] = min(best[i], t)
    return list(zip(best, results))


def median_of(count, call):
    """Median wall seconds of `count` calls."""
    return statistics.median(seconds(call)[0] for _ in range(count))


def run_threads(calls):
    """Runs each call on a thread of its own, all at once; returns their results in order."""
    results = [None] * len(calls)

    def run(i):
        results[i] = calls[i]()

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(calls))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return results


def slices(total, parts):
    """`parts` contiguous (first, count) ranges that cover range(total)."""
    cuts = [total * i // parts for i in range(parts + 1)]
    return [(cuts[i], cuts[i + 1] - cuts[i]) for i in range(parts)]


def do_nothing():
    """The body of a started-and-joined process or thread, and the call between a read and a write."""


# ---- the CPU-bound workload: corebound's Monte Carlo pi ----

GOLDEN_GAMMA = 0x9E3779B97F4A7C15
MIX_1 = 0xBF58476D1CE4E5B9
MIX_2 = 0x94D049BB133111EB
MASK_64 = (1 << 64) - 1
UNIT = 2.0 ** -53

# (seed, first, count, hits) as corebound's Java computes them (ScalarKernel.monteCarloHits).
JAVA_HITS = ((1, 0, 1000, 797), (42, 0, 100_000, 78_516), (-7, 12_345, 54_321, 42_681))


def monte_carlo_hits(seed, first, count):
    """Hits of samples first .. first + count - 1, drawn exactly as corebound's MonteCarloPi draws them: draw j is
    SplitMix64's finaliser of seed + (j + 1) * 0x9E3779B97F4A7C15 (64-bit wrap-around), its top 53 bits a double in
    [0, 1); sample i is (draw 2i, draw 2i + 1) and hits when x*x + y*y <= 1. The same (seed, range) gives the same
    hits as corebound's Java and C. The mixing is written out inline: a call per draw would double the time."""
    mask, gamma, mix_1, mix_2, unit = MASK_64, GOLDEN_GAMMA, MIX_1, MIX_2, UNIT
    z = (seed + (2 * first + 1) * gamma) & mask  # the counter of draw 2 * first
    hits = 0
    for _ in range(count):
        a = ((z ^ (z >> 30)) * mix_1) & mask
        a = ((a ^ (a >> 27)) * mix_2) & mask
        x = ((a ^ (a >> 31)) >> 11) * unit
        b = (z + gamma) & mask
        b = ((b ^ (b >> 30)) * mix_1) & mask
        b = ((b ^ (b >> 27)) * mix_2) & mask
        y = ((b ^ (b >> 31)) >> 11) * unit
        if x * x + y * y <= 1.0:
            hits += 1
        z = (z + 2 * gamma) & mask
    return hits


def sliced_hits(seed, samples, parts):
    """Arguments of monte_carlo_hits for `parts` slices of the samples."""
    return [(seed, first, count) for first, count in slices(samples, parts)]


# ---- memory of a process ----

def resident_bytes(pid):
    """Resident set size of a process: /proc on Linux, ps elsewhere (as the JVM side reads it)."""
    try:
        with open("/proc/%d/status" % pid) as status:
            for line in status:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) * 1024
    except FileNotFoundError:
        pass
    out = subprocess.run(["ps", "-o", "rss=", "-p", str(pid)], capture_output=True, text=True, check=True).stdout
    return int(out.strip()) * 1024


def private_bytes(pid):
    """Memory no other process shares (Private_Clean + Private_Dirty of /proc/PID/smaps_rollup), or None where
    Linux's smaps_rollup is missing. A forked child's resident set counts the pages it still shares with its parent;
    this counts only its own."""
    try:
        with open("/proc/%d/smaps_rollup" % pid) as rollup:
            return sum(int(line.split()[1]) * 1024 for line in rollup
                       if line.startswith(("Private_Clean:", "Private_Dirty:")))
    except OSError:
        return None


# ---- NumPy and the OpenBLAS it loaded ----

def load_numpy():
    """(numpy, None), or (None, why it cannot be used)."""
    try:
        import numpy
        return numpy, None
    except ModuleNotFoundError as e:
        return None, "NumPy is not installed: %s" % e
    except ImportError as e:
        return None, "NumPy cannot be imported: %s" % e


class OpenBlas:
    """The OpenBLAS library NumPy has loaded, reached through ctypes: its core type, configuration and thread count.

    NumPy 2.x wheels ship scipy-openblas with prefixed and suffixed symbols (scipy_openblas_get_corename64_),
    Debian's NumPy uses the system's libblas.so.3 (OpenBLAS when an OpenBLAS package provides it, with plain names),
    ILP64 builds add a 64_ suffix. The library is looked for among those this process has mapped, so what is reported
    is what NumPy runs, not what it was built against."""

    PREFIXES = ("", "scipy_")
    SUFFIXES = ("", "64_", "_64")
    PARALLEL = {0: "sequential", 1: "pthreads", 2: "openmp"}

    def __init__(self, path=None, library=None, prefix="", suffix="", reason=None):
        self.path = path
        self.reason = reason
        self._functions = {}
        if library is not None:
            for name, restype, argtypes in (("get_corename", ctypes.c_char_p, ()), ("get_config", ctypes.c_char_p, ()),
                                            ("get_parallel", ctypes.c_int, ()), ("get_num_threads", ctypes.c_int, ()),
                                            ("set_num_threads", None, (ctypes.c_int,))):
                function = getattr(library, "%sopenblas_%s%s" % (prefix, name, suffix), None)
                if function is not None:
                    function.restype = restype
                    function.argtypes = argtypes
                    self._functions[name] = function

    @property
    def found(self):
        return self.reason is None

    @classmethod
    def loaded_by(cls, numpy):
        """The OpenBLAS among the libraries NumPy loaded, or an instance whose reason says why there is none."""
        candidates = cls._blas_libraries(numpy)
        for path in candidates:
            try:
                library = ctypes.CDLL(path, mode=os.RTLD_NOLOAD)  # the copy already loaded, never a new one
            except OSError:
                continue
            for prefix in cls.PREFIXES:
                for suffix in cls.SUFFIXES:
                    if hasattr(library, "%sopenblas_get_config%s" % (prefix, suffix)):
                        return cls(path, library, prefix, suffix)
        if candidates:
            return cls(reason="NumPy's BLAS (%s) is not OpenBLAS: it has no openblas_get_config"
                              % ", ".join(candidates))
        return cls(reason="no BLAS library among those this process loaded (NumPy's build BLAS: %s)"
                          % build_blas(numpy)[0])

    @staticmethod
    def _blas_libraries(numpy):
        """Paths of loaded libraries named like a BLAS, OpenBLAS first: from /proc/self/maps on Linux, else the
        libraries NumPy's wheel bundles (numpy.libs, numpy/.dylibs)."""
        paths = set()
        try:
            with open("/proc/self/maps") as maps:
                for line in maps:
                    fields = line.split(None, 5)
                    if len(fields) == 6 and "blas" in os.path.basename(fields[5]).lower():
                        paths.add(fields[5].strip())
        except OSError:
            package = os.path.dirname(numpy.__file__)
            for folder in (package + ".libs", os.path.join(package, ".dylibs")):
                if os.path.isdir(folder):
                    paths.update(os.path.join(folder, f) for f in os.listdir(folder) if "blas" in f.lower())
        return sorted(paths, key=lambda p: ("openblas" not in os.path.basename(p).lower(), p))

    def _call(self, name, *args):
        function = self._functions.get(name)
        return None if function is None else function(*args)

    def corename(self):
        name = self._call("get_corename")
        return name.decode() if name is not None else "unknown"

    def threads(self):
        return self._call("get_num_threads")

    def set_threads(self, count):
        """Sets OpenBLAS's thread count; False when this library cannot (no set_num_threads)."""
        if "set_num_threads" not in self._functions:
            return False
        self._call("set_num_threads", count)
        return True

    def describe(self):
        if not self.found:
            return {"library": None, "corename": "unknown", "config": None, "parallel": None, "threads": None,
                    "reason": self.reason}
        config = self._call("get_config")
        return {"library": self.path, "corename": self.corename(),
                "config": config.decode().strip() if config else None,
                "parallel": self.PARALLEL.get(self._call("get_parallel")), "threads": self.threads(), "reason": None}


OPENBLAS_VARIABLES = ("OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE", "OPENBLAS_NUM_THREADS", "OMP_NUM_THREADS")


def build_blas(numpy):
    """(name and version, configuration or None) of the BLAS NumPy was built against. NumPy 1.26+ has
    show_config(mode="dicts"); older NumPy (Debian's 1.24) only lists the library names in numpy.__config__."""
    try:
        blas = numpy.show_config(mode="dicts")["Build Dependencies"]["blas"]
        return ("%s %s" % (blas.get("name"), blas.get("version", ""))).strip(), blas.get("openblas configuration")
    except TypeError:  # no mode argument before NumPy 1.26
        info = numpy.__config__.get_info("blas_opt")
        return ", ".join(dict.fromkeys(info.get("libraries", []))) or "unknown", None  # listed twice there


def numpy_info(numpy, blas):
    name, config = build_blas(numpy)
    return {"version": numpy.__version__, "path": os.path.dirname(numpy.__file__), "build_blas": name,
            "build_blas_config": config, "openblas": blas.describe(),
            "environment": {v: os.environ.get(v) for v in OPENBLAS_VARIABLES}}


# ---- the interpreter ----

def gil_enabled():
    """(whether the lock is on, where that comes from)."""
    is_gil_enabled = getattr(sys, "_is_gil_enabled", None)
    if is_gil_enabled is None:
        return True, "no sys._is_gil_enabled() before Python 3.13: the lock is always on"
    return is_gil_enabled(), "sys._is_gil_enabled()"


def python_info():
    gil, gil_from = gil_enabled()
    try:
        usable = len(os.sched_getaffinity(0))
    except AttributeError:  # macOS
        usable = os.cpu_count()
    return {
        "implementation": platform.python_implementation(),
        "version": platform.python_version(),
        "executable": sys.executable,
        "gil_enabled": gil,
        "gil_enabled_from": gil_from,
        "free_threaded_build": sysconfig.get_config_var("Py_GIL_DISABLED") == 1,
        "switch_interval_seconds": sys.getswitchinterval(),
        "cpu_count": os.cpu_count(),
        "usable_cpus": usable,
        "platform": "%s-%s" % (sys.platform, platform.machine()),
        "start_methods": multiprocessing.get_all_start_methods(),
        "default_start_method": multiprocessing.get_start_method(),
    }


def document(command):
    """The fields every document starts with."""
    return {"schema": SCHEMA_ID, "command": command, "python": python_info()}


# ---- the experiments, one per claim of the notes ----

class Setting:
    """What every experiment gets: the scale, the worker count n and the caller's latency server, if any."""

    def __init__(self, scale, workers, server_port=None):
        self.scale = scale
        self.workers = workers
        self.server_port = server_port


def processes_experiment(setting):
    samples, seed, n = setting.scale.samples, 1, setting.workers
    pool = multiprocessing.Pool(n)
    try:
        (serial_s, serial_hits), (pool_s, pool_hits) = best_of(
            setting.scale.repeats, lambda: monte_carlo_hits(seed, 0, samples),
            lambda: sum(pool.starmap(monte_carlo_hits, sliced_hits(seed, samples, n))))
    finally:
        pool.close()
        pool.join()
    return {"experiment": "Monte Carlo pi in pure Python, %d samples: serial against multiprocessing.Pool(%d)"
                          % (samples, n),
            "workers": n, "start_method": multiprocessing.get_start_method(), "samples": samples, "seed": seed,
            "hits": serial_hits, "hits_agree": serial_hits == pool_hits, "serial_seconds": serial_s,
            "pool_seconds": pool_s, "speedup": serial_s / pool_s}


def start_and_join_process(context):
    process = context.Process(target=do_nothing)
    process.start()
    process.join()
    if process.exitcode != 0:
        raise RuntimeError("a process started with %s exited with %s (its error is on stderr)"
                           % (context.get_start_method(), process.exitcode))


def start_and_join_thread():
    thread = threading.Thread(target=do_nothing)
    thread.start()
    thread.join()


def start_times_experiment(setting):
    result = {"experiment": "median start-and-join of a thread (%d) and of a process doing nothing (%d per start "
                            "method, after one untimed start that also starts forkserver's server)"
                            % (setting.scale.thread_starts, setting.scale.process_starts),
              "thread_starts": setting.scale.thread_starts, "process_starts": setting.scale.process_starts,
              "thread_seconds": median_of(setting.scale.thread_starts, start_and_join_thread)}
    for method in ("fork", "spawn", "forkserver"):
        time_it = None
        if method in multiprocessing.get_all_start_methods():
            context = multiprocessing.get_context(method)
            start_and_join_process(context)
            time_it = median_of(setting.scale.process_starts, lambda: start_and_join_process(context))
        result[method + "_seconds"] = time_it
    return result


def stop(child, connection):
    """Tells a child through its connection to stop, and kills it if it has not within 10 s."""
    try:
        connection.send_bytes(b"stop")
    except OSError:
        pass  # it is gone already
    child.join(10)
    if child.is_alive():
        child.kill()
        child.join()


def report_and_wait(connection):
    """A child's body for the memory experiment: says it runs, then waits to be told to stop."""
    connection.send_bytes(b"running")
    connection.recv_bytes()


def child_memory(method):
    """(resident, private) bytes of a child interpreter started with `method` and waiting, or (None, None) where
    the platform lacks the start method."""
    if method not in multiprocessing.get_all_start_methods():
        return None, None
    context = multiprocessing.get_context(method)
    ours, theirs = context.Pipe()
    child = context.Process(target=report_and_wait, args=(theirs,), daemon=True)
    child.start()
    theirs.close()  # so that a child that dies shows as end of file, not a wait forever
    try:
        try:
            ours.recv_bytes()
        except EOFError:
            child.join()
            raise RuntimeError("the %s child exited with %s before it reported (its error is on stderr)"
                               % (method, child.exitcode)) from None
        return resident_bytes(child.pid), private_bytes(child.pid)
    finally:
        stop(child, ours)


def memory_experiment(setting):
    spawn_rss, spawn_private = child_memory("spawn")
    fork_rss, fork_private = child_memory("fork")
    release = threading.Event()
    started = threading.Barrier(WAITING_THREADS + 1)

    def wait():
        started.wait()
        release.wait()

    gc.collect()
    before = resident_bytes(os.getpid())
    waiting = [threading.Thread(target=wait, daemon=True) for _ in range(WAITING_THREADS)]
    for t in waiting:
        t.start()
    started.wait()
    after = resident_bytes(os.getpid())
    release.set()
    for t in waiting:
        t.join()
    return {"experiment": "resident memory of a child interpreter (spawned: a fresh one that imported this script; "
                          "forked: a copy of this one), against the growth of this process's resident memory per "
                          "thread while %d threads wait" % WAITING_THREADS,
            "spawn_child_rss_bytes": spawn_rss, "spawn_child_private_bytes": spawn_private,
            "fork_child_rss_bytes": fork_rss, "fork_child_private_bytes": fork_private,
            "threads": WAITING_THREADS, "rss_before_bytes": before, "rss_after_bytes": after,
            "per_thread_bytes": max(0, after - before) / WAITING_THREADS}


# Bytes per message through a pipe: what a Linux pipe holds, as corebound's JVM workers write and read. CPython's
# Connection reads a message with os.read(fd, bytes left), which allocates a buffer that large for every pipe-sized
# read; for a message of megabytes that costs more than the copy (about 0.5 ms per 64 KiB read on the machine where
# this was measured), so the one-message figure is reported apart.
PIPE_MESSAGE_BYTES = 1 << 16


def ipc_worker(commands, replies, shared_name, size):
    """A worker that receives bytes through its pipe, or reads them in place in shared memory, and answers with
    their CRC-32: the same C-speed read of every byte either way, so the difference is the transfer."""
    shared = shared_memory.SharedMemory(name=shared_name)
    received = bytearray(size)
    try:
        while True:
            command = commands.recv_bytes()
            if command == b"pipe":
                for at in range(0, size, PIPE_MESSAGE_BYTES):
                    commands.recv_bytes_into(received, at)
                replies.send(zlib.crc32(received))
            elif command == b"pipe, one message":
                commands.recv_bytes_into(received)
                replies.send(zlib.crc32(received))
            elif command == b"shared":
                replies.send(zlib.crc32(shared.buf[:size]))
            else:
                return
    finally:
        shared.close()


def ipc_experiment(setting):
    size = setting.scale.ipc_mib << 20
    payload = bytes(range(256)) * (size // 256)
    pieces = memoryview(payload)
    want = zlib.crc32(payload)
    shared = shared_memory.SharedMemory(create=True, size=size)
    try:
        shared.buf[:size] = payload  # put in shared memory beforehand, as the JVM's mapping is filled beforehand
        commands_in, commands_out = multiprocessing.Pipe(duplex=False)
        replies_in, replies_out = multiprocessing.Pipe(duplex=False)
        worker = multiprocessing.Process(target=ipc_worker, args=(commands_in, replies_out, shared.name, size),
                                         daemon=True)
        worker.start()
        commands_in.close()
        replies_out.close()

        def through_pipe():
            commands_out.send_bytes(b"pipe")
            for at in range(0, size, PIPE_MESSAGE_BYTES):
                commands_out.send_bytes(pieces[at:at + PIPE_MESSAGE_BYTES])
            return replies_in.recv()

        def through_pipe_in_one_message():
            commands_out.send_bytes(b"pipe, one message")
            commands_out.send_bytes(payload)
            return replies_in.recv()

        def in_shared_memory():
            commands_out.send_bytes(b"shared")
            return replies_in.recv()

        try:
            (pipe_s, pipe_crc), (shared_s, shared_crc) = best_of(setting.scale.repeats, through_pipe, in_shared_memory)
            one_message_s, one_message_crc = seconds(through_pipe_in_one_message)  # once: seconds at 256 MiB
        finally:
            stop(worker, commands_out)
    finally:
        shared.close()
        shared.unlink()
    return {"experiment": "%d MiB to a worker process: through a multiprocessing Pipe in %d KiB messages (and in one "
                          "message), against reading it in place from multiprocessing.shared_memory (the worker reads "
                          "every byte with zlib.crc32 each way)" % (setting.scale.ipc_mib, PIPE_MESSAGE_BYTES >> 10),
            "bytes": size, "read_with": "zlib.crc32", "pipe_message_bytes": PIPE_MESSAGE_BYTES,
            "pipe_seconds": pipe_s, "pipe_gb_per_s": size / pipe_s / 1e9,
            "pipe_one_message_seconds": one_message_s, "pipe_one_message_gb_per_s": size / one_message_s / 1e9,
            "shared_memory_seconds": shared_s, "shared_memory_gb_per_s": size / shared_s / 1e9,
            "shared_memory_over_pipe": pipe_s / shared_s,
            "checksums_agree": pipe_crc == one_message_crc == shared_crc == want}


RUNAWAY_START_SECONDS = 0.1  # time for a runaway to be running before it is killed


def spin_forever():
    """A runaway loop that checks nothing."""
    while True:
        pass


class Flag:
    """The only cooperation a runaway thread gets: a flag that ends it once the experiment is done."""
    released = False


def spin_until_released(flag):
    while not flag.released:
        pass


def kill_process():
    """(seconds from Process.kill() until join() returns, the exit code) for a runaway worker."""
    runaway = multiprocessing.Process(target=spin_forever, daemon=True)
    runaway.start()
    time.sleep(RUNAWAY_START_SECONDS)
    t0 = time.perf_counter()
    runaway.kill()
    runaway.join(60)
    killed = time.perf_counter() - t0
    if runaway.exitcode is None:
        raise RuntimeError("the killed process %d was not reported within 60 s" % runaway.pid)
    return killed, runaway.exitcode


def kill_executor_worker():
    """Seconds from killing a ProcessPoolExecutor's worker in a runaway task until the task fails with
    BrokenProcessPool (multiprocessing.Pool would wait forever for that task)."""
    with concurrent.futures.ProcessPoolExecutor(max_workers=1) as executor:
        pid = executor.submit(os.getpid).result()
        runaway = executor.submit(spin_forever)
        time.sleep(RUNAWAY_START_SECONDS)
        t0 = time.perf_counter()
        os.kill(pid, signal.SIGKILL)
        try:
            runaway.result(timeout=60)
        except concurrent.futures.process.BrokenProcessPool:
            return time.perf_counter() - t0
        raise RuntimeError("the runaway task finished on its own")


def raise_in_thread(thread):
    """(stopped, seconds) after asking CPython's C API (PyThreadState_SetAsyncExc, through ctypes) to raise SystemExit
    in the thread, or (None, None) where there is no such API. The threading module offers no way at all."""
    api = getattr(ctypes, "pythonapi", None)
    if api is None or not hasattr(api, "PyThreadState_SetAsyncExc"):
        return None, None
    raise_async = api.PyThreadState_SetAsyncExc
    raise_async.argtypes = (ctypes.c_ulong, ctypes.py_object)
    raise_async.restype = ctypes.c_int
    t0 = time.perf_counter()
    if raise_async(thread.ident, SystemExit) == 1:
        thread.join(1.0)
    if thread.is_alive():
        return False, None
    return True, time.perf_counter() - t0


def killing_experiment(setting):
    killed, exit_code = kill_process()
    executor = kill_executor_worker()
    flag = Flag()
    thread = threading.Thread(target=spin_until_released, args=(flag,), daemon=True)
    thread.start()
    thread.join(setting.scale.grace_seconds)
    alive = thread.is_alive()
    stopped, stop_s = raise_in_thread(thread)
    flag.released = True
    thread.join()
    return {"experiment": "a runaway loop that checks nothing: in a process, Process.kill() and, in a "
                          "ProcessPoolExecutor worker, SIGKILL; in a thread, which the threading module cannot stop, "
                          "watched for %.1f s, then sent an exception through the C API" % setting.scale.grace_seconds,
            "kill_seconds": killed, "exit_code": exit_code, "executor_broken_seconds": executor,
            "grace_seconds": setting.scale.grace_seconds, "thread_alive_after_grace": alive,
            "async_exception_stopped": stopped, "async_exception_seconds": stop_s}


class Counter:
    value = 0


def add_plain(counter, times):
    for _ in range(times):
        counter.value += 1


def add_read_call_write(counter, times):
    """A read, a call, a write: the interpreter may switch threads at the call, between read and write."""
    for _ in range(times):
        seen = counter.value
        do_nothing()
        counter.value = seen + 1


def add_locked(counter, lock, times):
    for _ in range(times):
        with lock:
            counter.value += 1


def races_experiment(setting):
    n, each = setting.workers, setting.scale.increments
    expected = n * each
    result = {"experiment": "%d threads each add 1 to a shared counter %d times: `counter.value += 1`, a read and a "
                            "write with a call between them, and `+= 1` under a threading.Lock" % (n, each),
              "threads": n, "increments_per_thread": each, "expected": expected,
              "switch_interval_seconds": sys.getswitchinterval()}
    lock = threading.Lock()
    for name, add in (("plain", add_plain), ("read_call_write", add_read_call_write),
                      ("locked", lambda counter, times: add_locked(counter, lock, times))):
        counter = Counter()
        took, _ = seconds(lambda: run_threads([functools.partial(add, counter, each)] * n))
        result[name + "_lost"] = expected - counter.value
        result[name + "_ns_per_update"] = took * 1e9 / expected
    if result["locked_lost"] != 0:
        raise RuntimeError("the counter under a lock lost %d updates" % result["locked_lost"])
    return result


def gil_threads_experiment(setting):
    samples, seed, n = setting.scale.samples, 2, setting.workers
    calls = [functools.partial(monte_carlo_hits, *args) for args in sliced_hits(seed, samples, n)]
    (serial_s, serial_hits), (threads_s, thread_hits) = best_of(
        setting.scale.repeats, lambda: monte_carlo_hits(seed, 0, samples), lambda: sum(run_threads(calls)))
    return {"experiment": "Monte Carlo pi in pure Python, %d samples: serial against %d threads" % (samples, n),
            "threads": n, "samples": samples, "seed": seed, "hits": serial_hits,
            "hits_agree": serial_hits == thread_hits,
            "serial_seconds": serial_s, "threads_seconds": threads_s, "speedup": serial_s / threads_s,
            "gil_enabled": gil_enabled()[0]}


class LatencyServer:
    """corebound's LatencyServer in Python: on 127.0.0.1 (a free port), every one-byte request gets one byte back
    after a fixed latency, a thread per connection, so the client's concurrency alone decides the total time."""

    class _Handler(socketserver.BaseRequestHandler):
        def handle(self):
            self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            try:
                while self.request.recv(1):
                    time.sleep(self.server.latency)
                    self.request.sendall(b"\x01")
            except OSError:
                pass  # the client went away

    class _Server(socketserver.ThreadingTCPServer):
        daemon_threads = True
        request_queue_size = 1024  # as the JVM's: a thread per request connects all at once

    def __init__(self, latency_seconds):
        self._server = self._Server(("127.0.0.1", 0), self._Handler)
        self._server.latency = latency_seconds
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
        self._thread.start()

    @property
    def port(self):
        return self._server.server_address[1]

    def close(self):
        self._server.shutdown()
        self._server.server_close()
        self._thread.join()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()


def requests_over_one_connection(port, take_request):
    """Blocking requests over one connection while take_request() says there is one; returns the answers."""
    answers = 0
    with socket.create_connection(("127.0.0.1", port)) as connection:
        connection.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        while take_request():
            connection.sendall(b"\x01")
            if not connection.recv(1):
                raise ConnectionError("the server at 127.0.0.1:%d closed the connection" % port)
            answers += 1
    return answers


def countdown(count):
    """A take_request for one connection that makes `count` requests."""
    left = iter(range(count))
    return lambda: next(left, None) is not None


def shared_requests(count):
    """A take_request that threads share: `count` requests in all, each taken once."""
    tokens = queue.SimpleQueue()
    for _ in range(count):
        tokens.put(None)

    def take():
        try:
            tokens.get_nowait()
            return True
        except queue.Empty:
            return False

    return take


def requests(port, count, n):
    """Seconds for `count` requests: serially over one connection, on n threads with a connection each, and on a
    thread per request, and the answers of each."""
    serial = seconds(lambda: requests_over_one_connection(port, countdown(count)))
    take = shared_requests(count)
    threads = seconds(lambda: sum(run_threads([lambda: requests_over_one_connection(port, take)] * n)))
    per_request = seconds(lambda: sum(run_threads([lambda: requests_over_one_connection(port, countdown(1))] * count)))
    return serial, threads, per_request


def io_experiment(setting):
    count, n = setting.scale.requests, setting.workers
    latency = setting.scale.latency_ms / 1000.0
    if setting.server_port is None:
        with LatencyServer(latency) as server:
            requests_over_one_connection(server.port, countdown(2))  # connect once and warm up
            timings = requests(server.port, count, n)
        port, source = server.port, "script"
    else:
        port, source, latency = setting.server_port, "caller", None
        requests_over_one_connection(port, countdown(2))
        timings = requests(port, count, n)
    (serial_s, serial_a), (threads_s, threads_a), (per_request_s, per_request_a) = timings
    if not serial_a == threads_a == per_request_a == count:
        raise RuntimeError("of %d requests, %d, %d and %d were answered" % (count, serial_a, threads_a, per_request_a))
    return {"experiment": "%d blocking requests to a loopback server that answers each one-byte request after its "
                          "latency: serially over one connection, on %d threads with a connection each, and on a "
                          "thread per request" % (count, n),
            "requests": count, "server": source, "port": port, "latency_seconds": latency, "threads": n,
            "answered": count, "serial_seconds": serial_s, "threads_seconds": threads_s,
            "thread_per_request_seconds": per_request_s, "threads_speedup": serial_s / threads_s,
            "thread_per_request_speedup": serial_s / per_request_s}


def numpy_threads_experiment(setting):
    np, reason = load_numpy()
    if np is None:
        return {"skipped": reason}
    n, m = setting.workers, setting.scale.gemm_n
    blas = OpenBlas.loaded_by(np)
    before = blas.threads()
    pinned = blas.set_threads(1)  # so that any speedup comes from Python threads running with the lock released
    try:
        rng = np.random.default_rng(1)
        a, b = rng.random((m, m)), rng.random((m, m))
        c_serial, c_threads = np.empty((m, m)), np.empty((m, m))
        row_blocks = [functools.partial(np.matmul, a[first:first + rows], b, out=c_threads[first:first + rows])
                      for first, rows in slices(m, n)]
        (serial_s, _), (threads_s, _) = best_of(setting.scale.repeats, lambda: np.matmul(a, b, out=c_serial),
                                                lambda: run_threads(row_blocks))
        in_effect = blas.threads()
        agree = bool(np.allclose(c_serial, c_threads))
    finally:
        if pinned and before is not None:
            blas.set_threads(before)
    flops = 2.0 * m ** 3
    return {"experiment": "NumPy dgemm (numpy.matmul, n = %d): serial against %d Python threads each computing a "
                          "block of rows of C, OpenBLAS's own threads pinned to 1" % (m, n),
            "threads": n, "n": m, "blas_threads": in_effect if pinned else None,
            "blas_threads_pinned": pinned, "corename": blas.corename(), "serial_seconds": serial_s,
            "threads_seconds": threads_s, "speedup": serial_s / threads_s, "serial_gflops": flops / serial_s / 1e9,
            "threads_gflops": flops / threads_s / 1e9, "results_agree": agree}


# (key in the document, the JVM claim it mirrors, progress label, experiment), in the JVM report's order.
EXPERIMENTS = (
    ("processes", 1, "processes on CPU-bound work", processes_experiment),
    ("start_times", 2, "start times", start_times_experiment),
    ("memory", 3, "memory of a process and of a thread", memory_experiment),
    ("ipc", 4, "pipe against shared memory", ipc_experiment),
    ("killing", 5, "killing a process, stopping a thread", killing_experiment),
    ("races", 6, "races on shared memory", races_experiment),
    ("gil_threads", 7, "threads on CPU-bound work under the GIL", gil_threads_experiment),
    ("io", 8, "I/O-bound requests", io_experiment),
    ("numpy_threads", 9, "NumPy's BLAS on threads", numpy_threads_experiment),
)
EXPERIMENT_KEYS = tuple(key for key, _, _, _ in EXPERIMENTS)


def claims_command(scale, workers, server_port=None, only=EXPERIMENT_KEYS):
    """Runs the experiments; one that fails comes back as {"claim", "error"} and the others still run."""
    setting = Setting(scale, workers, server_port)
    chosen = [e for e in EXPERIMENTS if e[0] in only]
    results = {}
    for i, (key, claim, label, run) in enumerate(chosen):
        log("claims %d/%d: %s" % (i + 1, len(chosen), label))
        try:
            results[key] = dict({"claim": claim}, **run(setting))
        except Exception as e:  # reported in the document; the traceback goes to stderr
            log("%s failed: %s: %s" % (key, type(e).__name__, e))
            traceback.print_exc()
            results[key] = {"claim": claim, "error": "%s: %s" % (type(e).__name__, e)}
    doc = document("claims")
    doc.update(scale=scale.name, workers=workers, experiments=results)
    np, reason = load_numpy()  # after the experiments: no BLAS threads exist while processes fork
    doc["numpy"] = numpy_info(np, OpenBlas.loaded_by(np)) if np is not None else {"skipped": reason}
    return doc


# ---- NumPy as a peer ----

SAMPLE_SECONDS = 0.05  # each timed sample repeats a call until it takes about this long


def blas_call(np, op, n):
    """(a call, its floating-point operations, the bytes it reads or None) for dgemm (C = A @ B into a preallocated
    C) or ddot at size n."""
    rng = np.random.default_rng(n)
    if op == "gemm":
        a, b, c = rng.random((n, n)), rng.random((n, n)), np.empty((n, n))
        return functools.partial(np.matmul, a, b, out=c), 2.0 * n ** 3, None
    x, y = rng.random(n), rng.random(n)
    return functools.partial(np.dot, x, y), 2.0 * n, 16.0 * n


def time_blas_call(np, op, n, repeats):
    call, flops, data = blas_call(np, op, n)
    warm, calls = 0.0, 0
    while warm < SAMPLE_SECONDS or calls == 0:  # OpenBLAS starts its threads, pages get touched
        warm += seconds(call)[0]
        calls += 1
    per_sample = max(1, int(math.ceil(SAMPLE_SECONDS / (warm / calls))))

    def sample():
        for _ in range(per_sample):
            call()

    times = sorted(seconds(sample)[0] / per_sample for _ in range(repeats))
    best, median = times[0], statistics.median(times)
    return {"n": n, "calls_per_sample": per_sample, "samples": repeats, "best_seconds": best, "median_seconds": median,
            "best_gflops": flops / best / 1e9, "median_gflops": flops / median / 1e9,
            "best_gb_per_s": data / best / 1e9 if data else None}


def numpy_command(op, sizes, threads, repeats):
    doc = document("numpy")
    np, reason = load_numpy()
    if np is None:
        doc["skipped"] = reason
        return doc
    blas = OpenBlas.loaded_by(np)
    set_here = blas.set_threads(threads)
    doc.update(numpy=numpy_info(np, blas), op=op, threads_requested=threads,
               threads_in_effect=blas.threads() if set_here else None,
               threads_set_by="openblas_set_num_threads" if set_here else "environment")
    results = []
    for n in sizes:
        log("numpy %s n = %d on %d thread(s)" % (op, n, threads))
        results.append(time_blas_call(np, op, n, repeats))
    doc["results"] = results
    return doc


# ---- the JSON contract, as README.md documents it ----

NULLABLE = " or null"
SCHEMA = {
    "claims": {"schema": "string", "command": "string", "python": "object", "scale": "string", "workers": "int",
               "experiments": "object", "numpy": "object"},
    "python": {"implementation": "string", "version": "string", "executable": "string", "gil_enabled": "bool",
               "gil_enabled_from": "string", "free_threaded_build": "bool", "switch_interval_seconds": "number",
               "cpu_count": "int", "usable_cpus": "int", "platform": "string", "start_methods": "list",
               "default_start_method": "string"},
    "numpy": {"version": "string", "path": "string", "build_blas": "string", "build_blas_config": "string or null",
              "openblas": "object", "environment": "object"},
    "openblas": {"library": "string or null", "corename": "string", "config": "string or null",
                 "parallel": "string or null", "threads": "int or null", "reason": "string or null"},
    "every experiment": {"claim": "int", "experiment": "string"},
    "processes": {"workers": "int", "start_method": "string", "samples": "int", "seed": "int", "hits": "int",
                  "hits_agree": "bool", "serial_seconds": "number", "pool_seconds": "number", "speedup": "number"},
    "start_times": {"thread_starts": "int", "process_starts": "int", "thread_seconds": "number",
                    "fork_seconds": "number or null", "spawn_seconds": "number or null",
                    "forkserver_seconds": "number or null"},
    "memory": {"spawn_child_rss_bytes": "int or null", "spawn_child_private_bytes": "int or null",
               "fork_child_rss_bytes": "int or null", "fork_child_private_bytes": "int or null", "threads": "int",
               "rss_before_bytes": "int", "rss_after_bytes": "int", "per_thread_bytes": "number"},
    "ipc": {"bytes": "int", "read_with": "string", "pipe_message_bytes": "int", "pipe_seconds": "number",
            "pipe_gb_per_s": "number", "pipe_one_message_seconds": "number", "pipe_one_message_gb_per_s": "number",
            "shared_memory_seconds": "number", "shared_memory_gb_per_s": "number",
            "shared_memory_over_pipe": "number", "checksums_agree": "bool"},
    "killing": {"kill_seconds": "number", "exit_code": "int", "executor_broken_seconds": "number",
                "grace_seconds": "number", "thread_alive_after_grace": "bool",
                "async_exception_stopped": "bool or null", "async_exception_seconds": "number or null"},
    "races": {"threads": "int", "increments_per_thread": "int", "expected": "int", "switch_interval_seconds": "number",
              "plain_lost": "int", "plain_ns_per_update": "number", "read_call_write_lost": "int",
              "read_call_write_ns_per_update": "number", "locked_lost": "int", "locked_ns_per_update": "number"},
    "gil_threads": {"threads": "int", "samples": "int", "seed": "int", "hits": "int", "hits_agree": "bool",
                    "serial_seconds": "number", "threads_seconds": "number", "speedup": "number",
                    "gil_enabled": "bool"},
    "io": {"requests": "int", "server": "string", "port": "int", "latency_seconds": "number or null",
           "threads": "int", "answered": "int", "serial_seconds": "number", "threads_seconds": "number",
           "thread_per_request_seconds": "number", "threads_speedup": "number",
           "thread_per_request_speedup": "number"},
    "numpy_threads": {"threads": "int", "n": "int", "blas_threads": "int or null", "blas_threads_pinned": "bool",
                      "corename": "string", "serial_seconds": "number", "threads_seconds": "number",
                      "speedup": "number", "serial_gflops": "number", "threads_gflops": "number",
                      "results_agree": "bool"},
    "numpy command": {"schema": "string", "command": "string", "python": "object", "numpy": "object", "op": "string",
                      "threads_requested": "int", "threads_in_effect": "int or null", "threads_set_by": "string",
                      "results": "list"},
    "numpy result": {"n": "int", "calls_per_sample": "int", "samples": "int", "best_seconds": "number",
                     "median_seconds": "number", "best_gflops": "number", "median_gflops": "number",
                     "best_gb_per_s": "number or null"},
    "self-test": {"schema": "string", "command": "string", "python": "object", "passed": "bool", "checks": "list"},
    "self-test check": {"name": "string", "ok": "bool", "detail": "string"},
}

JSON_TYPES = {"int": lambda v: isinstance(v, int) and not isinstance(v, bool),
              "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool) and math.isfinite(v),
              "bool": lambda v: isinstance(v, bool), "string": lambda v: isinstance(v, str),
              "object": lambda v: isinstance(v, dict), "list": lambda v: isinstance(v, list)}


def conforms(value, fields, where):
    """Problems of one JSON object against its fields in SCHEMA: missing, extra and mistyped ones."""
    problems = ["%s: missing %s" % (where, f) for f in fields if f not in value]
    problems += ["%s: %s is not in the documented schema" % (where, f) for f in value if f not in fields]
    for field, kind in fields.items():
        if field in value:
            base = kind[:-len(NULLABLE)] if kind.endswith(NULLABLE) else kind
            if not (value[field] is None and kind.endswith(NULLABLE)) and not JSON_TYPES[base](value[field]):
                problems.append("%s: %s = %r is not %s" % (where, field, value[field], kind))
    return problems


def numpy_problems(info, where):
    if "skipped" in info:
        return [] if isinstance(info["skipped"], str) and info["skipped"] else ["%s: empty skip reason" % where]
    return (conforms(info, SCHEMA["numpy"], where)
            + conforms(info.get("openblas", {}), SCHEMA["openblas"], where + ".openblas"))


def claims_problems(doc):
    problems = conforms(doc, SCHEMA["claims"], "claims") + conforms(doc["python"], SCHEMA["python"], "python")
    problems += numpy_problems(doc.get("numpy", {}), "numpy")
    for key, result in doc.get("experiments", {}).items():
        where = "experiments." + key
        if key not in EXPERIMENT_KEYS:
            problems.append(where + " is not an experiment")
        elif "error" in result:
            problems.append("%s failed: %s" % (where, result["error"]))
        elif "skipped" in result:
            if set(result) != {"claim", "skipped"} or not result["skipped"]:
                problems.append(where + ": a skip must have claim and a reason only")
        else:
            problems += conforms(result, dict(SCHEMA["every experiment"], **SCHEMA[key]), where)
    return problems


def numpy_command_problems(doc):
    if "skipped" in doc:
        return [] if doc["skipped"] else ["numpy command: empty skip reason"]
    problems = conforms(doc, SCHEMA["numpy command"], "numpy command") + numpy_problems(doc["numpy"], "numpy")
    for i, result in enumerate(doc["results"]):
        problems += conforms(result, SCHEMA["numpy result"], "results[%d]" % i)
    return problems


def documented_schema():
    """The fields README.md lists: under each `### \\`section\\`` heading, the rows `| \\`field\\` | type | ...`."""
    sections, current = {}, None
    with open(README) as readme:
        for line in readme:
            heading = re.match(r"### `([^`]+)`", line)
            if heading:
                current = sections.setdefault(heading.group(1), {})
                continue
            row = re.match(r"\| `([^`]+)` \| ([^|]+?) \|", line)
            if row and current is not None:
                current[row.group(1)] = row.group(2)
    return sections


# ---- self-test ----

BLOCK_NUMPY = ("import runpy, sys; sys.modules['numpy'] = None; sys.argv = sys.argv[1:]; "
               "runpy.run_path(sys.argv[0], run_name='__main__')")


def run_script(*args, block_numpy=False):
    """This script's JSON output for `args`, run in a child interpreter (optionally with `import numpy` failing)."""
    prefix = [sys.executable, "-c", BLOCK_NUMPY] if block_numpy else [sys.executable]
    child = subprocess.run(prefix + [os.path.abspath(__file__)] + list(args), capture_output=True, text=True,
                           timeout=120)
    assert child.returncode == 0, "exit %d: %s" % (child.returncode, child.stderr[-2000:])
    return json.loads(child.stdout)


def check_generator():
    for seed, first, count, hits in JAVA_HITS:
        got = monte_carlo_hits(seed, first, count)
        assert got == hits, "seed %d, samples %d..%d: %d hits, corebound's Java counts %d" % (
            seed, first, first + count, got, hits)
    whole = monte_carlo_hits(5, 0, 10_000)
    assert sum(monte_carlo_hits(*args) for args in sliced_hits(5, 10_000, 3)) == whole, "slices disagree"
    return "%d ranges match corebound's Java; slices add up" % len(JAVA_HITS)


def assert_no_problems(problems):
    assert not problems, "; ".join(problems)
    return "well-formed"


def check_claims():
    doc = claims_command(SCALES["tiny"], 2)
    json.dumps(doc, allow_nan=False)
    assert set(doc["experiments"]) == set(EXPERIMENT_KEYS), "experiments: %s" % sorted(doc["experiments"])
    assert_no_problems(claims_problems(doc))
    assert doc["experiments"]["processes"]["hits_agree"] and doc["experiments"]["gil_threads"]["hits_agree"]
    assert doc["experiments"]["ipc"]["checksums_agree"], "the worker read other bytes than were sent"
    return "every experiment at the tiny scale, well-formed"


def check_caller_server():
    with LatencyServer(0.002) as server:
        doc = claims_command(SCALES["tiny"], 2, server_port=server.port, only=("io",))
    io = doc["experiments"]["io"]
    assert_no_problems(claims_problems(doc))
    assert io["server"] == "caller" and io["port"] == server.port and io["latency_seconds"] is None, io
    return "io used the server at port %d" % server.port


def check_numpy_command():
    np, reason = load_numpy()
    if np is None:
        return "skipped: " + reason
    for op in ("gemm", "dot"):
        doc = numpy_command(op, [1, 33], 1, 2)
        json.dumps(doc, allow_nan=False)
        assert_no_problems(numpy_command_problems(doc))
        assert [r["n"] for r in doc["results"]] == [1, 33]
    return "gemm and dot at n = 1, 33; OpenBLAS core %s" % doc["numpy"]["openblas"]["corename"]


def check_without_numpy():
    claims = run_script("claims", "--tiny", "--only", "numpy_threads", block_numpy=True)
    skip = claims["experiments"]["numpy_threads"]
    assert set(skip) == {"claim", "skipped"} and skip["skipped"].startswith("NumPy is not installed"), skip
    assert claims["numpy"] == {"skipped": skip["skipped"]}, claims["numpy"]
    peer = run_script("numpy", "--op", "dot", "--sizes", "8", "--threads", "1", block_numpy=True)
    assert peer["skipped"].startswith("NumPy is not installed") and "results" not in peer, peer
    assert_no_problems(numpy_command_problems(peer))
    return skip["skipped"]


def check_readme():
    documented = documented_schema()
    differences = []
    for section in set(SCHEMA) | set(documented):
        code, docs = SCHEMA.get(section, {}), documented.get(section, {})
        differences += ["`%s`.%s: script %s, README %s" % (section, f, code.get(f), docs.get(f))
                        for f in sorted(set(code) | set(docs)) if code.get(f) != docs.get(f)]
    assert not differences, "README.md and the script disagree: " + "; ".join(differences)
    return "%d sections agree" % len(SCHEMA)


SELF_TEST_CHECKS = (
    ("the generator matches corebound's Java", check_generator),
    ("README.md documents the fields the script writes", check_readme),
    ("claims at the tiny scale", check_claims),
    ("claims against the caller's server", check_caller_server),
    ("the numpy command at tiny sizes", check_numpy_command),
    ("a missing NumPy is a skip with a reason", check_without_numpy),
)


def self_test_command():
    checks = []
    for name, check in SELF_TEST_CHECKS:
        log("self-test: " + name)
        try:
            checks.append({"name": name, "ok": True, "detail": check()})
        except Exception as e:
            checks.append({"name": name, "ok": False, "detail": "%s: %s" % (type(e).__name__, e)})
            log("FAILED: %s: %s" % (name, checks[-1]["detail"]))
    doc = document("self-test")
    doc.update(passed=all(c["ok"] for c in checks), checks=checks)
    problems = conforms(doc, SCHEMA["self-test"], "self-test")
    for c in checks:
        problems += conforms(c, SCHEMA["self-test check"], "self-test check")
    if problems:
        doc["passed"] = False
        doc["checks"].append({"name": "the self-test document", "ok": False, "detail": "; ".join(problems)})
    return doc


# ---- command line ----

def positive_int(text):
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1, not %d" % value)
    return value


def positive_ints(text):
    return [positive_int(t) for t in text.split(",")]


def experiment_keys(text):
    keys = tuple(text.split(","))
    unknown = [k for k in keys if k not in EXPERIMENT_KEYS]
    if unknown:
        raise argparse.ArgumentTypeError("unknown experiment %s; the experiments: %s"
                                         % (", ".join(unknown), ", ".join(EXPERIMENT_KEYS)))
    return keys


def parser():
    top = argparse.ArgumentParser(description="corebound's experiments on CPython; prints one JSON document.")
    commands = top.add_subparsers(dest="command", required=True)
    claims = commands.add_parser("claims", help="the notes' experiments on this interpreter")
    size = claims.add_mutually_exclusive_group()
    size.add_argument("--quick", action="store_const", const="quick", dest="scale", help="smaller: seconds")
    size.add_argument("--tiny", action="store_const", const="tiny", dest="scale", help="smallest, for tests")
    claims.add_argument("--workers", type=positive_int, help="n (default: the usable cores, at least 2)")
    claims.add_argument("--server-port", type=positive_int,
                        help="the port of a running latency server on 127.0.0.1 (default: start one here)")
    claims.add_argument("--only", type=experiment_keys, default=EXPERIMENT_KEYS,
                        help="comma-separated experiments: " + ",".join(EXPERIMENT_KEYS))
    peer = commands.add_parser("numpy", help="NumPy's dgemm or ddot timed as a peer")
    peer.add_argument("--op", choices=("gemm", "dot"), required=True)
    peer.add_argument("--sizes", type=positive_ints, required=True, help="comma-separated n")
    peer.add_argument("--threads", type=positive_int, required=True, help="OpenBLAS threads")
    peer.add_argument("--repeats", type=positive_int, default=5, help="timed samples per size (default 5)")
    commands.add_parser("self-test", help="the script's own checks")
    return top


def main(argv):
    args = parser().parse_args(argv)
    if args.command == "claims":
        workers = args.workers or max(2, python_info()["usable_cpus"])
        doc = claims_command(SCALES[args.scale or "standard"], workers, args.server_port, args.only)
    elif args.command == "numpy":
        doc = numpy_command(args.op, args.sizes, args.threads, args.repeats)
    else:
        doc = self_test_command()
    json.dump(doc, sys.stdout, indent=1, allow_nan=False)
    sys.stdout.write("\n")
    return 0 if doc.get("passed", True) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
