"""The findings: per code its short title (検証結果's 「指摘の種類」), its message template (filled with
``str.format(**values)``) and what the department or the office does about it, in one table.

One record per code in :data:`FINDINGS`; :data:`MESSAGES`, :data:`FINDING_TITLES` and
:data:`FINDING_ACTIONS` are views of it by field. A module that brings its own finding codes
keeps them in its own table of ``code: (title, message, action)`` and registers it in
:data:`FINDINGS` with one ``**ITS_FINDINGS`` line.
"""

from __future__ import annotations

from typing import NamedTuple

from gyokaku_xl.text.fixes_pages import FIXES_FINDINGS
from gyokaku_xl.text.loop import LOOP_FINDINGS
from gyokaku_xl.text.targets import TARGET_FINDINGS
from gyokaku_xl.text.fixes import FIX_FINDINGS
from gyokaku_xl.text.revisions import REVISION_FINDINGS
from gyokaku_xl.text.terms import SEVERITY_ERROR, SEVERITY_INFO, SEVERITY_WARNING

__all__ = ["FindingText", "FINDINGS", "MESSAGES", "FINDING_TITLES", "FINDING_ACTIONS", "FINDING_ACTION_DEFAULT"]


class FindingText(NamedTuple):
    """What users read of one finding code."""

    #: A short title: 検証結果's 「指摘の種類」 and the README's list of findings.
    title: str
    #: The message template, filled with ``str.format(**values)``.
    message: str
    #: What the department or the office does about it (the 「指摘一覧」 sheet of annotated copies).
    action: str


