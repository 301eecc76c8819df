"""SummaryData (資料1-1 content) from synthetic merge results built in code.

The factories here (``make_plan``, ``make_result``, ``reference_like_result``,
``other_scale_result``) are also used by ``test_reports.py``.
"""

from __future__ import annotations

from examples.variant_plans import result_of
from gyokaku_xl import text as g
from gyokaku_xl.domain.model import (DEFAULT_SCALE, Initiative, Period, Perspective, Plan, Program, Status,
                              StatusScale)
from gyokaku_xl.domain.records import MergeResult
from gyokaku_xl.core.summary import (FLAGGED_BULLET, FLAGGED_INITIATIVE, FLAGGED_NONE, build_summary,
                                doc_label, text_lines, with_bullet)


# --- factories ----------------------------------------------------------------------------------
def make_plan(perspectives: list[str], programs: list[tuple], initiatives: list[tuple], *,
              scale: StatusScale = DEFAULT_SCALE, rounding: str = g.ROUNDING_TRUNCATE,
              name: str = "平塚市行財政改革計画（2020-2023）") -> Plan:
    """programs: (number, perspective, name, priority, summary, department);
    initiatives: (id, program number, name)."""
    progs = tuple(Program(*p) for p in programs)
    dept = {p.number: p.department for p in progs}
    return Plan(name=name, municipality="平塚市",
                perspectives=tuple(Perspective(n, text) for n, text in enumerate(perspectives, 1)),
                scale=scale, programs=progs,
                initiatives=tuple(Initiative(i, p, n, dept[p]) for i, p, n in initiatives),
                rounding=rounding)


def make_result(plan: Plan, period: Period, reports: dict[str, dict]) -> MergeResult:
    """reports: initiative id → {status, progress, next_steps, delay_reason, fiscal_effect, note}."""
    return result_of(plan, period, reports, prefill=False, month="2021-10")


PERSPECTIVES = ["民間活力の活用", "施設の総合的管理", "行政の効率化", "収入確保策の推進",
                "身近で利用しやすい行政サービスの推進", "ICTの活用推進"]

#: (perspective, name, priority, summary, department, progress lines, next-step text)
SUMMARY_PROGRAMS = [
    (1, "民間活力活用事業", True, True, "行政総務課",
     ["・4月から保育園給食調理業務（神田保育園）を委託。",
      "・新たな民間活力活用の取組方針の策定に向けて、業務の調査、他自治体の事例を情報収集。"],
     "今後は、調査結果や他自治体の事例等を参考に、業務の選定に向けた取組を進める。"),
    (1, "公立幼稚園・保育園再編等事業", True, True, "保育課",
     ["・民営化する土沢地区の認定こども園の整備について、関係課で情報を共有。"],
     "今後は、整備計画に関する基本方針の策定に向け、取組を進める。"),
    (2, "公共施設総合的管理事業", True, True, "資産経営課",
     ["・５月に個別施設計画を策定、総合管理計画を改訂。", "・個別施設計画に示した対策の推進に向け、関係課と協議。",
      "・再編計画の改訂案を作成し、今後、庁内組織での検討を進める。"], ""),
    (3, "職員提案・業務改善推進事業", False, True, "行政総務課",
     ["・ 職員提案・業務改善報告を7月1日から募集開始。", "・「職員提案（事務提案）」では、応募が28件（前年比-10件）。",
      "・制度の改善では、「業務改善報告」の提出時の入力項目を削減し、応募者の負担を軽減。"], ""),
    (4, "債権徴収の推進事業", True, True, "納税課",
     ["・各債権の令和2年度の取組結果を踏まえ、成果目標等を設定し、収納率の向上に向け、着実に取組を進めた。",
      "・市税、国民健康保険税等で、スマートフォン決済アプリ「FamiPay」を利用したキャッシュレス決済による納付を開始。",
      "・国民健康保険税及び後期高齢者医療保険料で、滞納者の財産調査における事務の効率化を図るため、"
      "預貯金照会業務のデジタル化サービス「pipitLINQ」を導入。"], ""),
    (5, "行政手続オンライン化推進事業", True, True, "行政総務課",
     ["・令和3年度中に押印を廃止予定とした275種類の申請書等のうち、220種類で押印を廃止。",
      "・令和3年6月に「書面規制、対面規制の見直し方針」を決定。",
      "・行政手続オンライン化では、e-kanagawa電子申請システムに25種類の手続を追加。"], ""),
    (5, "マイナンバーカード普及促進事業", True, True, "市民課",
     ["・令和3年7月から9月にかけて7地区に出向き、300人以上の申請を支援。",
      "・カードの電子証明書の更新時に、住所、氏名等の記載が必要な申請書を自動作成（ノーライト化）する取組を進めた。"],
     "・今後は、8月に実施したカードの利活用調査の結果を踏まえ、方策の検討を進める。"),
    (6, "ICT活用推進事業", True, True, "情報政策課",
     ["・令和3年7月に税務部門にRPAを試行導入し、効果や課題を把握するため、検証を実施。",
      "・画像データの文字をAIが認識してデータ化するAI-OCRの利便性や効果を測定するため、税務部門で試験的に利用。"], ""),
]
#: statuses per perspective in the reference table (済, 概ね順調, 遅れ, 未着手, 休止)
REFERENCE_TABLE = {1: (0, 8, 1, 1, 0), 2: (1, 5, 0, 0, 0), 3: (0, 6, 0, 0, 0), 4: (0, 13, 0, 0, 1),
                   5: (1, 7, 0, 0, 0), 6: (0, 11, 0, 0, 0)}
