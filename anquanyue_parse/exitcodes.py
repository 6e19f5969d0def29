"""The exit codes of every command, in one table (``anquanyue-parse --help`` and the README show it).

>>> from anquanyue_parse.errors import FileAccessError
>>> exit_code_for(FileAccessError("no such file"))
<ExitCode.INPUT_FAILED: 1>
"""

from __future__ import annotations

from enum import IntEnum

from .errors import AnquanyueError, DatabaseError, MissingDependency, UsageError

__all__ = ["ExitCode", "exit_code_for", "EXIT_CODE_TABLE"]


class ExitCode(IntEnum):
    OK = 0
    #: an input could not be read or parsed (parse, review, build over --max-failures), or
    #: eval scored a field below its floor
    INPUT_FAILED = 1
    #: bad arguments: an unknown option, a bad --limit, a query that would write
    USAGE = 2
    #: the database cannot be opened, read or written (missing file, newer schema, server down)
    DATABASE = 3
    #: an optional package or program the command needs is not installed
    MISSING_DEPENDENCY = 4
    #: a bug: an unexpected exception (ANQUANYUE_DEBUG=1 shows the traceback)
    INTERNAL = 5
    #: interrupted with Ctrl-C
    INTERRUPTED = 130


#: What each code means, one line each, for --help and the README.
EXIT_CODE_TABLE = "\n".join([
    "exit codes (every command):",
    "  0    success",
    "  1    an input could not be read or parsed (build: more failures than --max-failures;",
    "       parse: a folder without -r); eval: a field below its floor",
    "  2    usage error: bad arguments, a bad --limit, a refused (writing) query",
    "  3    database error: missing database, newer schema, server unreachable",
    "  4    missing dependency: an optional extra or program is not installed",
    "  5    internal error (a bug; ANQUANYUE_DEBUG=1 prints the traceback)",
    "  130  interrupted",
])


def exit_code_for(exc: BaseException) -> ExitCode:
    """The exit code a command ends with when ``exc`` escapes it."""
    if isinstance(exc, KeyboardInterrupt):
        return ExitCode.INTERRUPTED
    if isinstance(exc, UsageError):
        return ExitCode.USAGE
    if isinstance(exc, DatabaseError):
        return ExitCode.DATABASE
    if isinstance(exc, (MissingDependency, ModuleNotFoundError)):
        return ExitCode.MISSING_DEPENDENCY
    if isinstance(exc, (AnquanyueError, OSError)):
        return ExitCode.INPUT_FAILED
    return ExitCode.INTERNAL
