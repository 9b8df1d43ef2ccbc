"""Run the tutorial notebook top to bottom in the project's kernel, in a scratch folder laid out
like the checkout (so the files it writes land there), and optionally store its outputs.

    .venv/bin/python notebooks/execute.py            # run it; fail on the first error
    .venv/bin/python notebooks/execute.py --store    # run it and save it with its outputs (`make notebook`)
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

import nbformat
from nbclient import NotebookClient

ROOT = Path(__file__).resolve().parents[1]
NOTEBOOK = ROOT / "notebooks" / "timeline_demo.ipynb"


def execute(path: Path = NOTEBOOK) -> nbformat.NotebookNode:
    """The executed notebook; raises `nbclient.exceptions.CellExecutionError` on any error."""
    nb = nbformat.read(path, as_version=4)
    with tempfile.TemporaryDirectory(prefix="timeline-notebook-") as scratch:
        work = Path(scratch) / "notebooks"
        work.mkdir()
        for name in ("data", "docs"):  # what the notebook reads, by relative path
            (Path(scratch) / name).symlink_to(ROOT / name)
        # "python3" is the kernel of the interpreter running this (the venv's ipykernel)
        NotebookClient(nb, timeout=600, kernel_name="python3", allow_errors=False,
                       resources={"metadata": {"path": str(work)}}).execute(cwd=str(work))
    return nb


if __name__ == "__main__":
    executed = execute()
    if "--store" in sys.argv[1:]:
        nbformat.write(executed, NOTEBOOK)
        print(f"stored {NOTEBOOK.relative_to(ROOT)} with its outputs")