PROGRAMS_PER_PERSPECTIVE = {1: 6, 2: 3, 3: 5, 4: 6, 5: 5, 6: 4}


def reference_like_result() -> MergeResult:
    """A synthetic data set with the reference's figures (29 事業, 55 取組) and texts."""
    programs, initiatives, reports = [], [], {}
    for perspective, count in PROGRAMS_PER_PERSPECTIVE.items():
        mine = [p for p in SUMMARY_PROGRAMS if p[0] == perspective]
        names = [p[1] for p in mine]
        if perspective == 1:
            names += ["龍城ケ丘ゾーン公園整備事業"]
        if perspective == 4:
            names += ["寄附金活用事業"]
        names += [f"{PERSPECTIVES[perspective - 1][:4]}関連事業{n}" for n in range(1, count - len(names) + 1)]
        for n, name in enumerate(names, 1):
            spec = next((p for p in mine if p[1] == name), None)
            number = f"{perspective}-{n:02d}"
            programs.append((number, perspective, name, spec[2] if spec else n % 2 == 0, bool(spec),
                             spec[4] if spec else f"{perspective}課{n}"))
        statuses = [s for s, c in zip(DEFAULT_SCALE.names, REFERENCE_TABLE[perspective]) for _ in range(c)]
        flagged = [s for s in statuses if s in ("遅れ", "未着手", "休止")]
        target = len(mine)  # the 事業 right after the summary ones carries the flagged 取組
        others = [k for k in range(len(names)) if not (flagged and k == target)]
        per_program: list[list[str]] = [[] for _ in names]
        if flagged:
            per_program[target] = flagged
        for k, status in enumerate(s for s in statuses if s not in flagged):
            per_program[others[k % len(others)]].append(status)
        for n, (name, sts) in enumerate(zip(names, per_program), 1):
            number = f"{perspective}-{n:02d}"
            spec = next((p for p in mine if p[1] == name), None)
            for k, status in enumerate(sts, 1):
                iid = f"{number}-{k}"
                iname = {"遅れ": "龍城ケ丘ゾーン公園の設計", "未着手": "龍城ケ丘ゾーン公園整備工事",
                         "休止": "クラウドファンディングに関する取組"}.get(status, f"{name}の取組{k}")
                initiatives.append((iid, number, iname))
                report = {"status": status, "progress": f"{name}の取組{k}を実施した。", "fiscal_effect": 100 * k}
                if spec and k == 1:
                    report["progress"] = "\n".join(spec[5])
                    report["next_steps"] = spec[6]
                if status in ("遅れ", "未着手"):
                    report["delay_reason"] = "設計では、市民意見を踏まえ、事業者と協議を進めた。"
                    report["next_steps"] = "今後も、整備に向けて引き続き設計を進める。"
                if status == "休止":
                    report["delay_reason"] = ("令和３年度に実施予定のクラウドファンディング（七夕まつり・花火大会）は、"
                                              "新型コロナウイルス感染症の影響により、事業が中止となり、実施を取り止めた。")
                reports[iid] = report
    plan = make_plan(PERSPECTIVES, programs, initiatives)
    return make_result(plan, Period(2021, g.PERIOD_FIRST_HALF), reports)


