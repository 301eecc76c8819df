"""Run the control workbook's VBA headless: pyOpenVBA's interpreter plus fakes for Windows.

:func:`load` opens the workbook that ``button`` built in ``pyopenvba.apps.excel.ExcelApplication``
with every module of its VBA project (the xlwings module, its Dictionary class, our GyokakuButton
and the document modules), and replaces what only a Windows PC has:

* ``CreateObject("WScript.Shell")`` → :class:`FakeShell`: ``Run`` records the command line and
  returns the exit code a test chose (or raises the run-time error a blocked process gives),
  ``Environment("Process")`` is a dictionary, ``ExpandEnvironmentStrings`` expands ``%NAME%``
  from :attr:`Windows.environment`, ``Popup`` (xlwings' error box) is recorded;
* ``GetAttr`` answers from :attr:`Windows.files` (0 for a file, ``vbDirectory`` for a folder,
  run-time error 53 otherwise) and ``Environ`` from :attr:`Windows.environment`;
* the workbook's ``FullName``/``Path`` and the application's ``Path``/``Hwnd`` are Windows values;
* the ribbon, which pyOpenVBA does not host: :meth:`Excel.click_ribbon` calls a button's
  ``onAction`` Sub with :class:`RibbonControl` (``IRibbonControl``: ``Id``, ``Tag``, ``Context``),
  as Office does when the button of the customUI part is clicked.

Where the interpreter lacks a VBA feature that real VBA has, the harness adapts, never the
shipped module (the workbook's VBA is used exactly as read from the file):

* a comment after a preprocessor directive (``#Const App = "Microsoft Excel" 'Adjust…`` and
  ``#If Mac Then ' Application.PathSeparator…`` in xlwings' module) does not parse: the harness
  drops such comments before handing the source to the interpreter;
* the ``Kill`` statement (file system) is not run by pyOpenVBA: the harness parses it as a call
  to a recording ``Kill`` Sub in a harness module, so xlwings' ``On Error Resume Next: Kill LOG``
  after ``WScript.Run`` behaves as on Windows (the log file does not exist here);
* VBA reads the strings "True" and "False" as the numbers -1 and 0 when it compares them with a
  Boolean (xlwings' ``If GetConfig("SHOW CONSOLE", False) = True``, where GetConfig returns the
  text "False"); pyOpenVBA raises Type mismatch there, so the harness teaches its text-to-number
  conversion those two words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path, PureWindowsPath

from pyopenvba import ExcelFile
from pyopenvba.apps.excel import ExcelApplication
from pyopenvba.apps.excel._model import Application, Workbook
from pyopenvba.interpreter import VBAObject, member, method, setter
from pyopenvba.interpreter import _parse
from pyopenvba.interpreter._values import EMPTY, MISSING, VBAInt, error, to_text

VB_DIRECTORY = 16
ERR_FILE_NOT_FOUND = 53
#: What WScript.Run raises when Defender's "block Office applications from creating child
#: processes" rule or a software restriction policy stops the program.
ERR_BLOCKED = -2147024891  # 0x80070005 E_ACCESSDENIED

HARNESS_MODULE = '''Attribute VB_Name = "Harness"
' The Kill statement, which pyOpenVBA does not run, as a recording Sub.
Public Sub Kill(ByVal PathName As String)
    HarnessKilled PathName
End Sub
'''


@dataclass
class Windows:
    """The Windows PC the VBA believes it runs on; tests change it before :meth:`run`."""

    fullname: str = r"C:\行革\令和3年度上半期\集約ツール.xlsm"
    files: dict[str, int] = field(default_factory=dict)  # path (case-insensitive) → attributes
    environment: dict[str, str] = field(default_factory=lambda: {
        "TEMP": r"C:\Users\shokuin\AppData\Local\Temp",
        "LOCALAPPDATA": r"C:\Users\shokuin\AppData\Local",
        "USERPROFILE": r"C:\Users\shokuin",
    })
    exit_codes: list[int] = field(default_factory=list)  # what the next Run calls return, in order
    run_error: int | None = None  # Run raises this run-time error instead
    office_path: str = r"C:\Program Files\Microsoft Office\root\Office16"

    def add_file(self, path: str) -> None:
        self.files[path.lower()] = 0

    def attributes(self, path: str) -> int:
        found = self.files.get(path.lower())
        if found is None:
            raise error(ERR_FILE_NOT_FOUND, "File not found")
        return found

    def expand(self, text: str) -> str:
        def one(match: re.Match[str]) -> str:
            name = match.group(1)
            for key, value in self.environment.items():
                if key.lower() == name.lower():
                    return value
            return match.group(0)
        return re.sub(r"%([^%]+)%", one, text)


class FakeEnvironment(VBAObject):
    """``WshShell.Environment("Process")``: ``Item(name)`` read and written."""

    vba_type_name = "WshEnvironment"

    def __init__(self, values: dict[str, str]) -> None:
        self.values = values

    @member(default=True)
    def Item(self, Name: object = MISSING) -> object:
        return self.values.get(to_text(Name).upper(), "")

    @setter("Item")
    def _set_item(self, Name: object, value: object) -> None:
        self.values[to_text(Name).upper()] = to_text(value)


class FakeShell(VBAObject):
    """``WScript.Shell`` as xlwings and GyokakuButton use it."""

    vba_type_name = "IWshShell3"

    def __init__(self, windows: Windows, log: "Transcript") -> None:
        self.windows = windows
        self.log = log

    @method
    def Run(self, Command: object = MISSING, WindowStyle: object = MISSING, WaitOnReturn: object = MISSING) -> object:
        command = to_text(Command)
        self.log.runs.append(RunCall(command, int(WindowStyle) if WindowStyle is not MISSING else 1,
                                     bool(WaitOnReturn) if WaitOnReturn is not MISSING else False,
                                     dict(self.log.process_environment)))
        if self.windows.run_error is not None:
            raise error(self.windows.run_error, "アクセスが拒否されました。")
        code = self.windows.exit_codes.pop(0) if self.windows.exit_codes else 0
        return VBAInt(code, "Long")

    @method
    def Environment(self, Type: object = MISSING) -> object:
        return FakeEnvironment(self.log.process_environment)

    @method
    def ExpandEnvironmentStrings(self, Src: object = MISSING) -> object:
        return self.windows.expand(to_text(Src))

    @method
    def Popup(self, Text: object = MISSING, SecondsToWait: object = MISSING, Title: object = MISSING,
              Type: object = MISSING) -> object:
        self.log.popups.append(to_text(Text))
        return VBAInt(1, "Integer")


class RibbonControl(VBAObject):
    """``IRibbonControl``: what Office passes to a ribbon callback (the button's id and tag)."""

    vba_type_name = "IRibbonControl"

    def __init__(self, control_id: str, tag: str, context: object = None) -> None:
        self.control_id = control_id
        self.tag = tag
        self.context = context

    @member
    def Id(self) -> object:
        return self.control_id

    @member
    def Tag(self) -> object:
        return self.tag

    @member
    def Context(self) -> object:
        return self.context if self.context is not None else EMPTY


@dataclass
class RunCall:
    """One ``WScript.Run``: the command line, window style, wait flag and the process environment."""

    command: str
    window_style: int
    wait: bool
    environment: dict[str, str]


@dataclass
class Transcript:
    """What the VBA did to the world outside Excel."""

    runs: list[RunCall] = field(default_factory=list)
    popups: list[str] = field(default_factory=list)
    killed: list[str] = field(default_factory=list)
    process_environment: dict[str, str] = field(default_factory=dict)


class WindowsWorkbook(Workbook):
    """A workbook whose FullName and Path are Windows (or URL) values."""

    windows_fullname = ""

    @member
    def FullName(self) -> object:
        return self.windows_fullname

    @member
    def Path(self) -> object:
        name = self.windows_fullname
        if "://" in name:
            return name.rsplit("/", 1)[0]
        return str(PureWindowsPath(name).parent)


class WindowsApplication(Application):
    """Excel on Windows: its install folder and a window handle."""

    office_path = ""

    @member
    def Path(self) -> object:
        return self.office_path

    @member
    def Hwnd(self) -> object:
        return VBAInt(262456, "Long")

    @member
    def PathSeparator(self) -> object:
        return "\\"


def without_directive_comments(source: str) -> str:
    """``source`` with the comment after each ``#If``/``#Const``/… directive removed."""
    lines = []
    for line in source.split("\r\n"):
        if line.lstrip().startswith("#"):
            quoted = False
            for index, char in enumerate(line):
                if char == '"':
                    quoted = not quoted
                elif char == "'" and not quoted:
                    line = line[:index].rstrip()
                    break
        lines.append(line)
    return "\r\n".join(lines)


@dataclass
class Excel:
    """The loaded workbook, its fakes and what happened."""

    app: ExcelApplication
    windows: Windows
    transcript: Transcript
    modules: dict[str, str]

    def run(self, macro: str = "RunMerge", *args: object) -> None:
        """Run a macro; an error VBA did not handle propagates as ``VBARuntimeError``."""
        book = self.app.workbook
        book.windows_fullname = self.windows.fullname
        self.app.application.office_path = self.windows.office_path
        self.app.run(macro, *args)

    def click_ribbon(self, on_action: str, control_id: str, tag: str) -> None:
        """Click a ribbon button: its ``onAction`` Sub with the button's ``IRibbonControl``."""
        self.run(on_action, RibbonControl(control_id, tag, self.app.application))

    @property
    def message_boxes(self) -> list[tuple[str, str]]:
        """Every MsgBox: (prompt, title)."""
        return [(prompt, title) for kind, prompt, title, _style in self.app.dialogs if kind == "MsgBox"]

    def value(self, sheet: str, cell: str) -> object:
        return self.app.sheet(sheet).value(cell)

    def set_value(self, sheet: str, cell: str, value: object) -> None:
        self.app.sheet(sheet).set_value(cell, value)

    def name_value(self, name: str) -> object:
        """The value of the cell a defined name refers to."""
        return self.app.evaluate(f'ThisWorkbook.Names("{name}").RefersToRange.Value')

    @property
    def status_bar(self) -> object:
        return self.app.application.status_bar


def load(path: Path, monkeypatch, windows: Windows | None = None) -> Excel:
    """Open ``path`` with its VBA project in the interpreter, with the Windows fakes in place."""
    windows = windows or Windows()
    transcript = Transcript()
    app = ExcelApplication.open(path, with_vba=False)
    app.application.__class__ = WindowsApplication
    app.workbook.__class__ = WindowsWorkbook
    with ExcelFile(path) as book:
        project = book.vba_project()
        modules = {m.name: m.source for m in project.modules}
        kinds = {m.name: m.kind for m in project.modules}
    monkeypatch.delitem(_parse._UNSUPPORTED, "kill", raising=False)
    from pyopenvba.interpreter import _values
    text_to_number = _values.text_to_number

    def vba_text_to_number(text: str):
        word = text.strip().lower()
        if word in ("true", "false"):
            return VBAInt(-1 if word == "true" else 0, "Integer")
        return text_to_number(text)

    monkeypatch.setattr(_values, "text_to_number", vba_text_to_number)
    from pyopenvba.vba import VBAModuleKind
    for name, source in modules.items():
        host = app.interpreter.host.global_object(name.lower())
        if kinds[name] is VBAModuleKind.standard:
            kind = "standard"
        elif isinstance(host, VBAObject) and host is not app.application:
            kind = "document"
        else:
            kind = "class"
        app.add_module(without_directive_comments(source), name=name, kind=kind)
    app.add_module(HARNESS_MODULE, name="Harness")

    shell = FakeShell(windows, transcript)
    original_create = app.interpreter.host.create

    def create(class_name: str) -> object:
        if class_name.lower() == "wscript.shell":
            return shell
        return original_create(class_name)

    app.interpreter.host.create = create
    intrinsics = app.interpreter._intrinsics
    intrinsics["getattr"] = lambda interp, args, named: VBAInt(windows.attributes(to_text(args[0])), "Integer")

    def environ(interp, args, named) -> object:
        key = to_text(args[0]).lower()
        return next((v for k, v in windows.environment.items() if k.lower() == key), "")

    intrinsics["environ"] = environ
    intrinsics["harnesskilled"] = lambda interp, args, named: transcript.killed.append(to_text(args[0])) or EMPTY
    return Excel(app=app, windows=windows, transcript=transcript, modules=modules)
