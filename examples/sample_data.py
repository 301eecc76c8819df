"""The sample data set: 平塚市行財政改革計画（2020-2023）, 令和3年度 上半期, as plain data.

The perspective × status counts, the 事業 of the official 資料1-1 (sections 2 and 3) and their texts
are those of the reference (``shared/reference/shiryo1-1_R3_H1_summary.txt``). Every other 事業 and
取組 name, every other text, the 所管課 assignment, 財政効果額, 記入者 and 連絡先 are illustrative.

Text contract with the report renderer:

* 取組状況 holds one bullet per line, each starting with 「・」; for a 総括掲載 事業 the union of its
  取組' lines (plan order, de-duplicated) is exactly the reference's section 2 bullets.
* 今後の予定 of a 総括掲載 事業 holds the reference's un-bulleted 「今後は、…」 sentence where there is one.
* The section 3 lines come from 遅れ等の理由 then 今後の予定 of the flagged 取組.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from gyokaku_xl import text as g
from gyokaku_xl.domain import revisions as rv
from gyokaku_xl.domain.contacts import Contact
from gyokaku_xl.domain.model import DEFAULT_SCALE, Initiative, Period, Perspective, Plan, Program
from gyokaku_xl.domain.revisions import PlanChange
from gyokaku_xl.domain.targets import DOWN, UP, Indicator, RatingBand, Ratings, TargetPlan

PLAN_NAME = "平塚市行財政改革計画（2020-2023）"
MUNICIPALITY = "平塚市"
COORDINATOR = "行政総務課"
PERIOD = Period(2021, g.PERIOD_FIRST_HALF)

PERSPECTIVES: tuple[tuple[int, str], ...] = (
    (1, "民間活力の活用"),
    (2, "施設の総合的管理"),
    (3, "行政の効率化"),
    (4, "収入確保策の推進"),
    (5, "身近で利用しやすい行政サービスの推進"),
    (6, "ICTの活用推進"),
)

ON_TRACK = "概ね順調"
DONE = "済"


@dataclass(frozen=True)
class SampleProgram:
    """One 事業 of the sample plan."""

    number: str
    perspective: int
    name: str
    department: str
    priority: bool = False
    summary: bool | None = None  # None: same as priority

    @property
    def in_summary(self) -> bool:
        """True when the 事業 is 総括掲載."""
        return self.priority if self.summary is None else self.summary


@dataclass(frozen=True)
class SampleInitiative:
    """One 取組 of the sample plan and what its 所管課 reported for 令和3年度 上半期."""

    id: str
    program: str
    name: str
    department: str
    progress: str
    status: str = ON_TRACK
    next_steps: str = ""
    delay_reason: str = ""
    fiscal_effect: int | None = None
    note: str = ""

    def values(self) -> dict[str, object]:
        """The input columns of the form (schema column key → value)."""
        return {"status": self.status, "progress": self.progress, "next_steps": self.next_steps,
                "delay_reason": self.delay_reason, "fiscal_effect": self.fiscal_effect,
                "note": self.note}


P = SampleProgram
I = SampleInitiative  # noqa: E741

PROGRAMS: tuple[SampleProgram, ...] = (
    # (1) 民間活力の活用
    P("1", 1, "民間活力活用事業", "行政総務課", priority=True),
    P("2", 1, "公立幼稚園・保育園再編等事業", "保育課", priority=True),
    P("3", 1, "龍城ケ丘ゾーン公園整備事業", "みどり公園・水辺課"),
    P("4", 1, "指定管理者制度活用事業", "行政総務課"),
    P("5", 1, "PPP/PFI推進事業", "資産経営課"),
    # (2) 施設の総合的管理
    P("6", 2, "公共施設総合的管理事業", "資産経営課", priority=True),
    P("7", 2, "学校施設長寿命化事業", "教育施設課"),
    P("8", 2, "未利用市有地活用事業", "資産経営課"),
    P("9", 2, "市営住宅適正管理事業", "建築住宅課"),
    # (3) 行政の効率化
    P("10", 3, "職員提案・業務改善推進事業", "行政総務課", summary=True),
    P("11", 3, "定員管理適正化事業", "職員課"),
    P("12", 3, "人材育成推進事業", "職員課"),
    P("13", 3, "内部事務効率化事業", "行政総務課"),
    P("14", 3, "契約事務改善事業", "契約課"),
    # (4) 収入確保策の推進
    P("15", 4, "債権徴収の推進事業", "収納課", priority=True),
    P("16", 4, "寄附金活用事業", "企画政策課"),
    P("17", 4, "広告収入確保事業", "資産経営課"),
    P("18", 4, "使用料・手数料適正化事業", "財政課"),
    P("19", 4, "市有財産有効活用事業", "資産経営課"),
    P("20", 4, "国・県補助金等活用事業", "財政課"),
    P("21", 4, "企業誘致推進事業", "産業振興課"),
    # (5) 身近で利用しやすい行政サービスの推進
    P("22", 5, "行政手続オンライン化推進事業", "行政総務課", priority=True),
    P("23", 5, "マイナンバーカード普及促進事業", "市民課", priority=True),
    P("24", 5, "窓口サービス向上事業", "市民課"),
    P("25", 5, "市民相談充実事業", "市民情報・相談課"),
    # (6) ICTの活用推進
    P("26", 6, "ICT活用推進事業", "情報政策課", priority=True),
    P("27", 6, "情報システム最適化事業", "情報政策課"),
    P("28", 6, "働き方改革推進事業", "職員課"),
    P("29", 6, "地域情報化推進事業", "情報政策課"),
)

_PARK_REASON = "設計では、市民意見を踏まえ、事業者と協議を進めた。"
_PARK_NEXT = "今後も、整備に向けて引き続き設計を進める。"
_CROWDFUNDING_REASON = ("令和３年度に実施予定のクラウドファンディング（七夕まつり・花火大会）は、"
                        "新型コロナウイルス感染症の影響により、事業が中止となり、実施を取り止めた。")

INITIATIVES: tuple[SampleInitiative, ...] = (
    # --- (1) 民間活力の活用: 8 概ね順調, 1 遅れ, 1 未着手 ------------------------------------
    I("1-01", "1", "保育園給食調理業務の民間委託", "保育課",
      "・4月から保育園給食調理業務（神田保育園）を委託。", fiscal_effect=3150),
    I("1-02", "1", "民間活力活用の取組方針の策定", "行政総務課",
      "・新たな民間活力活用の取組方針の策定に向けて、業務の調査、他自治体の事例を情報収集。",
      next_steps="今後は、調査結果や他自治体の事例等を参考に、業務の選定に向けた取組を進める。"),
    I("1-03", "2", "土沢地区の認定こども園の整備", "保育課",
      "・民営化する土沢地区の認定こども園の整備について、関係課で情報を共有。",
      next_steps="今後は、整備計画に関する基本方針の策定に向け、取組を進める。"),
    I("1-04", "3", "龍城ケ丘ゾーン公園の設計", "みどり公園・水辺課",
      "・設置等予定者と、公園の施設配置や動線について協議を実施。",
      status="遅れ", delay_reason=_PARK_REASON, next_steps=_PARK_NEXT),
    I("1-05", "3", "龍城ケ丘ゾーン公園整備工事", "みどり公園・水辺課",
      "・設計の完了後に着手するため、整備工事は未着手。",
      status="未着手", delay_reason=_PARK_REASON, next_steps=_PARK_NEXT),
    I("1-06", "4", "指定管理者制度の運用指針の見直し", "行政総務課",
      "・指定管理者制度の運用指針について、モニタリング方法の見直し案を作成。"),
    I("1-07", "4", "指定管理者の評価の実施", "行政総務課",
      "・令和2年度の管理運営について、各施設の評価を実施し、結果を公表。"),
    I("1-08", "4", "公園への指定管理者制度の導入検討", "みどり公園・水辺課",
      "・総合公園等への指定管理者制度の導入について、他市の事例を調査。"),
    I("1-09", "5", "PPP/PFI手法の導入検討", "資産経営課",
      "・公共施設の更新に当たり、PPP/PFI手法の導入可能性を検討。\n"
      "・民間事業者との対話（サウンディング型市場調査）の実施方法を整理。"),
    I("1-10", "5", "下水道施設の包括的民間委託", "下水道経営課",
      "・浄化センターの運転管理業務について、包括的民間委託を継続し、履行状況を確認。",
      fiscal_effect=8400),
    # --- (2) 施設の総合的管理: 1 済, 5 概ね順調 ------------------------------------------------
    I("2-01", "6", "個別施設計画の策定と総合管理計画の改訂", "資産経営課",
      "・５月に個別施設計画を策定、総合管理計画を改訂。", status=DONE),
    I("2-02", "6", "個別施設計画に基づく対策の推進", "資産経営課",
      "・個別施設計画に示した対策の推進に向け、関係課と協議。"),
    I("2-03", "6", "公共施設再編計画の改訂", "資産経営課",
      "・再編計画の改訂案を作成し、今後、庁内組織での検討を進める。"),
    I("2-04", "7", "学校施設の長寿命化改修", "教育施設課",
      "・学校施設長寿命化計画に基づき、小学校2校の改修工事の設計を実施。"),
    I("2-05", "8", "未利用市有地の売却・貸付", "資産経営課",
      "・未利用市有地2件の一般競争入札を実施し、1件を売却。", fiscal_effect=48300),
    I("2-06", "9", "市営住宅の集約化の検討", "建築住宅課",
      "・老朽化した市営住宅の集約化に向け、入居者の意向調査を実施。"),
    # --- (3) 行政の効率化: 6 概ね順調 --------------------------------------------------------
    I("3-01", "10", "職員提案制度の運用", "行政総務課",
      "・ 職員提案・業務改善報告を7月1日から募集開始。\n"
      "・「職員提案（事務提案）」では、応募が28件（前年比-10件）。"),
    I("3-02", "10", "業務改善報告制度の見直し", "行政総務課",
      "・制度の改善では、「業務改善報告」の提出時の入力項目を削減し、応募者の負担を軽減。"),
    I("3-03", "11", "定員管理計画に基づく職員配置", "職員課",
      "・定員管理計画に基づき、令和4年度の職員配置の調整を開始。"),
    I("3-04", "12", "職員研修の充実", "職員課",
      "・階層別研修をオンラインで実施し、受講者の利便性を向上。"),
    I("3-05", "13", "会議資料のペーパーレス化", "行政総務課",
      "・庁内会議でのタブレット端末の活用を進め、紙資料を削減。"),
    I("3-06", "14", "電子入札の対象拡大", "契約課",
      "・電子入札の対象を物品の調達に拡大する準備を進めた。"),
    # --- (4) 収入確保策の推進: 13 概ね順調, 1 休止 --------------------------------------------
    I("4-01", "15", "成果目標に基づく収納率の向上", "収納課",
      "・各債権の令和2年度の取組結果を踏まえ、成果目標等を設定し、収納率の向上に向け、着実に取組を進めた。"),
    I("4-02", "15", "キャッシュレス納付の拡大", "収納課",
      "・市税、国民健康保険税等で、スマートフォン決済アプリ「FamiPay」を利用したキャッシュレス決済による納付を開始。"),
    I("4-03", "15", "預貯金照会業務のデジタル化", "保険年金課",
      "・国民健康保険税及び後期高齢者医療保険料で、滞納者の財産調査における事務の効率化を図るため、"
      "預貯金照会業務のデジタル化サービス「pipitLINQ」を導入。"),
    I("4-04", "16", "ふるさと納税の推進", "企画政策課",
      "・返礼品に市内事業者の新たな特産品を追加し、寄附の増加に向けたPRを実施。", fiscal_effect=12600),
    I("4-05", "16", "クラウドファンディングに関する取組", "商業観光課",
      "・七夕まつり・花火大会の中止に伴い、クラウドファンディングの実施を見送った。",
      status="休止", delay_reason=_CROWDFUNDING_REASON),
    I("4-06", "17", "広報紙・ホームページへの広告掲載", "広報課",
      "・広報ひらつか及び市ホームページのバナー広告の掲載を継続。", fiscal_effect=2640),
    I("4-07", "17", "広告付き案内板の設置", "資産経営課",
      "・本庁舎の広告付き案内板について、設置事業者との協定を更新。", fiscal_effect=1200),
    I("4-08", "17", "ネーミングライツの導入", "資産経営課",
      "・ネーミングライツの対象施設の拡大に向け、候補施設を選定。"),
    I("4-09", "18", "使用料・手数料の定期的な見直し", "財政課",
      "・受益者負担の適正化に向け、使用料・手数料の算定根拠の点検を開始。"),
    I("4-10", "19", "自動販売機設置場所の貸付", "資産経営課",
      "・自動販売機の設置場所について、入札による貸付を継続。", fiscal_effect=5400),
    I("4-11", "19", "庁舎会議室等の有償貸付", "資産経営課",
      "・庁舎の会議室等の貸付要件を整理し、有償貸付の対象を検討。"),
    I("4-12", "20", "国・県補助金等の積極的な活用", "財政課",
      "・国・県の補助金等の活用可能性を事業ごとに確認し、財源を確保。"),
    I("4-13", "21", "企業誘致の推進", "産業振興課",
      "・企業立地促進条例に基づく奨励措置について、2件の事業計画を認定。"),
    I("4-14", "21", "市内企業の設備投資の支援", "産業振興課",
      "・市内企業の設備投資を支援するため、奨励制度の周知を実施。"),
    # --- (5) 身近で利用しやすい行政サービスの推進: 1 済, 7 概ね順調 ----------------------------
    I("5-01", "22", "押印の見直し", "行政総務課",
      "・令和3年度中に押印を廃止予定とした275種類の申請書等のうち、2２０種類で押印を廃止。"),
    I("5-02", "22", "書面規制・対面規制の見直し", "行政総務課",
      "・令和3年6月に「書面規制、対面規制の見直し方針」を決定。", status=DONE),
    I("5-03", "22", "電子申請手続の拡充", "情報政策課",
      "・行政手続オンライン化では、e-kanagawa電子申請システムに25種類の手続を追加。"),
    I("5-04", "23", "出張申請支援の実施", "市民課",
      "・令和3年7月から9月にかけて7地区に出向き、300人以上の申請を支援。"),
    I("5-05", "23", "申請書の自動作成（ノーライト化）", "市民課",
      "・カードの電子証明書の更新時に、住所、氏名等の記載が必要な申請書を自動作成（ノーライト化）する取組を進めた。"),
    I("5-06", "23", "マイナンバーカードの利活用の検討", "市民課",
      "・今後は、8月に実施したカードの利活用調査の結果を踏まえ、方策の検討を進める。"),
    I("5-07", "24", "窓口の混雑状況の配信", "市民課",
      "・市民課窓口の混雑状況をホームページで配信する仕組みを導入。"),
    I("5-08", "25", "相談予約のオンライン受付", "市民情報・相談課",
      "・法律相談等の予約をオンラインで受け付ける試行を開始。"),
    # --- (6) ICTの活用推進: 11 概ね順調 --------------------------------------------------------
    I("6-01", "26", "RPAの導入", "情報政策課",
      "・令和3年7月に税務部門にRPAを試行導入し、効果や課題を把握するため、検証を実施。"),
    I("6-02", "26", "AI-OCRの活用", "情報政策課",
      "・画像データの文字をAIが認識してデータ化するAI-OCRの利便性や効果を測定するため、税務部門で試験的に利用。"),
    I("6-03", "27", "基幹系システムの標準化への対応", "情報政策課",
      "・国の標準仕様に基づくシステム移行に向け、現行システムとの差異を調査。"),
    I("6-04", "27", "クラウドサービスの活用", "情報政策課",
      "・庁内システムのクラウド化について、対象となるシステムを整理。"),
    I("6-05", "27", "情報セキュリティ対策の強化", "情報政策課",
      "・全職員を対象に情報セキュリティ研修（eラーニング）を実施。"),
    I("6-06", "28", "テレワーク環境の整備", "情報政策課",
      "・テレワーク用端末を追加配備し、利用できる職員を拡大。"),
    I("6-07", "28", "Web会議の活用", "行政総務課",
      "・庁外との打合せにWeb会議を活用し、移動時間を削減。"),
    I("6-08", "28", "庁内無線LANの整備", "情報政策課",
      "・本庁舎の会議室に無線LANを整備。"),
    I("6-09", "29", "オープンデータの公開拡充", "情報政策課",
      "・オープンデータとして新たに12件のデータセットを公開。"),
    I("6-10", "29", "公衆無線LANの整備", "商業観光課",
      "・観光施設への公衆無線LAN（Wi-Fi）の設置箇所を拡大。"),
    I("6-11", "29", "SNSを活用した情報発信", "広報課",
      "・LINE公式アカウントで、防災情報やワクチン接種情報を配信。"),
)

#: 記入者 and 連絡先 per 所管課 (illustrative).
CONTACTS: dict[str, tuple[str, str]] = {
    "行政総務課": ("佐藤", "内線 2101"),
    "保育課": ("鈴木", "内線 3412"),
    "みどり公園・水辺課": ("高橋", "内線 4520"),
    "資産経営課": ("田中", "内線 2235"),
    "下水道経営課": ("伊藤", "内線 4711"),
    "教育施設課": ("渡辺", "内線 5130"),
    "建築住宅課": ("山本", "内線 4312"),
    "職員課": ("中村", "内線 2150"),
    "契約課": ("小林", "内線 2270"),
    "収納課": ("加藤", "内線 2416"),
    "保険年金課": ("吉田", "内線 3215"),
    "企画政策課": ("山田", "内線 2012"),
    "商業観光課": ("佐々木", "内線 4116"),
    "広報課": ("山口", "内線 2031"),
    "財政課": ("松本", "内線 2201"),
    "産業振興課": ("井上", "内線 4105"),
    "市民課": ("木村", "内線 3011"),
    "情報政策課": ("林", "内線 2301"),
    "市民情報・相談課": ("清水", "内線 2061"),
}


# --- 数値目標 (illustrative): indicators of a handful of 取組, one 「減」, and the 評価区分 ----------------
INDICATORS: tuple[Indicator, ...] = (
    Indicator("3-05", "会議資料の印刷枚数", "千枚", 1200, DOWN, ((2020, 1050), (2021, 900), (2022, 750), (2023, 600))),
    Indicator("4-01", "市税の収納率", "％", 98.1, UP, ((2020, 98.3), (2021, 98.5), (2022, 98.7), (2023, 99))),
    Indicator("4-04", "ふるさと納税の寄附額", "千円", 50000, UP, ((2021, 80000), (2022, 90000), (2023, 100000))),
    Indicator("5-03", "オンラインで申請できる手続の数", "件", 30, UP, ((2021, 100), (2022, 150), (2023, 200))),
    Indicator("5-07", "窓口の平均待ち時間", "分", 30, DOWN, ((2021, 25), (2022, 20), (2023, 15))),
    Indicator("6-01", "RPAによる削減時間", "時間", 0, UP, ((2021, 2000), (2022, 3000), (2023, 4000))),
)
RATINGS = Ratings((RatingBand("S", 100, "目標を達成した"), RatingBand("A", 80, "目標をおおむね達成した"),
                   RatingBand("B", 50, "目標の半分以上を達成した"), RatingBand("C", 0, "目標の半分に届かなかった")))
#: 実績値 as of the end of 上半期 (optional then: some are left blank) and at 年度末, by (取組番号, 指標名).
FIRST_HALF_ACTUALS: dict[tuple[str, str], object] = {
    ("3-05", "会議資料の印刷枚数"): 480, ("4-01", "市税の収納率"): 97.9,
    ("5-03", "オンラインで申請できる手続の数"): 60, ("6-01", "RPAによる削減時間"): 700,
}
YEAR_END_ACTUALS: dict[tuple[str, str], object] = {
    ("3-05", "会議資料の印刷枚数"): 950, ("4-01", "市税の収納率"): 98.6, ("4-04", "ふるさと納税の寄附額"): 72000,
    ("5-03", "オンラインで申請できる手続の数"): 85, ("5-07", "窓口の平均待ち時間"): 52,  # 48 %: C though 概ね順調
    ("6-01", "RPAによる削減時間"): 1500,
}

#: 説明 written beside some 年度末 実績値.
YEAR_END_EXPLANATIONS: dict[tuple[str, str], str] = {
    ("5-07", "窓口の平均待ち時間"): "転入手続の集中する3〜4月の待ち時間が長く、年間平均が延びた。",
    ("6-01", "RPAによる削減時間"): "対象業務の選定に時間を要し、稼働が下半期からとなった。",
}


def actuals_of(department: str, actuals: dict[tuple[str, str], object]) -> dict[tuple[str, str], object]:
    """The 実績値 ``department`` writes in its 数値目標 sheet."""
    mine = {i.id for i in INITIATIVES if i.department == department}
    return {k: v for k, v in actuals.items() if k[0] in mine}


def sample_plan() -> Plan:
    """The sample plan as a :class:`Plan`, equal to what ``read_plan`` reads from 計画マスタ.xlsx."""
    settings = {g.SETTING_PLAN_NAME: PLAN_NAME, g.SETTING_MUNICIPALITY: MUNICIPALITY,
                g.SETTING_ROUNDING: g.ROUNDING_TRUNCATE, g.SETTING_COORDINATOR: COORDINATOR,
                g.SETTING_PLAN_PERIOD: "2020-2023", g.SETTING_DEADLINE: DEADLINE,
                g.SETTING_REMIND_EXTRA: REMIND_EXTRA}
    return Plan(
        name=PLAN_NAME, municipality=MUNICIPALITY,
        perspectives=tuple(Perspective(n, name) for n, name in PERSPECTIVES),
        scale=DEFAULT_SCALE,
        programs=tuple(Program(p.number, p.perspective, p.name, p.priority, p.in_summary, p.department)
                       for p in PROGRAMS),
        initiatives=tuple(Initiative(i.id, i.program, i.name, i.department) for i in INITIATIVES),
        rounding=g.ROUNDING_TRUNCATE, coordinator=COORDINATOR, settings=settings,
        contacts=sample_contacts(),
        targets=TargetPlan(INDICATORS, RATINGS),
    )


#: The 回答期限 of the 上半期 照会 (the office changes it for each period's 照会).
DEADLINE = "令和3年10月15日"
#: The 回答期限 of the 年度末 照会, written in the plan master as revised for 年度末.
YEAR_END_DEADLINE = "令和4年4月15日"
#: Appended to every 督促 draft.
REMIND_EXTRA = "問い合わせ先：行政総務課 行政改革担当（内線 2101）"


def sample_contacts() -> dict[str, Contact]:
    """The 所管課 sheet: a fictional address on example.jp per department, the person where known."""
    departments = dict.fromkeys(i.department for i in INITIATIVES)
    return {d: Contact(d, f"section{n:02d}@example.jp", CONTACTS.get(d, ("", ""))[0])
            for n, d in enumerate(departments, start=1)}


#: A small 委員意見.xlsx: 取組番号 (or a 事業番号), 意見, 会議.
OPINIONS: tuple[tuple[str, str, str], ...] = (
    ("1-01", "民間委託による効果を、財政効果額とサービス水準の両面から示していただきたい。",
     "令和3年度第1回行政改革推進委員会"),
    ("2-01", "取組の進捗が利用者に伝わるよう、公表の方法を工夫していただきたい。",
     "令和3年度第1回行政改革推進委員会"),
    ("5", "事業全体の目標と現在の到達点を分かりやすく示していただきたい。",
     "令和3年度第1回行政改革推進委員会"),
)


def reports_of(department: str) -> dict[str, dict[str, object]]:
    """What ``department`` writes in its form: 取組番号 → input column values."""
    return {i.id: i.values() for i in INITIATIVES if i.department == department}


def meta_of(department: str) -> dict[str, str]:
    """The 記入者 / 連絡先 of a department's form."""
    author, contact = CONTACTS[department]
    return {g.META_AUTHOR: author, g.META_CONTACT: contact}


