"""Fill a sheet made by `zz-status sheet` as a person would in Excel.

usage: fill.py IN.xlsx OUT.xlsx: with Debian's openpyxl (/usr/bin/python3).
Prints what it found in the sheet (one `key value` a line) for the test
to check: its title, frozen cell, status dropdown, progress validation,
column widths.
"""
import datetime
import sys

import openpyxl

wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
print("sheetname", ws.title)
print("title", ws.cell(1, 1).value)
print("header", ",".join(str(c.value) for c in ws[2]))
print("freeze", ws.freeze_panes)
for dv in ws.data_validations.dataValidation:
    print("validation", dv.type, dv.sqref, dv.formula1, dv.formula2)
print("width_A", round(ws.column_dimensions["A"].width))
print("width_B", round(ws.column_dimensions["B"].width))
rows = {ws.cell(r, 1).value: r for r in range(3, ws.max_row + 1)}
print("ids", " ".join(sorted(rows)))


def fill(rid, status, pct, note, by, date):
    r = rows[rid]
    for col, v in zip(range(4, 9), (status, pct, note, by, date)):
        ws.cell(r, col).value = v


# typed dates, a date cell, a dropdown value, a variant, a percent cell
fill("1.T1", "推进中", 40, "起草实施意见", "张三", "2022/6/20")
fill("1.T2", "已完成", None, "已办结", "李四", "2022年6月21日")
ws.cell(rows["1.K1"], 1).value = "１.ｋ1"           # full-width, lower case
fill("1.K1", "Done", None, None, "王五", datetime.date(2022, 6, 22))
fill("1.M4@2022-06", "进行", 0.5, "专题报告初稿", "赵六", "6月23日")
ws.cell(rows["1.M4@2022-06"], 5).number_format = "0%"
wb.save(sys.argv[2])