OTHER_SCALE = StatusScale((
    Status("完了", True), Status("順調", True), Status("やや遅れ", True), Status("遅延", False),
    Status("中止", False),
))


def other_scale_result() -> MergeResult:
    """A second data set: another status scale, 下半期 of 令和5年度, rounding 四捨五入."""
    plan = make_plan(
        ["歳入の確保", "事務の見直し"],
        [("A", 1, "使用料見直し事業", True, True, "財政課"),
         ("B", 1, "未利用地売却事業", False, False, "資産課"),
         ("C", 2, "窓口改善事業", False, True, "市民課")],
        [("A1", "A", "使用料の改定"), ("A2", "A", "減免基準の見直し"), ("B1", "B", "売却候補地の選定"),
         ("C1", "C", "書かない窓口"), ("C2", "C", "窓口予約"), ("C3", "C", "キャッシュレス決済")],
        scale=OTHER_SCALE, rounding=g.ROUNDING_HALF_UP, name="ある市の行革プラン")
    reports = {
        "A1": {"status": "完了", "progress": "改定案を作成。\n議会に提案。", "next_steps": "今後は、周知を進める。",
               "fiscal_effect": 1200},
        "A2": {"status": "遅延", "progress": "基準案を検討。", "delay_reason": "関係団体との調整に時間を要した。",
               "next_steps": "今後は、年度内の合意を目指す。", "fiscal_effect": 0},
        "B1": {"status": "中止", "progress": "候補地を調査。", "delay_reason": "土地利用方針の変更のため中止。"},
        "C1": {"status": "順調", "progress": "・申請書の自動作成を試行。\n・申請書の自動作成を試行。"},
        "C2": {"status": "やや遅れ", "progress": "予約システムを選定中。"},
        "C3": {"status": "順調", "progress": "・ 申請書の自動作成を試行。\n決済端末を設置。"},
    }
    return make_result(plan, Period(2023, g.PERIOD_SECOND_HALF), reports)


# --- tests: the reference figures ---------------------------------------------------------------
def test_reference_like_sentences_and_titles():
    data = build_summary(reference_like_result())
    assert data.doc_number == "資料１－１"
    assert data.title == "平塚市行財政改革計画（2020-2023）"
    assert data.subtitle == "令和3年度【上半期】取組状況（総括）"
    assert data.section1_heading == "１ 進捗状況（詳細は資料１－２、１－３）"
    assert data.sentences == (
        "・29事業で55の取組を実施。",
        "・取組の状況は、「済」「概ね順調」は52取組、全体の94％は順調に進捗。",
        "・「遅れ」は1取組、「未着手」は1取組、「休止」は1取組。",
    )
    assert data.notes == ("※割合（％）は小数点以下切り捨て。",)
    assert (data.program_count, data.initiative_count, data.on_track_count, data.on_track_percent) == (29, 55, 52, 94)


