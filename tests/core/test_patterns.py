"""Every named pattern compiles and matches its examples (inputs are match text:
ASCII punctuation, simplified characters, no CJK/digit gaps)."""

from __future__ import annotations

import importlib
import pkgutil

import pytest
import regex

import anquanyue_parse

# (module, constant, example, expected: the whole match, or {group: value}, or None for "no match")
EXAMPLES = [
    ("patterns.web_chrome", "INFO_BAR_PATTERN", "发布时间:2021-06-03 点击数: 字体:A- A+", "发布时间:"),
    ("patterns.web_chrome", "INFO_BAR_PATTERN", "作者:安委办〔2015〕19号   文章来源:国务院安委会办公室  点击数:", "点击数"),
    ("patterns.web_chrome", "INFO_BAR_PATTERN", "二、活动主题", None),
    ("patterns.web_chrome", "METADATA_LABEL_PATTERN", "发布单位:全国安全生产月活动组委会办公室", "发布单位"),
    ("patterns.web_chrome", "METADATA_LABEL_PATTERN", "索 引 号：11370000004", "索 引 号"),
    ("patterns.web_chrome", "METADATA_LABEL_PATTERN", "发布日期:2017-06-29", None),
    ("patterns.web_chrome", "WIDGET_PATTERN", "发布时间：2024-05-28 字体：大 中 小", "字体：大"),
    ("patterns.web_chrome", "WIDGET_PATTERN", "发布时间：2024-05-28 来源：某市应急管理局", None),
    ("patterns.web_chrome", "BAR_DOC_NUMBER_PATTERN", "作者:安委办〔2015〕19号   文章来源:国务院安委会办公室", "〔2015〕19号"),
    ("patterns", "DOC_NUMBER_PATTERN", "威工信发〔2024〕22号", "〔2024〕22号"),
    ("patterns", "DOC_NUMBER_PATTERN", "桐政[2009]21号", "[2009]21号"),
    ("patterns", "DOC_NUMBER_PATTERN", "开安委(2009)6号", "(2009)6号"),
    ("patterns", "DOC_NUMBER_PATTERN", "(2024-2026年)", None),
    ("normalize", "NOISE_PATTERN", "a\r\nb", "\r\n"),
    ("patterns.layout", "PAGE_NUMBER_LINE_PATTERN", "正文\n— 3 —\n正文", "— 3 —\n"),
    ("patterns.layout", "PAGE_NUMBER_LINE_PATTERN", "第 2 页 共 9 页\n", "第 2 页 共 9 页\n"),
    ("patterns.layout", "BLOCK_START_PATTERN", "（一）聚焦安全生产", "（一）"),
    ("normalize", "CJK_GAP_PATTERN", "2024 年", " "),
    ("normalize", "PINYIN_RESIDUE_PATTERN", "發(fā)展", "(fā)"),
    ("normalize", "MARKUP_PATTERN", '<?xml:namespace prefix="st1" ns="urn:x">', '<?xml:namespace prefix="st1" ns="urn:x">'),
    ("normalize", "LINE_EDGE_SPACE_PATTERN", "  一、总体要求", "  "),
    ("normalize", "INLINE_MARK_PATTERN", "通知如下: 一、指导思想", {"l1": "一"}),
    ("normalize", "INLINE_MARK_PATTERN", "活动内容(二)开展", {"l2": "二"}),
    ("normalize", "INLINE_TITLE_GAP_PATTERN", "开展安全生产宣传活动 各级", {"gap": " "}),
    ("extract.published", "STAMP_LINE_PATTERN", "标题\n2018-09-13 21:49\n正文", {"y": "2018", "m": "09", "d": "13"}),
    ("extract.published", "STAMP_LINE_PATTERN", "02.11.2018  09:21", {"d2": "02", "m2": "11", "y2": "2018"}),
    ("extract.published", "OTHER_DATE_LABEL_PATTERN", "成文日期", "成文日期"),
    ("extract.published", "OTHER_DATE_LABEL_PATTERN", "发布日期", None),
    ("extract.published", "STAMP_LINE_PATTERN", "中铝西南铝2021-06-01 15:23", {"y": "2021", "m": "06", "d": "01"}),
    ("extract.published", "STAMP_LINE_PATTERN", "活动时间为2021-06-01至2021-06-30", None),
    ("extract.published", "DATELINE_PATTERN", "中国网5月11日讯 在第6个", {"m": "5", "d": "11"}),
    ("extract.year", "CONTEST_AFTER_PATTERN", "”海报设计大赛的通知", "”海报设计大赛"),
    ("extract.theme", "THEME_LABEL_EOL_PATTERN", "今年的主题是\n文明交通 携手共创\n", {"theme": "文明交通 携手共创"}),
    ("extract.theme", "LABEL_LEAD_PATTERN", "全国防灾减灾日", "日"),
    ("extract.deadlines", "SUBMISSION_WORD_PATTERN", "活动项目征集截止日期为2015年3月25日", "征集"),
    ("extract.deadlines", "CUTOFF_PATTERN", "投稿截止日期:2015年4月30日", {"m": "4", "d": "30"}),
    # sibling campaigns of real notices (corpus/real9a-f): companions
    ("extract.companions", "UNQUOTED_TOUR_PATTERN", "组成的安全生产天山行活动,赴", {"name": "安全生产天山行"}),
    ("extract.companions", "UNQUOTED_TOUR_PATTERN", "“安全生产万里行”活动", None),
    ("extract.companions", "GENERIC_NAME_PATTERN", "宣传周", "宣传周"),
    ("extract.companions", "GENERIC_NAME_PATTERN", "科技工作者日", None),
    ("extract.companions", "NAME_PREFIX_PATTERN", "6月19日为全国", "全国"),
    ("extract.companions", "NAME_PREFIX_PATTERN", "今年恰逢6.26", "6.26"),
    # periods of sibling campaigns (corpus/real9a-f)
    ("extract.period", "STEP_TIME_PATTERN", "五、评选时间:2014年6月", "评选时间"),
    ("extract.period", "STEP_TIME_PATTERN", "三、活动时间", None),
    ("extract.period", "START_UNTIL_PATTERN", "活动9月14日拉开帷幕,一直将持续到9月20日", {"d": "14", "d2": "20"}),
    ("extract.period", "START_UNTIL_PATTERN", "将从12月4日启动,持续至12月10日", {"m": "12", "m2": "12", "d2": "10"}),
    ("extract.period", "DATELINE_TAIL_PATTERN", "讯 在第6个", "讯"),
    ("extract.period", "DATE_IS_CAMPAIGN_PATTERN", "6月是我国全民禁毒宣传月", {"date": "6月"}),
    ("extract.period", "DATE_IS_CAMPAIGN_PATTERN", "4月25日至5月1日是第15个宣传周", None),
    # joint issuers and title shapes of real notices (corpus/real9a-f)
    ("extract.issuer_title", "BREADCRUMB_PATTERN", "我的位置: 首页 > 法律条文 > 甲局关于开展活动的通知", "我的位置: 首页 > 法律条文 > "),
    ("extract.issuer_title", "FLAT_TITLE_PATTERN", "宜昌市人民政府办公室关于认真组织开展活动的通知 【法规类别】", {"org": "宜昌市人民政府办公室"}),
    ("extract.issuer_news", "DECIDE_PATTERN", "配合活动,中国安全生产协会决定面向全国开展", {"org": "中国安全生产协会"}),
    ("extract.issuer_meta", "WORD_CHAR_PATTERN", "局 文号", "局"),
    ("extract.joint", "LAST_JOIN_PATTERN", "省应急管理厅和省卫生健康委员会", {"a": "省应急管理厅", "b": "省卫生健康委员会"}),
    ("extract.joint", "LAST_JOIN_PATTERN", "工业和信息化部", None),
    ("extract.joint", "LEAD_WORD_PATTERN", "近日国务院食品安全办", "近日"),
    ("extract.joint", "DESCRIBED_PATTERN", "已经发展为由", "为由"),
    ("extract.joint", "CITED_PATTERN", "要求,根据", "根据"),
    ("extract.joint", "MEMBER_VERB_PATTERN", "市公安消防支队提请市公安局", "提请"),
    ("extract.joint", "LEADER_PATTERN", "6月16日上午,由市安委办牵头,", {"org": "市安委办"}),
    ("extract.issuer_names", "INNER_VERB_PATTERN", "吉林市禁毒委按照省禁毒委", "按照"),
    ("extract.issuer_news", "EVENT_LEAD_PATTERN", "5月29日上午在京隆重", "5月29日上午在京隆重"),
    ("extract.issuer_news", "JOINT_SUBJECT_PATTERN", "5月31日,国务院安委会办公室、应急管理部在京举行启动仪式", {"orgs": "国务院安委会办公室、应急管理部"}),
    ("extract.issuer_news", "JOINT_HOST_PATTERN", "由保定市科协、市教育局、市环保局主办的活动", {"orgs": "保定市科协、市教育局、市环保局"}),
    ("extract.issuer_news", "PLACE_SUBJECT_PATTERN", "12月14日,陇南市举办集中宣传活动", {"org": "陇南市"}),
    ("extract.issuer_news", "PLACE_SUBJECT_PATTERN", "启动仪式在福州举行", None),
    ("extract.issuer_title", "TITLE_SUBJECT_PATTERN", "北京市二龙路医院开展“安全生产月”系列工作", {"org": "北京市二龙路医院"}),
    ("extract.campaign", "EDITION_BEFORE_PATTERN", "今年5月12日是第15个全国防灾减灾日", "第15个全国防灾减灾日"),
    ("extract.period", "WITHIN_RANGE_PATTERN", "5月8日至14日,其中", "至14日"),
    ("extract.period", "EVERY_YEAR_PATTERN", "自2009年起,每年", "每年"),
    ("extract.year", "SINCE_YEAR_PATTERN", "自2009年起", "自2009年"),
    ("extract.year", "SINCE_YEAR_PATTERN", "从2009年开始", "从2009年"),
    ("extract.year", "SINCE_YEAR_PATTERN", "2009年以来", "2009年以来"),
    ("extract.year", "ANY_EDITION_PATTERN", "今年是第15个全国防灾减灾日", {"n": "15", "name": "全国防灾减灾日"}),
    ("extract.year", "ANY_EDITION_PATTERN", "第九届国家网络安全宣传周", {"n": "九"}),
    ("extract.deadlines", "REPORT_VERB_PATTERN", "7月3日前报市政府安委会办公室", "报"),
    ("extract.deadlines", "REPORT_VERB_PATTERN", "于5月31日前报送活动联络员表", "报送"),
    ("extract.deadlines", "DATED_PATTERN", "6月4日18时前报送", {"m": "6", "d": "4", "h": "18", "before": "前"}),
    ("extract.deadlines", "DATED_PATTERN", "6月底前报送", {"m": "6", "end": "底"}),
    ("extract.deadlines", "DATED_PATTERN", "7月3日(星期一)前报送", {"d": "3", "before": "前"}),
    ("extract.deadlines", "DATED_PATTERN", "6月10日下午5点前", {"ampm": "下午", "h": "5"}),
    ("extract.deadlines", "RECURRING_PATTERN", "每月底前报送", {"mend": "底"}),
    ("extract.deadlines", "RECURRING_PATTERN", "6月份每周三12:00前", {"wd": "三"}),
    ("extract.deadlines", "RECURRING_PATTERN", "每月25日前报送", {"md": "25"}),
    ("extract.theme", "THEME_HEADING_PATTERN", "活动主题", "活动主题"),
    ("extract.theme", "THEME_HEADING_PATTERN", "主题和时间安排", "主题和时间安排"),
    ("extract.theme", "THEME_LABEL_PATTERN", "活动的主题为:遵章守法,关爱生命。", {"theme": "遵章守法,关爱生命"}),
    ("extract.theme", "THEME_LABEL_PATTERN", "主题词:安全生产 通知", None),
    ("extract.issuer_names", "ORG_LINE_PATTERN", "运城市工业和信息化局", {"org": "运城市工业和信息化局"}),
    ("extract.issuer_title", "RED_HEADER_PATTERN", "嵊州市竹溪乡人民政府文件", {"org": "嵊州市竹溪乡人民政府"}),
    ("extract.issuer_title", "TITLE_PREFIX_PATTERN", "吉林省工业和信息化厅关于印发", {"org": "吉林省工业和信息化厅"}),
    ("extract.issuer_meta", "META_ISSUER_PATTERN", "发布单位:全国安全生产月活动组委会办公室", {"org": "全国安全生产月活动组委会办公室"}),
    ("extract.issuer_meta", "META_ISSUER_PATTERN", "文章来源:国务院安委会办公室点击数:", {"org": "国务院安委会办公室"}),
    ("extract.issuer_title", "PLAN_TITLE_UNIT_PATTERN", "白塔街道2024年“安全生产月”活动方案", {"org": "白塔街道"}),
    ("extract.issuer", "PLAN_TITLE_PATTERN", "白塔街道2024年“安全生产月”活动方案", "方案"),
    ("extract.issuer", "PLAN_TITLE_PATTERN", "关于印发活动方案的通知", None),
    ("extract.issuer_names", "MEDIA_SUFFIX", "交通运输部网站", "网站"),
    ("extract.docnumber", "OWN_LABEL_PATTERN", "文件编号:", "文件编号:"),
    ("extract.docnumber", "CITE_CONTEXT_PATTERN", "根据《关于…》", "根据"),
    ("extract.docnumber", "NEWS_OWN_PATTERN", "安委办下发了《关于开展2017年“安全生产月”活动的通知》",
     "下发了《关于开展2017年“安全生产月”活动的通知》"),
    ("extract.year", "EDITION_PATTERN", "今年6月是第23个全国“安全生产月”", {"n": "23"}),
    ("extract.year", "EDITION_PATTERN", "全国第十七个安全安全生产月", {"n": "十七"}),
    ("extract.year", "CAMPAIGN_YEAR_PATTERN", "2023年“安全生产月”活动方案", {"y": "2023"}),
    ("extract.year", "ANY_YEAR_PATTERN", "2010年6月1日", {"y": "2010"}),
    ("extract.year", "YEAR_PLACEHOLDER_PATTERN", "仁和区教育局xx年", "xx年"),
    ("extract.period", "PERIOD_PATTERN", "2024年6月1日至30日", {"y": "2024", "m": "6", "d": "1", "d2": "30"}),
    ("extract.period", "PERIOD_PATTERN", "6月1日-6月30日", {"m": "6", "d": "1", "m2": "6", "d2": "30"}),
    ("extract.period", "PERIOD_PATTERN", "2021年6月起", {"y": "2021", "m": "6", "open": "起"}),
    ("extract.period", "PERIOD_HEADING_PATTERN", "活动时间", "时间"),
    ("extract.period", "PERIOD_LABEL_PATTERN", "活动时间为2025年", "活动时间为"),
    ("extract.period", "CAMPAIGN_SENTENCE_PATTERN", "开展“安全生产月”活动", "安全生产月"),
    ("extract.period", "CAMPAIGN_VERB_PATTERN", "在全省启动", "启动"),
    ("extract.period", "OTHER_CAMPAIGN_PATTERN", "“白山松水安全行”活动从5月份开始", "行”"),
    ("extract.base", "SENTENCE_END_PATTERN", "报送;联系人", ";"),
    ("extract.companions", "COMPANION_NAME_PATTERN", "“安全生产万里行”", {"name": "安全生产万里行"}),
    ("patterns", "CAMPAIGN_NAME_PATTERN", "开展2019年消防宣传月活动", "年消防宣传月"),
    ("patterns", "CAMPAIGN_NAME_PATTERN", "第十届国家网络安全宣传周", "第十届国家网络安全宣传周"),
    ("patterns", "CAMPAIGN_NAME_PATTERN", "《职业病防治法》宣传周", "《职业病防治法》宣传周"),
    ("extract.campaign", "GENERIC_CORE_PATTERN", "2020年全国节能宣传周", {"core": "节能宣传周"}),
    ("extract.companions", "CONJUNCTION_PATTERN", "安全生产月”和“白山松水安全行”", {"name": "白山松水安全行"}),
    ("extract.contacts", "CONTACT_LABEL_PATTERN", "联系人及电话:郝大冰", "联系人及电话:"),
    ("extract.contacts", "CONTACT_LABEL_PATTERN", "联系人王海涛电话010-59876543", {"colon": None}),
    ("extract.contacts", "EXTENSION_PATTERN", "内线电话:6218,手机", {"v": "6218"}),
    ("extract.contacts", "FIELD_LABEL_PATTERN", "联系电话:0533-3186520", {"label": "联系电话"}),
    ("extract.contacts", "UNIT_NAME_SPLIT", "县应急管理局宣教股马文军", {"org": "县应急管理局宣教股", "name": "马文军"}),
    ("extract.contacts", "TITLE_SUFFIX", "王志刚同志", "同志"),
    ("extract.contacts", "CONTINUATION_PATTERN", "市应急管理局宣传教育处 邵婷 0512-68615033", "市应急管理局宣传教育处 邵婷 0512"),
    ("extract.attachments", "OMITTED_PATTERN", "名单(略)", "(略)"),
    ("extract.attachments", "INLINE_NEXT_PATTERN", "联络员信息表;2.2023年统计表", {"n": "2"}),
    ("extract.docnumber", "DOC_NUMBER_PATTERN", "深南教〔2016〕 1 2 8 号", {"serial": "1 2 8"}),
    ("patterns", "PLAIN_HEADING_PATTERN", "重点活动", "重点活动"),
    ("extract.contacts", "NEXT_PERSON_PATTERN", "刘洋010-64463071,部新闻宣传司 陈静 010-83933482", ","),
    ("extract.deadlines", "MONTH_END_PATTERN", "各单位于月底前报送活动总结", "月底前"),
    ("extract.deadlines", "MONTH_END_PATTERN", "每月底前报送", None),
    ("extract.deadlines", "CUTOFF_PATTERN", "截止时间为6月25日", {"m": "6", "d": "25"}),
    ("extract.issuer_signature", "SEAL_PATTERN", "中原煤化集团股份有限公司(盖章)", "(盖章)"),
    ("extract.issuer_signature", "DAMAGED_DATE_LINE_PATTERN", "2024813", "2024813"),
    ("extract.issuer_signature", "DAMAGED_DATE_LINE_PATTERN", "2017、11、3", "2017、11、3"),
    ("extract.issuer_signature", "DAMAGED_DATE_LINE_PATTERN", "2024", None),
    ("extract.issuer_names", "OWN_UNIT_PATTERN", "公司总工办", "公司总工办"),
    ("extract.issuer_signature", "PARENT_END_PATTERN", "中原煤化集团股份有限公司", "公司"),
    ("extract.issuer_signature", "PARENT_END_PATTERN", "医院", None),
    ("extract.issuer_news", "PRESS_OFFICE_PATTERN", "潍坊市人民政府新闻办公室", "新闻办公室"),
    ("extract.issuer_title", "TITLE_LEAD_PATTERN", "江永:四方井社区妇联“四个一”", {"run": "四方井社区妇联"}),
    ("extract.issuer_title", "TITLE_SHORT_SUBJECT_PATTERN", "西南铝开展2021年活动", {"org": "西南铝"}),
    ("extract.issuer_title", "DOCUMENT_TITLE_PATTERN", "关于开展活动的通知", "通知"),
    ("extract.issuer_title", "DOCUMENT_TITLE_PATTERN", "西南铝开展2021年“安全生产月”活动", None),
    ("extract.issuer_news", "JOINT_MEMBER_BAN_PATTERN", "志愿者服务队在河北科技大学", "在"),
    ("extract.issuer_names", "OWN_UNIT_PATTERN", "公司", None),
    ("extract.issuer_names", "LEAD_TIME_PATTERN", "日前集团公司", "日前"),
    ("extract.theme", "PLACEHOLDER_THEME_PATTERN", "主题待正式发布后另行通知", "待正式发布"),
    ("normalize", "CN_DATE_PATTERN", "于五月二十五日前", {"m": "五"}),
    ("normalize", "CN_DATE_HINT", "二〇二二年", "〇"),
    ("extract.activities_inline", "TABLE_COLUMN_PATTERN", "活动内容", "活动内容"),
    ("extract.activities_inline", "CELL_SPLIT_PATTERN", "1\t启动仪式\t5月19日", "\t"),
    ("extract.activities_inline", "CELL_SPLIT_PATTERN", "1  启动仪式  5月19日", "  "),
    ("normalize", "KEYCAP_PATTERN", "1\ufe0f\u20e3 开展", "\ufe0f\u20e3"),
    ("extract.activities_rules", "TITLE_JOINER_PATTERN", "活动时间及目标", "及"),
    ("extract.activities_rules", "NOT_ACTIVITY_SECTION_PATTERN", "活动要求", "要求"),
    ("extract.activities_inline", "ROW_NUMBER_PATTERN", "12.", "12."),
    ("extract.attachments", "HAN_PATTERN", "170附件.doc", "附"),
    ("extract.contacts", "NAME_SHAPE_PATTERN", "林志强", "林志强"),
    ("extract.contacts", "UNIT_AT_END_PATTERN", "宣传教育处", "处"),
    ("extract.contacts", "NAME_TOKEN_PATTERN", "市安委办 林志强", "市安委办"),
    ("extract.contacts", "SEGMENT_CUT_PATTERN", "刘洋010-1;陈静", ";"),
    ("extract.contacts", "PHONE_NOISE_PATTERN", "(0631) 5201067", "("),
    ("extract.deadlines", "LIST_NEXT_DATE_PATTERN", "和7月3日前报", "和7月3日前"),
    ("extract.deadlines", "RECURRENCE_SCOPE_PATTERN", "6月份", "6月份"),
    ("extract.period", "SENTENCE_PATTERN", "活动时间为6月。联系人", "活动时间为6月"),
    ("extract.period", "DAY_RANGE_PATTERN", "从6月1日至6月30日", "1日至6月30日"),
    ("extract.period", "DAY_RANGE_PATTERN", "从5月11日持续到5月17日", "11日持续到5月17日"),
    ("normalize", "INDENT_GAP_PATTERN", "实效。\u3000\u30002.开展", "\u3000\u3000"),
    ("segment", "LEADING_SYMBOLS_PATTERN", "📌 活动安排", "📌 "),
    ("extract.contacts", "CONTACT_SECTION_PATTERN", "联系方式", "联系方式"),
    ("extract.theme", "TRAILING_NOTE_PATTERN", "守护身边安全(与全国活动主题保持一致)", "(与全国活动主题保持一致)"),
    ("normalize", "FLAT_BREAK_PATTERN", "报市经委。附件:1.统计表", ""),
    ("normalize", "FLAT_BREAK_PATTERN", "标语(略)二〇〇七年五月二十一日", ""),
    ("normalize", "FLAT_ITEM_PATTERN", "宣传教育。2.开展隐患排查", {"n": "2"}),
    ("segment", "BRACKET_HEADING_PATTERN", "【宣传教育】", {"t": "宣传教育"}),
    ("extract.docnumber", "DOC_LABEL_PREFIX_PATTERN", "文号云网办", "文号"),
    ("extract.period", "DATE_IS_CAMPAIGN_PATTERN", "2017年3月27日是第22个全国中小学生安全教育日", {"date": "2017年3月27日"}),
    ("extract.theme", "QUOTED_LINE_PATTERN", "“共建共治共享 守护职业健康”。同时要继续", {"theme": "共建共治共享 守护职业健康"}),
    ("extract.theme", "QUOTED_LINE_PATTERN", "“安全生产月”的各项活动", None),
    ("extract.deadlines", "DUTY_TABLE_HEADER_PATTERN", "| 报送内容 | 报送时间 |", "报送时间"),
    ("extract.issuer", "HAN_GAP_PATTERN", "合 肥 市", " "),
    ("extract.activities", "LINE_BREAK_PATTERN", "主要\n\n活动内容", "\n\n"),
    ("extract.companions", "SLOGAN_END_PATTERN", "安全用网你我同行", "同行"),
    ("extract.docnumber", "UNIT_IN_PREFIX_PATTERN", "局交通警察支队绍公交", "局"),
    ("extract.issuer_names", "PLACE_END_PATTERN", "溪口镇", "镇"),
    ("normalize", "DOC_NUMBER_LINE_PATTERN", "朱矿发〔2024〕31 号", "〔2024〕31 号"),
    ("segment", "HAN_ONLY_PATTERN", "活动内容", "活动内容"),
    ("extract.contacts", "HOTLINE_PATTERN", "网上报送系统技术支持电话:010-64463100", "技术支持"),
    ("extract.contacts", "PHONE_PATTERN", "0939 - 5521 567", "0939 - 5521 567"),
    ("extract.contacts", "PHONE_PATTERN", "189 9391 2345", "189 9391 2345"),
    ("normalize", "FLAT_GAP_PATTERN", "太政发〔2009〕15号 太平乡人民政府", " "),
    ("normalize", "FLAT_GAP_PATTERN", "2010年6月1日 至 6月30日", None),
    ("extract.contacts", "PHONE_PATTERN", "郝大冰0359-6380232", "0359-6380232"),
    ("extract.contacts", "PHONE_PATTERN", "链工宝16601040950(微信同号)", "16601040950"),
    ("extract.contacts", "EMAIL_PATTERN", "邮箱:gxlsfzk@wh.shandong.cn", "gxlsfzk@wh.shandong.cn"),
    ("extract.contacts", "NOT_A_NAME", "电话", "电话"),
    ("extract.contacts", "ADDRESS_PATTERN", "通信地址:运城市河东东街161号", {"v": "运城市河东东街161号"}),
    ("extract.contacts", "POSTCODE_PATTERN", "邮编:044000", {"v": "044000"}),
    ("extract.attachments", "LISTING_PATTERN", "附件1:2021年园区教育系统活动方案.docx", {"n": "1"}),
    ("extract.attachments", "ITEM_PATTERN", "2.威海市“安全生产月”活动进展情况统计表", {"n": "2"}),
    ("extract.attachments", "EXTENSION_PATTERN", "活动方案.docx", ".docx"),
    ("extract.attachments", "FILE_NAME_PATTERN", "170附件.doc", "170附件.doc"),
    ("extract.dates", "DATE_PATTERN", "二〇二四年五月二十七日", {"y": "二〇二四", "m": "五", "d": "二十七"}),
    ("extract.dates", "DATE_PATTERN", "5月30日前", {"m": "5", "d": "30"}),
    ("extract.dates", "NUMERIC_DATE_PATTERN", "2018.5.4", {"y": "2018", "m": "5", "d": "4"}),
    ("extract.dates", "DATE_LINE_PATTERN", "2023年5月29日印发", {"y": "2023"}),
    ("extract.dates", "SIGNED_DATE_LINE_PATTERN", "运城市工业和信息化局2023年5月29日", {"org": "运城市工业和信息化局"}),
    ("extract.docnumber", "SIGNER_PATTERN", "某应急〔2023〕12号签发人:张三", "签发人"),
    ("extract.docnumber", "ORG_BEFORE_PATTERN", "某某市应急管理局", "某某市应急管理局"),
    ("extract.dates", "ISSUE_DATE_LABEL_PATTERN", "生成日期:2023-05-25", "生成日期:"),
    ("extract.dates", "ISSUE_DATE_LABEL_PATTERN", "发布时间:2023-05-25", None),
    ("extract.dates", "TABLE_DATE_LABEL_PATTERN", "发布日期:2017-06-29", "发布日期:"),
    ("extract.dates", "METADATA_TABLE_PATTERN", "发 文 号:安组委办〔2017〕8号", "发 文 号"),
    ("extract.doc_kind", "NEWS_MARK_PATTERN", "本报讯(记者 王芳)6月1日", "本报讯"),
    ("extract.doc_kind", "NEWS_MARK_PATTERN", "记者从市应急管理局获悉", "记者从市应急管理局获悉"),
    ("extract.doc_kind", "NEWS_TITLE_PATTERN", "我县召开安全生产月动员会", "召开"),
    ("extract.doc_kind", "TEMPLATE_TAIL_PATTERN", "医院安全生产月活动实施方案篇一", "篇一"),
    ("extract.doc_kind", "TEMPLATE_TAIL_PATTERN", "安全生产月活动工作总结集合15篇", "集合15篇"),
    ("extract.doc_kind", "TEMPLATE_TAIL_PATTERN", "安全生产月活动方案(通用5篇)", "(通用5篇)"),
    ("extract.doc_kind", "HEAD_KIND_PATTERN", "镇人民政府2024年“全国安全生产月”宣教育活动工作总结 为进一步", {"kind": "总结"}),
    ("extract.doc_kind", "HEAD_KIND_PATTERN", "学校“安全生产月”活动方案范例 一、指导思想", {"kind": "方案"}),
    ("extract.doc_kind", "NEWS_EVENT_PATTERN", "昨日,集中宣传展示活动在南塘老街举行", "昨日,集中宣传展示活动在南塘老街举行"),
    ("extract.doc_kind", "NEWS_EVENT_PATTERN", "会上,副院长宣读了方案", "会上,"),
    ("extract.doc_kind", "NEWS_EVENT_PATTERN", "我校开展了形式多样的活动", "开展了"),
    ("extract.doc_kind", "TEMPLATE_TAIL_PATTERN", "安全生产月活动计划方案(模板14篇)", "(模板14篇)"),
    ("extract.doc_kind", "FILE_TAIL_PATTERN", "2017年“119”消防宣传月活动方案 1.docx", " 1.docx"),
    ("extract.doc_kind", "FILE_TAIL_PATTERN", "2023教育局安全生产月活动总结 1300字", " 1300字"),
    ("extract.doc_kind", "FILE_TAIL_PATTERN", "安全生产月工作方案2022年", "2022年"),
    ("extract.doc_kind", "ISSUING_HEADLINE_PATTERN", "庐江县罗河镇:制定“安全生产月”活动方案", "庐江县罗河镇:制定"),
    ("extract.doc_kind", "ISSUING_HEADLINE_PATTERN", "发布安全生产月活动方案的通知", None),
    ("extract.doc_kind", "HEAD_TITLE_KIND_PATTERN", "宜昌市人民政府办公室关于认真组织开展活动的通知【法规类别】", {"kind": "通知"}),
    ("extract.doc_kind", "HEAD_TITLE_KIND_PATTERN", "根据县委《关于开展活动的通知》要求", None),
    ("extract.doc_kind", "PLAN_FIRST_HEADING_PATTERN", "一、活动目的及意义\n今年6月", "一、活动目的"),
    ("extract.issuer_title", "JOINT_TITLE_PATTERN", "国家卫生健康委、国家中医药局关于开展",
     {"orgs": "国家卫生健康委、国家中医药局"}),
    ("extract.issuer_news", "JOINT_SENTENCE_PATTERN", "省应急管理厅、省教育厅联合印发《方案》",
     {"orgs": "省应急管理厅、省教育厅"}),
    ("extract.issuer_names", "JOINT_SEPARATOR_PATTERN", "省应急管理厅、省教育厅", "、"),
    ("extract.issuer_signature", "SUB_UNIT_PATTERN", "安全环保部(代章)", "安全环保部(代章)"),
    ("extract.issuer_signature", "SUB_UNIT_PATTERN", "苏州市应急管理局", None),
    ("extract.published", "PUBLISHED_LABEL_PATTERN", "发布时间:2020-06-03 15:20", "发布时间:"),
    ("extract.published", "PUBLISHED_LABEL_PATTERN", "活动时间:6月1日", None),
    ("extract.published", "NEWSPAPER_DATE_PATTERN", "(2020年06月03日 01版)", {"date": "2020年06月03日"}),
    ("extract.published", "SOURCE_BAR_PATTERN", "2023-05-25 09:30 来源:应急管理局", {"d1": "2023-05-25"}),
    ("extract.published", "SOURCE_BAR_PATTERN", "来源:市应急局 2021-06-01 10:12", {"d2": "2021-06-01"}),
    ("extract.dates", "NEWS_ISSUE_PATTERN", "5月19日,交通运输部发出通知", {"date": "5月19日"}),
    ("extract.title", "RECIPIENTS_PATTERN", "各县(市、区)工科局,机关各科室,各有关企业:", {"v": "各县(市、区)工科局,机关各科室,各有关企业"}),
    ("extract.title", "TITLE_LABEL_PATTERN", "信息名称:常州市教育局关于", "信息名称:"),
    ("extract.activities_rules", "ACTIVITY_SECTION_PATTERN", "主要工作任务", "主要工作"),
    ("extract.activities_rules", "ACTIVITY_SECTION_PATTERN", "“安全生产月”活动主要内容", "活动主要内容"),
    ("extract.activities_rules", "GENERIC_SECTION_PATTERN", "总体要求", "总体要求"),
    ("extract.activities_rules", "LABEL_HEADING_PATTERN", "征集时间:2010年6月1日至9月30日", {"label": "征集时间"}),
    ("extract.activities_rules", "LEAD_WORDS_PATTERN", "活动组织 ;(3!#4`q(]", "活动组织"),
    ("extract.activities_rules", "SUMMARY_PATTERN", "2021年安全生产月活动工作总结", "总结"),
    ("extract.activities_rules", "BRACKETED_PATTERN", "网络安全宣传(国家网安周系列活动一)", "(国家网安周系列活动一)"),
    ("extract.activities_rules", "SENTENCE_PUNCT_PATTERN", "各部门要组织参加,具体活动如下", ","),
    ("extract.activities_rules", "QUESTION_PATTERN", "什么是国家安全?", "什么是"),
    ("extract.activities_rules", "INSTRUCTION_PATTERN", "各地要认真贯彻落实", "各地要"),
    ("extract.activities_rules", "INSTRUCTION_PATTERN", "学习贯彻习近平总书记关于安全生产重要论述", None),
    ("extract.activities_rules", "THEME_STATEMENT_PATTERN", "今年活动的主题是“绿色发展”", "主题是"),
    ("extract.activities_rules", "PAIRED_PHRASES_PATTERN", "加强领导,高度重视", "加强领导,高度重视"),
    ("extract.activities_rules", "LABEL_SENTENCE_PATTERN", "重点活动申报:请各区县科协于9月4日前填报主场活动",
     "重点活动申报:请各区县科协于9月4日前填报主场活动"),
    ("extract.activities", "RESPONSIBLE_PATTERN", "责任单位:市应急管理局、消防支队", {"v": "市应急管理局、消防支队"}),
    ("extract.activities_inline", "INLINE_LIST_PATTERN", "将组织开展六项活动:一是", "活动:"),
    ("extract.activities_inline", "REQUIREMENT_LEAD_PATTERN", "活动提出以下要求:", "要求"),
    ("extract.activities_rules", "RULE_PATTERN", "每条口号不超过20个字", "不超过"),
    ("extract.activities_rules", "ACTIVITY_WORD_PATTERN", "开展好事故警示教育周活动", "开展"),
    ("extract.activities_inline", "INLINE_NUMBER_PATTERN", "活动安排(一)按照全市统一部署", {"n": "一"}),
    ("extract.activities_inline", "INLINE_TITLE_END_PATTERN", "开展宣教活动。1、发放", "。"),
    ("extract.activities_inline", "LABELLED_ITEM_PATTERN", "系列活动二:眼科挂号0元", {"n": "二", "t": "眼科挂号0元"}),
    ("extract.activities_rules", "ACTIVITY_NAME_PATTERN", "灾害风险隐患排查", "灾害风险隐患排查"),
    ("extract.activities", "RESIDUE_TAIL_PATTERN", "廣場(chǎng)宣傳活動(dòng)", "(chǎng)"),
    ("extract.activities_rules", "ANNOUNCE_PATTERN", "主要做好以下几个方面工作:", "以下几个方面工作:"),
    ("extract.activities_rules", "ANNOUNCE_PATTERN", "提出以下要求:", None),
    ("extract.activities_inline", "INLINE_HEAD_PATTERN", "至8月31日四、活动内容", {"n": "四"}),
    ("extract.activities_inline", "INLINE_FIRST_PATTERN", "活动形式及内容1.开办专栏", "1."),
    ("extract.activities_inline", "INLINE_NAME_PATTERN", "活动内容", "活动内容"),
    ("extract.activities_inline", "INLINE_DIGIT_PATTERN", "内容1.开办专栏", {"n": "1", "sep": "."}),
    ("segment", "GLUED_LIST_PATTERN", "宣传报道1、6月1日上午", "1、"),
    ("segment", "GLUED_LIST_PATTERN", "完成第1、2项", None),
    ("extract.activities_inline", "INLINE_ITEM_PATTERN", "一是组织开展知识竞赛活动。", {"n": "一", "t": "组织开展知识竞赛活动"}),
    ("segment", "ATTACHMENT_BODY_PATTERN", "附件 1", {"n": "1"}),
    ("segment", "TITLE_END_PATTERN", "关于开展2023年“安全生产月”活动的通知", "通知"),
    ("segment", "TITLE_HINT_PATTERN", "中牟河务局积极部署安全生产月活动", "安全生产月"),
    ("segment", "CHROME_PATTERN", "您当前的位置:首页", "您当前的位置"),
    ("segment", "ORG_ONLY_PATTERN", "威海市工业和信息化局", "威海市工业和信息化局"),
    # loaders, analysis and review patterns (their layers test them here too)
    ("analysis.alignment", "SUBTHEME_SPLIT", "人人讲安全、个个会应急——畅通生命通道", "——"),
    ("analysis.deadlines", "RECURRENCE_PATTERN", "monthly:END", {"day": "END"}),
    ("analysis.deadlines", "RECURRENCE_PATTERN", "weekly:WED", {"weekday": "WED"}),
    ("analysis.deadlines", "RECURRENCE_PATTERN", "yearly:1", None),
    ("loaders.html_guard", "TOKEN_PATTERN", "<!-- <div> --><p>", "<!-- <div> -->"),
    ("loaders.ocr_layout", "OCR_PAGE_NUMBER_PATTERN", "一2一", "一2一"),
    ("loaders.pdf_layout", "BARE_PAGE_NUMBER_PATTERN", "Page 3", "Page 3"),
    ("loaders.sniff", "WEBP_PATTERN", b"RIFF\x24\x00\x00\x00WEBPVP8 ", b"RIFF\x24\x00\x00\x00WEBP"),
    ("loaders.sniff", "HTML_START_PATTERN", b"  <!DOCTYPE html><html>", b"  <!DOCTYPE html>"),
    ("loaders.sniff", "HTML_START_PATTERN", b"<abc>", None),
    ("loaders.sniff", "MHTML_PATTERN", b"From: x\nContent-Type: multipart/related;", b"From: x\nContent-Type: multipart/related"),
    ("loaders.web", "DECLARED_CHARSET_PATTERN", b'<meta charset="gbk">', b'<meta charset="gbk'),
    ("loaders.web", "CHROME_ATTR_PATTERN", "bdsharebuttonbox", "share"),
    ("loaders.web", "REGION_ATTR_PATTERN", "leftnav", "nav"),
    ("loaders.web", "BOILERPLATE_PATTERN", "鲁ICP备05012345号", "ICP备"),
    ("loaders.web", "WHITESPACE", "a \t\nb", " \t\n"),
    ("loaders.web", "ANY_SPACE", "a \u3000\nb", " \u3000\n"),
    ("loaders.web", "MULTI_SPACE", "一、  活动主题", "  "),
    ("loaders.web", "NON_HAN", "活动 abc，主题", " abc，"),
    ("review", "PLACEHOLDER", "<p>{{TEXT}}</p>", "{{TEXT}}"),
]

