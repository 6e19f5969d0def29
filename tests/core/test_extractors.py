"""Example tables per extractor: input text -> expected value (price-parser style).

Rows are grouped by field; ``xfail(strict=True)`` rows are known failures that a
fix must promote.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Callable, NamedTuple

import pytest

from anquanyue_parse import parse_text

D = dt.date
HEAD = "2024年“安全生产月”活动方案\n"  # gives the campaign year to undated snippets


class Example(NamedTuple):
    text: str
    expected: Any
    note: str = ""


def table(field: str, get: Callable, rows: list[Example], xfail: dict[int, str] | None = None):
    params = []
    for i, row in enumerate(rows):
        marks = [pytest.mark.xfail(strict=True, reason=xfail[i])] if xfail and i in xfail else []
        params.append(pytest.param(get, row.text, row.expected, id=f"{field}-{i}-{row.note or row.text[:14]}",
                                   marks=marks))
    return params


DOC_NUMBER = table("doc_number", lambda c: c.doc_number, [
    Example("运工信发〔2023〕42号\n\n运城市工业和信息化局\n\n关于印发《2023年“安全生产月”活动方案》的通知", "运工信发〔2023〕42号"),
    Example("吉林省工业和信息化厅关于印发活动方案的通知\n\n吉工信安全［2018］170号\n\n各市（州）工信局：", "吉工信安全〔2018〕170号", "full-width []"),
    Example("开化县桐村镇人民政府文件\n桐政[2009]21号\n关于组织开展\n2009年全国“安全生产月”活动的通知", "桐政〔2009〕21号", "ascii []"),
    Example("某某县安委会文件\n某安委（2020） 3 号\n关于开展2020年“安全生产月”活动的通知", "某安委〔2020〕3号", "（） and spaces"),
    Example("威工信发〔2024〕22 号", "威工信发〔2024〕22号", "space before 号"),
    Example("某某市应急管理局文件\n某应急〔2023〕12号              签发人：张三\n关于开展活动的通知", "某应急〔2023〕12号", "签发人 on the line"),
    Example("发 文 号：安组委办〔2017〕8号\n发布单位：全国安全生产月活动组委会办公室", "安组委办〔2017〕8号", "metadata label"),
    Example("根据《关于开展2016年活动的通知》（粤建质函〔2016〕1459号），现通知如下：", None, "cited only"),
    Example("近日，云霄县政府安委办下发了《关于开展2017年“安全生产月”活动的通知》（云安委办〔2017〕37号），全面部署。",
            "云安委办〔2017〕37号", "news report of own notice"),
    Example("索引号 640324022/2021-00400\n发布机构 同心县应急管理局 文 号 同安委办发〔2021〕44号\n标题: 关于举办演讲比赛的通知",
            "同安委办发〔2021〕44号", "a metadata row: unit, then a spaced 文 号 label"),
])

ISSUER = table("issuer", lambda c: c.issuer, [
    Example("关于印发方案的通知\n各单位：\n现印发给你们。\n\n运城市工业和信息化局\n\n2023年5月29日", "运城市工业和信息化局", "signature"),
    Example("嵊州市竹溪乡人民政府文件\n竹政〔2010〕10号\n关于开展2010年全国“安全生产月”活动的通知\n各村:", "嵊州市竹溪乡人民政府", "red header"),
    Example("上海市教育委员会关于开展2008年本市教育系统“安全生产月”活动的通知\n各高等学校:", "上海市教育委员会", "title prefix"),
    Example("白塔街道2024年“安全生产月”活动方案\n\n为深入开展第23个全国“安全生产月”活动，制定本方案。", "白塔街道", "bare plan"),
    Example("中卫市 2021 年“安全生产月”活动方案\n\n一、总体要求", "中卫市", "bare plan with spaces"),
    Example("关于开展活动的通知\n\n运城市工业和信息化局    2023年5月29日\n", "运城市工业和信息化局", "signature and date on one line"),
    Example("某某市应急管理局文件\n某应急〔2023〕12号              签发人：张三\n关于开展2023年“安全生产月”活动的通知\n各单位：",
            "某某市应急管理局", "red header with 签发人"),
    Example("交通运输部发通知\n5月19日，交通运输部发出通知，要求开展“安全生产月”活动。", "交通运输部", "news"),
    Example("今年6月是第24个全国“安全生产月”。市规划资源局结合工作实际开展活动。", "市规划资源局",
            "a short form when it is all the text gives (as in real9a/046; the issue asks for it)"),
    # real shapes (corpus/real9b-d): seals, metadata tables, flattened pages, decisions, short places
    Example("关于印发方案的通知\n各成员单位:\n现将方案印发给你们。\n某县科技活动周工作专班办公室(代)\n2025年5月22日",
            "某县科技活动周工作专班办公室", "seal note (代)"),
    Example("索 引 号 640324022/2021-00400 发文时间 2021-06-07\n发布机构 同心县应急管理局 文 号 同安委办发〔2021〕44号\n"
            "标 题: 关于举办演讲比赛活动的通知\n一、比赛主题", "同心县应急管理局", "metadata table without a colon"),
    Example("盂县开展禁毒日宣传活动\n时间:2025-06-27 14:44    来源:山西科技报\n6月26日,盂县开展禁毒日宣传活动。",
            "盂县", "a 来源 outlet is read as a whole word (山西科技报 is no 山西科); a two-character county"),
    Example("某市人民政府办公室关于认真组织开展国家“防灾减灾日”活动的通知 【法规类别】扶贫救灾 【发文字号】某府办文[2009]024号",
            "某市人民政府办公室", "a page flattened to one line"),
    Example("各有关单位:\n为配合全国安全生产月活动,中国安全生产协会决定面向全国开展漫画征集活动,现将有关事项通知如下:\n"
            "一、活动主题", "中国安全生产协会", "the body deciding in a notice"),
    # real shapes (corpus/real9a-f, issue 9): damaged signature dates, news leads, a company's own units
    Example("关于转发活动方案的通知\n各基层单位:\n现转发给你们,请遵照执行。\n\n教育局综治办\n\n2017、11、3",
            "教育局综治办", "signature over a date written with 、"),
    Example("关于印发方案的通知\n各成员单位:\n现将方案印发给你们。\n\n某市安全生产委员会办公室\n\n202365\n\n活动方案",
            "某市安全生产委员会办公室", "signature over a date that lost 年月日"),
    Example("本报北京讯 近日,国家药监局发布《关于开展2023年“全国安全用药月”活动的通知》。", "国家药监局", "发布《"),
    Example("中新网北京6月11日电 今年6月12日至18日是全国节能宣传周。\n国家发改委11日透露,该委等14个部门已联合印发通知。",
            "国家发改委", "news lead X透露"),
    Example("今年6月是第21个全国“安全生产月”。为传播安全知识,日前集团公司召开“安全生产月”系列活动动员会。",
            "集团公司", "a company's own news; 日前 is no part of the name"),
    Example("根据上级要求,9月1日下午,公司总工办在十五楼职工之家组织召开了2021年“质量月”动员会。", "公司总工办",
            "a company office 在…组织召开"),
    Example("公司全面启动以“着力提升质量”为主题的质量月活动。", None, "a bare 公司 is no issuer"),
    Example("为纪念国际禁毒日,结合当前疫情形势,吉林市禁毒委按照省禁毒委的部署,组织开展本地禁毒宣传月系列活动。",
            "吉林市禁毒委", "a clause led by the body 按照…"),
    Example("江永:四方井社区妇联“四个一”,铺开“安全生产月”宣传活动\n发布时间:2012-04-11\n为落实第十个“安全生产月”活动,"
            "四方井社区妇联突出“安全责任”这个主题。", "四方井社区妇联", "a title's leading unit named again in the body"),
    Example("市场监管总局面向社会公开征集2020年全国“质量月”活动口号\n时间:2020-06-18 来源:某市市场监督管理局\n为开展活动,"
            "市场监管总局现面向社会公开征集活动口号。\n一、参与对象\n全社会。", "市场监管总局", "市场… is no generic 市…"),
    Example("西南铝开展2021年“安全生产月”活动\n\n近日,西南铝印发了《关于开展2021年“安全生产月”活动的通知》。", "西南铝",
            "a short name leading the title, named again in the body"),
    Example("黄安办函〔2018〕10号关于转发《省安委办关于开展活动的通知》的通知\n黄安办函〔2018〕10号\n各县安委办:\n一、活动主题",
            None, "a 文号 prefix leading a document's title is no unit"),
    Example("为推进禁毒宣传教育工作,结合贵州省实际,省禁毒办决定在6月份开展集中禁毒宣传活动。", "省禁毒办",
            "a news report's body deciding (a short form)"),
    Example("5月12日是第九个国家防灾减灾日。当天,市减灾委和各成员单位,在港口区小商品市场对面开展主题宣传活动。", "市减灾委",
            "the body and its member units"),
    Example("6月16日,在合浦县政府的号召下,以合浦县安全生产监督管理局为主的29个县级单位在还珠广场举行了安全生产咨询活动。",
            "合浦县安全生产监督管理局", "以X为主的 group"),
    Example("新华社北京6月10日电 (记者张毅)国家发展和改革委员会副主任解振华10日在北京宣布,2007年全国节能宣传周活动正式启动。",
            "国家发展和改革委员会", "an official speaking for the body"),
    Example("11月1日上午,潍坊市人民政府新闻办公室召开新闻发布会,介绍了消防宣传月系列活动。", None,
            "a press office hosting a press conference is no issuer"),
    Example("近日,按照上级部署,公司全面启动质量月活动。\n目前,公司质量月相关主题活动正有序推进中。\n"
            "厦门地铁2号线组织开展“质量月”知识竞赛活动\n所罗门群岛项目部召开“质量月”活动动员会", None,
            "related-links headlines under a report name other units"),
    Example("解读:后湖管理区关于开展2023年“119”消防宣传月活动的通知\n发布日期:2023-11-02\n一、文件背景\n今年活动。",
            "后湖管理区", "a place issuing in its own name before 关于"),
    Example("首页>各区禁毒行\n静安 | 共和新路街道禁毒宣传进社区\n来源:东方网发布时间:2017/6/20\n6月13至15日,共和新路街道禁毒社工"
            "及志愿者开展了禁毒宣传月进社区系列活动。", "共和新路街道", "the headline's unit named again in the report"),
    Example("为加强安全生产工作,我院特制定了活动方案,并于6月6日下午召开了动员大会。\n会上,副院长宣读了《郎溪县人民医院“安全生产月”活动方案》。",
            "郎溪县人民医院", "我院 and its own plan's title"),
    Example("为加强安全生产工作,我院召开了动员大会。\n会上,副院长传达了《某某市应急管理局“安全生产月”活动方案》。", None,
            "a cited plan of another kind of body is not the report's own"),
    Example("近日,全國總工會(huì)發布《關於開展活動的通知》。", "全國總工會(huì)", "pinyin residue after the name is copied"),
    # real shapes (corpus/real9i): a sentence before the body is no name
    Example("2024年安全生产月工作部署\n通知强调,要深入推进安全宣传工作,积极参与全国安全生产月活动组委会组织的活动。",
            None, "a verb phrase is no name (better empty than a fragment)"),
])

ISSUE_DATE = table("issue_date", lambda c: c.issue_date, [
    Example("关于开展活动的通知\n\n威海市工业和信息化局\n\n2024 年 5 月 27 日\n", D(2024, 5, 27), "spaced"),
    Example("关于开展活动的通知\n\n吉林省工业和信息化厅\n\n二〇一八年五月四日\n", D(2018, 5, 4), "Chinese numerals"),
    Example("关于开展活动的通知\n\n上海市教育委员会\n二00五年六月二日\n", D(2005, 6, 2), "二00五"),
    Example("关于开展活动的通知\n\n某某局\n2018.5.4\n", D(2018, 5, 4), "dotted"),
    Example("关于开展活动的通知\n\n运城市工业和信息化局    2023年5月29日\n", D(2023, 5, 29), "signature and date on one line"),
    Example("信息名称:常州市教育局关于开展2023年活动的通知\n生成日期:2023-05-25 公开日期:2023-05-25\n", D(2023, 5, 25), "metadata"),
    Example("2010年“安全生产月”\n5月19日，交通运输部发出通知，要求开展活动。", D(2010, 5, 19), "news"),
])

THEME = table("theme", lambda c: c.theme, [
    # real page shapes (corpus/real9c, real9f): anti-scraping junk, punctuation only
    Example("各有关单位:\n一、活动主题:强化红线意识 促进安全发展 _u{z$;\n二、活动组织", "强化红线意识 促进安全发展",
            "junk after a gap"),
    Example("2021年质量月活动方案\n活动主题:……\n二、活动时间", None, "punctuation is no theme"),
    # real shapes (corpus/real9b-d)
    Example("今年全國防災減災日主題為:防范災害風險,護航高質量發展。", "防范災害風險,護航高質量發展", "unquoted label after a campaign day"),
    Example("本次活动以防范青少年药物滥用为主题,旨在帮助市民。", "防范青少年药物滥用", "unquoted 以…为主题"),
    Example("是第十三个122“全国交通安全日”\n今年的主题是\n文明交通 携手共创\n全国交通安全日", "文明交通 携手共创", "label at a line end"),
    Example("一、时间和主题\n时间:9月5日至11日\n主题:网络安全为人民 网络安全靠人民\n二、活动内容", "网络安全为人民 网络安全靠人民",
            "a 主题: label opening its line"),
    Example("各参赛单位围绕“教育培训强基础,隐患排查保安康”竞赛主题,突出抓好培训。", "教育培训强基础,隐患排查保安康", "竞赛主题"),
    Example("一、活动主题:安全第一,预防为主。\n二、活动时间:20xx年6月1日至6月30日", "安全第一,预防为主", "theme on the heading line"),
    Example("树立“安全发展”的理念,围绕“安全生产月”主题,开展活动。", None, "a campaign name is no theme"),
    Example("活动主题：人人讲安全、个个会应急——畅通生命通道\n", "人人讲安全、个个会应急——畅通生命通道", "label"),
    Example("一、活动主题\n\n人人讲安全、个个会应急。\n\n二、活动时间\n", "人人讲安全、个个会应急", "heading + line"),
    Example("一、活动主题\n\n生命至上安全发展\n\n二、活动时间\n", "生命至上安全发展", "a short theme line is no title rest"),
    Example("一、活动主题\n以“全面提升质量，推动高质量发展”为主题，同时宣传“质量第一”理念。\n二、活动时间\n",
            "全面提升质量，推动高质量发展", "以…为主题 inside the section"),
    Example("为做好工作，以“生命至上、安全发展”为主题，制定本方案。", "生命至上、安全发展", "以…为主题"),
    Example("2020年6月是全国第19个“安全生产月”，主题是“消除事故隐患、筑牢安全防线”。", "消除事故隐患、筑牢安全防线", "主题是"),
    Example("二、活动主题\n2010年“安全生产月”活动主题是:安全发展、预防为主。\n三、时间安排", "安全发展、预防为主", "label in section"),
    Example("二、活动主题\n人人讲安全、个个会应急——守护身边安全（与全国“安全生产月”活动主题保持一致）\n三、活动时间",
            "人人讲安全、个个会应急——守护身边安全", "bracketed note"),
    Example("以“治理隱患,防范事故”為主題,緊緊圍繞主線。", "治理隱患,防范事故", "traditional"),
    Example("二、活动主题\n“安全生产月”的各项活动，要紧紧围绕总体部署，以“预防为主”为重点，扎实开展宣传教育活动，大力提高全民的安全素养，不断深化执法。\n",
            None, "long sentence is no theme"),
    # real shapes (corpus/real9a-h): the theme named before 主题, flattened pages
    Example("区消防大队在市民文化广场举办了119消防宣传月“关注消防 生命至上”主题宣传活动。", "关注消防 生命至上",
            "quoted after the campaign's name"),
    Example("为推进隐患排查,广泛宣传“人人讲安全 个个会应急”主题,深化推动安全发展。", "人人讲安全 个个会应急", "宣传“…”主题"),
    Example("管委会紧紧围绕强化安全基础,推动安全发展的主题开展活动。", "强化安全基础,推动安全发展", "unquoted 围绕…的主题"),
    Example("今年的“六·五”世界环境日主题沿用“美丽中国,我是行动者”,本次活动", "美丽中国,我是行动者", "主题沿用"),
    Example("安全生产形势持续稳定好转。二、活动主题强化安全基础,推动安全发展。三、活动时间6月", "强化安全基础,推动安全发展",
            "a flattened page"),
    Example("组织普法队伍,开展“法润童心 典亮生活”主题活动。", None, "a themed event is no campaign theme"),
    Example("(六)组织开展一堂“爱眼护眼”主题课,提升学生的意识。", None, "a themed lesson"),
    Example("社工围绕海报上如何防范合成毒品、新型毒品的宣传主题,设立禁毒展板。", None, "no slogan shape"),
    Example("今年6月是“遵守安全生产法,当好第一责任人”为主题的第21个全国安全生产月。", "遵守安全生产法,当好第一责任人",
            "是“…”为主题"),
    Example("圍繞“人人關心食品安全,家家享受健康生活”的食品安全宣傳周主題,周密制訂方案。", "人人關心食品安全,家家享受健康生活",
            "the campaign's name between the theme and 主题"),
    Example("以提升全員安全素質(zhì)為主題,开展活动。", "提升全員安全素質(zhì)", "pinyin residue at the end is kept"),
])

PERIOD = table("period", lambda c: (c.period.start, c.period.end) if c.period else None, [
    Example("今年5月12日是第15个全国防灾减灾日,主题为“防范灾害风险”,5月6日至12日为防灾减灾宣传周。",
            (D(2023, 5, 6), D(2023, 5, 12)), "a campaign day with its week: the week"),
    Example("…至14日,其中5月12日为全国第8个防灾减灾日。", None, "a range cut at its start: no period"),
    Example("关于开展国家网络安全宣传周活动的通知\n一、活动时间\n2020年9 月14日—— 9 月20日。", (D(2020, 9, 14), D(2020, 9, 20)),
            "—— between the dates"),
    Example("今年6月25日是第20个“全国土地日”。为促进全社会充分认识土地国情国策,开展宣传。", (D(2010, 6, 25), D(2010, 6, 25)),
            "a named day"),
    Example(HEAD + "活动时间：2024 年 6 月 1 日至 30 日（其中民爆行业于 5 月 20 日前提前启动）", (D(2024, 6, 1), D(2024, 6, 30))),
    Example(HEAD + "三、活动时间\n“安全生产月”活动时间为6月份。", (D(2024, 6, 1), D(2024, 6, 30)), "6月份"),
    Example("中卫市2021年“安全生产月”活动方案\n三、活动时间\n2021 年 6 月起，在全市同步开展。", (D(2021, 6, 1), D(2021, 6, 30)), "6月起"),
    Example(HEAD + "二、活动时间\n“安全生产月”活动时间为 6 月，部分活动开展至 12 月。", (D(2024, 6, 1), D(2024, 6, 30)), "6 月，…至 12 月"),
    Example("2015年“安全生产月”活动\n于6月1日正式开展为期一个月的“安全生产月”活动。", (D(2015, 6, 1), D(2015, 6, 30)), "为期一个月"),
    Example("教育局安全生产月活动方案\n三、活动时间\nxx年6月1日-6月30日", None, "year scrubbed"),
    # real sibling shapes (corpus/real9a-f)
    Example(HEAD + "6月份是“安全生产月”。由省委宣传部等6部门共同主办。", (D(2024, 6, 1), D(2024, 6, 30)),
            "a month that is the campaign"),
    Example("2016年“119消防安全宣传月”系列活动总结\n今年11月份是山东省第6个法定的全省消防安全宣传月。", (D(2016, 11, 1), D(2016, 11, 30)),
            "the campaign named with a place before it"),
    Example("确定2002年6月开展首次“安全生产月”活动。今年6月是第23个全国“安全生产月”。", (D(2024, 6, 1), D(2024, 6, 30)),
            "a year of the campaign's history is no period"),
    Example("2013年全国科普日活动9月14日拉开帷幕,一直将持续到9月20日。", (D(2013, 9, 14), D(2013, 9, 20)),
            "a start, then 持续到 the end"),
    Example("2022年全国科普日活动将于2022年9月15至21日开展,主会场活动拟定于9月17日举行。", (D(2022, 9, 15), D(2022, 9, 21)),
            "the first 日 left out before 至"),
    Example("2017年4月25日至5月1日是第15个《职业病防治法》宣传周。", (D(2017, 4, 25), D(2017, 5, 1)),
            "a range before 是 is not cut to its end"),
    Example("2014年安全生产月漫画征集活动\n一、活动主题:强化红线意识\n五、评选时间:2014年6月", None, "a step's time is no period"),
    Example("2019年节能宣传周活动方案\n2019年节能宣传周时间为61723日,6月19为全国低碳日。", None,
            "a month before digits lost its 日: no whole month"),
    Example("2024年交通安全日宣传\n每年的12月2日是“全国交通安全日”,蜀黍在线提问。", (D(2024, 12, 2), D(2024, 12, 2)),
            "a campaign day's yearly rule, when nothing else dates it"),
    # real sibling shapes (corpus/real9h, real9j): a range that is the week, days of their own
    Example("2023年节能宣传周活动\n7月10日至16日是全国节能宣传周,主题为“节能降碳,你我同行”。", (D(2023, 7, 10), D(2023, 7, 16)),
            "a range before 是 and the week"),
    Example("关于开展2020年防治碘缺乏病日宣传活动的通知\n2020年5月15日是我国第27个“防治碘缺乏病日”,各地开展宣传。",
            (D(2020, 5, 15), D(2020, 5, 15)),
            "a day of its own (data/campaign_days.txt)"),
])

DEADLINES = table("deadlines", lambda c: [(d.date, d.time, d.recurrence) for d in c.deadlines], [
    Example(HEAD + "请各区市于 5 月 30 日前报送活动联络员。", [(D(2024, 5, 30), None, None)]),
    # real shapes (corpus/real9b-d): cut-off labels of a submission, 上交, a date whose 月 was lost
    Example(HEAD + "3、投稿截止日期:2015年4月30日18:00。", [(D(2015, 4, 30), "18:00", None)], "截止 label"),
    Example(HEAD + "03作品截稿时间\n2023年9月6日17时", [(D(2023, 9, 6), "17:00", None)], "截稿 label over two lines"),
    Example(HEAD + "11月25日前上交杨浦区教育系统消防宣传月活动统计表。", [(D(2024, 11, 25), None, None)], "上交"),
    Example(HEAD + "各单位于76日前将活动信息报送至市组委会办公室。", [(D(2024, 7, 6), None, None)], "76日 = 7月6日"),
    Example(HEAD + "各单位于16日前将活动信息报送至市组委会办公室。", [], "a bare day of no month: not dated"),
    Example(HEAD + "请各部门6月4日18时前报送1名联络员。", [(D(2024, 6, 4), "18:00", None)]),
    Example(HEAD + "6月份每周三12：00前，报送一周活动开展情况。", [(None, "12:00", "weekly:WED")]),
    Example(HEAD + "6月起，每月25日前在联络群内报送活动进展情况。", [(None, None, "monthly:25")]),
    Example(HEAD + "7月6日前请各地将总结报送省厅。", [(D(2024, 7, 6), None, None)], "verb after"),
    Example(HEAD + "将活动方案、活动总结分别于5月8日和7月3日前报市政府安委会办公室。",
            [(D(2024, 5, 8), None, None), (D(2024, 7, 3), None, None)], "two dates one verb"),
    Example(HEAD + "6月底前报送活动总结。", [(D(2024, 6, 30), None, None)], "月底"),
    Example(HEAD + "请于6月5日（含）前报送总结。", [(D(2024, 6, 5), None, None)], "(含)"),
    Example(HEAD + "各单位于每周一上午10时前将上周情况报送办公室。", [(None, "10:00", "weekly:MON")], "上午"),
    Example(HEAD + "每周五下午4点前报送本周情况。", [(None, "16:00", "weekly:FRI")], "下午"),
    Example(HEAD + "年底前至少在本地主流媒体曝光1个典型案例，并向市安委办报送。", [], "no date"),
    Example(HEAD + "6月16日，全市组织开展“安全宣传咨询日”活动。", [], "not a duty"),
    Example(HEAD + "活动时间：2024年6月1日至30日。\n各单位于月底前报送活动总结。", [(D(2024, 6, 30), None, None)], "bare 月底"),
    Example(HEAD + "汇总后交政教处，截止时间为6月25日。", [(D(2024, 6, 25), None, None)], "截止"),
    Example(HEAD + "于五月二十五日前将活动总结报县劳动局。", [(D(2024, 5, 25), None, None)], "Chinese numerals"),
    Example(HEAD + "请按下表报送：\n报送内容\t报送时间\n活动方案\t5月27日前\n活动周报\t每周四16:00前\n",
            [(D(2024, 5, 27), None, None), (None, "16:00", "weekly:THU")], "duty table"),
    Example(HEAD + "于5月31日下班前将回执报县应急管理局宣教科。", [(D(2024, 5, 31), None, None)], "下班前"),
])

CONTACTS = table("contacts", lambda c: [(p.name, p.phones, p.fax, p.emails) for p in c.contacts], [
    Example("联系人及电话：郝大冰  0359—6380232\n\n电子邮箱：ycjjyxk@126.com",
            [("郝大冰", ["0359-6380232"], [], ["ycjjyxk@126.com"])]),
    Example("联系人：冯忠兵、屠思嘉，联系电话：7068553（兼传真）\n邮箱：zwsyjglj@126.com",
            [("冯忠兵", ["7068553"], ["7068553"], ["zwsyjglj@126.com"]),
             ("屠思嘉", ["7068553"], ["7068553"], ["zwsyjglj@126.com"])], "shared phone + fax"),
    Example("联系人：姜楠，0631-5201067，政务平台：绿色发展推进科\n\n邮 箱：gxlsfzk@wh.shandong.cn",
            [("姜楠", ["0631-5201067"], [], ["gxlsfzk@wh.shandong.cn"])]),
    Example("（联系人:徐永炎,电话:2258280,传真:2242869,\n邮箱:mzsjgk@163.com）",
            [("徐永炎", ["2258280"], ["2242869"], ["mzsjgk@163.com"])], "fax label"),
    Example("填报单位（盖章）：       联系人：       电话：       填报日期：", [], "empty form"),
    Example("联系人及电话：部宣传教育中心 刘洋 010-64463071，部新闻宣传司 陈静 010-83933482。",
            [("刘洋", ["010-64463071"], [], []), ("陈静", ["010-83933482"], [], [])], "two people, one line"),
    Example("联系人：安全技术部 周敏（13813579246），行政部 吴昊（13705198831）。",
            [("周敏", ["13813579246"], [], []), ("吴昊", ["13705198831"], [], [])], "phones in brackets"),
    Example("联系方式：李文斌 0551-68892317", [("李文斌", ["0551-68892317"], [], [])], "联系方式"),
    Example("四、联系方式\n\n部新闻宣传司：王建军，联系电话：010-64463125转8012\n\n全国技术支持热线：400-810-6616\n",
            [("王建军", ["010-64463125转8012"], [], [])], "a contact section; hotline excluded"),
    Example("（填报示例：填报单位：××项目部  联系人：张三  电话：139××××××××）", [], "a form's sample"),
    Example("联系人：安全监察部 赵建军，电话：0533-2186635，内线6635", [("赵建军", ["0533-2186635"], [], [])],
            "extension of the same number"),
    # real shapes (corpus/real9d, real9f): bracketed area codes, numbers shared by two people, residue
    Example("联系人：张伟，电话：(010)82800456。", [("张伟", ["(010)82800456"], [], [])], "area code in brackets, as written"),
    Example("联系人:刘洋、郝亚茹\n电话:(010)65645433,65645435\n传真:(010)65645436",
            [("刘洋", ["(010)65645433", "65645435"], ["(010)65645436"], []),
             ("郝亚茹", ["(010)65645433", "65645435"], ["(010)65645436"], [])], "two numbers, fax apart, two people"),
    Example("聯系方式:中國儀器儀表學會科普培訓(xùn)部 李淑慧,電話:(010)82800456。",
            [("李淑慧", ["(010)82800456"], [], [])], "converter residue inside the unit"),
    Example("联系人：王强 138 1060 1071", [("王强", ["13810601071"], [], [])], "a mobile in groups"),
])

LISTS = table("lists", lambda c: (c.recipients, [a.title for a in c.attachments], c.references, c.companion_campaigns), [
    Example("关于印发方案的通知\n各县（市、区）工科局，运城开发区产业发展部，机关各科室：\n现将方案印发。\n附件：1.活动联络员表\n\n2.活动进展情况统计表",
            (["各县（市、区）工科局", "运城开发区产业发展部", "机关各科室"], ["活动联络员表", "活动进展情况统计表"], [], [])),
    Example("关于开展2023年“安全生产月”活动的通知\n各县（市、区）人民政府，市政府各部门，\n各有关单位：\n现将有关事项通知如下。",
            (["各县（市、区）人民政府", "市政府各部门", "各有关单位"], [], [], []), "recipients over two lines"),
    Example("根据《通知》（吉安委办〔2018〕40号）要求，开展“安全生产月”和“白山松水安全行”活动。\n附件1：活动方案.docx\n附件2：统计表.xls",
            ([], ["活动方案", "统计表"], ["吉安委办〔2018〕40号"], ["白山松水安全行"]), "extensions, companion"),
    # real shapes (corpus/real9c, real9f): a lost closing bracket, small brackets, traditional script
    Example(HEAD + "现将《省安委办关于开展活动的通知》(鄂安办函〔201812号)转发你们。", ([], [], ["鄂安办函〔2018〕12号"], []),
            "a lost 〕 restored"),
    Example(HEAD + "根据《关于开展活动的通知》(同安委办发〔202140)安排,举办比赛。", ([], [], ["同安委办发〔2021〕40号"], []),
            "a lost 〕 and 号 before the citation's )"),
    Example(HEAD + "根据《关于开展知识竞赛的通知》(云安办函﹝2019﹞53号)要求,开展竞赛。", ([], [], ["云安办函〔2019〕53号"], []),
            "small brackets ﹝﹞"),
    Example(HEAD + "根據《關於舉辦活動的通知》(冀科政〔2021〕5號)要求,開展活動。", ([], [], ["冀科政〔2021〕5號"], []),
            "traditional 號 kept as written"),
])

ATTACHMENTS = table("attachments", lambda c: [a.title for a in c.attachments], [
    # real shapes (corpus/real9b-f): labels with no colon, 附件一、, chrome, repeats
    Example("关于开展竞赛的通知\n各单位:\n相关要求见附件1。\n附件1 全民国家安全宣传教育创意大赛作品要求",
            ["全民国家安全宣传教育创意大赛作品要求"], "附件1 and a gap, no colon"),
    Example("关于开展竞赛的通知\n各单位:\n详见附件一。\n 附件一、市委国安办关于做好知识竞赛有关工作的通知.pdf",
            ["市委国安办关于做好知识竞赛有关工作的通知"], "附件一、"),
    Example("关于开展活动的通知\n各单位:\n附件:《开展安全生产有奖征文比赛活动方案》\n",
            ["开展安全生产有奖征文比赛活动方案"], "a title wrapped whole in 《》"),
    Example("关于开展活动的通知\n各单位:\n附件:\n\n附件1:全国生态日标识.pdf\n\n附件2:全国生态日招贴画.pdf",
            ["全国生态日标识", "全国生态日招贴画"], "附件: over numbered 附件N: labels"),
    Example("关于开展活动的通知\n各单位:\n附件:\n\n扫一扫在手机上查看当前页面\n", [], "page chrome"),
    Example("关于开展活动的通知\n各单位:\n附件1:活动统计表\n\n教育局\n2017年11月3日\n 附件1:2018年活动统计表.docx",
            ["活动统计表"], "a download link repeating 附件1"),
])

COMPANIONS = table("companions", lambda c: c.companion_campaigns, [
    # real sibling shapes (corpus/real9b-f): a day run with a week, a profile's companion, a tour
    Example("关于做好2019年全国节能宣传周和全国低碳日活动的通知", ["全国低碳日"], "a day joined to the week"),
    Example("2019年节能宣传周活动方案\n今年节能宣传周为6月17日至23日,6月19日为全国低碳日。", ["全国低碳日"],
            "the profile's companion in a sentence of the main campaign"),
    Example(HEAD + "记者组成的安全生产天山行活动,赴各地巡回演讲。", ["安全生产天山行"], "an unquoted tour"),
    Example("关于开展2024年防灾减灾日及防灾减灾宣传周活动的通知", [], "a day's own week is no companion"),
    Example("关于开展2019年“安全生产月”暨“消防安全宣传月”活动的通知", [], "a month joined is run as one campaign"),
    Example("关于开展2022年防灾减灾日和宣传周活动的通知", [], "a generic 宣传周 is no name"),
    # real sibling shapes (corpus/real9h, real9j): the day a week or month is built around
    Example("2022年宪法宣传周活动方案\n今年12月4日是第九个国家宪法日,宪法宣传周期间开展系列活动。", ["国家宪法日"],
            "the day beside its week, with its 国家 prefix"),
    Example("2019年知识产权宣传周活动方案\n4月26日是世界知识产权日,知识产权宣传周期间举办讲座。", ["世界知识产权日"],
            "世界 prefix"),
    Example("2019年全民禁毒宣传月活动方案\n今年全民禁毒宣传月恰逢6.26国际禁毒日,各地开展宣传。", ["6.26国际禁毒日"],
            "a 6.26 prefix written with it"),
    Example("关于做好2021年全国节能宣传周和全国低碳日活动的通知\n全国节能宣传周期间,8月25日为低碳日。", ["全国低碳日"],
            "one companion, as first written in full"),
])

CONTACT_DETAILS = table("contact_details", lambda c: [(p.address, p.postcode) for p in c.contacts], [
    Example("联系人及电话：郝大冰  0359—6380232\n通信地址：运城市河东东街161号市工信局运行监测科\n\n邮编：044000",
            [("运城市河东东街161号市工信局运行监测科", "044000")]),
])

YEAR_EDITION = table("year_edition", lambda c: (c.year, c.edition), [
    Example("今年 6 月是第 23 个全国“安全生产月”，2024年活动如下。", (2024, 23)),
    Example("積極響應全國第十七個安全安全生產月活動，2018年11月份開展了活動。", (2018, 17), "traditional + Chinese numeral"),
    Example("围绕“安全發展、預防為主”活動主題，製作專題節目。", (2010, None), "year from the national theme"),
    # real sibling-campaign news (corpus/real9b): history years are no campaign year
    Example("经国务院批准,从2009年开始,每年的5月12日定为“全国防灾减灾日”。2008年5月12日汶川地震。"
            "今年5月12日是第15个全国防灾减灾日。", (2023, 15), "edition of a sibling campaign dates it"),
    Example("关于做好2022年蒲城县第九届国家网络安全宣传周活动的通知", (2022, 9), "第N届"),
    Example("国土资源部办公厅关于开展第20个“全国土地日”宣传活动的通知\n今年6月25日是第20个“全国土地日”。", (2010, 20),
            "a named day's edition"),
    Example("关于举办第三届“4·15全民国家安全教育日”海报设计大赛的通知\n4月15日即将迎来第八个“全民国家安全教育日”。",
            (2023, 8), "the contest's 第三届 is not the campaign's"),
    Example("1980年,经国务院批准,在全国开展安全生产月。2002年,中共中央宣传部等部委开展安全生产月。"
            "今年6月是第23个全国“安全生产月”。", (2024, 23), "history years before the edition's"),
    Example("今年6月26日是第37个国际禁毒日,我县举行宣传活动。", (2024, 37), "国际禁毒日 first held 1988"),
])


CAMPAIGN = table("campaign", lambda c: c.campaign, [
    Example("关于开展2023年“安全生产月”活动的通知", "安全生产月"),
    Example("关于开展2018年全区“119”消防宣传月活动的通知", "消防宣传月"),
    Example("2023年国家网络安全宣传周四川省活动方案", "网络安全宣传周"),
    Example("關於開展2015年「安全生產月」活動的通知", "安全生产月", "traditional"),
    Example("今天天气很好。", None),
    Example("今年6月是第35个全民禁毒宣传月，我县开展宣传活动。", "全民禁毒宣传月", "no 个 glued before the name"),
    Example("陇南市举办“全国安全用药月”集中宣传活动", "安全用药月"),
    Example("5月6日至12日为防灾减灾宣传周,防灾减灾宣传周期间开展活动。今年5月12日是第15个全国防灾减灾日。",
            "防灾减灾日", "the campaign the text counts the edition of"),
    Example("6月26日是“6·26”国际禁毒日,我镇开展禁毒宣传。", "国际禁毒日"),
])


ISSUERS = table("issuers", lambda c: [i.name for i in c.issuers], [
    Example("关于开展2024年“安全生产月”活动的通知\n各有关单位：\n一、活动主题\n人人讲安全\n\n苏州市总工会    苏州市应急管理局\n2024年5月20日",
            ["苏州市总工会", "苏州市应急管理局"], "joint signature on one line"),
    Example("关于开展2024年“安全生产月”活动的通知\n各有关单位：\n一、活动主题\n人人讲安全\n\n浙江省应急管理厅\n浙江省教育厅\n2024年5月20日",
            ["浙江省应急管理厅", "浙江省教育厅"], "joint signature block"),
    Example("国家卫生健康委、国家中医药局关于开展2024年安全生产月活动的通知\n各省卫生健康委：\n一、活动主题",
            ["国家卫生健康委", "国家中医药局"], "joint title"),
    Example("本报讯 近日，省应急管理厅、省教育厅联合印发《2023年安全生产月活动方案》，要求各地开展活动。",
            ["省应急管理厅", "省教育厅"], "joint news sentence"),
    Example("关于开展2024年“安全生产月”活动的通知\n各部门：\n一、活动主题\n\n中原煤化集团股份有限公司（盖章）\n安全环保部（代章）\n2024年5月20日",
            ["中原煤化集团股份有限公司"], "a department under its company is no joint issuer"),
    Example("陇南市举办“全国安全用药月”集中宣传活动\n12月14日，陇南市举办集中宣传活动。", ["陇南市"],
            "举办 is a verb, not the 办 of an office; the city is the subject"),
    # real news shapes (corpus/real9a, real9b)
    Example("2025年全国“安全生产月”活动启动\n发布时间:2025-05-31 13:11:04\n5月29日,国务院安委会办公室、应急管理部在京举行"
            "第二十四个全国“安全生产月”活动启动仪式。", ["国务院安委会办公室", "应急管理部"], "joint subject of an event"),
    Example("据悉,在2013年全国科普日活动中,由保定市科协、市教育局、市环保局主办的科普活动在市区举行。",
            ["保定市科协", "市教育局", "市环保局"], "joint hosts"),
    Example("今年是第11个全国“安全生产月”,6月10日,市安委会办公室隆重举行安全知识竞赛启动仪式。", ["市安委会办公室"],
            "a short form when the text gives no full name"),
    Example("记者昨日从市公安局交警支队获悉，绍兴市公安局交警支队联合市文明办开展宣传。", ["绍兴市公安局交警支队"],
            "the full name over the short one"),
    Example("国家发展改革委 生态环境部 教育部\n国资委 全国总工会 共青团中央\n关于做好2019年全国节能宣传周活动的通知\n"
            "发改环资〔2019〕999号\n各省发展改革委:\n一、活动主题\n绿色发展", ["国家发展改革委", "生态环境部", "教育部",
            "国资委", "全国总工会", "共青团中央"], "joint header rows above the title"),
    Example("6月26日,武冈市妇联、禁毒委、禁毒协会牵头组织成员单位在市区开展禁毒宣传活动。", ["武冈市妇联", "禁毒委", "禁毒协会"],
            "joint subject leading an event"),
    Example("11月9日是第二十一个全国消防日。\n上午,保卫处、校团委在南苑餐厅广场组织开展了以“共建和谐校园”为主题的消防宣传活动。",
            ["保卫处", "校团委"], "joint subject 在…组织开展"),
    Example("关于开展爱眼日系列活动的通知\n广大师生:\n现将系列活动安排通知如下:\n一、活动主题\n爱眼\n\n医院\n\n学工部\n\n研工部\n\n"
            "2025年6月5日", ["医院", "学工部", "研工部"], "departments under no parent body sign together"),
    Example("4月22日,河北省启动了知识产权宣传周活动。另外,志愿者服务队在河北科技大学、河北师范大学、石家庄学院开展了宣传活动。",
            ["河北省"], "the places a body went to are no joint list"),
    Example("截至6月15日,某市排名前三。某市安全生产委员会办公室、市应急管理局希望社会各界积极参与全国安全知识竞赛。",
            ["某市安全生产委员会办公室", "市应急管理局"], "joint subject of an appeal"),
    Example("承德市科学技术局\n中共承德市委宣传部\n承德市科学技术协会\n关于举办2021年科技活动周的通知\n各县(市、区)科技管理部门:\n"
            "一、活动主题", ["承德市科学技术局", "中共承德市委宣传部", "承德市科学技术协会"], "joint header one body a line"),
    Example("本报讯 5月17日上午,由市科技局、市委宣传部、市科协牵头主办的2008年科技活动周在市展览馆开幕。",
            ["市科技局", "市委宣传部", "市科协"], "joint hosts 牵头主办"),
    Example("今年6月是全国第十八个安全生产月。罗河镇安监所紧密结合“防风险、除隐患、遏事故”的主题,采取措施。",
            ["罗河镇安监所"], "a sentence led by the body"),
    # real joint shapes (corpus/real9a-f): counted lists, members without a suffix, leaders, titles
    Example("2019年食品安全宣传周启动\n近日,国务院食品安全办、中央文明办、教育部、中国银保监会、中国贸促会、中国铁路总公司"
            "等6部门联合印发《关于开展2019年全国食品安全宣传周活动的通知》。", ["国务院食品安全办", "中央文明办", "教育部",
            "中国银保监会", "中国贸促会", "中国铁路总公司"], "counted list, members without a suffix"),
    Example("安全生产月今日启动\n由省委宣传部、省安监局等6部门共同主办的“安全生产月”活动从今日起启动。",
            ["省委宣传部", "省安监局"], "counted hosts 由…等N部门共同主办"),
    Example("记者从总局获悉,中宣部、公安部等7部门定于今年6月开展2013年全国“安全生产月”活动。", ["中宣部", "公安部"],
            "counted subject 定于"),
    Example("6月16日上午,由市安委办牵头,市应急局、市公安局、市消防支队等相关部门联合开展安全生产宣传咨询日活动。",
            ["市安委办", "市应急局", "市公安局", "市消防支队"], "a leader 由X牵头 before the list"),
    Example("由国家药监局指导,国家药监局综合司、中国药学会、人民网·人民健康主办的启动仪式将于10月15日在京举办。",
            ["国家药监局综合司", "中国药学会", "人民网·人民健康"], "hosts 主办的, a member with ·"),
    Example("全国节能宣传周经历十几年的发展,已经发展为由国家发展改革委、生态环境部、教育部十四个部门联合主办的活动。",
            [], "a list describing what a campaign is (…为由…主办的活动) acts in no news"),
    Example("为贯彻落实精神,根据应急管理部、国家矿山安监局联合印发的《通知》要求,全县开展活动。", [],
            "a cited list is no issuer"),
    Example("自治区安委会办公室、区党委宣传部、区总工会、区文化厅在全区范围联合开展安全生产有奖征文活动,现将方案印发你们。",
            ["自治区安委会办公室", "区党委宣传部", "区总工会", "区文化厅"], "a place phrase before 联合开展"),
    Example("法搜网--中国法律信息搜索网\n中共中央宣传部、国家安全生产监督管理总局、公安部等关于开展2012年全国“安全生产月”活动的通知\n"
            "一、活动主题", ["中共中央宣传部", "国家安全生产监督管理总局", "公安部"], "joint title with 等, site chrome above"),
    Example("我的位置: 首页 > 法律条文 > 国家卫生计生委办公厅、全国总工会办公厅关于开展2017年宣传周活动的通知\n一、活动主题",
            ["国家卫生计生委办公厅", "全国总工会办公厅"], "breadcrumb before a joint title"),
    Example("各市总工会:\n根据全国总工会《通知》要求,省总工会、省应急管理厅和省卫生健康委员会决定,继续开展“安康杯”竞赛活动。"
            "现将有关事项通知如下。\n一、总体要求", ["省总工会", "省应急管理厅", "省卫生健康委员会"], "joint bodies deciding"),
])

PUBLISHED = table("published", lambda c: (c.issue_date, c.published), [
    Example("2022年全国“安全生产月”活动在京启动\n2022-06-06 09:08:00\n5月31日,国务院安委会办公室在京举行启动会议。",
            (None, D(2022, 6, 6)), "a bare stamp line"),
    Example("甘肃启动“全国安全用药月”宣传活动\n\n02.11.2018  09:21\n\n记者从省药监局获悉。", (None, D(2018, 11, 2)),
            "day.month.year stamp"),
    Example("新华社北京6月10日电 (记者张毅)2007年全国节能宣传周活动正式启动。", (None, D(2007, 6, 10)),
            "agency dateline, the year the notice's"),
    Example("关于开展安全生产月活动的通知\n发布时间：2020-06-03 15:20  来源：市应急管理局\n各单位：\n……\n市应急管理局\n2020年5月27日",
            (D(2020, 5, 27), D(2020, 6, 3)), "page bar is no 成文日期"),
    Example("市应急局召开安全生产月动员会\n2021-06-01 10:12  来源：县融媒体中心\n6月1日，市应急局召开动员会。",
            (None, D(2021, 6, 1)), "unlabelled stamp on a 来源 bar"),
    Example("发 文 号：安组委办〔2017〕8号\n发布单位：全国安全生产月活动组委会办公室\n发布日期：2017-06-29\n各有关单位：",
            (D(2017, 6, 29), D(2017, 6, 29)), "发布日期 in the document's metadata table"),
    Example("《中国应急管理报》（2020年06月03日 01版）\n本报讯 6月2日，应急管理部召开会议。", (None, D(2020, 6, 3)), "masthead"),
    Example("2024年“安全生产月”活动方案\n活动时间：2024年6月1日至30日", (None, None), "活动时间 is no publication date"),
    # real shapes (corpus/real9c-h): bylines, bars run together, metadata tables, numbered 时间 items
    Example("西南铝开展2021年“安全生产月”活动\n\n中铝西南铝 2021-06-01 15:23\n\n近日，西南铝印发了通知。",
            (None, D(2021, 6, 1)), "byline: outlet, date and time"),
    Example("关于填报全国科普日重点活动的通知\n转载 重庆科协 2020-08-27\n各区县科协：", (None, D(2020, 8, 27)),
            "byline of a repost"),
    Example("| 某医院举行“安全生产月”启动仪式 | |||\n| 2025/7/2 10:22:27 文教卫生 | |||\n【本网讯】今年6月是第24个安全生产月。",
            (None, D(2025, 7, 2)), "table row: stamp and column"),
    Example("十部门部署开展防治碘缺乏病日宣传活动\n\n2025年5月13日   来源：中国产业播报\n\n工信部消息。",
            (None, D(2025, 5, 13)), "Chinese date before 来源"),
    Example("某通知\n浏览量：时间：2021-05-11 23:59:02\n各省生态环境厅：", (None, D(2021, 5, 11)), "bar run together"),
    Example("标题\n某卫健委关于开展宣传周活动的通知\n成文日期\n2025-04-22\n发文日期\n2025-04-23\n各区县卫健局：",
            (D(2025, 4, 22), D(2025, 4, 23)), "成文日期 of a metadata table is the issue date, not the stamp"),
    Example("关于开展征文活动的通知\n一、时间：2013年7月1日~9月30日。\n二、内容", (None, None),
            "a numbered 时间 item is no publication label"),
])

DOC_KIND = table("doc_kind", lambda c: c.doc_kind, [
    Example("关于印发《2024年安全生产月活动方案》的通知\n各单位：\n一、活动主题", "通知", "cover notice"),
    Example("白塔街道2024年“安全生产月”活动方案\n一、活动主题", "方案"),
    Example("关于2023年安全生产月活动开展情况的通报\n各单位：\n一、基本情况", "通报"),
    Example("2023年安全生产月活动工作总结\n一、主要做法", "总结"),
    Example("我县召开安全生产月活动动员会\n本报讯 6月1日上午，县安委办召开动员会。", "新闻"),
    Example("关于做好安全生产月活动的指导意见\n一、总体要求", "意见"),
    # real shapes (corpus/real9a, real9b): template-site titles, excerpts with no title line
    Example("医院安全生产月活动实施方案篇一\n一、活动主题\n人人讲安全", "方案", "template tail 篇一"),
    Example("安全生产月活动工作总结集合15篇\n今年6月,我镇开展了活动。", "总结", "template tail 集合15篇"),
    Example("镇人民政府2024年“全国安全生产月”宣教育活动工作总结 为进一步促进安全生产工作持续好转,开展活动。",
            "总结", "title glued to the body"),
    Example("各村(居)、企事业单位:\n为认真贯彻全市安全生产会议精神,现将有关事项通知如下:\n一、指导思想\n认真学习。",
            "通知", "excerpt from 主送 on"),
    Example("为加强安全生产工作,我院于2014年6月6日下午召开了“安全生产”动员大会。\n会上,副院长宣读了活动方案。",
            "新闻", "an event reported"),
    # real shapes (corpus/real9c-f): library titles, forwarding excerpts, untitled plans, headlines
    Example("安全生产月活动计划方案(模板14篇)\n作者:某某\n一、活动主题", "方案", "template tail (模板14篇)"),
    Example("2017年“119”消防宣传月活动方案 1.docx\n一、活动主题", "方案", "file name with copy number"),
    Example("第1篇 2023教育局安全生产月活动总结 1300字\n一、主要做法", "总结", "word count tail"),
    Example("安全生产月工作方案2022年\n一、指导思想", "方案", "trailing year"),
    Example("全縣2017年的防災(zāi)減災(zāi)宣傳活動(dòng)總結\n一、广场宣传", "总结", "traditional title with residue"),
    Example("现将《某部关于举办2020年科技活动周的通知》(某发〔2020〕1号)转发给你们。请认真组织。\n一、突出活动内容",
            "通知", "forwarding excerpt"),
    Example("根据上级《关于开展2011年安全生产月活动的通知》要求,结合我社区实际,特制订2011年“安全生产月”活动方案。\n"
            "一、指导思想\n以人为本。", "方案", "特制订…方案, the cited notice is no title"),
    Example("我院特制定了活动方案,并于6月6日召开了动员大会。\n会上,院长讲话。", "新闻", "特制定了: past, a report"),
    Example("宜昌市人民政府办公室关于认真组织开展国家“防灾减灾日”活动的通知【法规类别】扶贫救灾【发布日期】2009.04.24",
            "通知", "title flattened into the page"),
    Example("一、活动目的及意义\n今年6月为第17个安全生产月。\n二、活动项目\n开展培训。", "方案", "untitled plan body"),
    Example("(五)6月1日前,各乡镇设置宣传栏。\n责任单位:各乡镇政府。\n(六)6月8日前,喷绘广告。\n责任单位:县建设局。",
            "方案", "task list with 责任单位"),
    Example("庐江县罗河镇:制定“安全生产月”活动方案\n今年6月是第十八个安全生产月。罗河镇安监所扎实开展活动。",
            "新闻", "a headline on issuing a plan"),
])


TITLE = table("title", lambda c: c.title, [
    Example("关于开展2024年“安全生产月”活动的通知\n各单位:\n一、活动主题", "关于开展2024年“安全生产月”活动的通知"),
    # real shapes (corpus/real9b, real9f): a page's headline under its breadcrumb
    Example("免费发布信息\n当前位置:首页 > 新闻频道 > 本地快讯 >\n\n安庆开展能源短缺体验日活动\n\n我市市直机关积极响应节能宣传周活动,"
            "决定开展能源短缺体验日活动。", "安庆开展能源短缺体验日活动", "headline under a breadcrumb"),
    Example("首页>各区禁毒行\n静安 | 共和新路街道禁毒宣传进社区\n来源:东方网发布时间:2017/6/20\n6月13至15日,共和新路街道禁毒社工"
            "开展了禁毒宣传月进社区系列活动。", "静安 | 共和新路街道禁毒宣传进社区", "headline with a place prefix"),
    Example("首页>通知公告\n发布时间:2017/6/20 来源:某某网\n6月13日,某街道开展了活动。", None, "a bar under the breadcrumb is no title"),
])


ACTIVITIES = table("activity_titles", lambda c: [a.title for a in c.activities], [
    Example("关于开展2024年“安全生产月”活动的通知\n各单位：\n一、活动主题\n人人讲安全\n二、活动内容\n"
            "（一）开展主题宣传活动。\n（二）开展咨询日活动。\n三、工作要求\n（一）加强领导。",
            ["开展主题宣传活动", "开展咨询日活动"], "under 活动内容, not 工作要求"),
    # real shapes (corpus/real9c, real9d): a contest's rules and an event's agenda are no activities
    Example("关于举办安全生产月演讲比赛的通知\n各单位：\n一、演讲主题\n安全发展\n二、参赛对象\n全体职工\n"
            "三、演讲安排\n6月20日", [], "contest rules"),
    Example("关于开展征集活动的通知\n各单位：\n一、活动内容\n（一）参与对象\n全市中小学生。\n（二）内容要求\n"
            "紧扣主题。\n（三）评选条件\n原创。", [], "rules under 活动内容"),
    Example("关于开展安全知识竞赛的通知\n各单位：\n一、竞赛时间:2019年6月1日至6月30日\n二、竞赛内容:安全法律法规\n"
            "三、竞赛规则\n每人一次", [], "label headings"),
    Example("2021年安全生产月活动工作总结\n一、加强领导,精心组织\n成立了领导小组。\n二、加强宣传,营造氛围\n"
            "开展了宣传。", [], "a summary's achievements"),
    Example("安全环保月活动方案\n三、活动内容\n(1)、安全环保月宣传活动\n(2)、安全环保隐患申报",
            ["安全环保月宣传活动", "安全环保隐患申报"], "(1)、 numbering"),
    # real shapes (corpus/real9b-real9f, issue 9): cut excerpts, repeated sections, asides, top headings
    Example("网络安全宣传周活动通知\n三、活动安排\n(一)组织参加网络安全课活动\n内容。\n(二)开",
            ["组织参加网络安全课活动"], "heading cut by the excerpt's end"),
    Example("科技活动周通知\n一、做好项目资料报备工作\n内容。\n二、组织开展科普讲座\n内容。\n三、制定2020",
            ["做好项目资料报备工作", "组织开展科普讲座"], "a number cut by the excerpt's end"),
    Example("安全环保月活动方案\n三、活动项目\n(1)、安全环保月宣传活动\n(2)、安全环保隐患申报\n四、活动具体安排\n"
            "1、安全环保月宣传活动—提升安全环保意识\n2、安全环保隐患申报—“我参与,我光荣”",
            ["安全环保月宣传活动", "安全环保隐患申报"], "second section repeats the items with details"),
    Example("危化品安全知识竞赛通知\n一、活动安排\n(一)竞赛时间:2019年6月1日至6月30日\n(二)竞赛内容:危化品安全法律法规\n"
            "(三)统计与考核:结果实时公布\n(四)竞赛规则\n1.分地区评比", [], "a quiz's rules under 活动安排"),
    Example("关于开展2022年全国“质量月”活动的通知\n一、活动主题\n质量强国\n二、活动重点\n"
            "(一)贯彻决策部署,推动质量发展。内容。\n(二)提高产业质量竞争力。内容。",
            ["贯彻决策部署,推动质量发展", "提高产业质量竞争力"], "活动重点"),
    Example("网络安全宣传周活动\n一、网络安全宣传(国家网安周系列活动一)\n内容。\n二、网络安全应急演练(国家网安周系列活动二)\n内容。",
            ["网络安全宣传(国家网安周系列活动一)", "网络安全应急演练(国家网安周系列活动二)"], "系列活动 in an aside"),
    Example("国家安全教育主题宣传周活动通知\n一、山东省第二届知识竞赛\n内容。\n二、山东省第三届创意大赛\n内容。\n三、活动要求\n"
            "(一)组织开展总体国家安全观知识竞赛和全民国家安全宣传教育创意大赛是全省宣传周重点活动。\n(二)活动结束后报送材料。",
            ["山东省第二届知识竞赛", "山东省第三届创意大赛"], "a sentence naming 重点活动 is no section"),
    Example("全民国家安全教育日宣传资料\n一、“全民国家安全教育日”设立背景\n内容。\n二、什么是国家安全?\n内容。\n"
            "三、什么是12339?\n内容。", [], "questions"),
    Example("节能宣传周活动通知\n一、今年全国节能宣传周活动的主题是“节能减排、科学发展”。\n二、宣传周期间,要结合实际,集中宣传节能降耗。\n"
            "三、各地发展改革委要会同联合主办单位搞好宣传周活动。", [], "theme statement and instructions"),
    Example("转发安全生产月活动的通知\n一、加强领导,高度重视。内容。\n二、抓好落实,切实推进。内容。\n三、严格考核,加强督办",
            [], "paired four-character phrases"),
    Example("全国科普日活动通知\n一、重点活动申报:请各区县科协于9月4日前填报本地区确定开展的主场活动。\n"
            "二、网络活动申报:请各单位于9月4日前将策划开展的网络科普活动按附件2填报。", [], "labelled paragraphs"),
    Example("安全生产月活动方案\n三、活动内容\n(一)宣传报道 1、6月1日上午,召开新闻发布会。\n2、6月2日起开设专栏。\n"
            "(二)宣传咨询日活动\n内容。", ["宣传报道", "宣传咨询日活动"], "a sub-list glued to the title"),
    Example("医院安全生产月活动实施方案\n一、总体要求\n内容。\n二、活动主题和时间\n内容。\n"
            "三、重点活动安排(一)参加全市“安全生产月”活动启动仪式(二)开展“安全亲情寄语”活动\n内容。\n(三)开展普法宣传活动\n内容。",
            ["参加全市“安全生产月”活动启动仪式", "开展“安全亲情寄语”活动", "开展普法宣传活动"], "items run into the heading"),
    Example("学校安全生产月活动方案 一、指导思想 为提高安全意识,部署开展活动。二、活动内容 (一)开展校园安全知识宣教活动。"
            "1、发放资料;2、出板报。(二)开展安全查摆整改活动 1、开展大检查。三、活动要求 认真组织。",
            ["开展校园安全知识宣教活动", "开展安全查摆整改活动"], "a page flattened into paragraphs"),
    Example("关于开展全国“安全生产月”活动的通知\n(一)开展好事故警示教育周活动。内容。\n(二)办好安全文化周活动。内容。\n"
            "(三)组织好宣传咨询日活动。内容。", ["开展好事故警示教育周活动", "办好安全文化周活动", "组织好宣传咨询日活动"],
            "an excerpt of items alone"),
    Example("安全生产月活动方案\n1、下载文档前请自行甄别文档内容的完整性\n2、仅部分预览的文档不可在线预览\n"
            "3、如文档侵犯您的权益,请联系客服反馈\n一、活动宗旨\n提高安全意识。", [], "a document site's notes, 宗旨"),
    Example("关于征集2020年全国“质量月”活动口号的公告\n(一)口号应落实党中央决策部署。\n(二)口号要求言简意赅、易于传播。\n"
            "(三)每条口号不超过20个字。", [], "a call's rules alone"),
    Example("爱眼日宣传教育工作通知\n一、宣传教育主题\n共同呵护好孩子的眼睛\n二、宣传教育重点\n(一)宣传眼健康的重要意义。\n"
            "三、其他事项\n无。", [], "headings about the campaign"),
    Example("学校开展安全教育月活动\n通知就开展“安全教育月”活动提出以下要求:一是加强领导,精心组织。二是广泛宣传。", [],
            "an inline list of requirements"),
    Example("经信委安全生产月活动方案 一、总体要求 强化宣传。二、活动主题 安全发展。三、活动形式及内容1.开办安全生产宣传专栏。"
            "每周一期。2.积极参与法律法规知识网络竞赛。组织参加。3.积极参与书画摄影比赛。四、工作要求 认真组织。",
            ["开办安全生产宣传专栏", "积极参与法律法规知识网络竞赛", "积极参与书画摄影比赛"], "flattened, digit items"),
    Example("医院安全生产青年争先活动方案 一、组织机构 成立领导小组。二、活动时间 2023年6月9日至8月31日三、活动内容"
            "1、开展安全守护主题团日活动。各支部要通过板报展开展宣传。", ["开展安全守护主题团日活动"],
            "flattened heading glued to a date, one item"),
    Example("消防宣传月活动方案 一、指导思想 提升素质。二、活动时间 即日起至12月9日。三、活动内容紧紧围绕宣传月活动主题,"
            "重点组织开展“六项宣传活动”。(一)开展“全民消防我代言”公益宣传活动。以群众代表为重点。(二)开展消防宣传进社区活动。内容。",
            ["开展“全民消防我代言”公益宣传活动", "开展消防宣传进社区活动"], "flattened heading with an intro sentence"),
    Example("全县2017年防灾减灾宣传活动总结\n今年5月12日是第九个防灾减灾日。\n一、广场宣传活动。围绕主题开展宣传。\n"
            "二、灾害风险隐患排查。组织开展排查。\n三、学校主题教育活动。在中小学开展。",
            ["广场宣传活动", "灾害风险隐患排查", "学校主题教育活动"], "a summary's headings naming activities"),
    Example("全縣防災減災宣傳活動總結\n一、廣場(chǎng)宣傳活動(dòng)。圍繞主題開展宣傳。\n二、學校主題教育活動(dòng)。開展教育。",
            ["廣場(chǎng)宣傳活動(dòng)", "學校主題教育活動(dòng)"], "conversion residue kept at a title's end"),
    Example("关于开展第30个全国“爱眼日”活动的通知\n广大师生:\n现将系列活动安排如下:\n系列活动一:课间护眼五分钟,清晰世界伴我行\n"
            "1.活动时间:2025年6月6日全天\n2.活动地点:各班级\n系列活动二:眼科挂号0元\n当天免除挂号费。",
            ["课间护眼五分钟,清晰世界伴我行", "眼科挂号0元"], "activities labelled 系列活动一:"),
    Example("职业病防治法宣传周活动方案\n一、活动主题:工作·健康·和谐\n二、形式和内容\n(一)宣传形式\n各地开展宣传。\n(二)宣传内容\n"
            "1.职业病防治法律法规\n2.职业病防治知识\n三、宣传用语\n(一)工作·健康·和谐", [], "宣传内容 lists topics"),
    Example("转发安全生产月活动的通知\n一、加强领导,高度重视。各单位要成立专班。\n二、抓好落实,切实推进。各单位积极开展活动,"
            "主要做好以下几个方面工作:\n(一)积极参与应急和安全知识竞赛。内容。\n(二)开展安全月特色活动。内容。\n三、严格考核,加强督办",
            ["积极参与应急和安全知识竞赛", "开展安全月特色活动"], "an intro announcing the work"),
])


@pytest.mark.parametrize("get,text,expected",
                         CAMPAIGN + DOC_NUMBER + ISSUER + ISSUE_DATE + THEME + PERIOD + DEADLINES + CONTACTS + LISTS
                         + ATTACHMENTS + COMPANIONS + CONTACT_DETAILS + YEAR_EDITION + ISSUERS + PUBLISHED + DOC_KIND + TITLE
                         + ACTIVITIES)
def test_example(get, text, expected):
    assert get(parse_text(text)) == expected


def test_inferred_year_is_marked():
    c = parse_text("围绕“安全發展、預防為主”活動主題，製作專題節目。")
    assert "year" in c.inferred


def test_activities_of_two_sections_in_order():
    text = ("2021年“安全生产月”和“安全生产万里行”活动方案\n四、安全生产月活动内容\n（一）开展主题宣传活动。内容。\n"
            "责任单位：各县（区）人民政府（管委会），市安委会各成员单位\n（二）开展咨询日活动。6月16日举办。\n"
            "五、“安全生产万里行”活动主要内容\n（一）开展网上“安全生产万里行”活动。内容。\n六、活动要求\n（一）加强组织领导。")
    c = parse_text(text)
    assert [a.title for a in c.activities] == ["开展主题宣传活动", "开展咨询日活动", "开展网上“安全生产万里行”活动"]
    assert c.activities[0].responsible == ["各县（区）人民政府（管委会）", "市安委会各成员单位"]
    assert c.activities[1].dates == [D(2021, 6, 16)]
    assert c.companion_campaigns == ["安全生产万里行"]


def test_nested_children():
    text = ("三、主要工作任务\n（一）聚焦责任落实，开展形式多样活动\n1.深入宣贯重要论述。内容。\n2.深入学习法律法规。内容。\n"
            "（二）聚焦应急能力\n3.广泛开展应急救援演练。内容。\n四、工作要求\n")
    c = parse_text(text)
    assert [a.title for a in c.activities] == ["聚焦责任落实，开展形式多样活动", "聚焦应急能力"]
    assert [x.title for x in c.activities[0].children] == ["深入宣贯重要论述", "深入学习法律法规"]
    assert c.outline[0].children[0].children[1].number == "2."


def test_activity_table_rows():
    text = ("2019年全国科技活动周方案\n活动安排\n\n序号\t活动内容\t时间\t责任单位\n"
            "1\t启动仪式暨科普集市\t5月19日上午\t市科协\n2\t院士专家进校园科普报告会\t5月20日—24日\t市科协学会部\n")
    c = parse_text(text)
    assert [a.title for a in c.activities] == ["启动仪式暨科普集市", "院士专家进校园科普报告会"]
    assert all(c.source_text[a.span.start:a.span.end] == a.title for a in c.activities)


def test_emoji_numbered_items():
    text = "2021年“安全生产月”活动方案\n主要活动\n\n1\ufe0f\u20e3 开展应急演练活动\n内容。\n\n2\ufe0f\u20e3 开展安全宣传“五进”活动\n内容。"
    assert [a.title for a in parse_text(text).activities] == ["开展应急演练活动", "开展安全宣传“五进”活动"]


def test_bracket_headings():
    text = "2023年“安全生产月”活动方案\n三、活动内容\n【宣传教育】\n1.悬挂横幅。\n【隐患排查】\n1.开展自查。\n四、工作要求\n"
    assert [a.title for a in parse_text(text).activities] == ["宣传教育", "隐患排查"]


def test_excerpt_starting_inside_the_activity_list():
    text = "（四）开展咨询日活动。6月16日举办。\n（五）开展应急演练。内容。\n四、工作要求\n（一）加强组织领导。\n"
    c = parse_text(text)
    assert [a.title for a in c.activities] == ["开展咨询日活动", "开展应急演练"]
    assert [s.number for s in c.outline] == ["（四）", "（五）", "四、"]


def test_one_line_document_with_glued_headings():
    body = "".join(f"（{n}）开展第{n}项活动。具体内容如下，各单位要认真组织实施，结合实际细化措施，明确责任分工，"
                   "加强督促检查，确保各项工作落到实处、取得实效。" for n in "一二三四五六七八九")
    text = ("某某公司办公室 某发〔2014〕21号关于开展2014年“质量月”活动的通知各部门：现将有关事项通知如下："
            "一、活动主题建设质量强国，共筑中国梦二、活动时间2014年9月1日至9月30日三、活动内容" + body
            + "四、工作要求各单位于9月25日前报送总结。" * 5)
    c = parse_text(text)
    assert c.doc_number == "某发〔2014〕21号" and c.theme == "建设质量强国，共筑中国梦"
    assert [a.title for a in c.activities][:2] == ["开展第一项活动", "开展第二项活动"]


def test_heading_broken_by_a_blank_line():
    text = "2004年“安全生产月”活动方案\n三、主要\n\n活动内容\n（一）开展专项检查。内容。\n（二）开展培训。内容。\n四、工作要求\n"
    assert [a.title for a in parse_text(text).activities] == ["开展专项检查", "开展培训"]


def test_skipped_item_number_is_kept():
    text = "2018年“安全生产月”活动方案\n四、主要活动\n（一）开展学习。内容。\n（三）开展检查。内容。\n五、工作要求\n"
    assert [a.title for a in parse_text(text).activities] == ["开展学习", "开展检查"]


def test_inline_activity_list():
    c = parse_text("該局將組織開展三項活動：一是開展宣傳發動。二是組織知識競賽活動。三是開展應急演練。")
    assert [a.title for a in c.activities] == ["開展宣傳發動", "組織知識競賽活動", "開展應急演練"]
