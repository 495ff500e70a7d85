"""The tree itself: folders stay small and say what they hold, tests mirror the package, and the
docs point at files and names that exist.

Each check is a function of a root folder, so it runs on this repository and, to show that it
can fail at all, on a small broken tree in a temporary folder.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
MOST_MODULES = 20  # per folder: more, and a concern is waiting to become a package
# folders under tests/core and tests/ui that hold helpers rather than mirror a package
SUPPORT_FOLDERS = {"__pycache__", "support", "fixtures", "data"}
# folders of composer/ that hold no Python (data shipped with the package)
DATA_FOLDERS = {"resources"}
# A docs section whose heading starts like this describes work not merged yet: its names are
# checked once the section is rewritten as the code is.
PENDING_HEADING = "Under way"

# -- the checks ------------------------------------------------------------------------------


def _packages(root: Path) -> list[Path]:
    """Every folder of composer/ that holds Python: each must be a package."""
    base = root / "composer"
    return sorted(
        folder
        for folder in [base, *base.rglob("*")]
        if folder.is_dir()
        and folder.name != "__pycache__"
        and not DATA_FOLDERS & set(folder.relative_to(base).parts)
    )


def crowded_folders(root: Path) -> list[str]:
    return [
        f"{folder.relative_to(root)}: {count} modules"
        for folder in _packages(root)
        if (count := len(list(folder.glob("*.py")))) > MOST_MODULES
    ]


_SENTENCE = re.compile(r"\w[^.!?]*\s\w[^.!?]*[.!?](\s|$)")  # two words or more, then a stop


def undescribed_packages(root: Path) -> list[str]:
    """Packages without an __init__.py whose docstring says, in a sentence, what lives there."""
    problems = []
    for folder in _packages(root):
        init = folder / "__init__.py"
        name = str(folder.relative_to(root))
        if not init.is_file():
            problems.append(f"{name}: no __init__.py")
            continue
        docstring = ast.get_docstring(ast.parse(init.read_text(encoding="utf-8"))) or ""
        if not _SENTENCE.search(docstring):
            problems.append(f"{name}: __init__.py has no docstring of a sentence")
    return problems


def unmirrored_test_folders(root: Path) -> list[str]:
    """tests/core/X and tests/ui/X must be composer/core/X and composer/ui/X, packages both."""
    problems = []
    for layer in ("core", "ui"):
        tests = root / "tests" / layer
        for folder in sorted(p for p in tests.rglob("*") if p.is_dir()):
            relative = folder.relative_to(tests)
            if SUPPORT_FOLDERS & set(relative.parts):
                continue
            if not (root / "composer" / layer / relative / "__init__.py").is_file():
                problems.append(f"tests/{layer}/{relative.as_posix()}: no composer/{layer} package")
    return problems


def documents(root: Path) -> list[Path]:
    return [root / "README.md", *sorted((root / "docs").glob("*.md"))]


_LINK = re.compile(r"!?\[[^\]]*\]\(([^)\s]+)\)")


def _current_text(text: str) -> str:
    """The document without its sections on work not merged yet (see PENDING_HEADING)."""
    kept, skipping = [], False
    for line in text.splitlines():
        if line.startswith("#"):
            skipping = line.lstrip("#").strip().startswith(PENDING_HEADING)
        if not skipping:
            kept.append(line)
    return "\n".join(kept)


def broken_links(root: Path) -> list[str]:
    """Links in the README and docs/*.md to files of this repository that do not exist."""
    problems = []
    for document in documents(root):
        for target in _LINK.findall(document.read_text(encoding="utf-8")):
            if re.match(r"[a-z][a-z0-9+.-]*:", target) or target.startswith("#"):
                continue  # a web address, mailto:, or a place in the same page
            path = target.split("#", 1)[0]
            if not (document.parent / path).exists():
                problems.append(f"{document.relative_to(root)}: {target}")
    return problems


# `core/store/`, `composer/ui/tasks.py`, `tests/support/`, `ui/publish/rows.destination_name`,
# `core/images/header.py: read_photo`
_CODE_PATH = re.compile(r"`((?:composer|core|ui|cli|i18n|tests)/[\w/.]*)(?:: (\w+))?`")
_PLACEHOLDER = re.compile(r"[<>…*]")


def _defines(module: Path, name: str) -> bool:
    tree = ast.parse(module.read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef | ast.ClassDef):
            found = {node.name}
        elif isinstance(node, ast.Assign):
            found = {target.id for target in node.targets if isinstance(target, ast.Name)}
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            found = {node.target.id}
        else:
            continue
        if name in found:
            return True
    return False


def _mentioned_exists(root: Path, mention: str, name: str) -> bool:
    path = mention if mention.startswith(("composer/", "tests/")) else f"composer/{mention}"
    dotted = "." in Path(path).name and not path.endswith(".py")
    if dotted and not name and not (root / path).exists():
        path, name = path.rsplit(".", 1)  # `ui/publish/rows.destination_name`
        path += ".py"
    if not name:
        return (root / path).exists()
    return (root / path).is_file() and _defines(root / path, name)


def missing_code_paths(root: Path) -> list[str]:
    """Folders, modules and module.names the docs mention in backticks, that do not exist."""
    problems = []
    for document in documents(root):
        text = _current_text(document.read_text(encoding="utf-8"))
        for mention, name in _CODE_PATH.findall(text):
            if not _PLACEHOLDER.search(mention) and not _mentioned_exists(root, mention, name):
                shown = f"{mention}: {name}" if name else mention
                problems.append(f"{document.relative_to(root)}: {shown}")
    return problems


# -- on this repository ----------------------------------------------------------------------


def test_no_folder_holds_more_than_twenty_modules():
    assert len(_packages(ROOT)) > 20, "the packages of composer/ were not found"
    assert crowded_folders(ROOT) == []


def test_every_package_says_what_lives_in_it():
    assert undescribed_packages(ROOT) == []


def test_the_tests_mirror_the_package():
    assert (ROOT / "tests" / "core" / "store").is_dir(), "the mirrored tests were not found"
    assert unmirrored_test_folders(ROOT) == []


def test_the_docs_links_to_repository_files_resolve():
    assert {"architecture.md", "design.md", "platform-facts.md"} <= {
        document.name for document in documents(ROOT)
    }
    assert broken_links(ROOT) == []


def test_the_modules_and_names_the_docs_mention_exist():
    assert missing_code_paths(ROOT) == []


_BARE_CITATION = re.compile(r"(?<![\w/-])(design|platform-facts)\.md")


def outside_citations(root: Path) -> list[str]:
    """The code and the README cite docs/design.md and docs/platform-facts.md by their place in
    the project: not a copy outside it (`../shared/docs/`), nor a bare name found nowhere."""
    problems = []
    for path in [*root.glob("composer/**/*.py"), *documents(root)]:
        text = path.read_text(encoding="utf-8")
        bare = path.parent != root / "docs" and _BARE_CITATION.search(text)
        if "shared/docs" in text or "../shared" in text or bare:
            problems.append(str(path.relative_to(root)))
    return problems


