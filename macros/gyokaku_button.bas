Attribute VB_Name = "GyokakuButton"
' gyokaku_xl: the module behind the buttons of the control workbook (python -m gyokaku_xl button).
'
' Every action of the workbook - the shape buttons of the first sheet (RunTemplate, RunBoard,
' RunCheck, RunRemind, RunMerge, RunPdf, OpenSettings, RunDoctor) and the buttons of the ribbon
' tab (customUI/customUI14.xml, all with onAction="OnRibbonAction" and the action in their tag) -
' goes through Perform, which for an action run by Python
'   1. tidies the "xlwings.conf" sheet (quotes around a pasted path, trailing backslashes),
'   2. checks that the Python interpreter named there exists and can import xlwings, pywin32 and
'      gyokaku_xl (a hidden "python -c" probe), so that a missing package is one Japanese message
'      with the pip command instead of xlwings' English traceback,
'   3. hands over to Python with xlwings' RunPython. Everything else (reading the settings sheet,
'      the action itself, the status area, messages, opening the result) is done by
'      gyokaku_xl.app.control_actions.run_from_excel(action) in Python.
' Every public Sub and the ribbon callback has its own On Error: any VBA run-time error (a blocked
' cmd.exe or WScript.Run, a broken xlwings.conf sheet) ends in a Japanese message box and the status
' area naming the button, never in the debugger.
'
' Needs the xlwings VBA module of version GYOKAKU_XLWINGS_VERSION in the same VBA project;
' "python -m gyokaku_xl button" builds a workbook that has both. To set it up by hand instead:
' in the VBA editor use File > Import File for xlwings.bas (in the folder printed by
' python -c "import xlwings, os; print(os.path.dirname(xlwings.__file__))") and for this file,
' and assign the macro RunMerge to a button (the ribbon tab needs the customUI part that
' "python -m gyokaku_xl button" adds; macros/ribbon.xml is its source).
'
' ASCII only: the VBA project uses code page 1252. Japanese texts are kept in the workbook, in cells
' with the defined names used below (Gyokaku...).
Option Explicit

' The xlwings version this module and gyokaku_xl are pinned to (pyproject.toml: xlwings==...).
Public Const GYOKAKU_XLWINGS_VERSION As String = "0.37.8"

' Exit codes of the probe: the first package the interpreter cannot find.
Private Const PROBE_NO_XLWINGS As Long = 11
Private Const PROBE_NO_PYWIN32 As Long = 12
Private Const PROBE_NO_GYOKAKU As Long = 13
' What cmd.exe and the Microsoft Store alias return for a program that cannot be started.
Private Const EXIT_NOT_STARTED As Long = 9009
' How Python writes a traceback for xlwings to show: in the ANSI code page that VBA reads files
' with, also under Python's UTF-8 mode.
Private Const CHILD_ENCODING As String = "mbcs:backslashreplace"

' Prepare: the forms of the settings' period into the forms folder.
Public Sub RunTemplate()
    On Error GoTo Failed
    Perform "template"
    Exit Sub
Failed:
    ReportVbaError "template", Err.Description, Err.Number
End Sub

' Collect: refresh the submission board from the inbox.
Public Sub RunBoard()
    On Error GoTo Failed
    Perform "board"
    Exit Sub
Failed:
    ReportVbaError "board", Err.Description, Err.Number
End Sub

' Collect: check the inbox, the check report and the return copies.
Public Sub RunCheck()
    On Error GoTo Failed
    Perform "check"
    Exit Sub
Failed:
    ReportVbaError "check", Err.Description, Err.Number
End Sub

' Collect: reminder drafts for the departments to chase.
Public Sub RunRemind()
    On Error GoTo Failed
    Perform "remind"
    Exit Sub
Failed:
    ReportVbaError "remind", Err.Description, Err.Number
End Sub

' Consolidate: the master workbook (the macro of books built before the ribbon).
Public Sub RunMerge()
    On Error GoTo Failed
    Perform "merge"
    Exit Sub
Failed:
    ReportVbaError "merge", Err.Description, Err.Number
End Sub

' Consolidate: the PDF of the current master.
Public Sub RunPdf()
    On Error GoTo Failed
    Perform "pdf"
    Exit Sub
Failed:
    ReportVbaError "pdf", Err.Description, Err.Number
End Sub

' Settings: show the settings sheet.
Public Sub OpenSettings()
    On Error GoTo Failed
    Perform "settings"
    Exit Sub
Failed:
    ReportVbaError "settings", Err.Description, Err.Number
End Sub

' Settings: what the buttons need, checked.
Public Sub RunDoctor()
    On Error GoTo Failed
    Perform "doctor"
    Exit Sub
Failed:
    ReportVbaError "doctor", Err.Description, Err.Number
End Sub

' The ribbon's callback for every button of the tab: the button's tag names the action.
Public Sub OnRibbonAction(control As IRibbonControl)
    Dim action As String
    On Error GoTo Failed
    action = control.Tag
    Perform action
    Exit Sub
Failed:
    ReportVbaError action, Err.Description, Err.Number
End Sub

' The same entry for every action: the settings sheet is only shown; every other action checks
' the interpreter first and then runs in Python.
Private Sub Perform(ByVal action As String)
    Application.StatusBar = False
    ' The action becomes part of a line of Python: only the lower-case words of the actions pass.
    If action = "" Or action Like "*[!a-z]*" Then Err.Raise 5, , "action: " & action
    If action = "settings" Then
        SettingsSheet.Activate
        Exit Sub
    End If
    If Not PythonReady(action) Then Exit Sub
    RunPython "import gyokaku_xl.app.control_actions as c; c.run_from_excel('" & action & "', '" & XLWINGS_VERSION & "')"
    Application.StatusBar = False
End Sub

' A VBA run-time error of an action, told in Japanese (the error's text and number).
Private Sub ReportVbaError(ByVal action As String, ByVal description As String, ByVal number As Long)
    ReportFailure action, Replace(Message("GyokakuVbaError", action), "{detail}", description & " (" & number & ")")
