#!/usr/bin/python3
# tests/docx-check.py REPORT.docx REPORT.json: reads zz-report's Word
# document back with python-docx (Debian's python3-docx, so run with
# /usr/bin/python3) and checks it against the same report's -o json:
# the title, the rules, every figure of every table row that names a
# task force, unit, person or total, every listed id, and the official
# layout (A4, GB/T 9704 margins, fonts and sizes, the page number footer).
# Prints "ok - ..." / "not ok - ..." lines for tests/run.sh.
import json
import sys
import xml.dom.minidom
import zipfile

import docx
from docx.oxml.ns import qn

path, jpath = sys.argv[1], sys.argv[2]
tag = sys.argv[3] if len(sys.argv) > 3 else path
fails = 0


def check(what, good, detail=""):
    global fails
    if good:
        print(f"ok - {tag}: {what}")
    else:
        fails += 1
        print(f"not ok - {tag}: {what} {detail}")


# Every part is well-formed XML (the escaping is right).
with zipfile.ZipFile(path) as z:
    bad = []
    for name in z.namelist():
        if name.endswith(".xml") or name.endswith(".rels"):
            try:
                xml.dom.minidom.parseString(z.read(name))
            except Exception as e:  # noqa: BLE001 - any parse error fails
                bad.append(f"{name}: {e}")
    check("every part is well-formed XML", not bad, "; ".join(bad))
    check("zip checks", z.testzip() is None)

rep = json.load(open(jpath, encoding="utf-8"))
d = docx.Document(path)
paras = [p.text for p in d.paragraphs]

# ---- the text ----
check("title is the first paragraph", paras and paras[0] == rep["title"],
      f"[{paras[:1]}] vs [{rep['title']}]")
check("title style", d.paragraphs[0].style.name == "Title")
check("as-of line", any(p.startswith("统计截至：" + rep["as_of"])
                        for p in paras))
y, m, dd = (int(x) for x in rep["as_of"].split("-"))
check("signed with the date", paras and paras[-1] == f"{y}年{m}月{dd}日",
      str(paras[-1:]))
missing = [r for r in rep["rules"] if r not in paras]
check(f"all {len(rep['rules'])} rules are paragraphs", not missing,
      str(missing[:1]))


# ---- the tables against the json figures ----
def pct(v):
    return "—" if v is None else f"{v:.1f}%"


def num(v):
    return "" if v is None else str(v)


LIGHT = {"red": "红灯", "yellow": "黄灯", "green": "绿灯", "": ""}
COLS = {
    "应完成": ("due", num), "本季应完成": ("due", num),
    "已完成": ("done", num), "按时": ("on_time", num),
    "逾期完成": ("late", num), "未完成": ("open", num),
    "推进中": ("doing", num), "逾期": ("overdue", num),
    "受阻": ("blocked", num), "完成率": ("rate", pct),
    "按时率": ("on_time_rate", pct),
    "得分": ("score", lambda v: "—" if v is None else f"{v:.1f}"),
    "名次": ("rank", num), "状态灯": ("light", lambda v: LIGHT[v or ""]),
}
figure_rows = [r for r in rep["rows"] if r["due"] is not None]
items = {r["key"]: r for r in rep["rows"] if r["due"] is None and r["key"]}
matched = set()
checked = items_checked = 0
for t in d.tables:
    head = [c.text for c in t.rows[0].cells]
    mapped = [(i, COLS[h]) for i, h in enumerate(head) if h in COLS]
    for row in t.rows[1:]:
        cells = [c.text for c in row.cells]
        if "事项" in head:  # a list of items: the id and its due date
            r = items.get(cells[head.index("事项")])
            if r and "应完成" in head:
                items_checked += 1
                check(f"item {r['key']} due {r['due_date']}",
                      cells[head.index("应完成")] == r["due_date"], str(cells))
            continue
        named = [r for r in figure_rows if r["name"] in cells]
        if not named:
            continue
        fit = [r for r in named
               if all(cells[i] == f(r[k]) for i, (k, f) in mapped)]
        checked += 1
        check(f"table row {cells[:2]} equals the json figures", fit,
              f"row {cells} header {head}")
        for r in fit:
            matched.add((r["scope"], r["key"]))
unmatched = [(r["scope"], r["name"]) for r in figure_rows
             if r["scope"] in ("group", "unit", "person", "plan")
             and (r["scope"], r["key"]) not in matched]
check(f"every task force, unit, person of the json is a table row "
      f"({checked} rows)", checked and not unmatched, str(unmatched[:3]))

# ---- the layout ----
s = d.sections[0]


def mm(x):
    return round(x.mm, 1)


check("A4", (mm(s.page_width), mm(s.page_height)) == (210.0, 297.0),
      f"{mm(s.page_width)} x {mm(s.page_height)}")
check("margins 37/35/28/26 mm",
      (mm(s.top_margin), mm(s.bottom_margin), mm(s.left_margin),
       mm(s.right_margin)) == (37.0, 35.0, 28.0, 26.0))


def style_font(name):
    st = d.styles[name]
    rpr = st.element.find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    return fonts.get(qn("w:eastAsia")), st.font.size.pt


check("title 方正小标宋简体 2号", style_font("Title") == ("方正小标宋简体", 22.0),
      str(style_font("Title")))
check("body 仿宋_GB2312 3号", style_font("Normal") == ("仿宋_GB2312", 16.0))
check("一、 headings 黑体 3号", style_font("Heading 1") == ("黑体", 16.0))
check("（一） headings 楷体 3号", style_font("Heading 2") == ("楷体_GB2312", 16.0))
heads = [p.text for p in d.paragraphs if p.style.name == "Heading 1"]
check("一、 headings numbered", heads and heads[0].startswith("一、"),
      str(heads[:1]))
with zipfile.ZipFile(path) as z:
    table = z.read("word/fontTable.xml").decode()
check("font table: 仿宋 falls back", 'w:name="仿宋_GB2312"><w:altName '
      'w:val="仿宋"' in table)
feet = [s.footer.paragraphs[0].text, s.even_page_footer.paragraphs[0].text]
check("page numbers — N — odd and even", feet == ["— 1 —"] * 2, str(feet))
sys.exit(1 if fails else 0)