def test_the_docs_are_cited_inside_the_project():
    assert outside_citations(ROOT) == []


# -- on a broken tree: every check can fail --------------------------------------------------


def _write(root: Path, relative: str, text: str = "") -> None:
    path = root / relative
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")


def test_a_crowded_folder_is_found(tmp_path):
    _write(tmp_path, "composer/__init__.py", '"""The app, in one package."""\n')
    for number in range(MOST_MODULES):
        _write(tmp_path, f"composer/ui/part_{number}.py")
    _write(tmp_path, "composer/ui/__init__.py", '"""All the parts of the window."""\n')
    assert crowded_folders(tmp_path) == ["composer/ui: 21 modules"]


def test_a_package_without_a_docstring_or_init_is_found(tmp_path):
    _write(tmp_path, "composer/__init__.py", '"""The app, in one package."""\n')
    _write(tmp_path, "composer/core/__init__.py", '"""Core"""\n')  # a word, not a sentence
    _write(tmp_path, "composer/core/store/store.py")
    _write(tmp_path, "composer/core/text/__init__.py", "X = 1\n")
    _write(tmp_path, "composer/resources/icons/icon.svg", "<svg/>")  # data: no package needed
    assert undescribed_packages(tmp_path) == [
        "composer/core: __init__.py has no docstring of a sentence",
        "composer/core/store: no __init__.py",
        "composer/core/text: __init__.py has no docstring of a sentence",
    ]


