"""The demo notebook runs top to bottom, headless, in the project's kernel (cwd: notebooks/)."""
from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "timeline_demo.ipynb"


def test_notebook_is_stored_without_outputs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None
    assert any('timeline.extract(SAMPLES)' in c.source for c in nb.cells)


def test_notebook_runs():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    # "python3" is the kernel of the interpreter running the tests (the venv's ipykernel)
    client = NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=False,
                            resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute(cwd=str(NOTEBOOK.parent))
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    text = "\n".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert " events from " in text
    images = [o for o in outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 2  # the timeline chart and the static graph
    html = [o["data"]["text/html"] for o in outputs if "text/html" in o.get("data", {})]
    assert any("<iframe srcdoc=" in h and "vis.Network" in h for h in html)
    met_tables = [h for h in html if "evidence" in h]
    assert len(met_tables) >= 3  # three who-met-whom answers
