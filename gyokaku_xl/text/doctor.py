"""The ``doctor`` command: what it checks and what it tells the user to do."""

from __future__ import annotations

__all__ = [
    "DOCTOR_BOOK_PYTHON", "DOCTOR_BOOK_PYTHON_IMPORTS", "DOCTOR_BOOK_PLACE", "DOCTOR_NO_CONF_SHEET",
    "DOCTOR_FROM_USER_CONF", "DOCTOR_QUOTED", "DOCTOR_EMPTY_PATH", "DOCTOR_PLACEHOLDER",
    "DOCTOR_CHECK_ON_WINDOWS", "DOCTOR_EMPTY_NO_PATH", "DOCTOR_EMPTY_USES", "DOCTOR_STORE_ALIAS",
    "DOCTOR_PYTHON_MISSING", "DOCTOR_THIS_PYTHON", "DOCTOR_NO_OUTPUT", "DOCTOR_PYTHON_FAILED",
    "DOCTOR_OFFLINE", "DOCTOR_NO_GYOKAKU", "DOCTOR_NO_XLWINGS", "DOCTOR_OTHER_XLWINGS",
    "DOCTOR_NO_PYWIN32", "DOCTOR_IMPORTS_OK", "DOCTOR_FROM_FOLDER", "DOCTOR_ONEDRIVE", "DOCTOR_MOTW",
    "DOCTOR_INTERNET_ZONE", "DOCTOR_NETWORK_SHARE", "DOCTOR_PLACE_OK", "DOCTOR_HISTORY_EMPTY",
    "DOCTOR_HISTORY_NEW", "DOCTOR_PDF_BY_OFFICE", "DOCTOR_PDF_BY_EXCEL",
    "DOCTOR_MARK_OK",
    "DOCTOR_MARK_WARN",
    "DOCTOR_MARK_FAIL",
    "DOCTOR_MARK_INFO",
    "DOCTOR_LINE",
    "DOCTOR_HEADING",
    "DOCTOR_ALL_OK",
    "DOCTOR_FIX_FAILS",
    "DOCTOR_WITH_PLACE",
    "DOCTOR_LABEL_VBA_MODULE",
    "DOCTOR_XLWINGS_MISSING",
    "DOCTOR_XLWINGS_OTHER",
    "DOCTOR_XLWINGS_OK",
    "DOCTOR_LABEL_XLWINGS_VBA",
    "DOCTOR_XLWINGS_NO_STANDALONE",
    "DOCTOR_PYWIN32_MISSING",
    "DOCTOR_PYOPENVBA_MISSING",
    "DOCTOR_PYOPENVBA_OK",
    "DOCTOR_LABEL_EXCEL",
    "DOCTOR_EXCEL_WINDOWS",
    "DOCTOR_EXCEL_OTHER",
    "DOCTOR_LABEL_OFFICE",
    "DOCTOR_OFFICE_MISSING",
    "DOCTOR_LABEL_BOOK",
    "DOCTOR_BOOK_MISSING",
    "DOCTOR_BOOK_NOT_XLSM",
    "DOCTOR_LABEL_BOOK_VBA",
    "DOCTOR_NO_PYOPENVBA",
    "DOCTOR_VBA_UNREADABLE",
    "DOCTOR_LABEL_BOOK_XLWINGS",
    "DOCTOR_BOOK_XLWINGS_MISSING",
    "DOCTOR_BOOK_XLWINGS_OTHER",
    "DOCTOR_LABEL_MACRO",
    "DOCTOR_MACRO_MISSING",
    "DOCTOR_MACRO_OK",
    "DOCTOR_LABEL_SETTINGS",
    "DOCTOR_LABELS_JOIN",
    "DOCTOR_LABEL_SETTING",
    "DOCTOR_INBOX_FOUND",
    "DOCTOR_PATH_MISSING",
    "DOCTOR_PLAN_EMPTY",
    "DOCTOR_OUTPUT_FOLDER_MISSING",
    "DOCTOR_PERIOD_EMPTY",
]

# doctor: the Python the book starts and where the book lives
DOCTOR_BOOK_PYTHON = "ブックの Python（xlwings.conf の INTERPRETER_WIN）"
DOCTOR_BOOK_PYTHON_IMPORTS = "ブックの Python で使えるもの"
DOCTOR_BOOK_PLACE = "ブックの場所"
DOCTOR_NO_CONF_SHEET = "xlwings.conf シートがありません。「python -m gyokaku_xl button」で作り直してください。"
DOCTOR_FROM_USER_CONF = "（xlwings の設定ファイルから）"
DOCTOR_QUOTED = ("{path} は引用符付きです。ボタンは引用符を外して使いますが、"
                 "「xlwings.conf」シートの Interpreter_Win のセルからも「\"」を消しておいてください。")
