Attribute VB_Name = "GyokakuButton"
' gyokaku_xl: the module behind the button of the control workbook (python -m gyokaku_xl button).
'
' The button on the first sheet runs RunMerge. RunMerge checks that the Python interpreter named in
' the "xlwings.conf" sheet exists and hands over to Python with xlwings' RunPython. Everything else
' (reading the settings sheet, merging, the status area, messages, opening the result) is done by
' gyokaku_xl.excel_button.run_from_excel in Python.
'
' Needs the xlwings VBA module of version GYOKAKU_XLWINGS_VERSION in the same VBA project;
' "python -m gyokaku_xl button" builds a workbook that has both. To set it up by hand instead:
' in the VBA editor use File > Import File for xlwings.bas (in the folder printed by
' python -c "import xlwings, os; print(os.path.dirname(xlwings.__file__))") and for this file,
' and assign the macro RunMerge to a button.
'
' ASCII only: the VBA project uses code page 1252. Japanese texts are kept in the workbook.
Option Explicit

' The xlwings version this module and gyokaku_xl are pinned to (pyproject.toml: xlwings==...).
Public Const GYOKAKU_XLWINGS_VERSION As String = "0.37.8"

' The button's macro.
Public Sub RunMerge()
    If Not PythonFound() Then Exit Sub
    RunPython "import gyokaku_xl.excel_button as b; b.run_from_excel('" & XLWINGS_VERSION & "')"
    Application.StatusBar = False
End Sub

' True when the interpreter xlwings is going to start exists, or is left to the PATH.
Private Function PythonFound() As Boolean
    Dim interpreter As String
    PythonFound = True
#If Mac Then
    Exit Function
#Else
    interpreter = GetConfig("INTERPRETER_WIN", "")
    If interpreter = "" Then interpreter = GetConfig("INTERPRETER", "python")
    If interpreter = "python" Or interpreter = "pythonw" Then Exit Function
    If FileExists(interpreter) Then Exit Function
    PythonFound = False
    MsgBox NoPythonMessage() & vbCrLf & vbCrLf & "INTERPRETER_WIN: " & interpreter, vbExclamation
#End If
End Function

' The Japanese message for a missing Python, from the cell named GyokakuNoPython.
Private Function NoPythonMessage() As String
    On Error GoTo Fallback
    NoPythonMessage = ThisWorkbook.Names("GyokakuNoPython").RefersToRange.Value
    Exit Function
Fallback:
    NoPythonMessage = "Python was not found. Run: python -m gyokaku_xl doctor"
End Function
