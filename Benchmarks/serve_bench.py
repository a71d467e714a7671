#!/usr/bin/env python3
"""jwtlint serve under load: authenticated requests per second and latency, against what `jwtlint lint` verifies
per second on the same cores, measured in the same run; and the server's memory over a long run.

    python3 Benchmarks/serve_bench.py [--seconds 15] [--long 60] [--connections 16] [--threads 1] [--rounds 3]

1. Builds jwtlint and jwtlint-serve as bench.py builds jwtlint (release, static standard library), into
   .build-bench/.
2. Signs 20,000 App Store Server API tokens valid now (Benchmarks/make_tokens.py), each distinct; anew before each
   round and the long run, as they live 5 minutes.
3. Alternating, for --rounds rounds: `jwtlint lint --jobs <cores> --format json` on those tokens (tokens per
   second); then wrk (Debian's package) against `jwtlint serve` on loopback for --seconds: GET Get Transaction
   Info with each request's Authorization header the next token in turn, --connections connections on --threads
   wrk threads, sharing the machine's cores with the server. Every answer must be 200: a refused token would
   show up as a non-2xx count, which fails the run.
   In the same rounds, the fair one-core measurement: `taskset -c 0 jwtlint lint --jobs 1 --format json` on the
   same tokens (five passes over them, 100,000 tokens, so that start-up weighs as little as in bench.py); then
   `jwtlint serve` pinned to core 0 (`taskset -c 0`) with wrk pinned to core 1 (`taskset -c 1`), so that the
   server has one core to itself and the load generator does not take from it.
4. Reports the medians: requests per second, latency percentiles (wrk's --latency), and the ratio of requests per
   second to lint's tokens per second, shared cores (today's figure) and one core (the fair one: target at least
   0.5, with p99 under 10 ms).
5. Runs the server under the same load for --long seconds and samples its resident memory (VmRSS) every
   second: memory must stay flat (the last sample within 10% of the one after warm-up).
Writes Benchmarks/serve-results.json and Benchmarks/serve-results.md (the Markdown table it prints).
--binaries DIR measures jwtlint and jwtlint-serve already built in DIR (another commit's, say) instead of building.
"""
import argparse
import json
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import bench  # noqa: E402  (its build, its venv, its token maker)

HERE, ROOT = bench.HERE, bench.ROOT
PATH = "/inApps/v1/transactions/2000000000000001"


def build() -> Path:
    for product in ("jwtlint", "jwtlint-serve"):
        command = [part if part != "jwtlint" else product for part in bench.BUILD]
        bench.log("building " + product + ": " + " ".join(command))
        bench.run_checked(command + ["--scratch-path", str(bench.SCRATCH)], cwd=ROOT, stdout=subprocess.DEVNULL)
    return bench.SCRATCH / "release/jwtlint"


# The fair measurement: the server on one core of its own, the load generator on the other, against lint on one core.
SERVER_CORE, LOAD_CORE = ["taskset", "-c", "0"], ["taskset", "-c", "1"]


def lint_rate(jwtlint: Path, tokens: Path, now: int, jobs: int, pin: list[str] = []) -> float:
    start = time.perf_counter()
    with open(os.devnull, "w") as sink:
        bench.run_checked(pin + [str(jwtlint), "lint", "--jobs", str(jobs), "--format", "json", "--key", str(bench.PUBLIC_KEY),
                                 "--kid", "TESTKEYA01", "--now", str(now), "--tokens-file", str(tokens)], stdout=sink)
    count = sum(1 for _ in open(tokens))
    return count / (time.perf_counter() - start)


def start_server(jwtlint: Path, log_file: Path, pin: list[str] = []) -> tuple[subprocess.Popen, str]:
    server = subprocess.Popen(pin + [str(jwtlint), "serve", "--key", str(bench.PUBLIC_KEY), "--kid", "TESTKEYA01",
                               "--issuer", "57246542-96fe-1a63-e053-0824d011072a",
                               "--port", "0", "--log", str(log_file)], stdout=subprocess.PIPE, text=True)
    url = server.stdout.readline().strip()
    if not url.startswith("http://"):
        sys.exit("serve_bench: jwtlint serve did not start")
    return server, url


