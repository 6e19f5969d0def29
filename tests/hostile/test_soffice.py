"""LibreOffice runs with a timeout (its whole process group killed), a throw-away profile
whose settings forbid macros and link updates, reset before every conversion."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from anquanyue_parse import Limits, TooLarge
from anquanyue_parse.limits import use_limits
from anquanyue_parse.loaders import legacy
from tests.loaders import generate as gen

#: A stand-in soffice: starts a child that outlives it unless its group is killed, then hangs.
HANGING_SOFFICE = """#!/bin/sh
sleep 300 &
echo $! > "{pidfile}"
sleep 300
"""


def test_hanging_conversion_is_killed_with_its_children(tmp_path, monkeypatch):
    pidfile = tmp_path / "child.pid"
    fake = tmp_path / "soffice"
    fake.write_text(HANGING_SOFFICE.format(pidfile=pidfile))
    fake.chmod(0o755)
    monkeypatch.setenv(legacy.SOFFICE_ENV, str(fake))
    src = tmp_path / "notice.doc"
    src.write_bytes(b"x")
    t = time.monotonic()
    with use_limits(Limits(soffice_seconds=1.5)), pytest.raises(TooLarge, match="soffice_seconds=1.5"):
        legacy.convert_with_soffice([src], "docx", tmp_path / "out")
    assert time.monotonic() - t < 30
    child = int(pidfile.read_text())
    for _ in range(50):  # the killed child is reaped by init shortly after
        try:
            os.kill(child, 0)
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("the soffice child process survived the timeout")


def test_profile_forbids_macros_and_is_reset(tmp_path):
    profile = Path(legacy._profile_dir())
    settings = profile / "user" / "registrymodifications.xcu"
    settings.write_text("<oor:items/>")  # what a document could leave behind
    legacy._profile_dir()
    text = settings.read_text()
    assert '"MacroSecurityLevel" oor:op="fuse"><value>3<' in text
    assert '"DisableMacrosExecution" oor:op="fuse"><value>true<' in text
    assert '/org.openoffice.Office.Writer/Content/Update"><prop oor:name="Link" oor:op="fuse"><value>2<' in text


@pytest.mark.slow
def test_conversion_works_with_the_locked_down_profile(tmp_path):
    if legacy.find_soffice() is None:
        pytest.skip("LibreOffice (soffice) is not installed: apt-get install libreoffice-writer-nogui")
    src = tmp_path / "n.docx"
    src.write_bytes(gen.build_docx(gen.notice_blocks(gen.notice_text("seed001"))))
    (doc,) = legacy.convert_with_soffice([src], "doc", tmp_path / "out")
    from anquanyue_parse import parse_file

    assert "安全生产月" in parse_file(doc).title
