#!/usr/bin/env python3
"""Rebuilds the LibreOffice-saved fixtures (needs python3 and LibreOffice: soffice).

Takes the sample workbook, puts in the quirks people's spreadsheets have (numbers typed as
text, 是/否 booleans, a formula without a cached value, an ISO date typed as text, a blank row,
an extra column, headers in odd case), and has LibreOffice Calc open and save it as .xlsx, so
the fixture holds exactly what Calc writes. A second, broken variant holds real error values.

    python3 tests/ReportGen.Tests/Fixtures/make-libreoffice-fixtures.py
"""
import os, re, shutil, subprocess, sys, tempfile, zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", ".."))
SEED = os.path.join(ROOT, "seeds", "unhabitat-2020-2021.xlsx")

def inline(ref, text):
    return f'<c r="{ref}" t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>'

def shared_index(strings_xml, text):
    items = re.findall(r"<si>(.*?)</si>", strings_xml)
    return items.index(f"<t>{text}</t>")

def cell_value(xml, ref):
    return re.search(rf'<c r="{ref}"[^>]*><v>([^<]*)</v></c>', xml).group(1)

def replace_cell(xml, ref, new):
    out, n = re.subn(rf'<c r="{ref}"[^>]*>(?:<v>[^<]*</v>)?</c>', new, xml)
    assert n == 1, ref
    return out

def shift_rows(xml, from_row):
    """Moves rows from_row.. down by one, leaving a blank row."""
    def row(m):
        r = int(m.group(1))
        return f'<row r="{r + 1 if r >= from_row else r}"'
    def cell(m):
        r = int(m.group(2))
        return f'<c r="{m.group(1)}{r + 1 if r >= from_row else r}"'
    return re.sub(r'<c r="([A-Z]+)(\d+)"', cell, re.sub(r'<row r="(\d+)"', row, xml))

def quirky(parts, broken):
    strings = parts["xl/sharedStrings.xml"]
    yes, no = str(shared_index(strings, "yes")), str(shared_index(strings, "no"))
    p = parts["xl/worksheets/sheet9.xml"]  # Projects
    budget = float(cell_value(p, "I2"))
    p = replace_cell(p, "I2", inline("I2", f"{budget:,.0f}"))
    p = replace_cell(p, "I4", inline("I4", f" {float(cell_value(p, 'I4')):.0f} "))
    for ref in ("H3", "H5", "H6"):
        flag = re.search(rf'<c r="{ref}" t="s"><v>(\d+)</v></c>', p).group(1)
        p = replace_cell(p, ref, inline(ref, "是" if flag == yes else "否"))
    p = replace_cell(p, "A1", inline("A1", "Project_ID "))
    p = replace_cell(p, "B1", inline("B1", "PRC_YEAR"))
    p = p.replace("</row>", inline("K1", "Notes") + "</row>", 1)
    p = p.replace('<row r="3">', '<row r="3">', 1)
    if broken:
        p = replace_cell(p, "F5", inline("F5", "9.9"))
    p = shift_rows(p, 11)
    parts["xl/worksheets/sheet9.xml"] = p
    f = parts["xl/worksheets/sheet7.xml"]  # Funding
    f = replace_cell(f, "D2", '<c r="D2"><f>ROUND(C2*0.86/10000,0)*10000</f></c>')
    if broken:
        f = replace_cell(f, "D3", '<c r="D3"><f>1/0</f></c>')
    parts["xl/worksheets/sheet7.xml"] = f
    d = parts["xl/worksheets/sheet2.xml"]  # Documents
    d = replace_cell(d, "D2", inline("D2", "2021-10-04"))
    parts["xl/worksheets/sheet2.xml"] = d
    return parts

def main():
    soffice = shutil.which("soffice") or sys.exit("soffice (LibreOffice) is needed")
    with tempfile.TemporaryDirectory() as tmp:
        for name, broken in (("libreoffice-quirks", False), ("libreoffice-broken", True)):
            with zipfile.ZipFile(SEED) as z:
                parts = {n: z.read(n).decode("utf-8-sig") if n.endswith((".xml", ".rels")) else z.read(n) for n in z.namelist()}
            parts = quirky(parts, broken)
            src = os.path.join(tmp, "in", name + ".xlsx")
            os.makedirs(os.path.dirname(src), exist_ok=True)
            with zipfile.ZipFile(src, "w", zipfile.ZIP_DEFLATED) as z:
                for n, data in parts.items():
                    z.writestr(n, data)
            subprocess.run([soffice, "--headless", "--calc", "--convert-to", "xlsx:Calc MS Excel 2007 XML",
                            "--outdir", HERE, src], check=True, stdout=subprocess.DEVNULL)
            print("wrote", os.path.join(HERE, name + ".xlsx"))

if __name__ == "__main__":
    main()
