#!/usr/bin/env python3
"""Prints the cells of an .xlsx workbook as SHEET!REF<TAB>VALUE lines, read
with the standard library only (zipfile, xml), so that tests can check a
workbook's contents with grep.  Also prints "format SHEET!RANGE TYPE" for
each conditional format and "sheet NAME" for each sheet in order.

With --same-as CSV SHEET... it instead checks that the tables of CSV (as
the library writes them: tables separated by an empty line) are the
sheets named, cell by cell (numbers as numbers), prints "same" or the
first difference, and exits 0 or 1."""
import csv
import io
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def cells_of(path):
    """{sheet: {(row, col): value}} and the sheets in order."""
    out, order = {}, []
    for line in dump(path):
        if line.startswith("sheet "):
            order.append(line[6:])
            out[line[6:]] = {}
        elif "!" in line and "\t" in line and not line.startswith("format "):
            ref, val = line.split("\t", 1)
            name, cell = ref.split("!", 1)
            col = "".join(ch for ch in cell if ch.isalpha())
            row = int(cell[len(col):])
            c = 0
            for ch in col:
                c = c * 26 + ord(ch) - 64
            out[name][(row - 1, c - 1)] = val
    return out, order


def same(a, b):
    if a == b:
        return True
    try:
        return abs(float(a) - float(b)) <= 1e-9 * (1 + abs(float(a)))
    except ValueError:
        return False


def same_as(path, csv_path, sheets):
    cells, _ = cells_of(path)
    tables = [t for t in open(csv_path, encoding="utf-8").read().split("\n\n")
              if t.strip()]
    if len(tables) != len(sheets):
        print("%d tables in %s, %d sheets named" % (len(tables), csv_path,
                                                    len(sheets)))
        return 1
    for text, name in zip(tables, sheets):
        rows = list(csv.reader(io.StringIO(text)))
        got = cells.get(name, {})
        for r, row in enumerate(rows):
            for c, want in enumerate(row):
                have = got.get((r, c), "")
                if not same(want, have):
                    print("%s row %d column %d: %r in the CSV, %r in the "
                          "workbook" % (name, r + 1, c + 1, want, have))
                    return 1
        extra = [k for k in got if k[0] >= len(rows)]
        if extra:
            print("%s: rows beyond the CSV's %d" % (name, len(rows)))
            return 1
    print("same")
    return 0


def main(path):
    for line in dump(path):
        print(line)


def dump(path):
    z = zipfile.ZipFile(path)
    strings = []
    if "xl/sharedStrings.xml" in z.namelist():
        for si in ET.fromstring(z.read("xl/sharedStrings.xml")).findall("m:si", NS):
            strings.append("".join(t.text or "" for t in si.iter(
                "{%s}t" % NS["m"])))
    rels = {}
    for rel in ET.fromstring(z.read("xl/_rels/workbook.xml.rels")):
        rels[rel.get("Id")] = rel.get("Target")
    book = ET.fromstring(z.read("xl/workbook.xml"))
    for sh in book.find("m:sheets", NS):
        name = sh.get("name")
        yield "sheet %s" % name
        target = rels[sh.get(REL)]
        part = "xl/" + target if not target.startswith("/") else target[1:]
        ws = ET.fromstring(z.read(part))
        for c in ws.iter("{%s}c" % NS["m"]):
            v = c.find("m:v", NS)
            if c.get("t") == "s":
                val = strings[int(v.text)]
            elif c.get("t") == "inlineStr":
                val = "".join(t.text or "" for t in c.iter("{%s}t" % NS["m"]))
            else:
                val = v.text if v is not None else ""
            yield "%s!%s\t%s" % (name, c.get("r"), val)
        for cf in ws.findall("m:conditionalFormatting", NS):
            for rule in cf.findall("m:cfRule", NS):
                yield "format %s!%s %s" % (name, cf.get("sqref"),
                                           rule.get("type"))


if __name__ == "__main__":
    if len(sys.argv) > 3 and sys.argv[2] == "--same-as":
        sys.exit(same_as(sys.argv[1], sys.argv[3], sys.argv[4:]))
    try:
        main(sys.argv[1])
    except BrokenPipeError:
        pass