DOCTOR_EMPTY_PATH = "空欄です（PATH にある python を使います）。"
DOCTOR_PLACEHOLDER = "（Windows 以外で作成した仮の値です。Windows で作り直すか直してください）"
DOCTOR_CHECK_ON_WINDOWS = ("Windows の PC で「python -m gyokaku_xl doctor --book …」を実行すると、"
                           "ブックの Python が gyokaku_xl・xlwings・pywin32 を読み込めるかを確かめます。")
DOCTOR_EMPTY_NO_PATH = ("空欄で、PATH にも python がありません。「xlwings.conf」シートの "
                        "Interpreter_Win に python.exe の場所を入れてください。")
DOCTOR_EMPTY_USES = "空欄です（PATH にある python「{path}」を使います）。"
DOCTOR_STORE_ALIAS = ("{path} は Microsoft Store の python のエイリアスです（ボタンからは使えません）。"
                      "python.org の Python をインストールし、Windows の「設定」→「アプリ」→「アプリ実行エイリアス」で"
                      "「python.exe」「python3.exe」をオフにしてから、「python -m gyokaku_xl button」で集約ツールを作り直してください。")
DOCTOR_PYTHON_MISSING = "{path} がありません。Windows で「python -m gyokaku_xl button」を実行して作り直してください。"
DOCTOR_THIS_PYTHON = "（この Python）"
DOCTOR_NO_OUTPUT = "（出力なし）"
DOCTOR_PYTHON_FAILED = ("{path} を実行できませんでした（終了コード {code}：{detail}）。"
                        "Python を入れ直すか、「xlwings.conf」シートの Interpreter_Win を直してください。")
DOCTOR_OFFLINE = "（インターネットにつながらない PC では {pip} --no-index --find-links wheelhouse \"gyokaku_xl[excel]\"）"
DOCTOR_NO_GYOKAKU = "gyokaku_xl がありません（{detail}）。gyokaku_xl のフォルダで「{pip} \".[excel]\"」を実行してください{offline}。"
DOCTOR_NO_XLWINGS = "xlwings がありません。「{pip} xlwings=={version}」を実行してください{offline}。"
DOCTOR_OTHER_XLWINGS = ("xlwings {installed} が入っていますが、ブックの VBA は {version} 用です。"
                        "「{pip} xlwings=={version}」を実行するか、その Python で「python -m gyokaku_xl button」を実行して"
                        "集約ツールを作り直してください。")
DOCTOR_NO_PYWIN32 = "pywin32 がありません（xlwings が Excel を操作するのに必要です）。「{pip} pywin32」を実行してください{offline}。"
DOCTOR_IMPORTS_OK = "Python {python}・gyokaku_xl {gyokaku}・xlwings {xlwings}・pywin32 {pywin32}"
DOCTOR_FROM_FOLDER = "（フォルダから）"
DOCTOR_ONEDRIVE = ("OneDrive・SharePoint のフォルダにあります。自動保存がオンだと Excel はブックの場所を"
                   "https://… で伝えるため、「設定」の相対パスが使えません。パソコン上のフォルダ（例 C:\\行革）か"
                   "「\\\\サーバー\\共有」に置くか、「設定」に絶対パスを書いてください。")
DOCTOR_MOTW = ("インターネットから取得したファイルの印（Mark of the Web）が付いているため、Excel はマクロを"
               "止めます。エクスプローラーでファイルを右クリック →「プロパティ」→「全般」の「許可する」にチェック →「OK」"
               "（PowerShell なら「Unblock-File 集約ツール.xlsm」）。")
DOCTOR_INTERNET_ZONE = ("ネットワーク上のフォルダ（\\\\{server}）で、名前に「.」があるため Excel はインターネット ゾーン"
                        "として扱い、マクロを止めます。ドットのないサーバー名（例 \\\\fileserver\\共有）で開くか、"
                        "情報システム担当課にイントラネット ゾーンへの追加を頼むか、パソコン上のフォルダにコピーしてください。")
DOCTOR_NETWORK_SHARE = ("ネットワーク上のフォルダです。ここを「信頼できる場所」にするには、トラスト センターの"
                        "「信頼できる場所」で「ネットワーク上の信頼できる場所を許可する（推奨しません）」をオンにしてから追加します"
                        "（組織のポリシーで変更できないときは情報システム担当課に相談してください）。")
DOCTOR_PLACE_OK = "パソコン上のフォルダで、インターネットから取得した印もありません。"
DOCTOR_HISTORY_EMPTY = "空欄（計画マスタの「設定」の「履歴フォルダ」を使います。なければ履歴なし）"
DOCTOR_HISTORY_NEW = "{path}（まだありません。最初の集約で作られます）"
DOCTOR_PDF_BY_OFFICE = "LibreOffice で作ります"
DOCTOR_PDF_BY_EXCEL = "LibreOffice がないため Excel で作ります"

