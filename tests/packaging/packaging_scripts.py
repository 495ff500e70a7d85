"""Loading the scripts in packaging/ (a folder of scripts: the name `packaging` is PyPI's)."""

import importlib.util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"


def load(name: str):
    spec = importlib.util.spec_from_file_location(
        f"omroeper_packaging_{name}", PACKAGING / f"{name}.py"
    )
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_path(path: Path, name: str):
    """A script elsewhere in packaging/ (packaging/windows/wine_build.py)."""
    spec = importlib.util.spec_from_file_location(f"omroeper_packaging_{name}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
