"""Officials the actor tables do not know, introduced by an office of titles.tsv.

The sentences are written for this test in the style of Xinhua, CNA and Hong Kong papers
(Simplified, Traditional, an English gloss here and there). The people in them are not in
timeline/data/actors/*.tsv (`test_names_are_unknown_to_the_tables`), so only the grammar
"[country][ministry][title] NAME" can find them: each case names the title it relies on.
Bare titles after a country name the office holder; titles inside ordinary words
(此次长达, 公司长期, 扩大公共, 母亲王) must create nobody.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from timeline.extractor import extract_records
from timeline.lexicon import COUNTRY, PERSON, get_lexicon
from timeline.script import to_simplified

from pipeline_helpers import recognized

DCT = "2026-12-01"

# (title relied on, text, event type, names that must all be among one event's actors)
CASES: list[tuple[str, str, str, list[str]]] = [
    ("东亚司司长", "斯里兰卡外交部东亚司司长贾亚维拉10日在科伦坡会见中国驻斯里兰卡大使戚振宏。",
     "meeting", ["贾亚维拉", "戚振宏"]),
    ("亚洲司司长", "外交部亚洲司司长邬建明11日在北京会见日本外务省亚洲大洋洲局局长石渡康弘。",
     "meeting", ["邬建明", "石渡康弘"]),
    ("外务审议官", "日本外务审议官大塚隆史12日在首尔会见韩国外交部第二次官朴成勋。",
     "meeting", ["大冢隆史", "朴成勋"]),
    ("最高国家安全委员会秘书", "俄罗斯安全会议秘书科兹洛夫斯基13日在莫斯科会见伊朗最高国家安全委员会秘书塔瓦科利。",
     "meeting", ["科兹洛夫斯基", "塔瓦科利"]),
    ("外交部国务秘书", "中国外交部部长助理俞振华14日在北京会见德国外交部国务秘书莱特纳。",
     "meeting", ["俞振华", "莱特纳"]),
    ("外交部政务次长", "外交部政務次長葉建民15日在台北會見來訪的巴拉圭外交部副部長費南德茲。",
     "meeting", ["叶建民", "费南德兹"]),
    ("中东问题特使", "中国政府中东问题特使邵志刚17日在开罗会见埃及外交部国务部长萨米赫。",
     "meeting", ["邵志刚", "萨米赫"]),
    ("主席团主席", "波黑主席团主席拉德曼18日在萨拉热窝会见到访的匈牙利国防部副部长萨博。",
     "meeting", ["拉德曼", "萨博"]),
    ("总统府发言人", "菲律宾总统府发言人加布里埃拉19日在马尼拉会见日本驻菲律宾大使松田健二。",
     "meeting", ["加布里埃拉", "松田健二"]),
    ("亚洲司副司长", "越南驻华大使范青山21日在北京会见中国外交部亚洲司副司长夏立平。",
     "meeting", ["范青山", "夏立平"]),
    ("拉美司司长", "外交部拉美司司长蔡建伟22日在北京会见智利外交部副部长贝尔纳多。",
     "meeting", ["蔡建伟", "贝尔纳多"]),
    ("瑞士联邦委员", "瑞士联邦委员鲍姆加特纳23日在伯尔尼会见中国驻瑞士大使龚德明。",
     "meeting", ["鲍姆加特纳", "龚德明"]),
    ("卢森堡大公", "卢森堡大公费利克斯24日在卢森堡会见来访的比利时副首相德克莱尔。",
     "meeting", ["费利克斯", "德克莱尔"]),
    ("摩纳哥亲王", "摩纳哥亲王阿尔芒25日在摩纳哥会见意大利外交部国务秘书桑蒂尼。",
     "meeting", ["阿尔芒", "桑蒂尼"]),
    ("最高领袖", "伊朗最高领袖阿斯卡里26日在德黑兰会见到访的伊拉克总统特使贾布尔。",
     "meeting", ["阿斯卡里", "贾布尔"]),
    ("国务资政", "新加坡国务资政杜文杰27日在新加坡会见越南政府副总理黎清海。",
     "meeting", ["杜文杰", "黎清海"]),
    ("王储兼首相", "巴林王储兼首相伊萨姆28日在麦纳麦会见美国总统特使沃尔夫。",
     "meeting", ["伊萨姆", "沃尔夫"]),
    ("过渡总统", "马里过渡总统库利巴利29日在巴马科会见非盟委员会主席阿杜莫。",
     "meeting", ["库利巴利", "阿杜莫"]),
    ("首席谈判代表", "乌克兰首席谈判代表梅尔尼克30日在伊斯坦布尔会见俄罗斯代表团团长索科洛夫。",
     "meeting", ["梅尔尼克", "索科洛夫"]),
    ("特别报告员", "联合国特别报告员贝坦库尔10日在日内瓦会见缅甸常驻代表丹敏。",
     "meeting", ["贝坦库尔", "丹敏"]),
    ("东盟秘书长", "東協秘書長羅薩里奧10日在雅加達與美國參議員哈德森舉行會談。",
     "meeting", ["罗萨里奥", "哈德森"]),
    ("众议长", "美國眾議長布雷迪11日在華府會見台灣駐美代表俞宏恩。",
     "meeting", ["布雷迪", "俞宏恩"]),
    ("反对党领袖", "英国反对党领袖哈德威克12日在伦敦会见来访的日本自民党总裁石川直人。",
     "meeting", ["哈德威克", "石川直人"]),
    ("克里姆林宫发言人", "克里姆林宫发言人斯米尔诺娃13日在莫斯科会见朝鲜驻俄罗斯大使金哲南。",
     "meeting", ["斯米尔诺娃", "金哲南"]),
    ("常务次官", "美国国务院发言人布伦南14日与澳大利亚外交贸易部常务次官霍金斯通电话。",
     "call", ["布伦南", "霍金斯"]),
    ("欧盟贸易委员", "歐盟貿易執委薩拉斯15日在布魯塞爾會見日本經濟產業相高野武彥。",
     "meeting", ["萨拉斯", "高野武彦"]),
    ("政务司司长", "香港特區政府政務司司長鄺志強16日會見來訪的新加坡律政部長陳仁傑。",
     "meeting", ["邝志强", "陈仁杰"]),
    ("外交部次长", "外交部次長謝文彬17日在台北會見美國亞太助卿卡佩羅。",
     "meeting", ["谢文彬", "卡佩罗"]),
    ("国家安保室第一次长", "韩国国家安保室第一次长金基焕18日在华盛顿会见白宫国家安全顾问帕特森。",
     "meeting", ["金基焕", "帕特森"]),
    ("外务事务次官", "日本外务事务次官森田浩二（Koji Morita）19日在东京会见美国国务次卿卡明斯。",
     "meeting", ["森田浩二", "卡明斯"]),
    ("副王储", "沙特副王储图尔基20日在利雅得会见卡塔尔副埃米尔贾西姆。",
     "meeting", ["图尔基", "贾西姆"]),
    ("国务秘书", "德国联邦总统府国务秘书布伦纳21日在北京会见中国国务院副总理刘振国。",
     "meeting", ["布伦纳", "刘振国"]),
    ("看守总理", "泰国看守总理披尼22日在曼谷会见柬埔寨常务副总理索安纳。",
     "meeting", ["披尼", "索安纳"]),
    ("下议院议长", "英国下议院议长霍尔特23日在伦敦会见来访的越南国会副主席阮德海。",
     "meeting", ["霍尔特", "阮德海"]),
    ("副总干事", "世卫组织副总干事卡瓦略24日在日内瓦会见到访的中国卫生部副部长许益民。",
     "meeting", ["卡瓦略", "许益民"]),
    ("政务参赞", "日本驻华大使馆政务参赞村井健一10日在北京会见中国外交部亚洲司副司长夏立平。",
     "meeting", ["村井健一", "夏立平"]),
    ("参议院多数党领袖", "美国参议院多数党领袖弗格森11日在华盛顿会见菲律宾众议长贝拉斯科。",
     "meeting", ["弗格森", "贝拉斯科"]),
    ("高级代表", "联合国裁军事务高级代表马尔凯蒂12日在日内瓦会见伊朗外交部副部长卡泽米安。",
     "meeting", ["马尔凯蒂", "卡泽米安"]),
    ("副秘书长", "联合国副秘书长迪卡洛13日在纽约会见索马里常驻联合国代表奥斯曼。",
     "meeting", ["迪卡洛", "奥斯曼"]),
    ("保安司司长", "香港特区政府保安局局长邓志伟14日会见来访的澳门特区保安司司长黄少华。",
     "meeting", ["邓志伟", "黄少华"]),
    ("总理府发言人", "以色列总理府发言人本雅明森15日在耶路撒冷会见德国外交部副发言人许尔曼。",
     "meeting", ["本雅明森", "许尔曼"]),
    ("欧洲议会议员", "欧洲议会议员布罗克曼16日在斯特拉斯堡会见台湾立法委员林志强。",
     "meeting", ["布罗克曼", "林志强"]),
    ("高级政务部长", "新加坡高级政务部长许文远（Khor Boon Teck）17日会见马来西亚首相署部长阿兹米。",
     "meeting", ["许文远", "阿兹米"]),
]

# a country and a bare title: the office holder on the event's date (DCT 2025-11-01)
HOLDERS: list[tuple[str, str, str]] = [
    ("卢森堡大公", "卢森堡大公10日在卢森堡会见比利时首相德韦弗。", "纪尧姆大公"),
    ("欧洲议会议长", "欧洲议会议长10日在布鲁塞尔会见乌克兰总统泽连斯基。", "梅措拉"),
    ("联邦委员会主席", "俄罗斯联邦委员会主席10日在莫斯科会见白俄罗斯总统卢卡申科。", "马特维延科"),
    ("主席团主席", "波黑主席团主席10日在萨拉热窝会见土耳其总统埃尔多安。", "科姆希奇"),
    ("临时政府首席顾问", "孟加拉国临时政府首席顾问10日在达卡会见巴基斯坦总理夏巴兹。", "尤努斯"),
    ("教皇", "梵蒂冈教宗10日在梵蒂冈会见意大利总统马塔雷拉。", "良十四世"),
    ("摩纳哥亲王", "摩纳哥亲王10日在摩纳哥会见法国总统马克龙。", "阿尔贝二世"),
    ("东盟秘书长", "東協秘書長10日在雅加達會見印尼總統普拉博沃。", "高金洪"),
    ("非盟委员会主席", "非盟委员会主席10日在亚的斯亚贝巴会见埃塞俄比亚总理阿比。", "优素福"),
]

# a title of one country, no country named before it: the new name is that country's
OWN_COUNTRY: list[tuple[str, str, str]] = [
    ("外交部政務次長葉建民15日在台北會見來訪的巴拉圭外交部副部長費南德茲。", "叶建民", "TWN"),
    ("外交部亚洲司司长邬建明11日在北京会见日本外务省亚洲大洋洲局局长石渡康弘。", "邬建明", "CHN"),
    ("卢森堡大公费利克斯24日在卢森堡会见来访的比利时副首相德克莱尔。", "费利克斯", "LUX"),
]

# (ordinary word holding a title, text, the only persons allowed among the actors)
ORDINARY: list[tuple[str, str, set[str]]] = [
    ("此次长达", "王毅与到访的新加坡外长维文举行会谈，此次长达三小时的会谈在钓鱼台国宾馆举行。", {"王毅", "维文"}),
    ("公司长期", "中国公司长期参与斯里兰卡港口建设。斯里兰卡总统迪萨纳亚克10日在科伦坡会见王毅。", {"迪萨纳亚克", "王毅"}),
    ("当局长期", "以色列当局长期封锁加沙。以色列总理内塔尼亚胡10日会见美国国务卿鲁比奥。", {"内塔尼亚胡", "鲁比奥"}),
    ("扩大公共", "两国同意扩大公共卫生合作。卢森堡首相弗里登10日在卢森堡会见马克龙。", {"弗里登", "马克龙"}),
    ("美国大公司", "美国大公司高管10日在北京会见中国商务部长王文涛。", {"王文涛"}),
    ("局长级", "中日外交部门局长级磋商10日在东京举行。日本外务省局长级官员会见了中方代表团。", set()),
    ("高级代表团", "中方派出高级代表团出席典礼。王毅10日在东京会见岩屋毅。", {"王毅", "岩屋毅"}),
    ("母亲王", "他的母亲王女士说，马克龙10日在巴黎会见了默茨。", {"马克龙", "默茨"}),
    ("理财相关", "两国加强理财相关合作。岩屋毅10日在东京会见赵兑烈。", {"岩屋毅", "赵兑烈"}),
    ("大使馆", "日本驻华大使馆举行招待会，王毅当天会见了岩屋毅。", {"王毅", "岩屋毅"}),
    ("第一次官方", "鲁比奥10日开始第一次官方访问日本，岩屋毅在东京会见了他。", {"鲁比奥", "岩屋毅"}),
]

# a bare title whose office is not the one its country's head of state holds
NOT_HOLDERS: list[tuple[str, str, str, str]] = [
    ("最高领袖", "伊朗最高领袖10日在德黑兰会见伊拉克总理苏达尼。", "伊朗", "佩泽希齐扬"),
    ("国家杜马主席", "俄罗斯国家杜马主席10日在莫斯科会见越南国会主席陈青敏。", "俄罗斯", "马特维延科"),
]


def _records(text: str, dct: str, tmp_path: Path) -> list[dict]:
    path = tmp_path / "case.txt"
    path.write_text(f"---\npublished: {dct}\n---\n{text}\n", encoding="utf-8")
    return extract_records(path)


def _persons(text: str, tmp_path: Path) -> set[str]:
    """Every person the pipeline resolves in `text` (up to, not including, the events component)."""
    doc = recognized(text, DCT, tmp_path)
    return {a.name for span in doc.spans.get("actors", []) for a in (span._.actors or ()) if a.kind == "person"}


def _show(records: list[dict]) -> str:
    return "\n".join(f"  {r['type']} {[a['name'] for a in r['actors']]}" for r in records) or "  (no records)"


def test_cases_cover_the_brief() -> None:
    lex = get_lexicon()
    assert len(CASES) >= 25
    assert len({title for title, *_ in CASES}) == len(CASES)
    for title, *_ in CASES + HOLDERS + NOT_HOLDERS:
        assert title in lex.titles, title
    assert sum(to_simplified(text) != text for _, text, *_ in CASES) >= 5  # Traditional
    assert any(re.search(r"[A-Za-z]", text) for _, text, *_ in CASES)  # an English gloss


@pytest.mark.parametrize(("title", "text", "kind", "names"), CASES, ids=[f"c{i:02d}" for i in range(len(CASES))])
def test_names_are_unknown_to_the_tables(title: str, text: str, kind: str, names: list[str]) -> None:
    """No name of a case is a person of the tables, nor holds a form of one (the grammar must find it)."""
    lex = get_lexicon()
    forms = {f for entry, fs in lex.forms.items() if entry.label in (PERSON, COUNTRY) for f in fs if len(f) >= 2}
    for name in names:
        assert not [e for e in lex.lookup(name) if e.label == PERSON], name
        assert not [f for f in forms if f in name], name


@pytest.mark.parametrize(("title", "text", "kind", "names"), CASES, ids=[f"c{i:02d}" for i in range(len(CASES))])
def test_official_introduced_by_a_title(title: str, text: str, kind: str, names: list[str], tmp_path: Path) -> None:
    records = _records(text, DCT, tmp_path)
    hit = [r for r in records if r["type"] == kind and set(names) <= {a["name"] for a in r["actors"]}]
    assert hit, f"{title}: no {kind} with {names}:\n{_show(records)}"


@pytest.mark.parametrize(("title", "text", "holder"), HOLDERS, ids=[f"h{i:02d}" for i in range(len(HOLDERS))])
def test_bare_title_names_the_office_holder(title: str, text: str, holder: str, tmp_path: Path) -> None:
    records = _records(text, "2025-11-01", tmp_path)
    assert any(holder in {a["name"] for a in r["actors"]} for r in records if r["type"] == "meeting"), _show(records)


@pytest.mark.parametrize(("title", "text", "country", "other"), NOT_HOLDERS,
                         ids=[f"n{i:02d}" for i in range(len(NOT_HOLDERS))])
def test_bare_title_of_another_office_is_not_the_head_of_state(title: str, text: str, country: str, other: str,
                                                               tmp_path: Path) -> None:
    records = _records(text, "2025-11-01", tmp_path)
    names = {a["name"] for r in records for a in r["actors"]}
    assert country in names and other not in names, _show(records)


@pytest.mark.parametrize(("text", "name", "country"), OWN_COUNTRY, ids=[f"k{i:02d}" for i in range(len(OWN_COUNTRY))])
def test_new_name_takes_the_country_of_its_title(text: str, name: str, country: str, tmp_path: Path) -> None:
    records = _records(text, DCT, tmp_path)
    countries = {a["country"] for r in records for a in r["actors"] if a["name"] == name}
    assert countries == {country}, _show(records)


@pytest.mark.parametrize(("word", "text", "persons"), ORDINARY, ids=[f"o{i:02d}" for i in range(len(ORDINARY))])
def test_title_inside_an_ordinary_word_makes_no_person(word: str, text: str, persons: set[str],
                                                        tmp_path: Path) -> None:
    found = _persons(text, tmp_path)
    assert found <= persons, f"{word}: {sorted(found - persons)}"
