"""The README's table of record fields is the one the model gives (fields.field_table): a field
added to ``Campaign`` without regenerating it fails here.

Regenerate: ``.venv/bin/python tests/core/test_readme_fields.py --update``.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
#: The generated block between its two markers.
BLOCK = re.compile(r"(<!-- fields:begin[^\n]*-->\n)(.*?)(<!-- fields:end -->)", re.S)


def test_readme_field_table_is_the_models():
    from anquanyue_parse.fields import field_table

    m = BLOCK.search(README.read_text("utf-8"))
    assert m, "README.md lost its fields block"
    assert m.group(2) == field_table(), "run .venv/bin/python tests/core/test_readme_fields.py --update"


if __name__ == "__main__" and "--update" in sys.argv:
    sys.path.insert(0, str(ROOT))
    from anquanyue_parse.fields import field_table

    text = README.read_text("utf-8")
    README.write_text(BLOCK.sub(lambda m: m.group(1) + field_table() + m.group(3), text), "utf-8")
