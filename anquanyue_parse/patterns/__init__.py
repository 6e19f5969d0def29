"""Named, commented patterns and lexicons shared by the extractors.

Every pattern here runs on the *match* text (see :mod:`anquanyue_parse.normalize`):
full-width punctuation is already folded to ASCII (``，`` -> ``,``, ``（`` -> ``(``,
``：`` -> ``:``), dashes to ``-``, traditional characters to simplified, and spaces
between CJK characters and digits are gone. Each constant has at least one example
in ``tests/test_patterns.py``.
"""

from __future__ import annotations

import regex

from .campaign_scan import CampaignNameScanner
from .lexicons import read_lexicon

__all__ = [
    "read_lexicon",
    "ORG_SUFFIXES",
    "CAMPAIGN_DAYS",
    "DOC_NUMBER_PATTERN",
    "CAMPAIGN_NAME",
    "CAMPAIGN_NAME_PATTERN",
    "CAMPAIGN_NAME_SCANNER",
    "ORDINAL",
    "DOC_PREFIX_STOP",
    "ORG_SUFFIX",
    "STRONG_ORG_SUFFIXES",
    "STRONG_ORG_SUFFIX",
    "ORG_NAME",
    "ORG_LINE_NAME",
    "HEADING_PATTERNS",
    "PLAIN_HEADING_PATTERN",
]

#: The core of a document number (发文字号): year in brackets + serial + 号; the issuer
#: code before it is found by walking back (see extract/docnumber.py).
#: e.g. "〔2024〕22号" in "威工信发〔2024〕22号", "[2009]21号" in "桐政[2009]21号", "(2009)6号",
#: "﹝2019﹞53号" (small brackets) in "云安办函﹝2019﹞53号".
DOC_NUMBER_PATTERN = regex.compile(
    r"[〔\[［(【{﹝]\s*(?P<year>(?:19|20)\d{2})\s*[〕\]］)】}﹞]\s*(?:第\s*)?(?P<serial>\d(?:\s?\d){0,4})\s*号"
)

#: Characters that cannot belong to an issuer code and stop the walk back,
#: e.g. "根据开安委(2009)6号" -> "开安委", "和市安委办[2010]9号" -> "市安委办".
DOC_PREFIX_STOP = set("的和及与据照为见按等将对由在于从依是了《》“”")

#: Suffixes that end the name of an organization, longest first (data/org_suffixes.txt),
#: e.g. "运城市工业和信息化局", "白塔街道", "全国安全生产月活动组委会办公室".
ORG_SUFFIXES = read_lexicon("org_suffixes.txt")
ORG_SUFFIX = "(?:" + "|".join(ORG_SUFFIXES) + ")"

#: Suffixes strong enough to make a name of a short run alone (data/org_suffixes_strong.txt):
#: a signature line "运城市工业和信息化局 2023年5月29日", a name before a document number,
#: a line holding only a name, e.g. "中共某某县委办公室", "某某街道".
STRONG_ORG_SUFFIXES = read_lexicon("org_suffixes_strong.txt")
STRONG_ORG_SUFFIX = "(?:" + "|".join(STRONG_ORG_SUFFIXES) + ")"

#: An organization name: 2-24 Han characters (with optional brackets) ending in an ORG suffix.
#: e.g. "吉林省工业和信息化厅", "梅州市住房和城乡建设局", "常州市教育局".
ORG_NAME = r"[\p{Han}()]{1,24}?" + ORG_SUFFIX

#: An organization name standing alone on a line (signature, red header): may quote a campaign
#: and carry an alias in brackets, e.g. "全国“安全生产月”活动组织委员会办公室", "保卫处(武装部)".
ORG_LINE_NAME = r"[\p{Han}()“”]{1,30}?" + ORG_SUFFIX + r"(?:\([\p{Han}]{2,10}\))?"

#: The ordinal of a campaign: "第15个", "第二十五个", "第九届", "第3次".
ORDINAL = r"第(?P<n>\d{1,2}|[一二三四五六七八九十]{1,4})(?:个|届|次)"

#: Named days that are campaigns of their own ("今年6月25日是第20个“全国土地日”"), by their last
#: words (data/campaign_days.txt).
CAMPAIGN_DAYS = read_lexicon("campaign_days.txt")

#: The name of a campaign: the Safety Production Month and its siblings in the same format,
#: e.g. "安全生产月", "消防宣传月", "国家网络安全宣传周", "全国科技活动周", "防灾减灾宣传周", "质量月",
#: and the campaign days "全国防灾减灾日", "国际禁毒日", "全国科普日".
CAMPAIGN_NAME = (r"(?:安全生产月|安全月|安康杯|[\p{Han}《“]{0,12}?[》”]?(?:宣传月|宣传周|活动周|活动月|宣传日|安全周|安全日|教育日|消防日|质量月|"
                 r"宣传活动月|宣传活动周|法宣传周|生产周|用药月|减灾日|禁毒日|科普日|" + "|".join(CAMPAIGN_DAYS) + "))")
CAMPAIGN_NAME_PATTERN = regex.compile(CAMPAIGN_NAME)

#: The literals every CAMPAIGN_NAME match contains (its fixed names and suffixes).
CAMPAIGN_LITERALS = ["安全生产月", "安全月", "安康杯", "宣传月", "宣传周", "活动周", "活动月", "宣传日", "安全周",
                     "安全日", "教育日", "消防日", "质量月", "宣传活动月", "宣传活动周", "法宣传周", "生产周",
                     "用药月", "减灾日", "禁毒日", "科普日"] + CAMPAIGN_DAYS

#: CAMPAIGN_NAME_PATTERN's matches, found from its literals (no lazy prefix tried at every character).
CAMPAIGN_NAME_SCANNER = CampaignNameScanner(CAMPAIGN_NAME_PATTERN, CAMPAIGN_LITERALS)

#: Numbered headings by level, e.g. "第一部分", "一、", "(一)", "1.", "(1)", "①".
#: Level 0..5; the group ``n`` holds the numeral.
HEADING_PATTERNS = [
    (0, regex.compile(r"第(?P<n>[一二三四五六七八九十]{1,3})(?:部分|章|篇)\s*")),
    (1, regex.compile(r"(?P<n>[一二三四五六七八九十]{1,3})\s*[、.](?!\d)")),
    (2, regex.compile(r"\((?P<n>[一二三四五六七八九十]{1,3})\)[、.]?\s*")),
    (3, regex.compile(r"(?P<n>\d{1,2})\s*[、.](?!\d)")),
    (4, regex.compile(r"\((?P<n>\d{1,2})\)[、.]?\s*")),
    (5, regex.compile(r"(?P<n>[①-⑳])\s*")),
]

#: An unnumbered heading line (a bold line in the original): "重点活动", "活动时间", "工作要求".
PLAIN_HEADING_PATTERN = regex.compile(
    r"(?:(?:活动|工作|竞赛|宣传)(?:主题|时间|时间安排|内容|安排|要求|任务|措施|目标|原则|范围|对象)|"
    r"重点(?:活动|工作|任务)|主要(?:活动|内容|任务|工作)|组织(?:领导|机构|实施)|总体要求|指导思想|"
    r"保障措施|有关要求|联系方式|其他事项|活动主题和时间)"
)