def wrk(url: str, script: Path, seconds: int, connections: int, threads: int, pin: list[str] = []) -> dict:
    run = subprocess.run(pin + ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--latency", "-s", str(script), url + PATH],
                         capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(f"serve_bench: wrk failed: {run.stderr}")
    text = run.stdout
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    errors = re.search(r"Socket errors: (.*)", text)
    if non2xx or errors:
        sys.exit(f"serve_bench: not every answer was 200:\n{text}")
    def ms(value: str) -> float:
        number, unit = re.match(r"([\d.]+)(\w+)", value).groups()
        return float(number) * {"us": 0.001, "ms": 1.0, "s": 1000.0}[unit]
    percentiles = {p: ms(v) for p, v in re.findall(r"^\s+(50|75|90|99)%\s+(\S+)", text, re.M)}
    return {"requests_per_second": float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1)), "latency_ms": percentiles, "wrk": text}


def rss_kib(pid: int) -> int:
    for line in open(f"/proc/{pid}/status"):
        if line.startswith("VmRSS:"):
            return int(line.split()[1])
    return 0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seconds", type=int, default=15)
    parser.add_argument("--long", type=int, default=60)
    parser.add_argument("--connections", type=int, default=16)
    parser.add_argument("--threads", type=int, default=1)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--results", default=str(HERE / "serve-results.json"))
    parser.add_argument("--markdown", default=str(HERE / "serve-results.md"))
    parser.add_argument("--binaries", help="a folder holding jwtlint and jwtlint-serve to measure instead of building them")
    args = parser.parse_args()
    one_core = (os.cpu_count() or 1) >= 2 and shutil.which("taskset") is not None
    if not one_core:
        bench.log("fewer than 2 cores, or no taskset: the one-core measurement is skipped")
    if not shutil.which("wrk") and shutil.which("apt-get"):
        bench.log("installing wrk (Debian's package)")
        sudo = [] if os.geteuid() == 0 else ["sudo"]
        subprocess.run(sudo + ["apt-get", "install", "-y", "-qq", "wrk"], env=dict(os.environ, DEBIAN_FRONTEND="noninteractive"),
                       stdout=subprocess.DEVNULL)
    if not shutil.which("wrk"):
        sys.exit("serve_bench: wrk is needed (apt-get install wrk)")
    jwtlint = Path(args.binaries).resolve() / "jwtlint" if args.binaries else build()
    python = bench.venv_python()
    work = Path(tempfile.mkdtemp(prefix="jwtlint-serve-bench-"))
    tokens, lint_tokens, script = work / "tokens.txt", work / "tokens-5x.txt", work / "tokens.lua"
    script.write_text(f'''local tokens = {{}}
for line in io.lines("{tokens}") do tokens[#tokens + 1] = line end
local next = 0
request = function()
  next = next % #tokens + 1
  return wrk.format("GET", nil, {{["Authorization"] = "Bearer " .. tokens[next]}})
end
''')

    def sign_tokens() -> int:
        """Signs the tokens anew, valid now: they live 5 minutes (as Apple's libraries make them), less than a run."""
        now = int(time.time())
        bench.run_checked([str(python), str(HERE / "make_tokens.py"), "20000", str(bench.KEY), str(tokens), "--now", str(now)])
        # lint on one core reads the tokens five times over, so that its start-up (and the key's table) weighs little.
        lint_tokens.write_text(tokens.read_text() * 5)
        return now

    def serve_once(server_pin: list[str], load_pin: list[str]) -> dict:
        server, url = start_server(jwtlint, work / "requests.jsonl", server_pin)
        try:
            wrk(url, script, 2, args.connections, args.threads, load_pin)  # warm-up: sessions, the chain's tables
            return wrk(url, script, args.seconds, args.connections, args.threads, load_pin)
        finally:
            server.terminate()
            server.wait()
            (work / "requests.jsonl").unlink(missing_ok=True)

    lint_rates, serve_runs, one_lint_rates, one_serve_runs = [], [], [], []
    for round_number in range(1, args.rounds + 1):
        bench.log(f"round {round_number} of {args.rounds}: lint, then wrk for {args.seconds} s; then the same on one core")
        now = sign_tokens()
        lint_rates.append(lint_rate(jwtlint, tokens, now, os.cpu_count() or 1))
        serve_runs.append(serve_once([], []))
        if one_core:
            one_lint_rates.append(lint_rate(jwtlint, lint_tokens, now, 1, SERVER_CORE))
            one_serve_runs.append(serve_once(SERVER_CORE, LOAD_CORE))
    bench.log(f"memory: {args.long} s under the same load")
    sign_tokens()
    server, url = start_server(jwtlint, Path(os.devnull))
    samples = []
    try:
        wrk(url, script, 2, args.connections, args.threads)
        done = threading.Event()
        def sample():
            while not done.is_set():
                samples.append(rss_kib(server.pid))
                time.sleep(1)
        sampler = threading.Thread(target=sample)
        sampler.start()
        long_run = wrk(url, script, args.long, args.connections, args.threads)
        done.set()
        sampler.join()
    finally:
        server.terminate()
        server.wait()

    lint = statistics.median(lint_rates)
    median_run = sorted(serve_runs, key=lambda run: run["requests_per_second"])[len(serve_runs) // 2]
    rps = median_run["requests_per_second"]
    one = None
    if one_core:
        one_lint = statistics.median(one_lint_rates)
        one_run = sorted(one_serve_runs, key=lambda run: run["requests_per_second"])[len(one_serve_runs) // 2]
        one = {
            "server": " ".join(SERVER_CORE), "load_generator": " ".join(LOAD_CORE), "lint": " ".join(SERVER_CORE) + " jwtlint lint --jobs 1",
            "lint_tokens": sum(1 for _ in open(lint_tokens)),
            "lint_tokens_per_second": one_lint_rates, "serve_requests_per_second": [run["requests_per_second"] for run in one_serve_runs],
            "round_ratios": [run["requests_per_second"] / rate for run, rate in zip(one_serve_runs, one_lint_rates)],
            "median_latency_ms": one_run["latency_ms"], "ratio": one_run["requests_per_second"] / one_lint,
        }
    results = {
        "machine": bench.machine(), "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "rounds": args.rounds,
        "connections": args.connections, "wrk_threads": args.threads, "seconds": args.seconds,
        "lint_tokens_per_second": lint_rates, "serve_requests_per_second": [run["requests_per_second"] for run in serve_runs],
        "median_latency_ms": median_run["latency_ms"], "ratio": rps / lint,
        "memory_kib": samples, "long_run_requests_per_second": long_run["requests_per_second"],
        "one_core": one,
    }
    Path(args.results).write_text(json.dumps(results, indent=2) + "\n")
    info = results["machine"]
    lines = [
        f"Machine: {info['cpu']}, {info['cores']} cores; {info['os']}",
        f"{results['date']}; wrk {args.threads} thread(s), {args.connections} connections, {args.seconds} s, median of {args.rounds} rounds",
        "",
        "| Measure | Result |",
        "|---|---:|",
        f"| Shared cores: `jwtlint lint --jobs {os.cpu_count()}`: tokens verified per second | {lint:,.0f} |",
        f"| Shared cores: `jwtlint serve`, wrk beside it: authenticated requests per second (Get Transaction Info) | {rps:,.0f} |",
        f"| Shared cores: ratio | {rps / lint:.2f} |",
    ]
    lines += [f"| Shared cores: latency p{p} | {median_run['latency_ms'].get(p, float('nan')):.2f} ms |" for p in ("50", "75", "90", "99")]
    if one:
        one_rps = one_run["requests_per_second"]
        lines += [
            f"| One core: `{one['lint']}`: tokens verified per second | {one_lint:,.0f} |",
            f"| One core: `{one['server']} jwtlint serve`, `{one['load_generator']} wrk`: authenticated requests per second | {one_rps:,.0f} |",
            f"| One core: ratio (target at least 0.5) | {one['ratio']:.2f} |",
        ]
        lines += [f"| One core: latency p{p} | {one_run['latency_ms'].get(p, float('nan')):.2f} ms |" for p in ("50", "75", "90", "99")]
    warm = samples[min(2, len(samples) - 1)] if samples else 0
    lines.append(f"| Memory over {args.long} s at {long_run['requests_per_second']:,.0f} requests/s: after warm-up, at the end, peak | "
                 f"{warm / 1024:.1f} / {samples[-1] / 1024:.1f} / {max(samples) / 1024:.1f} MiB |" if samples else "| Memory | no samples |")
    text = "\n".join(lines) + "\n"
    Path(args.markdown).write_text(text)
    print(text, end="")


if __name__ == "__main__":
    main()
