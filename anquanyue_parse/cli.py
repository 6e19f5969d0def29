"""Command line: argument groups only; the work lives in :mod:`.commands` and the library.

Errors are one line on stderr and an exit code from :mod:`.exitcodes`, never a traceback
(set ANQUANYUE_DEBUG=1 to see one). ``-v``/``-q`` set the ``logging`` level (INFO/DEBUG,
ERROR), before or after the command.
"""

from __future__ import annotations

import argparse
import logging
import os
import sys
from typing import Optional, Sequence

from .exitcodes import EXIT_CODE_TABLE, ExitCode, exit_code_for
from .version import __version__

__all__ = ["main", "DEFAULT_DB"]

DEFAULT_DB = "sqlite:///campaigns.sqlite"

#: Examples shown at the end of ``anquanyue-parse --help``.
EXAMPLES = """examples:
  anquanyue-parse parse notice.txt --pretty          one record, indented
  anquanyue-parse parse a.txt b.pdf > records.jsonl  one JSON record per line
  cat notice.txt | anquanyue-parse parse -           read stdin
  anquanyue-parse parse -r archive/                  every supported file under a folder
  anquanyue-parse parse https://example.gov.cn/n.html
  anquanyue-parse build corpus/ --db sqlite:///demo_campaigns.sqlite
  anquanyue-parse query "SELECT year, count(*) FROM live_campaigns GROUP BY year" --format csv
  anquanyue-parse schema > campaign.schema.json
"""


class _Formatter(argparse.RawDescriptionHelpFormatter):
    """Epilogs printed as written; "(default: …)" after each option that has a real default."""

    def _get_help_string(self, action: argparse.Action) -> str:
        text = action.help or ""
        # flags (store_true, count), positionals and options without a default say nothing more
        if action.nargs == 0 or not action.option_strings or action.default in (None, [], argparse.SUPPRESS):
            return text
        return text + " (default: %(default)s)"


def _common() -> argparse.ArgumentParser:
    """-v / -q on every command (SUPPRESS: an option given before the command is kept)."""
    common = argparse.ArgumentParser(add_help=False)
    g = common.add_argument_group("Logging")
    g.add_argument("-v", "--verbose", action="count", default=argparse.SUPPRESS,
                   help="more log lines on stderr (-v info, -vv debug)")
    g.add_argument("-q", "--quiet", action="count", default=argparse.SUPPRESS,
                   help="errors only on stderr")
    return common


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="anquanyue-parse", formatter_class=_Formatter,
                                description="Parse 安全生产月 notices into structured campaign records.",
                                epilog=EXAMPLES + "\n" + EXIT_CODE_TABLE)
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    p.add_argument("-v", "--verbose", action="count", default=0, help="more log lines (-v info, -vv debug)")
    p.add_argument("-q", "--quiet", action="count", default=0, help="errors only")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    common = _common()

    def command(name: str, help: str, examples: str = "") -> argparse.ArgumentParser:
        epilog = (f"examples:\n{examples}\n\n" if examples else "") + EXIT_CODE_TABLE
        return sub.add_parser(name, help=help, description=help, parents=[common], formatter_class=_Formatter,
                              epilog=epilog)

    _parse_command(command)
    _schema_command(command)
    _eval_command(command)
    _build_command(command)
    _export_command(command)
    _query_command(command)
    _themes_command(command)
    _review_command(command)
    return p


def _parse_command(command) -> None:
    from . import commands

    parse = command("parse", "parse files and print their records as JSON Lines (one record a line)",
                    "  anquanyue-parse parse notice.txt --pretty\n"
                    "  anquanyue-parse parse a.txt b.docx --no-source > records.jsonl\n"
                    "  cat notice.txt | anquanyue-parse parse - --name notice.txt\n"
                    "  anquanyue-parse parse -r archive/")
    g = parse.add_argument_group("Input")
    g.add_argument("files", nargs="+", metavar="FILE",
                   help="a path, '-' for stdin, an http(s) URL, or with -r a folder")
    g.add_argument("-r", "--recursive", action="store_true", help="read every supported file under a FOLDER")
    g.add_argument("--name", metavar="NAME", help="the name of stdin's file (its suffix is a format hint)")
    g = parse.add_argument_group("Output")
    g.add_argument("--pretty", action="store_true",
                   help="indented JSON: one record as an object, several as one JSON array")
    g.add_argument("--jsonl", action="store_true", help="one compact record per line (what parse prints without --pretty)")
    g.add_argument("--no-source", action="store_true", help="leave source_text out of the output")
    _limit_group(parse)
    parse.set_defaults(handler=commands.cmd_parse)