def test_reference_like_table_and_chart():
    data = build_summary(reference_like_result())
    t = data.table
    assert t.statuses == ("済", "概ね順調", "遅れ", "未着手", "休止")
    assert [(r.label, r.counts, r.total) for r in t.rows] == [
        ("(1)民間活力の活用", (0, 8, 1, 1, 0), 10), ("(2)施設の総合的管理", (1, 5, 0, 0, 0), 6),
        ("(3)行政の効率化", (0, 6, 0, 0, 0), 6), ("(4)収入確保策の推進", (0, 13, 0, 0, 1), 14),
        ("(5)身近で利用しやすい行政サービスの推進", (1, 7, 0, 0, 0), 8), ("(6)ICTの活用推進", (0, 11, 0, 0, 0), 11)]
    assert (t.totals.label, t.totals.counts, t.totals.total) == ("合計", (2, 50, 1, 1, 1), 55)
    assert data.table_heading == "【取組活動数一覧】"
    assert data.chart_heading == "【取組活動数内訳（合計55取組）】"
    assert [p.label for p in data.chart] == ["2(済)", "50(概ね順調)", "1(遅れ)", "1(未着手)", "1(休止)"]
    assert [p.on_track for p in data.chart] == [True, True, False, False, False]


def test_reference_like_section2():
    data = build_summary(reference_like_result())
    assert data.section2_heading == "２ 主な事業の取組状況（詳細は資料１－３）"
    assert [b.heading for b in data.section2] == ["（１）民間活力の活用", "（２）施設の総合的管理", "（３）行政の効率化",
                                                  "（４）収入確保策の推進", "（５）身近で利用しやすい行政サービスの推進",
                                                  "（６）ICTの活用推進"]
    titles = [p.title for b in data.section2 for p in b.programs]
    assert titles == ["民間活力活用事業【重点】", "公立幼稚園・保育園再編等事業【重点】", "公共施設総合的管理事業【重点】",
                      "職員提案・業務改善推進事業", "債権徴収の推進事業【重点】", "行政手続オンライン化推進事業【重点】",
                      "マイナンバーカード普及促進事業【重点】", "ICT活用推進事業【重点】"]
    first = data.section2[0].programs[0]
    assert first.bullets[0] == "・4月から保育園給食調理業務（神田保育園）を委託。"
    assert first.next_steps == ("今後は、調査結果や他自治体の事例等を参考に、業務の選定に向けた取組を進める。",)
    # every further 取組 of the 事業 adds its own bullet, in plan order
    assert first.bullets[-1].startswith("・民間活力活用事業の取組")


def test_reference_like_section3():
    data = build_summary(reference_like_result())
    assert data.section3_heading == "３ 「遅れ」「未着手」「休止」とした取組（詳細は資料１－３）"
    assert [(l.kind, l.text) for l in data.section3] == [
        (FLAGGED_INITIATIVE, "龍城ケ丘ゾーン公園の設計･･･遅れ [龍城ケ丘ゾーン公園整備事業]"),
        (FLAGGED_INITIATIVE, "龍城ケ丘ゾーン公園整備工事･･･未着手 [同上]"),
        (FLAGGED_BULLET, "・設計では、市民意見を踏まえ、事業者と協議を進めた。"),
        (FLAGGED_BULLET, "・今後も、整備に向けて引き続き設計を進める。"),
        (FLAGGED_INITIATIVE, "クラウドファンディングに関する取組･･･休止 [寄附金活用事業]"),
        (FLAGGED_BULLET, "・令和３年度に実施予定のクラウドファンディング（七夕まつり・花火大会）は、"
                         "新型コロナウイルス感染症の影響により、事業が中止となり、実施を取り止めた。"),
    ]


# --- tests: another scale and period ------------------------------------------------------------
def test_other_scale_sentences():
    data = build_summary(other_scale_result())
    assert data.title == "ある市の行革プラン"
    assert data.subtitle == "令和5年度【下半期】取組状況（総括）"
    # 4 of 6 on track: 66.67% → 四捨五入 67
    assert data.sentences == (
        "・3事業で6の取組を実施。",
        "・取組の状況は、「完了」「順調」「やや遅れ」は4取組、全体の67％は順調に進捗。",
        "・「遅延」は1取組、「中止」は1取組。",
    )
    assert data.notes == ("※割合（％）は小数点以下四捨五入。",)
    assert data.section3_heading == "３ 「遅延」「中止」とした取組（詳細は資料１－３）"


