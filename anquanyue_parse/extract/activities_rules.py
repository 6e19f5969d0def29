"""What a heading of a plan says about activities: an activity section, a section about the
campaign itself (aims, time, requirements, a contest's rules), a summary's title."""

from __future__ import annotations

import regex

__all__ = ["ANNOUNCE_PATTERN", "ACTIVITY_NAME_PATTERN", "ACTIVITY_WORD_PATTERN", "SUMMARY_PATTERN", "activity_like", "generic", "section_heading"]

#: A section that lists activities: "三、活动内容", "三、主要工作任务", "五、主要活动安排",
#: "六、“安全生产月”活动主要内容", "五、“安全生产万里行”活动主要内容", "五、活动内容及形式"
#: (not "宣传内容": the topics to publicize).
ACTIVITY_SECTION_PATTERN = regex.compile(
    r"(?:活动|工作|竞赛)(?:主要)?(?:内容|安排|任务|项目|形式)|宣传(?:主要)?(?:安排|任务|项目|形式)|"
    r"主要(?:内容|任务|活动|工作)|重点(?:活动|工作|任务)|"
    r"具体(?:活动|措施|安排)|活动及安排|系列活动|活动重点"
)

#: Section titles that are about the campaign, not an activity: "总体要求", "活动主题", "组织机构".
GENERIC_SECTION_PATTERN = regex.compile(
    r"(?:活动|工作|竞赛|宣传教育|宣传|教育|基本|总体|主要|有关|相关|具体|实施|参加|参与)?的?"
    r"(?:指导思想|宗旨|竞赛内容|总体要求|总体思路|总体目标|总体安排|目标任务|目标|主题|口号|时间|时间安排|组织机构|组织领导|"
    r"组织保障|组织实施|领导小组|机构|要求|保障措施|保障|措施|原则|范围|对象|联系方式|步骤|阶段|背景|意义|其他\p{Han}{0,2}|重点|"
    r"事项|注意事项|依据|说明|附则|安排|"
    # a contest's rules and an event's agenda (参赛对象, 投稿方式, 评选, 地点, 参加单位, 议程)
    r"征集|征集时间|征集范围|征集内容|作品|作品要求|作品内容|评选|评审|评选时间|奖项|奖项设置|奖励|表彰|参赛|参赛对象|"
    r"投稿|投稿方式|报名|报名方式|规则|竞赛规则|演讲主题|演讲内容|演讲安排|参加单位|参加人员|参与方式|地点|议程|"
    r"组织单位|主办单位|承办单位|协办单位|考核|统计与考核|出版|专辑|单位|方式|形式|成效|展望|提示|核心内容|基本情况|"
    r"主要做法|经验|体会|存在问题|问题|下一步|条件|评选条件|评选办法|办法|内容要求|组织|出版|专辑出版)"
)

#: A heading that is a label with its value, "征集时间:2010年6月1日至9月30日": read the label.
LABEL_HEADING_PATTERN = regex.compile(r"^(?P<label>[^:]{2,12}):")

#: The words a heading opens with, before any junk a copy-protected page appends.
LEAD_WORDS_PATTERN = regex.compile(r"[\p{Han}“”、()]+")

#: A summary's or report's title or opening: its headings are achievements, not an activity list.
SUMMARY_PATTERN = regex.compile(r"总结|情况报告|工作汇报|开展情况|活动情况")

#: Joins parts of a section title: "活动时间及目标", "主题和时间安排".
TITLE_JOINER_PATTERN = regex.compile(r"和|及|(?<!参)与|、|暨")  # not the 与 of 参与

#: An activity-looking section that is about requirements: "活动要求", "工作保障安排".
NOT_ACTIVITY_SECTION_PATTERN = regex.compile(r"要求|保障")


def generic(title: str) -> bool:
    """A heading about the campaign itself ("总体要求", "活动时间及目标", "主题和时间安排")."""
    label = LABEL_HEADING_PATTERN.match(title.strip())
    title = label.group("label") if label else title
    lead = LEAD_WORDS_PATTERN.match(title.strip())  # "活动组织 ;(3!#4`q(]": junk after the words
    title = lead.group(0) if lead else title
    title = title.strip(" :。")
    if GENERIC_SECTION_PATTERN.fullmatch(title):  # "统计与考核" whole, before it is split
        return True
    parts = [p for p in TITLE_JOINER_PATTERN.split(title) if p]
    return bool(parts) and all(GENERIC_SECTION_PATTERN.fullmatch(p) for p in parts)