def _schema_command(command) -> None:
    from . import commands

    schema = command("schema", "print the JSON Schema of the record that parse prints",
                     "  anquanyue-parse schema > campaign.schema.json")
    schema.set_defaults(handler=commands.cmd_schema)


def _eval_command(command) -> None:
    from . import commands

    ev = command("eval", "score the parser on a gold-annotated corpus folder",
                 "  anquanyue-parse eval corpus/ --errors")
    g = ev.add_argument_group("Input")
    g.add_argument("corpus", metavar="DIR")
    g = ev.add_argument_group("Output")
    g.add_argument("--errors", action="store_true", help="list every wrong field after the table")
    g.add_argument("--json", action="store_true", help="print the scores as JSON")
    g = ev.add_argument_group("Baseline")
    g.add_argument("--update-baseline", action="store_true",
                   help="raise the floors in DIR/baseline.json to the current scores (never lowers them)")
    ev.set_defaults(handler=commands.cmd_eval)


def _build_command(command) -> None:
    from . import commands

    build = command("build", "build or update the campaign database from an archive folder",
                    "  anquanyue-parse build corpus/ --db sqlite:///demo_campaigns.sqlite\n"
                    "  anquanyue-parse build --list files.txt --max-failures 10\n"
                    "  anquanyue-parse build archive/ --strict --no-progress")
    g = build.add_argument_group("Input")
    g.add_argument("archive", metavar="ARCHIVE",
                   help="a folder, an fsspec URL (s3://bucket/prefix, file:///…), or with --list a list file")
    g.add_argument("--list", action="store_true", help="ARCHIVE is a text file with one path or URL a line")
    g = build.add_argument_group("Output")
    g.add_argument("--db", default=DEFAULT_DB, metavar="URL", help="database URL (postgresql://… for PostgreSQL)")
    g = build.add_argument_group("Processing")
    g.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                   help="worker processes of the local engine (0: all cores)")
    g.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local worker processes or a Dask cluster (the dask extra)")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://host:8786, or local for a cluster on this machine "
                        "(the default of --engine dask)")
    g.add_argument("--no-progress", action="store_true", help="plain log lines instead of a progress bar")
    g = build.add_argument_group("Exit code")
    g.add_argument("--max-failures", type=int, default=0, metavar="N",
                   help="exit 0 while at most N files fail (the others are stored either way)")
    g.add_argument("--strict", action="store_true",
                   help="stop the build once more than --max-failures files failed (exit 1; files not "
                        "reached are left as they were, none is marked removed)")
    g = _limit_group(build)
    g.add_argument("--task-timeout", type=float, metavar="SECONDS",
                   help="cut off one file's parse after this long, it lands in failures (= --limit task_seconds=N)")
    g.add_argument("--task-memory", type=float, metavar="MB",
                   help="cut off one file's parse above this resident memory (= --limit task_memory_mb=N)")
    build.set_defaults(handler=commands.cmd_build)


def _export_command(command) -> None:
    from . import commands

    export = command("export", "export the campaign database (live notices; csv/parquet: every table)",
                     "  anquanyue-parse export --format jsonl > records.jsonl\n"
                     "  anquanyue-parse export --format csv > campaigns.csv\n"
                     "  anquanyue-parse export --format parquet -o tables/")
    g = export.add_argument_group("Input")
    g.add_argument("--db", default=DEFAULT_DB, metavar="URL", help="the campaign database (sqlite:///FILE, postgresql://…)")
    g = export.add_argument_group("Output")
    g.add_argument("--format", choices=["jsonl", "csv", "parquet"], default="jsonl",
                   help="records as JSON Lines, or the tables as CSV / Parquet")
    g.add_argument("--output", "-o", metavar="PATH",
                   help="a file (jsonl) or a folder (csv, parquet: one file per table); without it, jsonl "
                        "records or the campaigns table as csv go to stdout")
    export.set_defaults(handler=commands.cmd_export)


