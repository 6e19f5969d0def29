"""Command line: argument groups only; the work lives in the library modules.

Errors are one line on stderr and a non-zero exit, never a traceback
(set ANQUANYUE_DEBUG=1 to see one).
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import Optional, Sequence

from .version import __version__

__all__ = ["main"]

DEFAULT_DB = "sqlite:///campaigns.sqlite"


def _parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="anquanyue-parse",
                                description="Parse 安全生产月 notices into structured campaign records.")
    p.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")

    parse = sub.add_parser("parse", help="parse files and print their records as JSON")
    g = parse.add_argument_group("Input")
    g.add_argument("files", nargs="+", metavar="FILE")
    g = parse.add_argument_group("Output")
    g.add_argument("--jsonl", action="store_true", help="one compact JSON record per line")
    g.add_argument("--no-source", action="store_true", help="leave source_text out of the output")
    _limit_group(parse)
    parse.set_defaults(handler=_cmd_parse)

    ev = sub.add_parser("eval", help="score the parser on a gold-annotated corpus folder")
    g = ev.add_argument_group("Input")
    g.add_argument("corpus", metavar="DIR")
    g = ev.add_argument_group("Output")
    g.add_argument("--errors", action="store_true", help="list every wrong field after the table")
    g.add_argument("--json", action="store_true", help="print the scores as JSON")
    g = ev.add_argument_group("Baseline")
    g.add_argument("--update-baseline", action="store_true",
                   help="raise the floors in DIR/baseline.json to the current scores (never lowers them)")
    ev.set_defaults(handler=_cmd_eval)

    build = sub.add_parser("build", help="build or update the campaign database from an archive folder")
    g = build.add_argument_group("Input")
    g.add_argument("archive", metavar="ARCHIVE",
                   help="a folder, an fsspec URL (s3://bucket/prefix, file:///…), or with --list a list file")
    g.add_argument("--list", action="store_true", help="ARCHIVE is a text file with one path or URL a line")
    g = build.add_argument_group("Output")
    g.add_argument("--db", default=DEFAULT_DB, metavar="URL",
                   help="database URL (default: %(default)s; postgresql://… for PostgreSQL)")
    g = build.add_argument_group("Processing")
    g.add_argument("--jobs", "-j", type=int, default=0, metavar="N",
                   help="worker processes of the local engine (default: all cores)")
    g.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local worker processes (default) or a Dask cluster (the dask extra)")
    g.add_argument("--scheduler", metavar="ADDRESS",
                   help="Dask scheduler address, e.g. tcp://host:8786, or local for a cluster on this machine "
                        "(the default of --engine dask)")
    g.add_argument("--no-progress", action="store_true", help="plain log lines instead of a progress bar")
    g = _limit_group(build)
    g.add_argument("--task-timeout", type=float, metavar="SECONDS",
                   help="cut off one file's parse after this long, it lands in failures (= --limit task_seconds=N)")
    g.add_argument("--task-memory", type=float, metavar="MB",
                   help="cut off one file's parse above this resident memory (= --limit task_memory_mb=N)")
    build.set_defaults(handler=_cmd_build)

    export = sub.add_parser("export", help="export the campaign database")
    g = export.add_argument_group("Input")
    g.add_argument("--db", default=DEFAULT_DB, metavar="URL")
    g = export.add_argument_group("Output")
    g.add_argument("--format", choices=["jsonl", "csv", "parquet"], default="jsonl")
    g.add_argument("--output", "-o", metavar="PATH", help="file (jsonl) or folder (csv, parquet); default stdout for jsonl")
    export.set_defaults(handler=_cmd_export)

    query = sub.add_parser("query", help="run a read-only SQL query on the campaign database")
    g = query.add_argument_group("Input")
    g.add_argument("--db", default=DEFAULT_DB, metavar="URL")
    g.add_argument("sql", metavar="SQL")
    query.set_defaults(handler=_cmd_query)

    themes = sub.add_parser("themes", help="print the themes-by-year table")
    g = themes.add_argument_group("Input")
    g.add_argument("--db", default=DEFAULT_DB, metavar="URL")
    themes.set_defaults(handler=_cmd_themes)

    review = sub.add_parser("review", help="write an HTML page highlighting every extracted value")
    g = review.add_argument_group("Input")
    g.add_argument("file", metavar="FILE")
    g = review.add_argument_group("Output")
    g.add_argument("--output", "-o", default="review.html", metavar="HTML")
    _limit_group(review)
    review.set_defaults(handler=_cmd_review)
    return p


def _limit_group(parser: argparse.ArgumentParser):
    g = parser.add_argument_group("Limits")
    g.add_argument("--limit", action="append", default=[], metavar="NAME=VALUE",
                   help="change a resource limit, e.g. pdf_pages=500, format_mb.html=50, task_seconds=300 "
                        "(README: Limits)")
    return g


def _limits(args):
    from .limits import parse_limit_options

    options = list(args.limit)
    for flag, name in (("task_timeout", "task_seconds"), ("task_memory", "task_memory_mb")):
        if getattr(args, flag, None) is not None:
            options.append(f"{name}={getattr(args, flag)}")
    return parse_limit_options(options) if options else None


def _cmd_parse(args) -> int:
    from .pipeline import parse_file

    limits = _limits(args)
    exclude = {"source_text"} if args.no_source else None
    failed = 0
    for path in args.files:
        try:
            rec = parse_file(path, limits)
        except Exception as exc:  # one bad file does not stop the others
            _error(exc)
            failed += 1
            continue
        if args.jsonl:
            print(rec.model_dump_json(exclude=exclude))
        else:
            print(rec.model_dump_json(indent=2, exclude=exclude))
    return 1 if failed else 0


def _cmd_eval(args) -> int:
    from .baseline import check_baseline, update_baseline
    from .evaluate import evaluate_sets

    reports = evaluate_sets(args.corpus)
    report = reports["all"]
    if args.json:
        import json

        print(json.dumps({name: r.scores() for name, r in reports.items()}, indent=2))
    else:
        print(report.render())
        print("by set: " + ", ".join(f"{name} {r.macro:.3f} ({r.documents})"
                                     for name, r in reports.items() if name != "all"))
    if args.errors:
        for doc, field, gold, pred in report.errors:
            print(f"{doc}\t{field}\tgold={gold!r}\tgot={pred!r}")
    if args.update_baseline:
        print(update_baseline(args.corpus, reports))
        return 0
    problems = check_baseline(args.corpus, reports)
    for line in problems:
        print(f"below floor: {line}", file=sys.stderr)
    return 1 if problems else 0


def _cmd_build(args) -> int:
    from .archive import build_archive

    summary = build_archive(args.archive, args.db, jobs=args.jobs, progress=False if args.no_progress else None,
                            engine=args.engine, scheduler=args.scheduler, listed=args.list,
                            limits=_limits(args))
    print(summary.render())
    return 0 if summary.ok else 1


def _cmd_export(args) -> int:
    from .db import open_database

    with open_database(args.db) as db:
        for path in db.export(args.format, args.output):
            print(f"wrote {path}", file=sys.stderr)
    return 0


def _cmd_query(args) -> int:
    from .db import dumps_frame, open_database

    with open_database(args.db) as db:
        print(dumps_frame(db.query(args.sql)))
    return 0


def _cmd_themes(args) -> int:
    from .analysis import themes_table

    print(themes_table(args.db))
    return 0


def _cmd_review(args) -> int:
    from .limits import use_limits
    from .review import write_review

    with use_limits(_limits(args)):
        print(write_review(args.file, args.output))
    return 0


def _error(exc: BaseException) -> None:
    msg = str(exc) or type(exc).__name__
    print(f"anquanyue-parse: {type(exc).__name__}: {msg}".splitlines()[0], file=sys.stderr)


def main(argv: Optional[Sequence[str]] = None) -> int:
    args = _parser().parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except KeyboardInterrupt:
        print("anquanyue-parse: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if os.environ.get("ANQUANYUE_DEBUG"):
            raise
        _error(exc)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
