"""Joint issuers named in running text: lists of bodies that act together.

A list of bodies is only read as issuers in a context that says they act together (a count
"等19部门", 联合/共同, 由…主办); inside such a context a member needs no organization suffix
("中国银保监会", "中国贸促会", "人民网·人民健康"), but the lead one does.
"""

from __future__ import annotations

from typing import Callable, Optional

import regex

from ..patterns import ORG_SUFFIX

__all__ = ["LOOSE_JOINT_PATTERNS", "loose_joint_lists", "split_members"]

#: One member of a joint list: a name without 、 or punctuation, e.g. "国家粮食和物资储备局"
#: (never holding 由 or 等, which open and close a list).
MEMBER = r"[^\P{Han}由等]{2,24}?(?:·[^\P{Han}由等]{2,12})?"

#: A list of two or more members separated by 、 (the last may follow 和/及/与, split later).
MEMBER_LIST = rf"(?P<orgs>{MEMBER}(?:、{MEMBER})+)"

#: Where a list may start: the start of a line or clause, a dateline "…5月21日电/", 由.
LIST_LEFT = r"(?:^|(?<=[,。:;\s(》”/|]|日电|讯|由))"

#: A count after the list: "等19部门", "等6个单位", "等部委", "等七部门".
COUNT_TAIL = (r"等(?:\d{1,2}|[一二三四五六七八九十]{1,3})?个?(?:有关|相关|市直|县直|省直|区直|成员)*"
              r"(?:部门|单位|部委|家单位|家)")

#: Time and place words between the list and its verb: "日前", "近日", "已", "在全区范围".
TIME_WORDS = r"(?:近日|日前|近期|今年|已|于\d{1,2}月\d{1,2}日)*(?:在[^\P{Han}、]{1,10}?)?"

#: Verbs of issuing or acting together after a counted list: "等23部门日前联合印发《…",
#: "中宣部、公安部等7部门定于今年6月开展…", "等6部门共同主办的".
COUNTED_VERB = r"(?:联合|共同)?(?:印发|下发|发布|发出|部署|决定|定于|主办|举办|召开|举行|启动|开展|组织)"

#: Verbs that need no count: "…、…联合印发", "…、…共同主办", "…、…主办的".
TOGETHER_VERB = r"(?:(?:联合|共同)(?:印发|下发|发布|发出|部署|主办|举办|召开|举行|启动|开展|组织)|(?:共同|联合)?主办的)"

#: Joint lists in running text, e.g.
#: "近日,国务院食品安全办、中央文明办、…、中国铁路总公司等19部门联合下发《关于…》",
#: "由省委宣传部、省安监局等6部门共同主办的…", "由国家药监局指导,国家药监局综合司、中国药学会、人民网·人民健康主办的…".
LOOSE_JOINT_PATTERNS = [
    regex.compile(rf"{LIST_LEFT}{MEMBER_LIST}{COUNT_TAIL},?{TIME_WORDS},?{COUNTED_VERB}"),
    regex.compile(rf"{LIST_LEFT}{MEMBER_LIST}{TIME_WORDS},?{TOGETHER_VERB}"),
]

#: A list that describes what a campaign is, not who acts now: "已经发展为由…十四个部门联合主办的活动",
#: "是由…等十个部门共同作出决定".
DESCRIBED_PATTERN = regex.compile(r"(?:是|为|成为)由$")

#: A list cited, not acting now: "根据国务院安委办、应急管理部联合印发的《…》" (the clause opens with 根据).
CITED_PATTERN = regex.compile(r"(?:根据|按照|依据|贯彻|落实|结合)[^,。;:\n]*$")

#: Verbs inside a would-be member: "市公安消防支队提请市公安局与市委宣传部", "罗河镇将联合派出所" are no names.
MEMBER_VERB_PATTERN = regex.compile(r"提请|将|在|联合|会同|协同|牵头|邀请|带领|指导|组织|开展|按照|根据|通过|围绕")

#: A leader before the list: "由市安委办牵头,市应急局、市公安局…联合开展" (the leader comes first).
LEADER_PATTERN = regex.compile(rf"由(?P<org>[^\P{{Han}}由等]{{2,24}}?{ORG_SUFFIX})牵头,$")

#: The last member may join two bodies with 和/及/与 ("省应急管理厅和省卫生健康委员会"); it is cut
#: there only when both halves end like an organization ("工业和信息化部" stays whole).
LAST_JOIN_PATTERN = regex.compile(rf"^(?P<a>.+?{ORG_SUFFIX})(?:和|及|与)(?P<b>.+{ORG_SUFFIX})$")

#: Time words glued before the lead member when no comma follows them: "近日国务院食品安全办".
LEAD_WORD_PATTERN = regex.compile(r"(?:近日|日前|近期|今年|此前|当天|同日)")

#: Words no member starts with: a list of places or groups is no list of bodies ("各成员单位", "全市").
NOT_A_MEMBER_START = ("各", "全市", "全县", "全区", "全省", "我", "本", "该", "其", "广大", "深入", "走进", "进")


def split_members(text: str, s: int, e: int) -> list[tuple[int, int]]:
    """Spans of the members of the list ``text[s:e]``, cut at 、 (and a last 和/及/与)."""
    out, pos = [], s
    for i in range(s, e):
        if text[i] == "、":
            out.append((pos, i))
            pos = i + 1
    out.append((pos, e))
    lead = LEAD_WORD_PATTERN.match(text, out[0][0], out[0][1])
    if lead and out[0][1] - lead.end() >= 2:
        out[0] = (lead.end(), out[0][1])
    a, b = out[-1]
    m = LAST_JOIN_PATTERN.match(text[a:b])
    if m:
        out[-1:] = [(a, a + m.end("a")), (a + m.start("b"), b)]
    return out


def loose_joint_lists(text: str, lead_ok: Callable[[str], bool], member_ok: Callable[[str], bool],
                      start: int = 0, end: Optional[int] = None) -> list[list[tuple[int, int]]]:
    """Every joint list between ``start`` and ``end`` whose lead member passes ``lead_ok`` and
    every other ``member_ok``, in reading order (the first list found first)."""
    end = len(text) if end is None else end
    found = []
    for pattern in LOOSE_JOINT_PATTERNS:
        for m in pattern.finditer(text, start, end):
            parts = split_members(text, m.start("orgs"), m.end("orgs"))
            names = [text[a:b] for a, b in parts]
            if not lead_ok(names[0]) or not all(member_ok(n) for n in names[1:]) \
                    or any(n.startswith(NOT_A_MEMBER_START) or MEMBER_VERB_PATTERN.search(n) for n in names):
                continue
            before = text[max(0, parts[0][0] - 30):parts[0][0]]
            if DESCRIBED_PATTERN.search(before) or CITED_PATTERN.search(before):
                continue
            leader = LEADER_PATTERN.search(before)
            if leader and lead_ok(leader.group("org")):
                lead_start = parts[0][0] - len(before) + leader.start("org")
                parts = [(lead_start, lead_start + len(leader.group("org")))] + parts
            found.append(parts)
    found.sort(key=lambda p: p[0][0])
    return found
