#!/usr/bin/env python3
"""Prints the cells of an .xlsx workbook as SHEET!REF<TAB>VALUE lines, read
with the standard library only (zipfile, xml), so that tests can check a
workbook's contents with grep.  Also prints "format SHEET!RANGE TYPE" for
each conditional format and "sheet NAME" for each sheet in order."""
import sys
import zipfile
import xml.etree.ElementTree as ET

NS = {"m": "http://schemas.openxmlformats.org/spreadsheetml/2006/main",
      "r": "http://schemas.openxmlformats.org/officeDocument/2006/relationships"}
REL = "{http://schemas.openxmlformats.org/officeDocument/2006/relationships}id"


def main(path):
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
        print("sheet %s" % name)
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
            print("%s!%s\t%s" % (name, c.get("r"), val))
        for cf in ws.findall("m:conditionalFormatting", NS):
            for rule in cf.findall("m:cfRule", NS):
                print("format %s!%s %s" % (name, cf.get("sqref"), rule.get("type")))


if __name__ == "__main__":
    main(sys.argv[1])
