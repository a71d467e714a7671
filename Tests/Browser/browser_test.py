"""The page of `jwtlint serve` in a real browser: headless Chromium (Debian's package), driven over the DevTools
protocol on a pipe (--remote-debugging-pipe, so no extra Python package). It checks that a request a client makes
shows up on the page with its verdict and findings, that a pasted token is judged with its findings and causes,
and that the page fetched nothing from anywhere but the stand-in. Exit status 1 on any failure.

    python3 Tests/Browser/browser_test.py JWTLINT CHROMIUM
"""

import fcntl
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
KEY = ROOT / "Vectors" / "keys" / "SubscriptionKey_TESTKEYA01.p8"
ISSUER = "57246542-96fe-1a63-e053-0824d011072a"
failures = []


def check(condition: bool, what: str) -> None:
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


class Browser:
    """Chromium with the DevTools protocol on fds 3 (commands in) and 4 (answers out), NUL-terminated JSON."""

    def __init__(self, chromium: str):
        self.profile = tempfile.mkdtemp(prefix="jwtlint-chromium-")
        to_browser_read, self.to_browser = os.pipe()
        self.from_browser, from_browser_write = os.pipe()
        # The browser reads commands on fd 3 and writes answers on fd 4: bash moves the two pipe ends there, from
        # numbers above 9 so that neither is 3 or 4 already.
        high_read, high_write = fcntl.fcntl(to_browser_read, fcntl.F_DUPFD, 10), fcntl.fcntl(from_browser_write, fcntl.F_DUPFD, 10)
        os.close(to_browser_read)
        os.close(from_browser_write)
        to_browser_read, from_browser_write = high_read, high_write
        shell = f'exec "$0" "$@" 3<&{to_browser_read} 4>&{from_browser_write} {to_browser_read}<&- {from_browser_write}>&-'
        self.process = subprocess.Popen(
            ["/bin/bash", "-c", shell, chromium, "--headless=new", "--no-sandbox", "--disable-gpu", "--no-first-run",
             "--no-default-browser-check", "--remote-debugging-pipe", f"--user-data-dir={self.profile}", "about:blank"],
            pass_fds=(to_browser_read, from_browser_write), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        os.close(to_browser_read)
        os.close(from_browser_write)
        self.buffer = b""
        self.next_id = 0
        self.session = None

    def call(self, method: str, params: dict | None = None, timeout: float = 30) -> dict:
        self.next_id += 1
        message = {"id": self.next_id, "method": method, "params": params or {}}
        if self.session:
            message["sessionId"] = self.session
        os.write(self.to_browser, json.dumps(message).encode() + b"\0")
        deadline = time.time() + timeout
        while time.time() < deadline:
            while b"\0" in self.buffer:
                raw, self.buffer = self.buffer.split(b"\0", 1)
                reply = json.loads(raw)
                if reply.get("id") == self.next_id:
                    if "error" in reply:
                        raise RuntimeError(f"{method}: {reply['error']}")
                    return reply.get("result", {})
            chunk = os.read(self.from_browser, 65536)
            if not chunk:
                raise RuntimeError("Chromium closed the pipe")
            self.buffer += chunk
        raise RuntimeError(f"{method}: no answer in {timeout} s")

    def open(self, url: str) -> None:
        target = self.call("Target.createTarget", {"url": url})["targetId"]
        self.session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        self.call("Runtime.enable")

    def evaluate(self, expression: str):
        result = self.call("Runtime.evaluate", {"expression": expression, "returnByValue": True, "awaitPromise": True})
        return result.get("result", {}).get("value")

    def wait_for(self, expression: str, timeout: float = 15):
        deadline = time.time() + timeout
        while time.time() < deadline:
            value = self.evaluate(expression)
            if value:
                return value
            time.sleep(0.2)
        return None

    def close(self) -> None:
        self.process.kill()
        self.process.wait()
        shutil.rmtree(self.profile, ignore_errors=True)


def token(jwtlint: str, bundle: str, issued_at: int, lifetime: int = 300) -> str:
    run = subprocess.run([jwtlint, "sign", "--key", str(KEY), "--issuer", ISSUER, "--bundle-id", bundle,
                          "--now", str(issued_at), "--lifetime", str(lifetime)], capture_output=True, text=True, check=True)
    return run.stdout.strip().splitlines()[-1]


def main() -> int:
    jwtlint, chromium = sys.argv[1], sys.argv[2]
    server = subprocess.Popen([jwtlint, "serve", "--key", str(KEY), "--issuer", ISSUER, "--bundle-id", "com.example.app", "--port", "0"],
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    browser = None
    try:
        url = server.stdout.readline().strip()
        browser = Browser(chromium)
        browser.open(url + "/")
        check(browser.wait_for("document.readyState === 'complete' && document.title") == "jwtlint serve", "the page loads")

        # A client's request with a token for another app: the page lists it, refused, with claims.bid.
        wrong = token(jwtlint, "com.example.other", int(time.time()))
        request = urllib.request.Request(url + "/inApps/v1/transactions/2000000000000001", headers={"Authorization": "Bearer " + wrong})
        try:
            urllib.request.urlopen(request)
            check(False, "the client's request is refused")
        except urllib.error.HTTPError as error:
            check(error.code == 401, "the client's request is refused with 401")
        shown = browser.wait_for(
            "(() => { const r = document.querySelector('#requests .request.refused'); return r && r.innerText; })()")
        check(bool(shown) and "401 refused" in shown and "claims.bid" in shown and "/inApps/v1/transactions/2000000000000001" in shown,
              f"the request shows up on the page with its verdict and finding: {shown!r}")
        check(bool(shown) and "Fix: " in shown and "Fix: undefined" not in shown, f"the finding shows its fix: {shown!r}")
        check(bool(shown) and wrong not in shown, "the page shows the token's fingerprint, not the token")

        # A pasted, expired token is judged: 401, claims.exp, and a likely cause.
        expired = token(jwtlint, "com.example.app", int(time.time()) - 7200, lifetime=600)
        browser.evaluate(f"document.getElementById('input').value = {json.dumps('Authorization: Bearer ' + expired)}; "
                         "document.getElementById('judge').click(); true")
        judged = browser.wait_for("(() => { const t = document.getElementById('result').innerText; return t.includes('claims') && t; })()")
        check(bool(judged) and "Apple would answer 401" in judged and "claims.exp" in judged and "Likely causes" in judged,
              f"a pasted token is judged: {judged!r}")

        # Nothing was fetched from anywhere but the stand-in.
        origins = browser.evaluate("performance.getEntriesByType('resource').map(e => new URL(e.name).origin)")
        check(bool(origins) and set(origins) == {url}, f"every fetch went to the stand-in: {sorted(set(origins or []))}")
    finally:
        if browser:
            browser.close()
        server.terminate()
        server.wait()
    print(f"{'FAILED' if failures else 'passed'}: the page of jwtlint serve in headless Chromium, {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