# --- the report's marks, lines and labels -----------------------------------------------------------
DOCTOR_MARK_OK = "○"
DOCTOR_MARK_WARN = "△"
DOCTOR_MARK_FAIL = "×"
DOCTOR_MARK_INFO = "・"
DOCTOR_LINE = "{mark} {label}：{detail}"
DOCTOR_HEADING = "gyokaku_xl の動作環境（○ 問題なし　△ 注意　× 要対応　・ 情報）"
DOCTOR_ALL_OK = "必要なものはそろっています。"
DOCTOR_FIX_FAILS = "× の項目を直してから、もう一度確認してください。"
#: A version or a value with where it was found: 3.11.7（C:\…\python.exe）.
DOCTOR_WITH_PLACE = "{value}（{place}）"
# --- this machine ---------------------------------------------------------------------------------
DOCTOR_LABEL_VBA_MODULE = "ボタンの VBA モジュール"
DOCTOR_XLWINGS_MISSING = "インストールされていません。gyokaku_xl のフォルダで「python -m pip install \".[excel]\"」を実行してください。"
DOCTOR_XLWINGS_OTHER = ("{installed} がインストールされていますが、ボタンの VBA モジュールは {pinned} 用です。"
                        "gyokaku_xl のフォルダで「python -m pip install \".[excel]\"」を実行して入れ直してください。")
DOCTOR_XLWINGS_OK = "{installed}（ボタンの VBA モジュールの版 {pinned} と一致）"
DOCTOR_LABEL_XLWINGS_VBA = "xlwings の VBA モジュール"
DOCTOR_XLWINGS_NO_STANDALONE = ("xlwings のフォルダに quickstart_standalone.xlsm がありません。"
                                "xlwings を入れ直してください。")
DOCTOR_PYWIN32_MISSING = ("インストールされていません（xlwings が Excel を操作するのに必要です）。"
                          "gyokaku_xl のフォルダで「python -m pip install \".[excel]\"」を実行してください。")
DOCTOR_PYOPENVBA_MISSING = ("インストールされていません（集約ツールの作成に必要です）。"
                            "gyokaku_xl のフォルダで「python -m pip install \".[excel]\"」を実行してください。")
DOCTOR_PYOPENVBA_OK = "{version}（集約ツールの作成に使います）"
DOCTOR_LABEL_EXCEL = "Excel ボタン"
DOCTOR_EXCEL_WINDOWS = "Windows です。集約ツール（.xlsm）のボタンを使えます。"
DOCTOR_EXCEL_OTHER = "この PC は {platform} です。ボタンは Windows の Excel で使います（集約ツールの作成と、この確認はできます）。"
DOCTOR_LABEL_OFFICE = "LibreOffice（PDF 出力）"
DOCTOR_OFFICE_MISSING = "見つかりません。PDF を作らないなら不要です。"
# --- the control workbook -------------------------------------------------------------------------
DOCTOR_LABEL_BOOK = "集約ツール「{name}」"
DOCTOR_BOOK_MISSING = "ファイルがありません（{path}）。"
DOCTOR_BOOK_NOT_XLSM = "Excel のマクロ有効ブック（.xlsm）として読めません。"
DOCTOR_LABEL_BOOK_VBA = "ブックの VBA"
DOCTOR_NO_PYOPENVBA = "pyopenvba がないため確認できません。"
DOCTOR_VBA_UNREADABLE = "VBA プロジェクトを読めません（{detail}）。"
DOCTOR_LABEL_BOOK_XLWINGS = "ブックの xlwings VBA モジュール"
DOCTOR_BOOK_XLWINGS_MISSING = "ありません。「python -m gyokaku_xl button」で作り直してください。"
DOCTOR_BOOK_XLWINGS_OTHER = "{embedded} 用です（Python の xlwings は {installed}）。「python -m gyokaku_xl button」で作り直してください。"
DOCTOR_LABEL_MACRO = "ボタンのマクロ"
DOCTOR_MACRO_MISSING = "{macro} がありません。「python -m gyokaku_xl button」で作り直してください。"
DOCTOR_MACRO_OK = "{macro}（xlwings {version} 用）"
DOCTOR_LABEL_SETTINGS = "設定"
#: Joins several labels inside one 「」: 「受付フォルダ」「計画マスタ」.
DOCTOR_LABELS_JOIN = "」「"
DOCTOR_LABEL_SETTING = "設定：{label}"
DOCTOR_INBOX_FOUND = "{path}（.xlsx {count} 件）"
DOCTOR_PATH_MISSING = "{path} がありません。"
DOCTOR_PLAN_EMPTY = "空欄（受付フォルダの中か隣の 計画マスタ.xlsx を使います）"
DOCTOR_OUTPUT_FOLDER_MISSING = "（フォルダ {folder} がありません）"
DOCTOR_PERIOD_EMPTY = "空欄（調査票の記載から判断します）"