End Sub

' True when the interpreter xlwings is going to start exists and can import what the button needs;
' otherwise the user has been told why not.
Private Function PythonReady(ByVal action As String) As Boolean
#If Mac Then
    PythonReady = True
#Else
    Dim interpreter As String
    Dim code As Long
    TidyConfig
    interpreter = GetConfig("INTERPRETER_WIN", "")
    If interpreter = "" Then interpreter = GetConfig("INTERPRETER", "python")
    If interpreter <> "python" And interpreter <> "pythonw" Then
        If Not FileExists(interpreter) Then
            ReportFailure action, Replace(Message("GyokakuNoPython", action), "{python}", interpreter)
            Exit Function
        End If
    End If
    code = ProbeExitCode(interpreter)
    Select Case code
        Case 0
            PythonReady = True
        Case PROBE_NO_XLWINGS
            ReportFailure action, Replace(Message("GyokakuNoXlwings", action), "{python}", interpreter)
        Case PROBE_NO_PYWIN32
            ReportFailure action, Replace(Message("GyokakuNoPywin32", action), "{python}", interpreter)
        Case PROBE_NO_GYOKAKU
            ReportFailure action, Replace(Message("GyokakuNoGyokaku", action), "{python}", interpreter)
        Case EXIT_NOT_STARTED
            ReportFailure action, Replace(Message("GyokakuNoPython", action), "{python}", interpreter)
        Case Else
            ReportFailure action, Replace(Replace(Message("GyokakuProbeFailed", action), "{python}", interpreter), "{code}", CStr(code))
    End Select
#End If
End Function

' Run "<interpreter> -c <probe>" hidden and wait: 0 when xlwings, pywin32 and gyokaku_xl import.
Private Function ProbeExitCode(ByVal interpreter As String) As Long
    Dim shell As Object
    Dim command As String
    Set shell = CreateObject("WScript.Shell")
    shell.Environment("Process").Item("PYTHONIOENCODING") = CHILD_ENCODING
    If interpreter = "python" Or interpreter = "pythonw" Then
        command = interpreter
    Else
        command = Chr(34) & interpreter & Chr(34)
    End If
    command = command & " -B -c " & Chr(34) & ProbeCode(GetConfig("PYTHONPATH", "")) & Chr(34)
    ProbeExitCode = shell.Run(command, 0, True)
End Function