def _query_command(command) -> None:
    from . import commands

    query = command("query", "run a read-only SQL query on the campaign database",
                    '  anquanyue-parse query "SELECT year, count(*) AS n FROM live_campaigns GROUP BY year"\n'
                    '  anquanyue-parse query "SELECT issuer, theme FROM live_campaigns" --format json')
    g = query.add_argument_group("Input")
    g.add_argument("--db", default=DEFAULT_DB, metavar="URL", help="the campaign database (sqlite:///FILE, postgresql://…)")
    g.add_argument("sql", metavar="SQL", help="one SELECT (or WITH … SELECT); live_campaigns leaves out "
                                              "duplicates and removed files")
    g = query.add_argument_group("Output")
    g.add_argument("--format", choices=["table", "csv", "json", "jsonl"], default="table",
                   help="aligned text, CSV with a header, a JSON array of objects, or one object a line")
    query.set_defaults(handler=commands.cmd_query)


def _themes_command(command) -> None:
    from . import commands

    themes = command("themes", "print the themes-by-year table",
                     "  anquanyue-parse themes --db sqlite:///demo_campaigns.sqlite")
    g = themes.add_argument_group("Input")
    g.add_argument("--db", default=DEFAULT_DB, metavar="URL", help="the campaign database (sqlite:///FILE, postgresql://…)")
    themes.set_defaults(handler=commands.cmd_themes)


def _review_command(command) -> None:
    from . import commands

    review = command("review", "write an HTML page highlighting every extracted value",
                     "  anquanyue-parse review notice.pdf -o review.html\n"
                     "  anquanyue-parse parse -r archive/ > records.jsonl && anquanyue-parse review records.jsonl -o review/\n"
                     "  anquanyue-parse review --db sqlite:///demo_campaigns.sqlite -o review/")
    g = review.add_argument_group("Input")
    g.add_argument("file", metavar="FILE", nargs="?",
                   help="a notice, or a .jsonl file of records (then an index and one page per record)")
    g.add_argument("--db", metavar="URL", help="every live notice of a campaign database (an index and one page each)")
    g = review.add_argument_group("Output")
    g.add_argument("--output", "-o", default="review.html", metavar="HTML",
                   help="the page to write; for .jsonl or --db a folder (review.html -> review/)")
    _limit_group(review)
    review.set_defaults(handler=commands.cmd_review)


def _limit_group(parser: argparse.ArgumentParser):
    g = parser.add_argument_group("Limits")
    g.add_argument("--limit", action="append", default=[], metavar="NAME=VALUE",
                   help="change a resource limit, e.g. pdf_pages=500, format_mb.html=50, task_seconds=300 "
                        "(README: Limits)")
    return g


def _logging(verbose: int, quiet: int) -> None:
    level = logging.ERROR if quiet else {0: logging.WARNING, 1: logging.INFO}.get(verbose, logging.DEBUG)
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("anquanyue-parse: %(levelname)s: %(message)s"))
    root = logging.getLogger("anquanyue_parse")
    root.handlers[:] = [handler]
    root.setLevel(level)
    root.propagate = False


def error_line(exc: BaseException) -> str:
    """The one line a command prints for an error: ``anquanyue-parse: Type: message``."""
    msg = str(exc) or type(exc).__name__
    return f"anquanyue-parse: {type(exc).__name__}: {msg}".splitlines()[0]


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    _logging(args.verbose, args.quiet)
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("anquanyue-parse: interrupted", file=sys.stderr)
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        return ExitCode.OK
    except Exception as exc:
        if os.environ.get("ANQUANYUE_DEBUG"):
            raise
        print(error_line(exc), file=sys.stderr)
        return exit_code_for(exc)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