# --- the second period: 令和3年度 年度末, derived from 上半期 ------------------------------------
YEAR_END = Period(2021, g.PERIOD_YEAR_END)

#: 取組 whose 年度末 report differs from the mechanical rule below (illustrative): status, 取組状況,
#: 今後の予定 and 遅れ等の理由 as written at 年度末.
YEAR_END_CHANGES: dict[str, dict[str, object]] = {
    # 遅れ → 概ね順調 (改善)
    "1-04": {"status": ON_TRACK, "progress": "・市民意見を踏まえ、基本設計を完了。",
             "next_steps": "今後は、実施設計に着手する。", "delay_reason": None},
    # 未着手 → 遅れ (順調以外のまま変化)
    "1-05": {"status": "遅れ", "progress": "・設計の進捗に合わせ、整備工事の着手時期を見直し。",
             "delay_reason": "設計の完了が遅れたため、整備工事の着手が翌年度となった。"},
    # 概ね順調 → 遅れ (悪化)
    "2-06": {"status": "遅れ", "progress": "・集約化の対象団地について、入居者への説明を開始。",
             "delay_reason": "入居者との調整に時間を要している。"},
    # 概ね順調 → 済 (順調のまま変化)
    "3-03": {"status": DONE, "progress": "・定員管理計画に基づき、令和4年度の職員配置を決定。"},
}
#: 取組 whose 所管課 sent last period's 取組状況 back unchanged (the validator warns).
YEAR_END_UNCHANGED: frozenset[str] = frozenset({"6-06"})
YEAR_END_ADDED_LINE = "・下半期も計画どおり取組を進めた。"


