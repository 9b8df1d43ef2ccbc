"""Atomic output files: whole or absent, with ordinary permissions."""
from __future__ import annotations


def test_outputs_are_readable_like_any_file(tmp_path):
    """Atomic writes keep the usual permissions (umask), not a temporary file's private 0600."""
    import os
    import stat

    from timeline.atomic import atomic_write

    out = tmp_path / "events.jsonl"
    atomic_write(out, "{}\n")
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(out.stat().st_mode) == 0o666 & ~umask
    assert out.read_text() == "{}\n"
