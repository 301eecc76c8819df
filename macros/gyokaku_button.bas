Attribute VB_Name = "GyokakuButton"
' gyokaku_xl: the module behind the button of the control workbook (python -m gyokaku_xl button).
'
' The button on the first sheet runs RunMerge. RunMerge
'   1. tidies the "xlwings.conf" sheet (quotes around a pasted path, trailing backslashes),
'   2. checks that the Python interpreter named there exists and can import xlwings, pywin32 and
'      gyokaku_xl (a hidden "python -c" probe), so that a missing package is one Japanese message
'      with the pip command instead of xlwings' English traceback,
'   3. hands over to Python with xlwings' RunPython. Everything else (reading the settings sheet,
'      merging, the status area, messages, opening the result) is done by
'      gyokaku_xl.app.button.run_from_excel in Python.
' Any VBA run-time error (a blocked cmd.exe or WScript.Run, a broken xlwings.conf sheet) ends in a
' Japanese message box and the status area, never in the debugger.
'
' Needs the xlwings VBA module of version GYOKAKU_XLWINGS_VERSION in the same VBA project;
' "python -m gyokaku_xl button" builds a workbook that has both. To set it up by hand instead:
' in the VBA editor use File > Import File for xlwings.bas (in the folder printed by
' python -c "import xlwings, os; print(os.path.dirname(xlwings.__file__))") and for this file,
' and assign the macro RunMerge to a button.
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

' The button's macro.
Public Sub RunMerge()
    Dim detail As String
    On Error GoTo Failed
    Application.StatusBar = False
    If Not PythonReady() Then GoTo Done
    RunPython "import gyokaku_xl.app.button as b; b.run_from_excel('" & XLWINGS_VERSION & "')"
Done:
    Application.StatusBar = False
    Exit Sub
Failed:
    ' Err first: the On Error in Message (called below) clears it.
    detail = Err.Description & " (" & Err.Number & ")"
    ReportFailure Replace(Message("GyokakuVbaError"), "{detail}", detail)
End Sub

' True when the interpreter xlwings is going to start exists and can import what the button needs;
' otherwise the user has been told why not.
Private Function PythonReady() As Boolean
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
            ReportFailure Replace(Message("GyokakuNoPython"), "{python}", interpreter)
            Exit Function
        End If
    End If
    code = ProbeExitCode(interpreter)
    Select Case code
        Case 0
            PythonReady = True
        Case PROBE_NO_XLWINGS
            ReportFailure Replace(Message("GyokakuNoXlwings"), "{python}", interpreter)
        Case PROBE_NO_PYWIN32
            ReportFailure Replace(Message("GyokakuNoPywin32"), "{python}", interpreter)
        Case PROBE_NO_GYOKAKU
            ReportFailure Replace(Message("GyokakuNoGyokaku"), "{python}", interpreter)
        Case EXIT_NOT_STARTED
            ReportFailure Replace(Message("GyokakuNoPython"), "{python}", interpreter)
        Case Else
            ReportFailure Replace(Replace(Message("GyokakuProbeFailed"), "{python}", interpreter), "{code}", CStr(code))
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
        "c or __import__('gyokaku_xl.app.button');sys.exit(c)"
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

' Tell the user: the status area of the first sheet and a message box. Never raises.
Private Sub ReportFailure(ByVal text As String)
    On Error Resume Next
    Application.StatusBar = False
    ThisWorkbook.Names("GyokakuStatus").RefersToRange.Value = ""
    ThisWorkbook.Names("GyokakuStatusRunAt").RefersToRange.Value = Format(Now, "yyyy-mm-dd hh:nn:ss")
    ThisWorkbook.Names("GyokakuStatusResult").RefersToRange.Value = Message("GyokakuResultFailed")
    ThisWorkbook.Names("GyokakuStatusMessage").RefersToRange.Value = text
    MsgBox text, vbExclamation, Message("GyokakuAlertTitle")
End Sub

' The Japanese text in the cell with the defined name, or an ASCII fallback when it is gone.
Private Function Message(ByVal name As String) As String
    On Error GoTo Fallback
    Message = CStr(ThisWorkbook.Names(name).RefersToRange.Value)
    If Message <> "" Then Exit Function
Fallback:
    Message = "gyokaku_xl: " & name & " {python} {detail} - run: python -m gyokaku_xl doctor"
End Function
