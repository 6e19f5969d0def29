"""CLI conventions: JSON Lines, stdin, folders, URLs, schema, python -m, logging, exit codes, help."""

from __future__ import annotations

import functools
import http.server
import json
import re
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import jsonschema
import pytest

from anquanyue_parse import Campaign
from anquanyue_parse.cli import _parser, main
from anquanyue_parse.errors import DatabaseError, FileAccessError, MissingDependency, QueryRefused, UsageError
from anquanyue_parse.exitcodes import EXIT_CODE_TABLE, ExitCode, exit_code_for

ROOT = Path(__file__).resolve().parents[2]
SEEDS = sorted((ROOT / "corpus" / "seeds").glob("*.txt"))
COMMANDS = ("parse", "schema", "eval", "build", "export", "query", "themes", "review")


def run(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "anquanyue_parse", *args], capture_output=True, text=True,
                          input=stdin, timeout=120)


def test_several_files_are_json_lines(capsys):
    assert main(["parse", str(SEEDS[0]), str(SEEDS[1]), "--no-source"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    records = [Campaign.model_validate_json(line) for line in lines]
    assert [r.source_path for r in records] == [str(SEEDS[0]), str(SEEDS[1])]


def test_pretty_is_one_json_document(capsys):
    assert main(["parse", str(SEEDS[0]), "--pretty"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("{\n") and json.loads(out)["source_path"] == str(SEEDS[0])
    assert main(["parse", str(SEEDS[0]), str(SEEDS[1]), "--pretty", "--no-source"]) == 0
    both = json.loads(capsys.readouterr().out)  # several records: one JSON array
    assert [r["source_path"] for r in both] == [str(SEEDS[0]), str(SEEDS[1])]
    assert main(["parse", str(SEEDS[0]), "--pretty", "--jsonl"]) == ExitCode.USAGE


def test_stdin_dash():
    p = run("parse", "-", "--name", "notice.txt", "--no-source", stdin=SEEDS[1].read_text("utf-8"))
    assert p.returncode == 0, p.stderr
    rec = json.loads(p.stdout)
    assert rec["doc_number"] == "运工信发〔2023〕42号" and rec["source_path"] == "notice.txt"
    assert run("parse", "-", "-").returncode == ExitCode.USAGE


def test_folder_needs_r_and_then_reads_every_supported_file(tmp_path, capsys):
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    for i, seed in enumerate(SEEDS[:3]):
        shutil.copy(seed, (folder / "sub" if i else folder) / seed.name)
    (folder / "sub" / "gold.json").write_text("{}", "utf-8")  # gold files are not notices
    assert main(["parse", str(folder)]) == ExitCode.INPUT_FAILED
    assert "give -r" in capsys.readouterr().err
    assert main(["parse", "-r", str(folder), "--no-source"]) == 0
    paths = [json.loads(line)["source_path"] for line in capsys.readouterr().out.splitlines()]
    assert sorted(Path(p).name for p in paths) == sorted(s.name for s in SEEDS[:3])


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):  # no request lines on stderr
        pass


@pytest.fixture
def http_folder(tmp_path):
    """A local HTTP server over tmp_path/www (no network beyond 127.0.0.1)."""
    www = tmp_path / "www"
    www.mkdir()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_Quiet, directory=str(www)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield www, f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


def test_a_url_is_fetched_and_parsed(http_folder, capsys):
    www, base = http_folder
    shutil.copy(SEEDS[1], www / "notice.txt")
    www.joinpath("big.txt").write_bytes(b"a" * (2 << 20))
    assert main(["parse", f"{base}/notice.txt", "--no-source"]) == 0
    rec = json.loads(capsys.readouterr().out)
    assert rec["doc_number"] == "运工信发〔2023〕42号" and rec["source_path"] == f"{base}/notice.txt"
    # the size limit holds while the body arrives; a 404 names the status
    assert main(["parse", "--limit", "file_mb=1", f"{base}/big.txt"]) == ExitCode.INPUT_FAILED
    assert "TooLarge" in capsys.readouterr().err
    assert main(["parse", f"{base}/missing.txt"]) == ExitCode.INPUT_FAILED
    assert "404" in capsys.readouterr().err


def test_schema_describes_what_parse_prints(capsys):
    assert main(["schema"]) == 0
    schema = json.loads(capsys.readouterr().out)
    assert schema["title"] == "Campaign" and "activities" in schema["properties"]
    assert main(["parse", str(SEEDS[1])]) == 0
    jsonschema.validate(json.loads(capsys.readouterr().out), schema)


def test_python_dash_m_and_logging_levels():
    quiet = run("-q", "parse", str(SEEDS[0]), "--no-source")
    assert quiet.returncode == 0 and quiet.stderr == ""
    verbose = run("parse", str(SEEDS[0]), "--no-source", "-v")
    assert verbose.returncode == 0 and re.search(r"INFO: .*000_.*\.txt: txt, \d+ activities", verbose.stderr)
    assert run("--version").stdout.startswith("anquanyue-parse ")


@pytest.mark.parametrize("exc, code", [
    (FileAccessError("x"), ExitCode.INPUT_FAILED), (UsageError("x"), ExitCode.USAGE),
    (QueryRefused("x"), ExitCode.USAGE), (DatabaseError("x"), ExitCode.DATABASE),
    (MissingDependency("x"), ExitCode.MISSING_DEPENDENCY), (ModuleNotFoundError("matplotlib"), ExitCode.MISSING_DEPENDENCY),
    (KeyError("bug"), ExitCode.INTERNAL), (KeyboardInterrupt(), ExitCode.INTERRUPTED),
])
def test_one_exit_code_table(exc, code):
    assert exit_code_for(exc) == code
    assert re.search(rf"^  {int(code)}\s", EXIT_CODE_TABLE, re.M)


def test_the_same_bad_file_gives_the_same_code_in_every_command(tmp_path, capsys):
    missing = str(tmp_path / "missing.txt")
    assert main(["parse", missing]) == main(["review", missing, "-o", str(tmp_path / "r.html")]) == 1
    db = f"sqlite:///{tmp_path / 'none.sqlite'}"
    codes = {main([cmd, "--db", db] + extra) for cmd, extra in (("themes", []), ("export", []), ("query", ["SELECT 1"]))}
    assert codes == {ExitCode.DATABASE}
    assert main(["parse", "--limit", "bogus=1", str(SEEDS[0])]) == ExitCode.USAGE
    with pytest.raises(SystemExit) as bad_option:
        main(["parse", "--bogus"])
    assert bad_option.value.code == ExitCode.USAGE


@pytest.mark.parametrize("command", COMMANDS)
def test_help_has_examples_defaults_and_the_exit_codes(command):
    sub = _parser()._subparsers._group_actions[0].choices[command]
    text = sub.format_help()
    assert EXIT_CODE_TABLE in text and "examples:\n  anquanyue-parse " + command in text
    for action in sub._actions:  # every option with a real default shows it
        if action.option_strings and action.nargs != 0 and action.default not in (None, [], "==SUPPRESS=="):
            assert f"(default: {action.default})" in " ".join(text.split()), (command, action.dest)


def test_readme_shows_the_exit_code_table():
    readme = (ROOT / "README.md").read_text("utf-8")
    assert EXIT_CODE_TABLE in readme
