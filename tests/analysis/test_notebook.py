"""docs/notebooks/compare_themes.ipynb runs headless (nbclient, python3 kernel) end to end."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
NOTEBOOK = ROOT / "docs" / "notebooks" / "compare_themes.ipynb"
FIGURES = ("theme_timeline.png", "keyword_heatmap.png", "activity_mix.png")

nbformat = pytest.importorskip("nbformat", reason="the notebook test needs the 'analysis' extra")
nbclient = pytest.importorskip("nbclient", reason="the notebook test needs the 'analysis' extra")


def _kernel_name() -> str:
    from jupyter_client.kernelspec import KernelSpecManager

    specs = KernelSpecManager().find_kernel_specs()  # ipykernel's own python3 spec is always offered
    if "python3" not in specs:
        pytest.skip("no python3 Jupyter kernel: install ipykernel (the 'analysis' extra)")
    return "python3"


@pytest.mark.slow
def test_notebook_runs_and_exports_its_figures(tmp_path, monkeypatch):
    monkeypatch.setenv("ANQUANYUE_FIGURES_DIR", str(tmp_path))  # the committed figures stay untouched
    monkeypatch.setenv("ANQUANYUE_WORK_DIR", str(tmp_path))
    nb = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(nb, kernel_name=_kernel_name(), timeout=300,
                                     resources={"metadata": {"path": str(NOTEBOOK.parent)}})
    client.execute()  # raises CellExecutionError on the first failing cell
    for name in FIGURES:
        assert (tmp_path / name).read_bytes()[:4] == b"\x89PNG", name
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert sum("image/png" in o.get("data", {}) for o in outputs) == len(FIGURES)
    text = "\n".join(o.get("text", "") for o in outputs if o.output_type == "stream")
    assert "Build summary" in text and "failed" in text
    assert (tmp_path / "campaigns.sqlite").is_file() and (tmp_path / "review.html").is_file()
    assert not [o for o in outputs if o.output_type == "error"]


def test_committed_notebook_has_no_outputs_and_the_readme_shows_its_figures():
    nb = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code")
    readme = (ROOT / "README.md").read_text("utf-8")
    for name in FIGURES:
        assert (ROOT / "docs" / "figures" / name).is_file()
        assert f"docs/figures/{name}" in readme