def test_other_scale_table_and_chart():
    data = build_summary(other_scale_result())
    assert data.table.statuses == ("完了", "順調", "やや遅れ", "遅延", "中止")
    assert [(r.label, r.counts, r.total) for r in data.table.rows] == [
        ("(1)歳入の確保", (1, 0, 0, 1, 1), 3), ("(2)事務の見直し", (0, 2, 1, 0, 0), 3)]
    assert data.table.totals.counts == (1, 2, 1, 1, 1)
    assert data.table.totals.total == 6
    assert [p.label for p in data.chart] == ["1(完了)", "2(順調)", "1(やや遅れ)", "1(遅延)", "1(中止)"]
    assert data.chart_heading == "【取組活動数内訳（合計6取組）】"


def test_other_scale_sections():
    data = build_summary(other_scale_result())
    # 未利用地売却事業 is not 総括掲載; duplicates within a 事業 are dropped, bullets added
    blocks = [(b.heading, [(p.title, p.lines) for p in b.programs]) for b in data.section2]
    assert blocks == [
        ("（１）歳入の確保", [("使用料見直し事業【重点】",
                            ("・改定案を作成。", "・議会に提案。", "・基準案を検討。", "今後は、周知を進める。",
                             "今後は、年度内の合意を目指す。"))]),
        ("（２）事務の見直し", [("窓口改善事業", ("・申請書の自動作成を試行。", "・予約システムを選定中。",
                                           "・決済端末を設置。"))]),
    ]
    assert [l.text for l in data.section3] == [
        "減免基準の見直し･･･遅延 [使用料見直し事業]", "・関係団体との調整に時間を要した。", "・今後は、年度内の合意を目指す。",
        "売却候補地の選定･･･中止 [未利用地売却事業]", "・土地利用方針の変更のため中止。"]


def test_zero_counts_and_none_flagged():
    result = other_scale_result()
    result.records = [r for r in result.records if r.status not in ("遅延",)]
    data = build_summary(result)
    assert data.sentences[2] == "・「遅延」はなし、「中止」は1取組。"
    result.records = [r for r in result.records if r.status != "中止"]
    data = build_summary(result)
    assert data.sentences[2] == "・「遅延」「中止」とした取組はなし。"
    assert [(l.kind, l.text) for l in data.section3] == [(FLAGGED_NONE, "「遅延」「中止」とした取組はありません。")]
    assert [p.label for p in data.chart][3:] == ["0(遅延)", "0(中止)"]


def test_unreported_initiatives_are_noted_and_counted_out():
    result = reference_like_result()
    result.records = result.records[2:]
    programs = len({r.program.number for r in result.records})
    data = build_summary(result)
    assert data.initiative_count == 53
    assert data.sentences[0] == f"・{programs}事業で53の取組を実施。"
    assert data.notes[-1] == "※計画の55取組のうち2取組は報告がなく、集計に含めていません。"


def test_summary_program_without_report():
    result = other_scale_result()
    result.records = [r for r in result.records if r.program.number != "C"]
    data = build_summary(result)
    assert data.section2[-1].programs[0].lines == (g.REPORT_NOT_REPORTED,)


def test_empty_result_does_not_divide_by_zero():
    result = other_scale_result()
    result.records = []
    data = build_summary(result)
    assert data.sentences[:2] == ("・0事業で0の取組を実施。",
                                  "・取組の状況は、「完了」「順調」「やや遅れ」は0取組、全体の0％は順調に進捗。")


def test_helpers():
    assert doc_label("資料1-3") == "資料１－３"
    assert text_lines(" a \r\n\n　b　\rc") == ["a", "b", "c"]
    assert with_bullet("x") == "・x" and with_bullet("・x") == "・x" and with_bullet("･x") == "･x"