MODULE_LISTS = [
    ("extract.theme", "THEME_INLINE_PATTERNS", "以“生命至上、安全发展”为主题", "生命至上、安全发展"),
    ("extract.issuer_news", "NEWS_ISSUER_PATTERNS", "近日,云霄县政府安委办下发了《关于", "云霄县政府安委办"),
    ("extract.issuer_news", "NEWS_ISSUER_PATTERNS", "近日,国家药监局发布《关于", "国家药监局"),
    ("extract.issuer_news", "NEWS_ISSUER_PATTERNS", "电 国家发改委11日透露,该委", "国家发改委"),
    ("extract.issuer_news", "NEWS_ISSUER_PATTERNS", "当天,市减灾委和各成员单位,在广场开展宣传", "市减灾委"),
    ("extract.issuer_news", "NEWS_ISSUER_PATTERNS", "以合浦县安全生产监督管理局为主的29个单位", "合浦县安全生产监督管理局"),
    ("extract.issuer_news", "NEWS_ISSUER_PATTERNS", "电 国家发展和改革委员会副主任解振华10日在北京宣布", "国家发展和改革委员会"),
    ("extract.joint", "LOOSE_JOINT_PATTERNS", "近日,国务院食品安全办、中国银保监会、中国铁路总公司等19部门联合下发《",
     "国务院食品安全办、中国银保监会、中国铁路总公司"),
    ("extract.joint", "LOOSE_JOINT_PATTERNS", "由国家药监局指导,国家药监局综合司、中国药学会、人民网·人民健康主办的",
     "国家药监局综合司、中国药学会、人民网·人民健康"),
    ("patterns", "HEADING_PATTERNS", "(一)聚焦安全生产责任落实", "一"),
    ("patterns", "HEADING_PATTERNS", "第二部分 活动内容", "二"),
]


