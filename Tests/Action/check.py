"""The action (action.yml) run locally by action_runner.py, its download pointed at a local release tarball.

    python3 Tests/Action/check.py REPOSITORY TARBALL DEV_JWTLINT [--no-source-build-reason TEXT]

Each case runs the action's steps in a fresh workspace holding the vectors' keys and samples, and checks the step
statuses, the annotations it prints (equal to what the development build prints for the same lint) and its output.
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

from action_runner import run_action

repository, tarball, dev = (os.path.abspath(arg) for arg in sys.argv[1:4])
source_build = "--no-source-build" not in sys.argv
url = "file://" + tarball
sha256 = open(tarball + ".sha256").read().split()[0]
system_path = "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin"
swift_dir = os.path.dirname(shutil.which("swift") or "/usr/bin/swift")
base_path = system_path + ":" + swift_dir
assert shutil.which("jwtlint", path=base_path) is None, "jwtlint is already on PATH: the install step would prove nothing"
version = next(line.split('"')[1] for line in open(os.path.join(repository, "Sources/JWTLint/JWTLintVersion.swift"))
               if "static let current" in line)
NOW = "--now\n1767225600"
failures = []
made = []


def check(condition, label, detail=""):
    print(("ok   " if condition else "FAIL ") + label + ("" if condition else f": {detail}"))
    if not condition:
        failures.append(label)


def workspace():
    root = tempfile.mkdtemp(prefix="jwtlint-action-")
    made.append(root)
    for folder in ("keys", "samples"):
        shutil.copytree(os.path.join(repository, "Vectors", folder), os.path.join(root, "work", folder))
    os.makedirs(os.path.join(root, "temp"))
    return os.path.join(root, "work"), os.path.join(root, "temp")


def act(inputs, **options):
    work, temp = workspace()
    run = run_action(repository, inputs, work, temp, base_path, **options)
    return run, work


def dev_lint(work, *arguments):
    process = subprocess.run([dev, "lint", *arguments], cwd=work, capture_output=True, text=True)
    return process.returncode, process.stdout


def annotations(text):
    return [line for line in text.splitlines() if line.startswith("::")]


# The action's default version is the version the source says: a release tag fetches its own binaries.
with open(os.path.join(repository, "action.yml")) as file:
    declared = yaml.safe_load(file)["inputs"]
check(declared["version"]["default"] == version, f"the action's default version is {version}", declared["version"]["default"])

# The README's section on the action: its table lists every input with its default, and its example uses only
# declared inputs and this version's tag.
readme = open(os.path.join(repository, "README.md")).read()
section = readme.split("## In GitHub Actions\n", 1)[-1].split("\n## ", 1)[0]
table = {}
for row in section.splitlines():
    cells = [cell.strip() for cell in row.strip().strip("|").split("|")]
    if row.startswith("| `") and len(cells) == 3:
        table[cells[0].strip("`")] = cells[1]
documented_defaults = {name: ("(required)" if spec.get("required") else (f"`{spec['default']}`" if spec.get("default") else "empty"))
                       for name, spec in declared.items()}
check(table == documented_defaults, "the README's table lists every input of action.yml with its default",
      {name: (table.get(name), documented_defaults.get(name)) for name in set(table) | set(documented_defaults)
       if table.get(name) != documented_defaults.get(name)})
example = yaml.safe_load(section.split("```yaml\n", 1)[1].split("```", 1)[0])
step = next(step for step in example["jobs"]["tokens"]["steps"] if "/jwtlint@" in step.get("uses", ""))
check(step["uses"].endswith(f"@v{version}") and set(step["with"]) <= set(declared),
      "the README's workflow uses this version's tag and declared inputs only", step)

# 1. A failing token: the install step succeeds, the lint step fails with exit 1 and prints the errors as annotations.
inputs = {"tokens-file": "samples/failing.txt", "key": "keys/TESTKEYA01.pub.pem", "kid": "TESTKEYA01",
          "download-url": url, "args": NOW}
run, work = act(inputs)
status, expected = dev_lint(work, "--format", "github", "--profile", "auto", "--tokens-file", "samples/failing.txt",
                            "--key", "keys/TESTKEYA01.pub.pem", "--kid", "TESTKEYA01", "--now", "1767225600")
install, lint = run.steps[0], run.step("lint")
check(install.status == 0, "the install step fetches the local tarball, checks its SHA-256 and succeeds", install.stdout + install.stderr)
check(f"jwtlint {version} from " in install.stderr, "the install step says which jwtlint it installed", install.stderr)
check(lint is not None and lint.status == 1 and status == 1, "a failing token fails the lint step with exit 1", lint and lint.stderr)
check(lint is not None and lint.stdout == expected, "the lint step prints what the development build prints",
      f"{lint and lint.stdout!r} vs {expected!r}")
errors = [line for line in annotations(run.stdout) if line.startswith("::error file=samples/failing.txt,line=1,")]
check(len(errors) == 3 and any("title=jwtlint claims.bid::" in line for line in errors),
      "three error annotations at samples/failing.txt line 1, one of them claims.bid", annotations(run.stdout))
check(run.outputs.get("exit-code") == "1", "the action's exit-code output is 1", run.outputs)

# 2. The passing sample: exit 0, warnings as annotations, and the same annotations as the development build.
run, work = act(dict(inputs, **{"tokens-file": "samples/tokens.txt"}))
status, expected = dev_lint(work, "--format", "github", "--profile", "auto", "--tokens-file", "samples/tokens.txt",
                            "--key", "keys/TESTKEYA01.pub.pem", "--kid", "TESTKEYA01", "--now", "1767225600")
warnings = [line for line in annotations(run.stdout) if line.startswith("::warning file=samples/tokens.txt,line=")]
check(run.status == 0 and run.outputs.get("exit-code") == "0", "the passing sample passes, exit-code 0", run.steps[-1].stderr)
check(run.step("lint").stdout == expected and len(warnings) == 5, "five warning annotations, as the development build prints them",
      annotations(run.stdout))

# 3. args reach jwtlint one per line: --warnings-as-errors turns the same warnings into a failure.
run, _ = act(dict(inputs, **{"tokens-file": "samples/tokens.txt", "args": NOW + "\n--warnings-as-errors\n"}))
check(run.status == 1 and run.outputs.get("exit-code") == "1", "args: --warnings-as-errors fails the step", run.outputs)

# 4. format sarif with output: the SARIF goes to the file, not the log.
run, work = act(dict(inputs, format="sarif", output="jwtlint.sarif"))
sarif_path = os.path.join(work, "jwtlint.sarif")
try:
    sarif = json.load(open(sarif_path))
    rule_ids = sorted({result["ruleId"] for result in sarif["runs"][0]["results"]})
except (OSError, ValueError, KeyError, IndexError) as error:
    sarif, rule_ids = None, str(error)
check(run.status == 1 and sarif is not None and sarif.get("version") == "2.1.0" and "claims.bid" in rule_ids
      and run.step("lint").stdout == "", "format sarif with output writes SARIF 2.1.0 to the file", rule_ids)

# 5. A pinned SHA-256 that does not match: nothing is installed, the lint step never runs, the error says why.
run, _ = act(dict(inputs, sha256="0" * 64))
check(run.status == 1 and len(run.steps) == 1 and f"::error title=jwtlint action::the tarball's SHA-256 is {sha256}, not {'0' * 64}" in run.stdout,
      "a wrong pinned SHA-256 stops the action before jwtlint runs", run.stdout)

# 6. A tarball that does not match the .sha256 published beside it.
tampered_dir = tempfile.mkdtemp(prefix="jwtlint-tampered-")
made.append(tampered_dir)
tampered = os.path.join(tampered_dir, os.path.basename(tarball))
shutil.copy(tarball, tampered)
with open(tampered, "ab") as file:
    file.write(b"\0")
shutil.copy(tarball + ".sha256", tampered + ".sha256")
run, _ = act(dict(inputs, **{"download-url": "file://" + tampered}))
check(run.status == 1 and len(run.steps) == 1 and "the tarball's SHA-256 is" in run.stdout,
      "a tarball that does not match its .sha256 is not installed", run.stdout)

# 7. The pinned SHA-256 in capitals, as some release pages print it, is the same digest.
run, _ = act(dict(inputs, sha256=sha256.upper()))
check(run.steps[0].status == 0 and run.status == 1, "a pinned SHA-256 in capitals is accepted", run.stdout)

# 8. No download-url and no repository from the runner: a clear error instead of a guessed URL.
run, _ = act({"tokens-file": "samples/failing.txt"})
check(run.status == 1 and "::error title=jwtlint action::the runner did not say which repository this action comes from; set download-url" in run.stdout,
      "without download-url or the action's repository, the action says what to set", run.stdout)

# 9. The default URL is the action repository's release for the version (shown by a download that cannot happen).
run, _ = act({"tokens-file": "samples/failing.txt"}, action_repository="example/jwtlint",
             extra_env={"GITHUB_SERVER_URL": "https://127.0.0.1:9"})
expected_url = f"https://127.0.0.1:9/example/jwtlint/releases/download/v{version}/jwtlint-{version}-x86_64-linux.tar.gz"
check(run.status == 1 and f"could not download {expected_url}" in run.stdout,
      "the default download URL is the action repository's release for the version", run.stdout)

# 10. An empty tokens-file: exit 2 and an annotation, not a lint of nothing.
run, _ = act(dict(inputs, **{"tokens-file": ""}))
check(run.status == 2 and "tokens-file is empty" in run.stdout, "an empty tokens-file is refused with exit 2", run.stdout)

# 11. A missing key file: jwtlint's own exit 2, passed on.
run, _ = act(dict(inputs, key="keys/missing.pem"))
check(run.status == 2 and run.outputs.get("exit-code") == "2", "a missing key file exits 2", run.steps[-1].stderr)

# 12. build-from-source: jwtlint built from the action's source with Swift gives the same annotations.
if source_build:
    run, work = act(dict(inputs, **{"build-from-source": "true", "download-url": ""}))
    status, expected = dev_lint(work, "--format", "github", "--profile", "auto", "--tokens-file", "samples/failing.txt",
                                "--key", "keys/TESTKEYA01.pub.pem", "--kid", "TESTKEYA01", "--now", "1767225600")
    check(run.steps[0].status == 0, "build-from-source builds jwtlint with Swift", run.steps[0].stderr[-2000:])
    check(run.status == 1 and run.step("lint") is not None and run.step("lint").stdout == expected,
          "jwtlint built from source prints the same annotations", run.stdout)
else:
    print("skip build-from-source: --no-source-build was given")

for folder in made:
    shutil.rmtree(folder, ignore_errors=True)
if failures:
    print(f"action check: FAILED: {len(failures)} of the checks above", file=sys.stderr)
    sys.exit(1)
print("action check: the action installs the release, checks its SHA-256 and prints jwtlint's annotations")
