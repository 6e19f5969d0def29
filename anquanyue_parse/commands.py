"""What each command does once :mod:`.cli` has read its arguments.

Every handler takes the parsed ``args`` and returns an :class:`~.exitcodes.ExitCode`;
errors it does not handle itself go up to ``cli.main`` (one line, a code from the table).
"""

from __future__ import annotations

import json
import logging
import os
import sys
import time
from typing import Iterator, Optional

from .errors import FileAccessError, UsageError
from .exitcodes import ExitCode

__all__ = ["cmd_parse", "cmd_schema", "cmd_eval", "cmd_build", "cmd_export", "cmd_query", "cmd_themes",
           "cmd_review", "parse_inputs", "STDIN"]

log = logging.getLogger("anquanyue_parse.cli")

#: The FILE argument that means standard input.
STDIN = "-"


def _limits(args):
    from .limits import parse_limit_options

    options = list(args.limit)
    for flag, name in (("task_timeout", "task_seconds"), ("task_memory", "task_memory_mb")):  # build's shorthands
        if getattr(args, flag, None) is not None:
            options.append(f"{name}={getattr(args, flag)}")
    try:
        return parse_limit_options(options) if options else None
    except ValueError as exc:  # a bad --limit is a usage error (exit 2)
        raise UsageError(str(exc)) from None


def parse_inputs(names: list[str], recursive: bool = False) -> Iterator[str]:
    """The inputs of ``parse`` in order: ``-``, URLs and files as given, folders (with
    ``recursive``) expanded to their supported files; a folder without it is an error item."""
    from .store.inputs import iter_archive
    from .loaders.stream import is_http_url

    for name in names:
        if name != STDIN and not is_http_url(name) and os.path.isdir(name):
            if not recursive:
                yield name  # parse_file says it is a directory; the hint comes with the error
                continue
            found = [os.fspath(p) for p in iter_archive(name)]
            log.info("%s: %d supported files", name, len(found))
            yield from found
        else:
            yield name


def _parse_one(name: str, args, limits):
    from .pipeline import parse_file

    if name == STDIN:
        return parse_file(file=sys.stdin, name=args.name or "", limits=limits)
    if os.path.isdir(name):
        raise FileAccessError("is a folder: give -r to parse the files under it", name)
    return parse_file(name, limits)


def cmd_parse(args) -> int:
    from .paths import printable_path

    if args.pretty and args.jsonl:
        raise UsageError("--pretty and --jsonl exclude each other")
    if args.files.count(STDIN) > 1:
        raise UsageError("'-' (stdin) can be read once")
    limits = _limits(args)
    exclude = {"source_text"} if args.no_source else None
    names = list(parse_inputs(args.files, args.recursive))
    array = args.pretty and len(names) != 1
    failed = written = 0
    if array:
        sys.stdout.write("[")
    for name in names:
        t0 = time.perf_counter()
        try:
            rec = _parse_one(name, args, limits)
        except Exception as exc:  # one bad file does not stop the others
            from .cli import error_line

            print(error_line(exc), file=sys.stderr)
            failed += 1
            continue
        log.info("%s: %s, %d activities, %.0f ms", printable_path(name), rec.source_format,
                 len(rec.activities), (time.perf_counter() - t0) * 1000)
        if args.pretty:
            body = rec.model_dump_json(indent=2, exclude=exclude)
            sys.stdout.write(("," if written else "") + "\n" + body if array else body + "\n")
        else:
            sys.stdout.write(rec.model_dump_json(exclude=exclude) + "\n")
        written += 1
    if array:
        sys.stdout.write("\n]\n")
    sys.stdout.flush()
    return ExitCode.INPUT_FAILED if failed else ExitCode.OK


def cmd_schema(args) -> int:
    from .models import Campaign

    print(json.dumps(Campaign.model_json_schema(), ensure_ascii=False, indent=2))
    return ExitCode.OK


def cmd_eval(args) -> int:
    from .evaluation.baseline import check_baseline, update_baseline
    from .evaluation.evaluate import evaluate_sets

    reports = evaluate_sets(args.corpus)
    report = reports["all"]
    if args.json:
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
        return ExitCode.OK
    problems = check_baseline(args.corpus, reports)
    for line in problems:
        print(f"below floor: {line}", file=sys.stderr)
    return ExitCode.INPUT_FAILED if problems else ExitCode.OK


def cmd_build(args) -> int:
    from .store.archive import build_archive

    if args.max_failures < 0:
        raise UsageError(f"--max-failures must be 0 or more, not {args.max_failures}")
    summary = build_archive(args.archive, args.db, jobs=args.jobs, progress=False if args.no_progress else None,
                            engine=args.engine, scheduler=args.scheduler, listed=args.list,
                            limits=_limits(args), stop_after=args.max_failures if args.strict else None)
    print(summary.render())
    if summary.failed > args.max_failures:
        log.info("%d files failed, more than --max-failures %d", summary.failed, args.max_failures)
        return ExitCode.INPUT_FAILED
    return ExitCode.OK


def cmd_export(args) -> int:
    from .store.db import open_database

    with open_database(args.db) as db:
        for path in db.export(args.format, args.output):
            print(f"wrote {path}", file=sys.stderr)
    return ExitCode.OK


def cmd_query(args) -> int:
    from .store.db import format_frame, open_database

    with open_database(args.db) as db:
        sys.stdout.write(format_frame(db.query(args.sql), args.format))
    return ExitCode.OK


def cmd_themes(args) -> int:
    from .analysis import themes_table

    print(themes_table(args.db))
    return ExitCode.OK


def cmd_review(args) -> int:
    from .limits import use_limits
    from .review import write_review

    if (args.file is None) == (args.db is None):
        raise UsageError("review needs a FILE or --db URL (one of them)")
    if args.db is not None or str(args.file).lower().endswith(".jsonl"):
        return _review_set(args)
    with use_limits(_limits(args)):
        print(write_review(args.file, args.output))
    return ExitCode.OK


def _review_set(args) -> int:
    from .review_set import read_jsonl, write_review_set

    if args.db is not None:
        from .store.db import load_records

        records = load_records(args.db)
    else:
        records = list(read_jsonl(args.file))
    folder = args.output[:-5] if args.output.lower().endswith(".html") else args.output
    print(write_review_set(records, folder))
    return ExitCode.OK