def year_end_reports_of(department: str) -> dict[str, dict[str, object]]:
    """What ``department`` writes over its carry-over form at 年度末.

    The rule: 進捗状況 as at 上半期, 取組状況 = 上半期's lines plus :data:`YEAR_END_ADDED_LINE`,
    財政効果額 doubled (a whole year), except :data:`YEAR_END_CHANGES`; the 取組 in
    :data:`YEAR_END_UNCHANGED` keep the carried-over 取組状況. ``None`` clears a carried-over text.
    """
    reports: dict[str, dict[str, object]] = {}
    for i in INITIATIVES:
        if i.department != department:
            continue
        values: dict[str, object] = {"status": i.status, "progress": f"{i.progress}\n{YEAR_END_ADDED_LINE}",
                                     "fiscal_effect": i.fiscal_effect * 2 if i.fiscal_effect else None,
                                     "note": i.note or None}
        values.update(YEAR_END_CHANGES.get(i.id, {}))
        if i.id in YEAR_END_UNCHANGED:
            del values["progress"]
        reports[i.id] = values
    return reports


# --- the plan revised at 年度末 (one change of each 区分; illustrative) -------------------------------
#: The plan master as revised for 年度末 (``examples/計画マスタ_年度末.xlsx``).
YEAR_END_REVISIONS: tuple[PlanChange, ...] = (
    PlanChange(YEAR_END, rv.RENUMBER, "1-02", "1-99", "事業の再編に合わせて取組番号を整理"),
    PlanChange(YEAR_END, rv.END, "6-11", "", "LINE公式アカウントの運用が定着し、通常業務に移行したため完了"),
    PlanChange(YEAR_END, rv.MERGE, "6-08", "6-06", "庁内無線LANの整備をテレワーク環境の整備に統合"),
    PlanChange(YEAR_END, rv.ADD, "6-12", "", "行政手続のオンライン化の拡大に合わせて新たに位置付け"),
    PlanChange(YEAR_END, rv.RENAME, "6-09", "", "「オープンデータの公開拡充」から変更"),
    PlanChange(YEAR_END, rv.DEPARTMENT, "6-10", "", "商業観光課から情報政策課に移管"),
    PlanChange(YEAR_END, rv.PROGRAM, "6-07", "", "事業28から事業27に移動"),
)
#: The 取組 added at 年度末 and its first report.
YEAR_END_ADDED = Initiative("6-12", "22", "電子申請の対象手続の拡大", "行政総務課")
YEAR_END_ADDED_REPORT: dict[str, object] = {
    "status": ON_TRACK, "progress": "・電子申請の対象に、各種証明書の交付申請など15手続を追加。",
    "next_steps": "今後は、申請件数の多い手続から順に対象を広げる。"}