def _get(module: str, name: str):
    mod = importlib.import_module(f"anquanyue_parse.{module}")
    return getattr(mod, name)


@pytest.mark.parametrize("module,name,example,expected", EXAMPLES,
                         ids=[f"{e[1]}:{e[2][:12]!s}" for e in EXAMPLES])
def test_pattern_example(module, name, example, expected):
    pattern = _get(module, name)
    m = pattern.search(example)
    if expected is None:
        assert m is None
    elif isinstance(expected, dict):
        assert m is not None
        for group, value in expected.items():
            assert m.group(group) == value
    else:
        assert m is not None and m.group(0) == expected


@pytest.mark.parametrize("module,name,example,expected", MODULE_LISTS, ids=[e[1] for e in MODULE_LISTS])
def test_pattern_list_example(module, name, example, expected):
    patterns = _get(module, name)
    groups = []
    for item in patterns:
        p = item[1] if isinstance(item, tuple) else item
        m = p.search(example)
        if m:
            groups.extend(v for v in m.groupdict().values() if v)
    assert expected in groups


def test_every_named_pattern_has_an_example():
    """A new *_PATTERN constant must come with an example row above."""
    covered = {id(_get(m, n)) for m, n, *_ in EXAMPLES + MODULE_LISTS}
    missing = []
    for info in pkgutil.walk_packages(anquanyue_parse.__path__, "anquanyue_parse."):
        short = info.name.removeprefix("anquanyue_parse.")
        mod = importlib.import_module(info.name)
        for name, value in vars(mod).items():
            public = name.isupper() and not name.startswith("_")
            if public and isinstance(value, regex.Pattern) and id(value) not in covered:
                missing.append(f"{short}.{name}")
    assert not missing, f"patterns without an example: {missing}"


def test_lexicons_come_from_data_files_in_order_without_repeats():
    from anquanyue_parse.patterns import CAMPAIGN_DAYS, ORG_SUFFIXES, read_lexicon

    assert ORG_SUFFIXES == read_lexicon("org_suffixes.txt") and ORG_SUFFIXES[:2] == ["人民政府办公室", "人民政府办公厅"]
    assert CAMPAIGN_DAYS == read_lexicon("campaign_days.txt") and "土地日" in CAMPAIGN_DAYS
    for words in (ORG_SUFFIXES, CAMPAIGN_DAYS):
        assert len(words) == len(set(words)) and all(w and not w.startswith("#") for w in words)
    # a suffix never stands before a longer one it begins (委员会 before 委员会办公室 would stop the
    # alternation at 委员会)
    shadowed = [(w, v) for i, w in enumerate(ORG_SUFFIXES) for v in ORG_SUFFIXES[i + 1:] if v.startswith(w)]
    assert not shadowed
