"""A machine with only Python: the CJK font comes from PyPI and reaches every program that
draws Chinese; skips are listed in one block at the end and fail a CI run."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest

from anquanyue_parse.fonts import cjk_font_file, fontconfig_env, packaged_cjk_font

ROOT = Path(__file__).resolve().parents[2]
#: Characters of the corpus's commonest words, traditional forms and full-width punctuation.
NEEDED_GLYPHS = "安全生产月活动方案通知应急管理局人人讲个会畅通生命道萬裡行閱讀“”《》、，。：（）〔〕"


def test_the_packaged_font_is_installed_and_covers_chinese():
    from fontTools.ttLib import TTCollection

    path = packaged_cjk_font()
    assert path is not None, "the 'analysis' extra installs noto-cjk-sans-otc"
    faces = {f["name"].getDebugName(1): f for f in TTCollection(str(path)).fonts}
    assert "Noto Sans CJK SC" in faces
    cmap = faces["Noto Sans CJK SC"].getBestCmap()
    assert [ch for ch in NEEDED_GLYPHS if ord(ch) not in cmap] == []
    assert cjk_font_file() == path  # preferred to a system font


@pytest.mark.skipif(shutil.which("fc-list") is None, reason="fc-list (fontconfig) is not installed")
def test_fontconfig_programs_see_the_packaged_font(tmp_path):
    env = fontconfig_env(tmp_path / "fc", {"PATH": "/usr/bin:/bin", "HOME": str(tmp_path)})
    out = subprocess.run(["fc-list", ":lang=zh", "file"], env=env, capture_output=True, text=True,
                         check=True, timeout=120).stdout
    assert str(packaged_cjk_font()) in out


def test_a_scan_drawn_with_the_font_has_ink_and_no_text_layer():
    import pdfplumber

    from tests.loaders.pdfgen import scanned_text_pdf

    data = scanned_text_pdf(["关于开展2024年“安全生产月”活动的通知", "人人讲安全、个个会应急"])
    with pdfplumber.open(io.BytesIO(data)) as doc:
        page = doc.pages[0]
        assert (page.extract_text() or "") == "" and len(page.images) == 1
        img = page.images[0]["stream"].get_data()
    dark = sum(1 for b in img if b < 128)
    assert 2_000 < dark < len(img) // 20  # strokes of ~30 characters: ink, not a black page


def _run_pytest(tmp_path: Path, test_body: str, ci: bool) -> subprocess.CompletedProcess:
    (tmp_path / "conftest.py").write_text((ROOT / "tests" / "conftest.py").read_text("utf-8"), "utf-8")
    (tmp_path / "test_one.py").write_text(test_body, "utf-8")
    env = {"PATH": "/usr/bin:/bin", "CI": "true" if ci else "false"}
    import sys

    return subprocess.run([sys.executable, "-m", "pytest", "-p", "no:cacheprovider", "--rootdir", str(tmp_path),
                           str(tmp_path)], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)


SKIPPING = '''
import pytest

def test_ok():
    pass

@pytest.mark.parametrize("n", [1, 2])
def test_needs_a_program(n):
    pytest.skip("missing system package: apt-get install foo (bar)")

@pytest.mark.skipif(True, reason="missing system package: apt-get install baz (qux)")
def test_marked():
    pass

@pytest.mark.xfail(strict=True)
def test_known_failure():
    assert False
'''


def test_skips_are_listed_in_one_block_at_the_end(tmp_path):
    proc = _run_pytest(tmp_path, SKIPPING, ci=False)
    assert proc.returncode == 0, proc.stdout
    block = proc.stdout[proc.stdout.index("skipped: 3 tests, by reason"):]
    assert "   2  missing system package: apt-get install foo (bar)" in block
    assert "   1  missing system package: apt-get install baz (qux)" in block
    assert "xfail" not in block.split("\n", 3)[1]


def test_a_skip_fails_a_ci_run(tmp_path):
    proc = _run_pytest(tmp_path, SKIPPING, ci=True)
    assert proc.returncode == 1, proc.stdout
    assert "CI=true: a skipped test fails the run" in proc.stdout
    proc = _run_pytest(tmp_path, "def test_ok():\n    pass\n", ci=True)
    assert proc.returncode == 0, proc.stdout
