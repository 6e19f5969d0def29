"""The review page escapes every value and the whole text (issue 13's security checks)."""

from __future__ import annotations

import re

from anquanyue_parse import parse_text
from anquanyue_parse.review import render_review

#: Payloads that would run script if one reached the page unescaped.
SCRIPT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(1)>'

NOTICE = f"""关于开展2024年{SCRIPT}安全生产月{IMG}活动的通知
各区应急管理局{IMG}：
为深入贯彻落实安全生产工作部署，{SCRIPT}现将有关事项通知如下。
一、活动时间
2024年6月1日至30日。{IMG}
联系人：张三{IMG}，电话：010-12345678{SCRIPT}
北京市应急管理局
2024年5月20日
"""


def test_payloads_in_title_contact_and_body_come_out_escaped():
    record = parse_text(NOTICE)
    page = render_review(record, title=f"t{SCRIPT}{IMG}")
    assert SCRIPT in record.source_text and IMG in record.source_text
    assert "alert(1)</script>" not in page            # no payload script ever closes
    assert "<img src=x" not in page
    assert not re.search(r"<script>\s*alert", page)
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "&lt;img src=x onerror=alert(1)&gt;" in page