_FINDINGS: dict[str, FindingText] = {
    "not-excel": FindingText(
        "Excel ファイルでない",
        "Excel ファイル（.xlsx）ではありません。調査票を .xlsx 形式で提出してください。",
        "配布した調査票（.xlsx）に記入して再提出"),
    "empty-file": FindingText(
        "空のファイル（0 バイト）",
        ("ファイルが空です（0 バイト）。保存かコピーに失敗した可能性があります。"
         "元の調査票を Excel で開けるか確かめ、保存し直して再提出してください。"),
        "保存し直して再提出"),
    "corrupt-zip": FindingText(
        "壊れたファイル",
        "ファイルが壊れているため読み込めません（{detail}）。調査票を保存し直して再提出してください。",
        "Excel で開けるか確かめ、保存し直して再提出"),
    "encrypted": FindingText(
        "パスワード付き",
        "パスワードで保護（暗号化）されているため読み込めません。パスワードを解除して保存し直してください。",
        "パスワードを解除して保存し直し、再提出"),
    "legacy-xls": FindingText(
        "旧形式（.xls）",
        ("旧形式の Excel ファイル（.xls）です。Excel で開き「名前を付けて保存」で「Excel ブック (*.xlsx)」"
         "を選んで保存し直してください。"),
        "「Excel ブック (*.xlsx)」で保存し直して再提出"),
    "lock-file": FindingText(
        "Excel の一時ファイル",
        "Excel の一時ファイル（~$ で始まる）のため読み飛ばしました。{owner}が元のファイルを開いています。",
        "対応は不要（元のファイルを閉じてから集約）"),
    "file-too-large": FindingText(
        "ファイルが大きすぎる",
        "ファイルが大きすぎます（{size}）。上限は {limit} です。",
        "不要な行・画像を削除して再提出"),
    "zip-bomb": FindingText(
        "展開後の大きさが異常",
        "圧縮率または展開後の大きさが異常なため読み込みを中止しました（{detail}）。",
        "配布した調査票に転記して再提出"),
    "xml-forbidden": FindingText(
        "許可されない XML 構造",
        "ファイル内に許可されていない XML 構造（DTD・外部実体など）があるため読み込みを中止しました。",
        "配布した調査票に転記して再提出"),
    "sheet-too-large": FindingText(
        "シートの使用範囲が異常",
        ("シート「{sheet}」の使用範囲が異常に広いため読み込みを中止しました（{detail}）。"
         "不要なセルを削除して保存し直してください。"),
        "不要なセルを削除して保存し直し、再提出"),
    "read-failed": FindingText(
        "読み込めない",
        "ファイルを読み込めませんでした（{detail}）。",
        "ファイルの場所と権限を確かめる"),
    "macro-enabled": FindingText(
        "マクロ有効ブック",
        "マクロ有効ブック（.xlsm）です。マクロは実行せず、セルの値だけを読み込みます。",
        "対応は不要（.xlsx での提出を推奨）"),
    "binary-workbook": FindingText(
        "バイナリブック（.xlsb）",
        ("Excel バイナリブック（.xlsb）は読み込めません。Excel で開き「名前を付けて保存」"
         "で「Excel ブック (*.xlsx)」を選んで保存し直してください。"),
        "「Excel ブック (*.xlsx)」で保存し直して再提出"),
    "corrupt-file": FindingText(
        "壊れたファイル",
        ("ファイルが壊れているため読み込めません（{detail}）。Excel で開けるか確かめ、"
         "「Excel ブック (*.xlsx)」形式で保存し直して再提出してください。"),
        "Excel で開けるか確かめ、保存し直して再提出"),
    "lock-file-libreoffice": FindingText(
        "LibreOffice の一時ファイル",
        ("LibreOffice の一時ファイル（.~lock. で始まる）のため読み飛ばしました。"
         "{owner}が元のファイル「{original}」を開いています。"),
        "対応は不要（元のファイルを閉じてから集約）"),
    "subfolder-skipped": FindingText(
        "サブフォルダ",
        "フォルダ「{value}」の中は読み込みません。調査票は受付フォルダの直下に置いてください。",
        "調査票は受付フォルダの直下に置く"),
    "not-official-form": FindingText(
        "公式の調査票でない",
        "公式の調査票ではありません（{detail}）。配布した調査票に記入してください。",
        "配布した調査票に転記して再提出"),
    "outdated-template": FindingText(
        "古い様式",
        "調査票の様式が古いバージョンです（{seen}、現行は {expected}）。新しい調査票に転記してください。",
        "新しい調査票に転記して再提出"),
    "sheet-missing": FindingText(
        "シート名が違う",
        ("シート「{sheet}」がありません（このファイルのシート：{value}）。シート名を「{sheet}」"
         "に戻して再提出してください。"),
        "シート名を元に戻して再提出"),
    "header-changed": FindingText(
        "見出しの変更",
        "見出し「{expected}」が見つからないか変更されています。見出し行は変更しないでください。",
        "見出しを元に戻して再提出"),
    "meta-missing": FindingText(
        "必須項目の空欄",
        "「{label}」が空欄です。",
        "空欄に記入して再提出"),
    "contact-missing": FindingText(
        "記入者・連絡先の空欄",
        "「{label}」が空欄です。問い合わせができるよう記入してください。",
        "記入者・連絡先を記入"),
    "department-unknown": FindingText(
        "計画にない所管課",
        "所管課「{value}」は計画マスタにありません。",
        "所管課を計画マスタの名称に直す"),
    "year-mismatch": FindingText(
        "報告年度が違う",
        ("この調査票の報告年度は「{value}」で、今回集約する {expected} と異なります。"
         "今回の調査票で再提出してください。"),
        "今回の報告年度の調査票で再提出"),
    "period-mismatch": FindingText(
        "報告期間が違う",
        ("この調査票の報告期間は「{value}」で、今回集約する {expected} と異なります。"
         "今回の調査票で再提出してください。"),
        "今回の報告期間の調査票で再提出"),
    "year-invalid": FindingText(
        "報告年度が読めない",
        "報告年度「{value}」を年度として読み取れません（例：令和3年度）。",
        "配布した調査票の報告年度のままにする"),
    "period-invalid": FindingText(
        "報告期間が読めない",
        "報告期間「{value}」が正しくありません（{expected}のいずれか）。",
        "配布した調査票の報告期間のままにする"),
    "year-outside-plan": FindingText(
        "計画期間外の年度",
        ("報告年度（{year}）が計画期間（{years}）の外です。年度の指定（--year）と計画マスタの「計画期間」"
         "を確かめてください。"),
        "報告年度と計画期間を確かめる"),
    "superseded": FindingText(
        "差替え（古い提出）",
        "同じ所管課の別ファイル「{newer}」がより新しいため、このファイルは差し替えられました（{rule}）。",
        "対応は不要（新しいファイルを採用）"),
    "rows-not-merged": FindingText(
        "集約しなかった行",
        "このファイルのエラーのため、取組の {count} 行は集約していません。",
        "ファイルのエラーを直して再提出"),
    "no-rows": FindingText(
        "取組の行がない",
        "取組の行が1行もありません。",
        "配布した調査票に記入して再提出"),
    "row-inserted": FindingText(
        "追加された行",
        "行が追加されています。削除してください（取組の行は配布した調査票のままにしてください）。",
        "追加した行を削除して再提出"),
    "unknown-initiative": FindingText(
        "計画にない取組番号",
        "取組番号「{value}」は計画マスタにありません。",
        "取組番号を直して再提出"),
    "initiative-id-missing": FindingText(
        "取組番号の空欄",
        "取組番号が空欄です。",
        "取組番号を記入するか、行を削除"),
    "initiative-other-department": FindingText(
        "他課の取組番号",
        "取組番号「{value}」は {owner} の取組です（このファイルは {department}）。",
        "その行を削除して再提出"),
    "duplicate-initiative": FindingText(
        "取組番号の重複",
        "取組番号「{value}」が {first} と重複しています。",
        "重複した行を削除して再提出"),
    "status-missing": FindingText(
        "進捗状況の空欄",
        "進捗状況が空欄です。{choices}から選んでください。",
        "一覧（▼）から進捗状況を選ぶ"),
    "status-variant": FindingText(
        "進捗状況の表記ゆれ",
        "進捗状況「{value}」を「{canonical}」として読み取りました。一覧から選んでください。",
        "一覧（▼）から選び直す"),
    "status-not-in-scale": FindingText(
        "区分にない進捗状況",
        "進捗状況「{value}」は区分にありません。{choices}から選んでください。",
        "一覧（▼）から進捗状況を選ぶ"),
    "progress-missing": FindingText(
        "取組状況の空欄",
        "取組状況が空欄です。",
        "取組状況を記入"),
    "delay-reason-missing": FindingText(
        "遅れ等の理由の空欄",
        "進捗状況が「{status}」のため、遅れ等の理由を記入してください。",
        "遅れ等の理由を記入"),
    "fiscal-effect-invalid": FindingText(
        "財政効果額が数値でない",
        "財政効果額「{value}」は 0 以上の整数（千円）で記入してください。",
        "0 以上の整数（千円）で記入"),
    "fiscal-effect-normalized": FindingText(
        "財政効果額の全角文字",
        ("財政効果額「{value}」を {number} として読み取りました（全角の数字や空白を直しました）。"
         "半角数字で記入してください。"),
        "半角数字で記入"),
    "fiscal-effect-comma": FindingText(
        "財政効果額のカンマ",
        "財政効果額「{value}」のカンマを除き、{number} として読み取りました。",
        "対応は不要"),
    "formula-cached": FindingText(
        "入力欄の数式（値を使用）",
        "値を入力する欄に数式があります。表示されている値「{cached}」を使用しました。",
        "数式をやめて値を直接入力"),
    "status-formula-no-value": FindingText(
        "進捗状況の数式",
        "進捗状況の欄に数式があり、値を読み取れません。一覧から選んでください。",
        "一覧（▼）から進捗状況を選ぶ"),
    "formula-no-value": FindingText(
        "入力欄の数式（値なし）",
        "値を入力する欄に数式があり、値を読み取れません。値を直接入力してください。",
        "数式をやめて値を直接入力"),
    "text-too-long": FindingText(
        "文字数の超過",
        "文字数が Excel の上限（{limit} 文字）を超えています（{length} 文字）。",
        "文章を短くする"),
    "prefilled-changed": FindingText(
        "記入済み欄の変更",
        ("あらかじめ記入された「{label}」が変更されています（計画マスタ：「{expected}」）。"
         "変更しないでください。"),
        "元の記入内容に戻す"),
    "initiative-not-reported": FindingText(
        "報告のない取組",
        "取組「{value}」（{name}）の報告がありません（所管課：{department}）。",
        "その取組の行を記入して再提出"),
    "department-not-submitted": FindingText(
        "未提出の所管課",
        "{department} の調査票が提出されていません（未提出）。",
        "所管課に提出を依頼"),
    "completeness-unchecked": FindingText(
        "未提出の確認なし",
        "計画マスタが指定されていないため、未提出・未報告の確認は行っていません。",
        "計画マスタを指定して集約"),
    "few-rows-merged": FindingText(
        "集約できた取組が少ない",
        ("集約できた取組は計画の {planned} 取組のうち {merged} 取組（半分未満）です。"
         "受理できなかった調査票と未提出の所管課を確かめてください。"),
        "不受理・未提出の調査票を確かめる"),
    "plan-sheet-missing": FindingText(
        "計画マスタのシートがない",
        "計画マスタにシート「{sheet}」がありません。",
        "計画マスタにシートを加える"),
    "plan-header-missing": FindingText(
        "計画マスタの見出しがない",
        "計画マスタのシート「{sheet}」に見出し「{expected}」がありません。",
        "計画マスタの見出しを直す"),
    "plan-setting-missing": FindingText(
        "計画マスタの設定がない",
        "計画マスタの「設定」に「{label}」がありません。",
        "計画マスタの「設定」に加える"),
    "plan-setting-invalid": FindingText(
        "計画マスタの設定が不正",
        "計画マスタの「設定」の「{label}」が正しくありません（{expected}）。",
        "計画マスタの「設定」を直す"),
    "plan-empty-name": FindingText(
        "計画マスタの空欄",
        "「{label}」が空欄です。",
        "計画マスタの空欄に記入"),
    "plan-duplicate-id": FindingText(
        "計画マスタの番号の重複",
        "{label}「{value}」が {first} と重複しています。",
        "計画マスタの番号を直す"),
    "plan-unknown-perspective": FindingText(
        "計画マスタにない視点",
        "取組の視点「{value}」は「取組の視点」シートにありません。",
        "計画マスタの視点番号を直す"),
    "plan-unknown-program": FindingText(
        "計画マスタにない事業",
        "事業番号「{value}」は「事業」シートにありません。",
        "計画マスタの事業番号を直す"),
    "plan-invalid-number": FindingText(
        "計画マスタの番号が不正",
        "{label}「{value}」は番号として読み取れません。",
        "計画マスタの番号を直す"),
    "plan-no-statuses": FindingText(
        "進捗区分がない",
        "「進捗区分」に区分が1つもありません。",
        "計画マスタに進捗区分を加える"),
    "plan-no-on-track": FindingText(
        "順調とする区分がない",
        "「進捗区分」に順調（○）とする区分が1つもありません。",
        "計画マスタの順調の区分に ○ を付ける"),
    "plan-empty-program": FindingText(
        "取組のない事業",
        "事業「{value}」に取組が1つもありません。",
        "計画マスタの事業と取組を確かめる"),
    "plan-department-mismatch": FindingText(
        "取組の所管課の空欄",
        "取組「{value}」の所管課が空欄のため、事業の所管課「{department}」を使用しました。",
        "計画マスタの取組に所管課を記入"),
    "history-unreadable": FindingText(
        "履歴のファイルが読めない",
        "履歴フォルダのファイルを読み込めないため、履歴に使いません：{detail}",
        "履歴フォルダのファイルを確かめる"),
    "history-not-master": FindingText(
        "履歴の集約結果でないファイル",
        "集約結果ブックではない（識別情報がない）ため、履歴に使いません。",
        "対応は不要（履歴フォルダには集約結果だけを置くと確認しやすい）"),
    "history-other-plan": FindingText(
        "履歴にある別の計画の集約結果",
        "別の計画「{value}」の集約結果のため、履歴に使いません（今回の計画：{plan}）。",
        "対応は不要（別の計画の履歴は別のフォルダに）"),
    "history-later-period": FindingText(
        "履歴にある後の期間の集約結果",
        "{period} の集約結果は今回（{current}）より後の期間のため、履歴に使いません。",
        "報告年度・報告期間の指定を確かめる"),
    "history-same-period": FindingText(
        "履歴にある今回と同じ期間",
        ("今回と同じ期間（{period}）の集約結果のため、履歴に使いません。集約結果は「{archive}」"
         "に保存し直します。"),
        "対応は不要"),
    "history-duplicate-period": FindingText(
        "履歴の期間の重複",
        "{period} の集約結果が複数あります。「{chosen}」を使い、このファイルは使いません。",
        "使わないほうのファイルを履歴フォルダから移す"),
    "history-columns-missing": FindingText(
        "履歴の集約データの列がない",
        "「{sheet}」に列「{expected}」がないため、履歴に使いません。",
        "対応は不要（その期間は比較に使いません）"),
    "history-legacy": FindingText(
        "以前の版の集約結果",
        ("識別情報のない以前の版の集約結果です。「{sheet}」"
         "の表題から {period} の集約結果として読み込みました。"),
        "対応は不要"),
    "history-bad-period": FindingText(
        "履歴の期間が読めない",
        "報告年度・報告期間（{value}）を読み取れないため、履歴に使いません。",
        "履歴フォルダのファイルを確かめる"),
    "progress-unchanged": FindingText(
        "前回と同じ取組状況",
        "取組状況が前回（{previous}）と同じ内容です。今回の報告期間に実施したことに書き直してください。",
        "今回の取組状況に書き直す"),
    "plan-target-invalid": FindingText(
        "目標額が不正",
        ("{label}「{value}」は 0 以上の整数（千円、{limit} 以下）で記入してください。"
         "この目標額は使用しません。"),
        "計画マスタの目標額を 0 以上の整数（千円）に直す"),
    "plan-target-duplicate-year": FindingText(
        "目標額の年度の重複",
        "年度「{value}」の目標額が {first} と重複しています。この行は使用しません。",
        "計画マスタの財政効果目標の重複した行を削除"),
    "plan-target-year-invalid": FindingText(
        "目標額の年度が読めない",
        "年度「{value}」を年度として読み取れません（例：令和3年度、2021）。この行は使用しません。",
        "計画マスタの財政効果目標の年度を直す"),
    "fiscal-effect-too-large": FindingText(
        "財政効果額が大きすぎる",
        "財政効果額「{value}」が大きすぎます（上限 {limit} 千円）。千円単位の金額か確認してください。",
        "千円単位の金額に直して再提出"),
    "fiscal-effect-total-too-large": FindingText(
        "財政効果額の合計が上限を超える",
        ("財政効果額 {value} 千円を加えると合計が上限（{limit} 千円）を超えるため、この額は集約していません。"
         "千円単位の金額か確認してください。"),
        "千円単位の金額か確かめて再提出"),
    "run-too-large": FindingText(
        "受付フォルダ全体が大きすぎる",
        ("受付フォルダ全体の{what}が上限（{limit}）を超えるため、"
         "このファイルは集約していません（このファイルまでで {seen}）。"
         "不要なファイルを受付フォルダから移して、もう一度実行してください。"),
        "不要なファイルを受付フォルダから移して集約し直す"),
}

#: Every finding code's texts, in the order of the README's list of findings.
FINDINGS: dict[str, FindingText] = {code: FindingText(*texts) for code, texts in {
    **_FINDINGS,
    **FIXES_FINDINGS,
    **LOOP_FINDINGS,
    **TARGET_FINDINGS,
    **FIX_FINDINGS,
    **REVISION_FINDINGS,
}.items()}
MESSAGES: dict[str, str] = {code: text.message for code, text in FINDINGS.items()}
FINDING_TITLES: dict[str, str] = {code: text.title for code, text in FINDINGS.items()}
FINDING_ACTIONS: dict[str, str] = {code: text.action for code, text in FINDINGS.items()}
#: What to do, by severity, for a code without an action of its own.
FINDING_ACTION_DEFAULT = {SEVERITY_ERROR: "内容を確かめて修正し、再提出", SEVERITY_WARNING: "内容を確かめ、必要なら修正",
                          SEVERITY_INFO: "対応は不要"}
