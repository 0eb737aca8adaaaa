"""Write a minimal .xlsx by hand, as other programs than Excel do: inline
strings (no sharedStrings.xml), a rich-text cell, a date serial in a
date-styled cell, a bare number, cells left out and a sheet that is not
sheet1.xml.  usage: inline.py OUT.xlsx"""
import sys
import zipfile

CT = """<?xml version="1.0" encoding="UTF-8"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">
<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>
<Default Extension="xml" ContentType="application/xml"/>
<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>
<Override PartName="/xl/worksheets/data.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>
</Types>"""
RELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>
</Relationships>"""
BOOK = """<?xml version="1.0" encoding="UTF-8"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"
 xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">
<sheets><sheet name="六月" sheetId="1" r:id="rId7"/></sheets></workbook>"""
BOOKRELS = """<?xml version="1.0" encoding="UTF-8"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">
<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>
<Relationship Id="rId7" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/data.xml"/>
</Relationships>"""
STYLES = """<?xml version="1.0" encoding="UTF-8"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="176" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
<cellStyleXfs count="1"><xf numFmtId="9"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0"/><xf numFmtId="176"/><xf numFmtId="14"/></cellXfs>
</styleSheet>"""


def s(ref, text):
    return '<c r="%s" t="inlineStr"><is><t>%s</t></is></c>' % (ref, text)


SHEET = """<?xml version="1.0" encoding="UTF-8"?>
<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>
<row r="1">%s%s%s%s%s</row>
<row r="3">%s<c r="B3" s="1"><v>44733</v></c>%s<c r="D3"><v>60</v></c>%s</row>
<row r="4">%s<c r="B4" s="2"><v>44734</v></c>%s<c r="E4" t="inlineStr"><is><r><t>周</t></r><r><t>七</t></r></is></c></row>
</sheetData></worksheet>""" % (
    s("A1", "编号"), s("B1", "日期"), s("C1", "状态"), s("D1", "进度"), s("E1", "填报人"),
    s("A3", "2.P1"), s("C3", "推进中"), s("E3", "钱八"),
    s("A4", "2.p2"), s("C4", "已办结"))

with zipfile.ZipFile(sys.argv[1], "w", zipfile.ZIP_DEFLATED) as z:
    z.writestr("[Content_Types].xml", CT)
    z.writestr("_rels/.rels", RELS)
    z.writestr("xl/workbook.xml", BOOK)
    z.writestr("xl/_rels/workbook.xml.rels", BOOKRELS)
    z.writestr("xl/styles.xml", STYLES)
    z.writestr("xl/worksheets/data.xml", SHEET)
