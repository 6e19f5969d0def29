"""What a build shows while it runs (a progress bar or log lines) and the summary it ends with."""

from __future__ import annotations

import time
from dataclasses import dataclass, field
from typing import Optional, TextIO

__all__ = ["BuildSummary", "Progress", "LOG_EVERY"]

#: Plain progress lines are printed at most this often (seconds) when not on a terminal.
LOG_EVERY = 5.0


class Progress:
    """A tqdm bar on a terminal, else a plain line every LOG_EVERY seconds.

    The total grows while the inputs are still being listed (``grow``); ``listed()`` says
    the list is complete. Lines show files done, the rate, failures, the pages read by OCR
    (the slow step, counted apart) and the ETA.
    """

    def __init__(self, bar: bool, out: TextIO, engine: str):
        self.total, self.done, self.failed, self.out, self.engine = 0, 0, 0, out, engine
        self.ocr_pages = 0
        self.complete = False
        self.t0 = self.last = time.monotonic()
        self.bar = None
        if bar:
            from tqdm import tqdm

            self.bar = tqdm(total=None, unit="file", file=out, dynamic_ncols=True, desc="build")

    def grow(self, n: int) -> None:
        self.total += n
        if self.bar is not None:
            self.bar.total = self.total
            self.bar.refresh()

    def listed(self) -> None:
        self.complete = True

    def update(self, n: int, failed: int, ocr_pages: int = 0) -> None:
        self.done += n
        self.failed += failed
        self.ocr_pages += ocr_pages
        if self.bar is not None:
            self.bar.update(n)
            if failed or ocr_pages:
                self.bar.set_postfix({k: v for k, v in (("failed", self.failed), ("OCR pages", self.ocr_pages)) if v})
        elif time.monotonic() - self.last >= LOG_EVERY:
            self.line()

    def line(self) -> None:
        self.last = time.monotonic()
        rate = self.done / max(self.last - self.t0, 1e-9)
        total = f"{self.total:,}" if self.complete else f"{self.total:,}+ (still listing)"
        eta = f", ETA {(self.total - self.done) / rate:,.0f} s" if rate and self.complete else ""
        ocr = f", {self.ocr_pages:,} pages read by OCR" if self.ocr_pages else ""
        print(f"build: {self.done:,}/{total} files ({self.done / max(self.total, 1):.0%}), "
              f"{self.failed} failed{ocr}, {rate:,.1f} files/s{eta} [{self.engine}]", file=self.out, flush=True)

    def close(self) -> None:
        if self.bar is not None:
            self.bar.close()
        elif self.total:
            self.line()


@dataclass
class BuildSummary:
    """What a build did; ``render()`` gives the table the CLI prints."""

    archive: str
    url: str
    jobs: int = 0
    seconds: float = 0.0
    seen: int = 0
    parsed: int = 0
    replaced: int = 0
    skipped: int = 0
    removed: int = 0
    duplicates: int = 0
    failed: int = 0
    #: pages read by OCR (scans, photos) in the files parsed by this build, and those files
    ocr_pages: int = 0
    ocr_files: int = 0
    engine: str = "local"
    stopped: bool = False  # build_archive(stop_after=…): no batch started after too many failures
    failures: list[tuple[str, str, str]] = field(default_factory=list)
    by_year: list[tuple[Optional[int], int]] = field(default_factory=list)

    #: Failures kept in memory for the summary (every one is in the failures table).
    KEEP_FAILURES = 1000

    @property
    def ok(self) -> bool:
        return self.failed == 0

    def count(self, status: str, path: str, error_type: Optional[str], message: Optional[str],
              ocr_pages: int = 0) -> None:
        """Add one file's outcome (new, replaced, skipped or failed) and its pages read by OCR."""
        self.ocr_pages += ocr_pages
        self.ocr_files += bool(ocr_pages)
        if status == "new":
            self.parsed += 1
        elif status == "replaced":
            self.replaced += 1
        elif status == "skipped":
            self.skipped += 1
        else:
            self.failed += 1
            if len(self.failures) < self.KEEP_FAILURES:
                self.failures.append((path, error_type or "", message or ""))

    def render(self, max_failures: int = 20) -> str:
        rows = [("files seen", self.seen), ("parsed (new)", self.parsed), ("replaced (changed)", self.replaced),
                ("skipped (unchanged)", self.skipped), ("removed (gone)", self.removed),
                ("duplicates (linked to a first copy)", self.duplicates), ("failed", self.failed)]
        if self.ocr_pages:
            rows.append((f"pages read by OCR (in {self.ocr_files:,} files)", self.ocr_pages))
        workers = f"{self.jobs} workers" if self.engine == "local" else f"{self.jobs} Dask worker threads"
        out = [f"Build summary: {self.archive} -> {self.url} ({workers}, {self.seconds:.1f} s)"]
        out += [f"  {name:<38}{n:>7,}" for name, n in rows]
        if self.failures:
            out.append("Failed files:")
            out += [f"  {p}: {t}: {m}" for p, t, m in self.failures[:max_failures]]
            if self.failed > max_failures:
                out.append(f"  … and {self.failed - max_failures} more (table failures)")
        if self.stopped:
            out.append(f"Stopped after {self.failed} failures (--strict): files not reached keep their "
                       "rows, none was marked removed")
        total = sum(n for _, n in self.by_year)
        out.append(f"Campaigns in the database by year: {total:,} (duplicates and removed files excluded)")
        cells = [f"{'unknown' if y is None else y}: {n:<5,}" for y, n in self.by_year]
        out += ["  " + "  ".join(cells[i:i + 8]).rstrip() for i in range(0, len(cells), 8)]
        return "\n".join(out)
