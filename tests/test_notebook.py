"""The tutorial notebook: stored with its outputs (a code host shows them), and run again here
top to bottom in the project's kernel, failing on any error (`notebooks/execute.py`)."""
from __future__ import annotations

import importlib.util
import re
from pathlib import Path

import nbformat

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "timeline_demo.ipynb"
QUERIES = ('tl.met("高市", "Trump")', 'tl.of("习近平", "2025-01-01", "2025-12-31")', 'tl.at("北京")')


def _load_executor():
    spec = importlib.util.spec_from_file_location("notebook_execute", ROOT / "notebooks" / "execute.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _outputs(nb) -> list:
    return [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]


def _check_outputs(nb) -> None:
    """What a reader must see: the table, the chart and the graph as pictures, the map, three answers."""
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert all(c.outputs for c in code), "every code cell shows something"
    assert [c.execution_count for c in code] == list(range(1, len(code) + 1))
    outputs = _outputs(nb)
    assert not [o for o in outputs if o.output_type == "error"]
    assert len([o for o in outputs if "image/png" in o.get("data", {})]) >= 2  # the chart and the graph
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("vis.Network" in h for h in html)  # the interactive graph
    assert any("tl-marker" in h or "tl-marker" in h.replace("&quot;", '"') for h in html) or any(
        "leaflet" in h.lower() for h in html)  # the map
    by_source = {c.source.strip(): c for c in code}
    for query in QUERIES:
        cell = by_source[query]  # typed as a reader would, alone in its cell
        table = cell.outputs[0]["data"]["text/html"]
        assert "<table" in table and table.count("<tr>") >= 2, query
    assert "高市早苗" in by_source[QUERIES[0]].outputs[0]["data"]["text/html"]


def test_notebook_is_stored_with_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    _check_outputs(nb)
    for match in re.findall(r"\]\((\.\./[^)]+\.png)\)", "\n".join(c.source for c in nb.cells)):
        assert (NOTEBOOK.parent / match).is_file(), match  # the pictures shown to readers without scripts


def test_notebook_runs_without_error():
    nb = _load_executor().execute(NOTEBOOK)  # raises on the first failing cell
    _check_outputs(nb)
