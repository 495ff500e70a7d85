"""The installers workflow, checked here where no Windows or macOS runner exists.

The GitHub workflow schema (vendored in check-jsonschema, so offline), the inputs each action
really has, the expressions GitHub refuses, the shell syntax of every bash step, and that each
platform builds and smoke-tests the one spec.
"""

import re
import subprocess
import sys

from ruamel.yaml import YAML

from tests.packaging.packaging_scripts import ROOT

WORKFLOW = ROOT / ".github" / "workflows" / "installers.yml"
ISS = ROOT / "packaging" / "windows" / "omroeper.iss"
SCHEMA = "vendor.github-workflows"

# Inputs from each action's action.yml at that major version. A new action or version must be
# added here, after reading its action.yml: a misspelt input is otherwise silently ignored.
ACTIONS = {
    "actions/checkout@v5": {
        "optional": {
            "repository", "ref", "token", "ssh-key", "ssh-known-hosts", "ssh-strict", "ssh-user",
            "persist-credentials", "path", "clean", "filter", "sparse-checkout",
            "sparse-checkout-cone-mode", "fetch-depth", "fetch-tags", "show-progress", "lfs",
            "submodules", "set-safe-directory", "github-server-url",
        },
        "required": set(),
    },
    "actions/setup-python@v6": {
        "optional": {
            "python-version", "python-version-file", "cache", "architecture", "check-latest",
            "token", "cache-dependency-path", "update-environment", "allow-prereleases",
            "freethreaded", "pip-version", "pip-install",
        },
        "required": set(),
    },
    "actions/upload-artifact@v6": {
        "optional": {
            "name", "if-no-files-found", "retention-days", "compression-level", "overwrite",
            "include-hidden-files",
        },
        "required": {"path"},
    },
}  # fmt: skip


def _workflow(text=None):
    return YAML(typ="safe").load(text if text is not None else WORKFLOW.read_text("utf-8"))


def _steps():
    for name, job in _workflow()["jobs"].items():
        for step in job["steps"]:
            yield name, job, step


def _schema_check(path):
    return subprocess.run(
        [sys.executable, "-m", "check_jsonschema", "--builtin-schema", SCHEMA, str(path)],
        capture_output=True,
        text=True,
        check=False,
        timeout=120,
    )


def test_the_workflow_is_valid_by_githubs_schema():
    result = _schema_check(WORKFLOW)
    assert result.returncode == 0, result.stdout + result.stderr


def test_the_schema_check_catches_a_broken_workflow(tmp_path):
    broken = tmp_path / "installers.yml"
    broken.write_text(WORKFLOW.read_text("utf-8").replace("runs-on:", "run-on:", 1), "utf-8")
    assert _schema_check(broken).returncode != 0


def test_every_action_is_known_and_given_only_its_own_inputs():
    for job, _job, step in _steps():
        if "uses" not in step:
            continue
        assert step["uses"] in ACTIONS, f"{job}: {step['uses']} is not in ACTIONS"
        given = set(step.get("with", {}))
        known = ACTIONS[step["uses"]]
        assert given <= known["optional"] | known["required"], f"{job}: {step['uses']} {given}"
        assert known["required"] <= given, f"{job}: {step['uses']} needs {known['required']}"


def test_secrets_reach_steps_only_through_env():
    # GitHub rejects `secrets` in a step's `if:`; the jobs turn them into env flags instead
    workflow = _workflow()
    for job, job_definition, step in _steps():
        condition = str(step.get("if", ""))
        assert "secrets." not in condition, f"{job}: {condition}"
        for flag in re.findall(r"env\.(\w+)", condition):
            assert flag in job_definition.get("env", {}) | workflow.get("env", {}), (job, flag)


def test_every_platform_builds_and_smoke_tests_the_one_spec():
    jobs = _workflow()["jobs"]
    runners = {name: str(job["runs-on"]) for name, job in jobs.items()}
    assert runners["linux"].startswith("ubuntu") and runners["windows"].startswith("windows")
    assert {entry["runner"] for entry in jobs["macos"]["strategy"]["matrix"]["include"]} >= {
        "macos-latest"
    }
    for name, job in jobs.items():
        scripts = "\n".join(step.get("run", "") for step in job["steps"])
        assert "python packaging/build.py" in scripts, name
        assert "python packaging/smoke_test.py" in scripts, name
        assert any(
            step.get("uses", "").startswith("actions/upload-artifact") for step in job["steps"]
        )
    windows = "\n".join(step.get("run", "") for step in jobs["windows"]["steps"])
    assert "packaging\\windows\\omroeper.iss" in windows
    for flag in ("/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "unins000.exe"):
        assert flag in windows
    macos = "\n".join(step.get("run", "") for step in jobs["macos"]["steps"])
    assert "packaging/macos/make_dmg.sh" in macos and "notarytool submit" in macos


def test_the_files_the_workflow_runs_exist():
    text = WORKFLOW.read_text("utf-8")
    paths = set(re.findall(r"packaging[/\\][\w./\\-]+\.\w+", text))
    assert len(paths) >= 5
    for path in paths:
        assert (ROOT / path.replace("\\", "/")).is_file(), path


def test_the_installer_gets_every_define_it_declares():
    declared = set(re.findall(r"#ifndef (\w+)", ISS.read_text("utf-8")))
    windows = "\n".join(step.get("run", "") for step in _workflow()["jobs"]["windows"]["steps"])
    passed = set(re.findall(r'"/D(\w+)=', windows))
    assert (
        declared == passed == {"AppVersion", "NumericVersion", "SourceDir", "OutputDir", "IconFile"}
    )


def _bash_steps():
    workflow = _workflow()
    for name, job in workflow["jobs"].items():
        shell = job.get("defaults", {}).get("run", {}).get("shell", "bash")
        for step in job["steps"]:
            if "run" in step and step.get("shell", shell) == "bash":
                yield f"{name}: {step.get('name', step['run'][:30])}", step["run"]


def test_the_dmg_script_is_valid_bash():
    script = ROOT / "packaging" / "macos" / "make_dmg.sh"
    result = subprocess.run(
        ["bash", "-n", str(script)], capture_output=True, text=True, check=False
    )
    assert result.returncode == 0, result.stderr


def test_every_bash_step_is_valid_bash():
    steps = list(_bash_steps())
    assert len(steps) >= 8
    for name, script in steps:
        plain = re.sub(r"\$\{\{.*?\}\}", "x", script)  # GitHub fills these in before bash runs
        result = subprocess.run(
            ["bash", "-n"], input=plain, capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, f"{name}: {result.stderr}"


def test_bash_syntax_check_can_fail():
    result = subprocess.run(
        ["bash", "-n"], input="if true; then echo", capture_output=True, text=True, check=False
    )
    assert result.returncode != 0
