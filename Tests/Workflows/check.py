"""Checks .github/workflows as far as can be done off GitHub: each file parses, its triggers and steps are the
expected ones, every script a step runs exists, and the release workflow's publishing step, run here with a
stand-in for gh over a release Scripts/release.sh built, uploads exactly the assets the action (Scripts/action/
install.sh) and the README's binaryTarget download; a tag that is not the code's version is refused.

    python3 Tests/Workflows/check.py ROOT DIST
"""
import os
import re
import stat
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

failures = []


def check(condition, what):
    print(("ok   " if condition else "FAIL ") + what)
    if not condition:
        failures.append(what)


def load(path):
    with open(path) as file:
        document = yaml.safe_load(file)
    # YAML reads the key `on` as the boolean true.
    document["on"] = document.pop(True, document.get("on"))
    return document


def scripts_in(command):
    return re.findall(r"(?:Scripts/[\w./-]+\.sh|\.ci/run)", command)


def main(root, dist):
    root, dist = Path(root), Path(dist)
    version = re.search(r'package static let current = "([0-9.]+)"', (root / "Sources/JWTLint/JWTLintVersion.swift").read_text()).group(1)
    workflows = {name: load(root / ".github/workflows" / name) for name in ("ci.yml", "release.yml")}

    ci, release = workflows["ci.yml"], workflows["release.yml"]
    check(set(ci["on"]) == {"push", "pull_request"}, "ci.yml runs on pushes and pull requests")
    check(release["on"] == {"push": {"tags": ["v*"]}}, "release.yml runs on version tags only")
    check(release.get("permissions") == {"contents": "write"}, "release.yml may write releases and nothing else")
    for name, workflow in workflows.items():
        for job_name, job in workflow["jobs"].items():
            check(job.get("container", "").startswith("swift:6.3.1-bookworm"), f"{name} {job_name}: Debian 12 with Swift 6.3.1")
            for step in job["steps"]:
                if "uses" in step:
                    check(step["uses"] == "actions/checkout@v4", f"{name}: the only action used is actions/checkout ({step['uses']})")
                    continue
                for script in scripts_in(step["run"]):
                    check((root / script).is_file(), f"{name}: step '{step['name']}' runs {script}, which exists")
    check(any(step.get("run") == "bash .ci/run" for step in ci["jobs"]["ci"]["steps"]), "ci.yml runs .ci/run")
    checkouts = [step for step in ci["jobs"]["ci"]["steps"] if "uses" in step]
    check(len(checkouts) == 1 and checkouts[0].get("with", {}).get("fetch-depth") == 0,
          "ci.yml fetches the whole history, which .ci/api-check needs for the baseline commit")

    # The publishing step, run as the runner would, with gh replaced by a script that records its arguments.
    steps = release["jobs"]["release"]["steps"]
    build = [step for step in steps if "run" in step and "Scripts/release.sh" in step["run"]]
    check(len(build) == 1 and "--out dist" in build[0]["run"], "release.yml builds the release into dist with Scripts/release.sh")
    publish = [step for step in steps if "run" in step and "Scripts/publish-release.sh" in step["run"]]
    check(len(publish) == 1, "release.yml has one publishing step")
    with tempfile.TemporaryDirectory() as work:
        work = Path(work)
        workspace = work / "workspace"
        workspace.mkdir()
        for entry in ("Scripts", "Sources"):
            (workspace / entry).symlink_to(root / entry)
        (workspace / "dist").symlink_to(dist)
        bin_dir = work / "bin"
        bin_dir.mkdir()
        log = work / "gh.log"
        gh = bin_dir / "gh"
        gh.write_text(f'#!/usr/bin/env bash\nprintf "%s\\n" "$@" > "{log}"\n')
        gh.chmod(gh.stat().st_mode | stat.S_IEXEC)

        def run(tag):
            environment = dict(os.environ, PATH=f"{bin_dir}:{os.environ['PATH']}", GITHUB_REF_NAME=tag, GH_TOKEN="test", GH_REPO="example/jwtlint")
            script = re.sub(r"\$\{\{[^}]*\}\}", "test", publish[0]["run"])
            return subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script], cwd=workspace, env=environment,
                                  capture_output=True, text=True)

        done = run(f"v{version}")
        check(done.returncode == 0, f"the publishing step succeeds for v{version}: {done.stderr.strip()}")
        arguments = log.read_text().split("\n") if log.exists() else []
        uploaded = sorted(Path(argument).name for argument in arguments if argument.startswith("dist/"))
        tarball = f"jwtlint-{version}-x86_64-linux.tar.gz"
        bundle = f"jwtlint-{version}.artifactbundle.zip"
        check(arguments[:2] == ["release", "create"] and arguments[2] == f"v{version}", f"gh creates the release v{version}")
        check(uploaded == sorted([tarball, tarball + ".sha256", bundle, bundle + ".sha256"]),
              f"the assets are the tarball, the artifact bundle and their .sha256: {uploaded}")
        install = (root / "Scripts/action/install.sh").read_text()
        check('name="jwtlint-$version-$arch-linux"' in install and "releases/download/v$version/$name.tar.gz" in install
              and '"$url.sha256"' in install, "the action downloads v<version>/jwtlint-<version>-<arch>-linux.tar.gz and its .sha256")
        readme = (root / "README.md").read_text()
        check(f"jwtlint-{version}.artifactbundle.zip" in readme, "the README's binaryTarget names the artifact bundle the release publishes")
        log.unlink(missing_ok=True)
        refused = run("v0.0.1")
        check(refused.returncode != 0 and not log.exists() and "is not v" in refused.stderr,
              "a tag that is not the code's version is refused before anything is published")
    print(f"{'passed' if not failures else 'FAILED'}: the workflows, {len(failures)} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2]))