def test_a_test_folder_without_its_package_is_found(tmp_path):
    _write(tmp_path, "composer/core/store/__init__.py")
    _write(tmp_path, "composer/ui/__init__.py")
    _write(tmp_path, "tests/core/store/test_store.py")
    _write(tmp_path, "tests/core/storage/test_old_name.py")  # the package was renamed
    _write(tmp_path, "tests/ui/window/test_window.py")  # the module moved, the test did not
    _write(tmp_path, "tests/ui/support/helpers.py")
    assert unmirrored_test_folders(tmp_path) == [
        "tests/core/storage: no composer/core package",
        "tests/ui/window: no composer/ui package",
    ]


def test_a_broken_docs_link_is_found(tmp_path):
    _write(tmp_path, "docs/webhook.md", "# Webhook\n")
    _write(
        tmp_path,
        "README.md",
        "See [the webhook](docs/webhook.md#signing), [gone](docs/design.md),"
        " ![shot](docs/screenshots/a.png) and [a site](https://example.org/x.md).\n",
    )
    _write(tmp_path, "docs/architecture.md", "[up](../README.md), [x](../composer/gone.py)\n")
    assert broken_links(tmp_path) == [
        "README.md: docs/design.md",
        "README.md: docs/screenshots/a.png",
        "docs/architecture.md: ../composer/gone.py",
    ]


def test_a_module_or_name_the_docs_mention_that_is_gone_is_found(tmp_path):
    _write(tmp_path, "composer/core/store/store.py", "class Store:\n    pass\n")
    _write(tmp_path, "composer/ui/publish/rows.py", "def destination_name():\n    pass\n")
    _write(tmp_path, "README.md", "")
    _write(
        tmp_path,
        "docs/architecture.md",
        "`core/store/` and `core/store/store.py` and `ui/publish/rows.destination_name`\n"
        "`core/store.py` (the old place), `ui/publish/rows.row_name`, `tests/support/`,\n"
        "`core/store/store.py: Store`, `core/store/store.py: Shop`\n"
        "`core/destinations/<name>/`\n"
        "## Under way\n"
        "`ui/tasks_pool.py`\n"
        "## After\n"
        "`ui/window/state.py`\n",
    )
    assert missing_code_paths(tmp_path) == [
        "docs/architecture.md: core/store.py",
        "docs/architecture.md: ui/publish/rows.row_name",
        "docs/architecture.md: tests/support/",
        "docs/architecture.md: core/store/store.py: Shop",
        "docs/architecture.md: ui/window/state.py",
    ]


def test_a_citation_of_the_docs_outside_the_project_is_found(tmp_path):
    _write(tmp_path, "README.md", "See [the design](docs/design.md).\n")
    _write(tmp_path, "docs/draft-file.md", "As in [`design.md`](design.md).\n")
    _write(tmp_path, "composer/core/platforms.py", '"""The defaults from platform-facts.md."""\n')
    _write(tmp_path, "composer/core/drafts/file.py", '"""See ../shared/docs/design.md."""\n')
    _write(tmp_path, "composer/core/store/rows.py", '"""See docs/design.md."""\n')
    assert sorted(outside_citations(tmp_path)) == [
        "composer/core/drafts/file.py",
        "composer/core/platforms.py",
    ]
