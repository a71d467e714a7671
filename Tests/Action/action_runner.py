"""Runs a composite GitHub Action's steps on this machine, as GitHub's runner would, for Tests/Action/check.py.

What it mirrors of the runner: inputs with their defaults from action.yml; `${{ inputs.X }}`,
`${{ github.action_repository }}` and `${{ steps.ID.outputs.X }}` in env and outputs; each `run` step written to a
file and run with `bash --noprofile --norc -eo pipefail FILE` in the workspace; GITHUB_ACTION_PATH, RUNNER_TEMP,
GITHUB_PATH (added to PATH for later steps), GITHUB_ENV and GITHUB_OUTPUT; a failing step skips the rest. Anything
else (another expression, an `if:`, a `uses:` step, another shell, an unknown input) is refused, so that the action
cannot grow something this runner would silently get wrong.
"""
import os
import re
import subprocess
import tempfile

import yaml

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")


class ActionError(Exception):
    pass


class StepResult:
    def __init__(self, name, status, stdout, stderr, outputs):
        self.name, self.status, self.stdout, self.stderr, self.outputs = name, status, stdout, stderr, outputs


class ActionRun:
    def __init__(self, steps, outputs):
        self.steps = steps
        self.outputs = outputs

    @property
    def status(self):
        failed = [step.status for step in self.steps if step.status != 0]
        return failed[0] if failed else 0

    @property
    def stdout(self):
        return "".join(step.stdout for step in self.steps)

    def step(self, step_id_or_name):
        return next((s for s in self.steps if s.name == step_id_or_name), None)


def run_action(action_dir, inputs, workspace, temp, base_path, action_repository="", extra_env=None):
    with open(os.path.join(action_dir, "action.yml")) as file:
        action = yaml.safe_load(file)
    if action.get("runs", {}).get("using") != "composite":
        raise ActionError("only composite actions are run here")
    declared = action.get("inputs", {})
    unknown = set(inputs) - set(declared)
    if unknown:
        raise ActionError(f"inputs the action does not declare: {sorted(unknown)}")
    values = {name: str(spec.get("default", "")) for name, spec in declared.items()}
    values.update({name: str(value) for name, value in inputs.items()})
    step_outputs = {}

    def evaluate(text):
        def replace(match):
            expression = match.group(1)
            parts = expression.split(".")
            if len(parts) == 2 and parts[0] == "inputs" and parts[1] in values:
                return values[parts[1]]
            if expression == "github.action_repository":
                return action_repository
            if len(parts) == 4 and parts[0] == "steps" and parts[2] == "outputs":
                return step_outputs.get(parts[1], {}).get(parts[3], "")
            raise ActionError(f"an expression this runner does not evaluate: {expression}")
        return EXPRESSION.sub(replace, str(text))

    path_additions = []
    exported = {}
    results = []
    for index, step in enumerate(action["runs"]["steps"]):
        extra = set(step) - {"name", "id", "shell", "env", "run"}
        if extra:
            raise ActionError(f"step {index} has {sorted(extra)}, which this runner does not mirror")
        if step.get("shell") != "bash":
            raise ActionError(f"step {index} is not a bash step")
        if EXPRESSION.search(step["run"]):
            raise ActionError(f"step {index} puts an expression in run:; pass it through env: instead")
        name = step.get("id") or step.get("name") or str(index)
        with tempfile.TemporaryDirectory(dir=temp) as files:
            script = os.path.join(files, "step.sh")
            with open(script, "w") as file:
                file.write(step["run"])
            github_path, github_env, github_output = (os.path.join(files, n) for n in ("path", "env", "output"))
            for created in (github_path, github_env, github_output):
                open(created, "w").close()
            env = {
                "PATH": os.pathsep.join(list(reversed(path_additions)) + [base_path]),
                "HOME": os.environ.get("HOME", "/root"),
                "LANG": "C.UTF-8",
                "CI": "true",
                "GITHUB_ACTIONS": "true",
                "GITHUB_ACTION_PATH": action_dir,
                "GITHUB_WORKSPACE": workspace,
                "GITHUB_SERVER_URL": "https://github.com",
                "GITHUB_PATH": github_path,
                "GITHUB_ENV": github_env,
                "GITHUB_OUTPUT": github_output,
                "RUNNER_TEMP": temp,
                "RUNNER_OS": "Linux",
            }
            env.update(extra_env or {})
            env.update(exported)
            env.update({key: evaluate(value) for key, value in (step.get("env") or {}).items()})
            process = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=workspace,
                                     env=env, capture_output=True, text=True, timeout=1800)
            outputs = read_pairs(github_output)
            path_additions += [line for line in open(github_path).read().splitlines() if line]
            exported.update(read_pairs(github_env))
        step_outputs[name] = outputs
        results.append(StepResult(name, process.returncode, process.stdout, process.stderr, outputs))
        if process.returncode != 0:
            break
    action_outputs = {name: evaluate(spec.get("value", "")) for name, spec in (action.get("outputs") or {}).items()}
    return ActionRun(results, action_outputs)


def read_pairs(path):
    pairs = {}
    for line in open(path).read().splitlines():
        if not line:
            continue
        if "<<" in line.split("=", 1)[0] or "=" not in line:
            raise ActionError(f"a line this runner does not read in {os.path.basename(path)}: {line!r}")
        key, value = line.split("=", 1)
        pairs[key] = value
    return pairs
