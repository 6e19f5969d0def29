"""The README shows what `make demo` prints: the Makefile's demo commands are run as written
(in a scratch folder that links corpus/) and their output is compared with the README's
block, times and worker counts aside.

When the parser changes the counts, regenerate the block:
``.venv/bin/python tests/core/test_readme_demo.py --update``.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
#: The README's demo block: the fenced block after "`make demo` prints …:".
BLOCK = re.compile(r"(`make demo` prints.*?:\n\n```\n)(.*?)(```)", re.S)
#: What differs between runs and machines: "(2 workers, 3.1 s)".
VOLATILE = re.compile(r"\((\d+) workers, ([\d.]+) s\)")
#: The database file the demo writes (Makefile) and the README's examples read.
DEMO_DB = "demo_campaigns.sqlite"


def demo_commands() -> list[list[str]]:
    """The anquanyue-parse commands of the Makefile's demo recipe, in order."""
    lines, recipe = [], False
    for line in (ROOT / "Makefile").read_text("utf-8").splitlines():
        if re.match(r"^demo\s*:", line):
            recipe = True
            continue
        if recipe and not line.startswith("\t"):
            break
        if recipe and "anquanyue-parse" in line:
            args = shlex.split(line.strip())
            lines.append(args[1:])  # "$(BIN)/anquanyue-parse" -> this interpreter's module
    return lines


def run_demo() -> str:
    """The build summary the demo prints, run as the Makefile runs it (cwd with corpus/)."""
    commands = demo_commands()
    assert commands and commands[0][0] == "build", commands
    with tempfile.TemporaryDirectory(prefix="anquanyue-demo-") as tmp:
        os.symlink(ROOT / "corpus", Path(tmp) / "corpus")
        outputs = []
        for args in commands:
            p = subprocess.run([sys.executable, "-m", "anquanyue_parse", *args], cwd=tmp, capture_output=True,
                               text=True, timeout=900)
            assert p.returncode == 0, p.stderr[-2000:]
            outputs.append(p.stdout)
    return outputs[0]


def _mask(text: str) -> str:
    return VOLATILE.sub("(N workers, T s)", text.strip())


def readme_block() -> str:
    m = BLOCK.search(README.read_text("utf-8"))
    assert m, "README: no fenced block after '`make demo` prints:'"
    return m.group(2)


def test_readme_demo_summary_is_what_make_demo_prints():
    printed = run_demo()
    assert _mask(readme_block()) == _mask(printed), (
        "the README's demo summary differs from `make demo`: run "
        ".venv/bin/python tests/core/test_readme_demo.py --update")


def test_readme_examples_read_the_demo_database():
    text = README.read_text("utf-8")
    assert f"--db sqlite:///{DEMO_DB}" in (ROOT / "Makefile").read_text("utf-8")
    code = "\n".join(re.findall(r"```(?:python)?\n(.*?)```", text, re.S))
    named = set(re.findall(r"sqlite:///([\w.]+\.sqlite)", code))
    assert named == {DEMO_DB}, named  # every example opens the file the demo wrote


def update() -> None:
    printed = run_demo().strip() + "\n"
    text = README.read_text("utf-8")
    README.write_text(BLOCK.sub(lambda m: m.group(1) + printed + m.group(3), text, count=1), "utf-8")
    print(printed)


if __name__ == "__main__":  # pragma: no cover
    if sys.argv[1:] == ["--update"]:
        update()
    else:
        sys.exit("usage: tests/core/test_readme_demo.py --update")
