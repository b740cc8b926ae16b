"""pyproject.toml against the code: no dependency declared but unused, none used but undeclared."""

from __future__ import annotations

import ast
import importlib.metadata
import re
import sys
import tomllib
from collections.abc import Iterable
from pathlib import Path

import pytest

from newsevents.config import Settings

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
SRC = ROOT / "src" / "newsevents"


def canonical(name: str) -> str:
    """A distribution name as packaging compares them (PEP 503)."""
    return re.sub(r"[-_.]+", "-", name).lower()


def distribution(requirement: str) -> str:
    return canonical(re.match(r"[A-Za-z0-9._-]+", requirement).group())


def modules_by_distribution() -> dict[str, set[str]]:
    """Top-level import names each installed distribution provides ("pyyaml" -> {"yaml"})."""
    provided: dict[str, set[str]] = {}
    for module, names in importlib.metadata.packages_distributions().items():
        for name in names:
            provided.setdefault(canonical(name), set()).add(module)
    return provided


def imported_modules(root: Path, *, module_level_only: bool = False) -> set[str]:
    """Top-level names of the absolute imports in the .py files under ``root``; with
    ``module_level_only``, not those inside functions, ``try`` or ``if`` (optional imports)."""
    found: set[str] = set()
    for path in root.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        nodes = tree.body if module_level_only else ast.walk(tree)
        for node in nodes:
            if isinstance(node, ast.Import):
                found.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
                found.add(node.module.split(".")[0])
    return found


def unused_dependencies(requirements: Iterable[str], used: set[str]) -> list[str]:
    """Requirements none of whose modules is in ``used`` (spaCy models count as used when
    loaded by name, so ``used`` includes the model names of :class:`Settings`)."""
    provided = modules_by_distribution()
    names = [distribution(requirement) for requirement in requirements]
    return [name for name in names
            if not provided.get(name, {name.replace("-", "_")}) & used]


def undeclared_imports(requirements: Iterable[str], imported: set[str]) -> list[str]:
    """Third-party modules imported but provided by no declared requirement."""
    provided = modules_by_distribution()
    declared = set().union(*(provided.get(distribution(r), set()) for r in requirements))
    third_party = imported - set(sys.stdlib_module_names) - {"newsevents", "__future__"}
    return sorted(third_party - declared)


RUNTIME = PYPROJECT["project"]["dependencies"]
USED_AT_RUNTIME = imported_modules(SRC) | set(Settings().model_names)


def test_every_runtime_dependency_is_imported_or_loaded_as_a_model():
    assert unused_dependencies(RUNTIME, USED_AT_RUNTIME) == []


def test_every_test_dependency_is_imported_by_the_tests():
    test_extra = PYPROJECT["project"]["optional-dependencies"]["test"]
    assert unused_dependencies(test_extra, imported_modules(ROOT / "tests")) == []


def test_the_dask_extra_is_imported_by_the_engine_and_only_lazily():
    """The `dask` extra is used through `distributed`, the distribution its requirement's own
    extra names (dask[distributed]); imported inside functions only, so that newsevents imports
    without the extra (the runtime checks above therefore do not see it)."""
    assert PYPROJECT["project"]["optional-dependencies"]["dask"] == ["dask[distributed]>=2024.8"]
    assert unused_dependencies(["distributed"], imported_modules(SRC)) == []
    assert "distributed" not in imported_modules(SRC, module_level_only=True)


@pytest.mark.parametrize("extra", ["dateparser>=1.2", "pyyaml>=6.0"])
def test_an_unused_dependency_is_reported(extra: str):
    assert unused_dependencies([*RUNTIME, extra], USED_AT_RUNTIME) == [distribution(extra)]


def test_every_module_level_third_party_import_is_declared():
    imported = imported_modules(SRC, module_level_only=True)
    assert undeclared_imports(RUNTIME, imported) == []


def test_an_undeclared_import_is_reported():
    without_lxml = [r for r in RUNTIME if distribution(r) != "lxml"]
    assert undeclared_imports(without_lxml, {"lxml", "json", "newsevents"}) == ["lxml"]


def test_the_spacy_factory_entry_point_is_declared_and_installed():
    declared = PYPROJECT["project"]["entry-points"]["spacy_factories"]
    assert declared == {"newsevents": "newsevents.component:make_newsevents"}
    installed = importlib.metadata.entry_points(group="spacy_factories", name="newsevents")
    assert [point.value for point in installed] == [declared["newsevents"]], (
        "the installed metadata is stale: reinstall (make test does it when pyproject changes)")
    # spaCy imports every spacy_factories entry point whenever it builds a pipeline, so a
    # factory that does not import breaks every spacy.load in this environment
    assert callable(installed["newsevents"].load())