#: The end of a section's intro that announces its items as activities or tasks:
#: "…主要做好以下几个方面工作:", "具体活动安排如下:" (not "提出以下要求:").
ANNOUNCE_PATTERN = regex.compile(r"(?:以下|如下)[^。:\n]{0,10}(?:活动|工作|任务)[^。:\n]{0,4}:\s*$|(?:活动|工作|任务)[^。:\n]{0,4}如下:\s*$")

#: A bracketed aside in a heading: "网络安全宣传(国家网安周系列活动一)", "活动内容(6月1日-30日)".
BRACKETED_PATTERN = regex.compile(r"\([^()]*\)")

#: Sentence punctuation: a heading holding it is a sentence, not the name of a section.
SENTENCE_PUNCT_PATTERN = regex.compile(r"[,;。]")

#: A section's name is short: "“安全生产万里行”活动主要内容" (14), "组织开展“查找身边安全隐患”系列活动" (18).
MAX_SECTION_TITLE = 30


def section_heading(title: str) -> bool:
    """The heading names an activity section ("三、活动内容", "五、“安全生产万里行”活动主要内容"),
    not a sentence that mentions one ("…是2023年宣传周重点活动") nor an item whose aside does
    ("网络安全宣传(国家网安周系列活动一)"), nor a requirement ("活动要求")."""
    bare = BRACKETED_PATTERN.sub("", title)
    return (len(bare) <= MAX_SECTION_TITLE and not SENTENCE_PUNCT_PATTERN.search(bare)
            and bool(ACTIVITY_SECTION_PATTERN.search(bare)) and not NOT_ACTIVITY_SECTION_PATTERN.search(bare))


#: A heading that asks a question (a Q&A page): "什么是国家安全?", "为什么要设立…".
QUESTION_PATTERN = regex.compile(r"\?\s*$|^(?:什么是|为什么|如何)")

#: An instruction, not an activity's name: "各地要认真贯彻…", "宣传周期间,要结合…", "请各区县科协于…",
#: "应征作品必须为…" (not the 要 of 重要, 主要, 需要, 纲要, 要求, 要点).
INSTRUCTION_PATTERN = regex.compile(
    r"(?:^|[,;])[^,;。]{0,12}?(?<![重主需纲摘提概扼])要(?![求点素闻])|必须|应当|(?:^|[,;])请"
)

#: A rule's limit or requirement, not an activity: "口号要求言简意赅", "每条口号不超过20个字".
RULE_PATTERN = regex.compile(r"要求|不超过|不少于|以内|为限")

#: Words that name an activity: "开展好事故警示教育周活动", "组织应急演练", "举办知识竞赛".
ACTIVITY_WORD_PATTERN = regex.compile(r"活动|开展|组织|举办|举行|召开|演练|竞赛|培训|讲座|宣传|检查|排查|评选|征集")

#: The name of one activity, short and ending in the kind of activity: "广场宣传活动", "灾害风险隐患排查",
#: "学校主题教育活动" (not a summary's "加强领导,精心组织" nor "宣传到位").
ACTIVITY_NAME_PATTERN = regex.compile(
    r"[\p{Han}“”]{2,20}(?:活动|排查|演练|竞赛|培训|讲座|检查|比赛|展览|评选|咨询日|启动仪式|宣传)"
)

#: A statement of the theme: "今年全国节能宣传周活动的主题是“绿色发展,节能先行”".
THEME_STATEMENT_PATTERN = regex.compile(r"主题(?:是|为)")

#: Four-character phrases in a row, a requirement's or a summary's heading: "加强领导,高度重视",
#: "加强宣传,提高认识,营造氛围".
PAIRED_PHRASES_PATTERN = regex.compile(r"\p{Han}{4}(?:[,、]\p{Han}{4})+")

#: A label and a sentence, a paragraph and not a heading: "重点活动申报:请各区县科协于9月4日前…".
LABEL_SENTENCE_PATTERN = regex.compile(r"^[^:]{2,12}:[^:]{15,}")


def activity_like(title: str) -> bool:
    """A top heading that can name an activity when no activity section says so: not a question,
    an instruction, a theme statement, a requirement's paired phrases or a labelled paragraph."""
    title = title.strip(" :。")
    return not (QUESTION_PATTERN.search(title) or INSTRUCTION_PATTERN.search(title) or RULE_PATTERN.search(title)
                or THEME_STATEMENT_PATTERN.search(title) or PAIRED_PHRASES_PATTERN.fullmatch(title)
                or LABEL_SENTENCE_PATTERN.match(title))