' The probe's Python code (no double quotes: it is one argument of the command line).
Private Function ProbeCode(ByVal pythonPath As String) As String
    Dim code As String
    code = "import sys,importlib.util as u;"
    If pythonPath <> "" Then
        code = code & "sys.path[:0]=[p for p in r'''" & pythonPath & "'''.split(';') if p];"
    End If
    code = code & "c=next((n for n,m in ((" & PROBE_NO_XLWINGS & ",'xlwings'),(" & PROBE_NO_PYWIN32 & _
        ",'win32api'),(" & PROBE_NO_GYOKAKU & ",'gyokaku_xl')) if u.find_spec(m) is None),0);" & _
        "c or __import__('gyokaku_xl.app.control_actions');sys.exit(c)"
    ProbeCode = code
End Function

' Make the "xlwings.conf" sheet's paths usable by xlwings' RunPython: no quotes around a path
' pasted with Explorer's "Copy as path", no trailing backslash on a PYTHONPATH folder (it would
' escape the quote that closes xlwings' command line).
Private Sub TidyConfig()
    Dim sheet As Worksheet
    Dim row As Long
    Dim key As String, value As String, tidy As String
    Set sheet = ThisWorkbook.Worksheets("xlwings.conf")
    row = 1
    Do While CStr(sheet.Cells(row, 1).Value) <> ""
        key = UCase$(Trim$(CStr(sheet.Cells(row, 1).Value)))
        value = CStr(sheet.Cells(row, 2).Value)
        tidy = value
        If key = "INTERPRETER_WIN" Or key = "INTERPRETER" Then
            tidy = Unquoted(tidy)
        ElseIf key = "PYTHONPATH" Then
            tidy = TidyPythonPath(tidy)
        End If
        If tidy <> value Then sheet.Cells(row, 2).Value = tidy
        row = row + 1
    Loop
End Sub

' A path without surrounding spaces and double quotes.
Private Function Unquoted(ByVal text As String) As String
    text = Trim$(text)
    If Len(text) >= 2 And Left$(text, 1) = Chr(34) And Right$(text, 1) = Chr(34) Then
        text = Trim$(Mid$(text, 2, Len(text) - 2))
    End If
    Unquoted = text
End Function

' PYTHONPATH with every folder unquoted and without trailing backslashes.
Private Function TidyPythonPath(ByVal text As String) As String
    Dim parts As Variant
    Dim i As Long
    Dim part As String, result As String
    parts = Split(text, ";")
    For i = LBound(parts) To UBound(parts)
        part = Unquoted(CStr(parts(i)))
        Do While Len(part) > 3 And Right$(part, 1) = "\"
            part = Left$(part, Len(part) - 1)
        Loop
        If part <> "" Then
            If result <> "" Then result = result & ";"
            result = result & part
        End If
    Next i
    TidyPythonPath = result
End Function

' Tell the user: the status area of the first sheet (which action, when, why) and a message box.
' Never raises.
Private Sub ReportFailure(ByVal action As String, ByVal text As String)
    On Error Resume Next
    Application.StatusBar = False
    ThisWorkbook.Names("GyokakuStatus").RefersToRange.Value = ""
    ThisWorkbook.Names("GyokakuStatusAction").RefersToRange.Value = ActionLabel(action)
    ThisWorkbook.Names("GyokakuStatusRunAt").RefersToRange.Value = Format(Now, "yyyy-mm-dd hh:nn:ss")
    ThisWorkbook.Names("GyokakuStatusResult").RefersToRange.Value = Message("GyokakuResultFailed", action)
    ThisWorkbook.Names("GyokakuStatusMessage").RefersToRange.Value = text
    MsgBox text, vbExclamation, Message("GyokakuAlertTitle", action)
End Sub

' The Japanese label of an action (the cell named GyokakuAction_<action>), or the action itself.
Private Function ActionLabel(ByVal action As String) As String
    On Error GoTo Fallback
    ActionLabel = CStr(ThisWorkbook.Names("GyokakuAction_" & action).RefersToRange.Value)
    If ActionLabel <> "" Then Exit Function
Fallback:
    ActionLabel = action
End Function

' The Japanese text in the cell with the defined name, {action} filled in, or an ASCII fallback
' when the cell is gone.
Private Function Message(ByVal name As String, ByVal action As String) As String
    Dim text As String
    On Error GoTo Fallback
    text = CStr(ThisWorkbook.Names(name).RefersToRange.Value)
    If text <> "" Then
        Message = Replace(text, "{action}", ActionLabel(action))
        Exit Function
    End If
Fallback:
    Message = "gyokaku_xl: " & name & " (" & action & ") {python} {detail} - run: python -m gyokaku_xl doctor"
End Function