def year_end_plan() -> Plan:
    """The sample plan as revised for 年度末: the 取組 sheet as in force then, and the log."""
    plan = sample_plan()
    revised = []
    for i in plan.initiatives:
        if i.id in ("6-11", "6-08"):  # ended and merged: no longer listed
            continue
        if i.id == "1-02":
            i = replace(i, id="1-99")
        elif i.id == "6-09":
            i = replace(i, name="オープンデータの公開と利活用の推進")
        elif i.id == "6-10":
            i = replace(i, department="情報政策課")
        elif i.id == "6-07":
            i = replace(i, program="27")
        revised.append(i)
    revised.append(YEAR_END_ADDED)
    rank = {p.number: n for n, p in enumerate(plan.programs)}
    revised.sort(key=lambda i: rank[i.program])  # plan order, as read_plan sorts
    settings = {**plan.settings, g.SETTING_DEADLINE: YEAR_END_DEADLINE}  # the 年度末 照会's deadline
    return replace(plan, initiatives=tuple(revised), changes=YEAR_END_REVISIONS, settings=settings)


def year_end_reports_for(plan: Plan, department: str) -> dict[str, dict[str, object]]:
    """:func:`year_end_reports_of` under the revised plan's numbers and 所管課: what ``department``
    writes at 年度末 (a merged or ended 取組 is no longer on its form; the added one is)."""
    every: dict[str, dict[str, object]] = {}
    for d in dict.fromkeys(i.department for i in INITIATIVES):
        every.update(year_end_reports_of(d))
    every["1-99"] = every.pop("1-02")
    every[YEAR_END_ADDED.id] = dict(YEAR_END_ADDED_REPORT)
    return {i.id: every[i.id] for i in plan.initiatives if i.department == department}
