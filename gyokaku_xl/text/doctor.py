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
