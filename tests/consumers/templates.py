"""Municipal Word templates as a municipality's IT department would make them, for the
template tests: made here with python-docx, and one saved again by LibreOffice.

`letterhead(path)` is the full one: its own margins, a logo and the municipality's name in a
first-page header, a smaller header on the following pages, an address footer with the date,
custom fonts and colours, Swedish style ids (`Rubrik1`, `Rubrik2`), content controls for the
diarienummer and the date, a custom document property read by the case system, and a `[Yttra]`
marker between fixed paragraphs. Usable as `python templates.py OUT.docx [--dotx] [--name
KOMMUN]` too, and
`python templates.py --facts DOC.docx` prints what python-docx reads in a document made in it.
"""

import shutil
import struct
import subprocess
import sys
import tempfile
import zipfile
import zlib
from pathlib import Path

from docx import Document
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

MUNICIPALITY = "Exempelby kommun"
ADDRESS = "Exempelby kommun · Storgatan 1 · 123 45 Exempelby · exempelby.se"
FIXED_BEFORE = "Till kommunens revisorer"
FIXED_AFTER = "Detta yttrande har beslutats av nämnden."
LOGO_COLOUR = (0x1F, 0x5C, 0x99)
BODY_FONT = "Georgia"
HEADING_COLOUR = RGBColor(0x1F, 0x5C, 0x99)


def logo_png(width=120, height=40, colour=LOGO_COLOUR):
    """A solid-colour PNG, written by hand so the tests need no imaging library."""
    row = b"\x00" + bytes(colour) * width
    raw = row * height

    def chunk(kind, data):
        body = kind + data
        return struct.pack(">I", len(data)) + body + struct.pack(">I", zlib.crc32(body) & 0xFFFFFFFF)

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")


def content_control(paragraph, tag, placeholder):
    """An inline plain-text content control (`w:sdt`) with a tag and title, showing
    placeholder text, as Word's Developer tab inserts it."""
    sdt = OxmlElement("w:sdt")
    properties = OxmlElement("w:sdtPr")
    for name in ("w:alias", "w:tag"):
        element = OxmlElement(name)
        element.set(qn("w:val"), tag)
        properties.append(element)
    properties.append(OxmlElement("w:showingPlcHdr"))
    properties.append(OxmlElement("w:text"))
    sdt.append(properties)
    content = OxmlElement("w:sdtContent")
    run = OxmlElement("w:r")
    text = OxmlElement("w:t")
    text.text = placeholder
    run.append(text)
    content.append(run)
    sdt.append(content)
    paragraph._p.append(sdt)


def swedish_style_ids(document):
    """Word in Swedish writes the built-in headings with the ids `Rubrik1`, `Rubrik2` (the
    names stay `heading 1`, `heading 2`)."""
    renamed = {}
    for english, swedish in (("Heading 1", "Rubrik1"), ("Heading 2", "Rubrik2"), ("Title", "Rubrik")):
        style = document.styles[english]
        renamed[style.style_id] = swedish
        style.element.set(qn("w:styleId"), swedish)
        style.font.color.rgb = HEADING_COLOUR
        style.font.name = BODY_FONT
    # Word renames the references to a style with it.
    for reference in ("w:basedOn", "w:link", "w:next"):
        for element in document.styles.element.iter(qn(reference)):
            if element.get(qn("w:val")) in renamed:
                element.set(qn("w:val"), renamed[element.get(qn("w:val"))])


def custom_property(path, name, value):
    """Adds a custom document property, as a case system's template carries one."""
    with zipfile.ZipFile(path) as source:
        entries = {info.filename: source.read(info.filename) for info in source.infolist()}
    entries["docProps/custom.xml"] = (
        '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
        '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/custom-properties" '
        'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
        '<property fmtid="{D5CDD505-2E9C-101B-9397-08002B2CF9AE}" pid="2" name="%s">'
        "<vt:lpwstr>%s</vt:lpwstr></property></Properties>" % (name, value)
    ).encode()
    types = entries["[Content_Types].xml"].decode()
    types = types.replace(
        "</Types>",
        '<Override PartName="/docProps/custom.xml" '
        'ContentType="application/vnd.openxmlformats-officedocument.custom-properties+xml"/></Types>',
    )
    entries["[Content_Types].xml"] = types.encode()
    rels = entries["_rels/.rels"].decode().replace(
        "</Relationships>",
        '<Relationship Id="rIdCustom" '
        'Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/custom-properties" '
        'Target="docProps/custom.xml"/></Relationships>',
    )
    entries["_rels/.rels"] = rels.encode()
    rewrite(path, entries)


def rewrite(path, entries):
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as target:
        for name, data in entries.items():
            target.writestr(name, data)


def as_dotx(path):
    """A Word template (.dotx) differs from a document only in its main part's content type."""
    with zipfile.ZipFile(path) as source:
        entries = {info.filename: source.read(info.filename) for info in source.infolist()}
    entries["[Content_Types].xml"] = entries["[Content_Types].xml"].replace(
        b"wordprocessingml.document.main+xml", b"wordprocessingml.template.main+xml"
    )
    rewrite(path, entries)


def letterhead(path, marker=True, dotx=False, municipality=MUNICIPALITY):
    document = Document()
    section = document.sections[0]
    section.page_width, section.page_height = Cm(21.0), Cm(29.7)
    section.top_margin = Cm(3.5)
    section.bottom_margin = Cm(2.2)
    section.left_margin = Cm(3.0)
    section.right_margin = Cm(2.0)
    normal = document.styles["Normal"]
    normal.font.name = BODY_FONT
    normal.font.size = Pt(11.5)
    normal.font.color.rgb = RGBColor(0x22, 0x22, 0x22)
    swedish_style_ids(document)

    logo = Path(tempfile.mkdtemp()) / "logo.png"
    logo.write_bytes(logo_png())
    section.different_first_page_header_footer = True
    first = section.first_page_header.paragraphs[0]
    first.add_run().add_picture(str(logo), width=Cm(4))
    first.add_run("\t" + municipality).bold = True
    line = section.first_page_header.add_paragraph("Dnr ")
    content_control(line, "diarienummer", "Klicka här för diarienummer")
    line.add_run("\tDatum ")
    content_control(line, "Datum", "Välj datum")
    section.first_page_header.add_paragraph("{{nämnd}}")
    later = section.header.paragraphs[0]
    later.add_run().add_picture(str(logo), width=Cm(2))
    later.add_run("\t" + municipality + " · {{nämnd}} · Dnr {{diarienummer}}")
    for footer in (section.footer, section.first_page_footer):
        paragraph = footer.paragraphs[0]
        paragraph.text = ADDRESS
        paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
        footer.add_paragraph("Utskriven {{datum}} · {{kontor}}")
    if marker:
        document.add_paragraph(FIXED_BEFORE)
        document.add_paragraph("[Yttra]")
        document.add_paragraph(FIXED_AFTER)
    else:
        document.add_paragraph("Mallens exempeltext, som Yttras text ersätter.")
    document.save(str(path))
    custom_property(path, "Diarienummer", "")
    if dotx:
        as_dotx(path)
    return path


def saved_by_libreoffice(source, target_dir):
    """The template opened and saved again by LibreOffice (its own package, styles and
    relationship ids), as a municipality that edits its templates in LibreOffice has it."""
    home = tempfile.mkdtemp()
    target_dir = Path(target_dir)
    with tempfile.TemporaryDirectory() as out:
        subprocess.run(
            ["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", out, str(source)],
            check=True,
            capture_output=True,
            timeout=180,
            env={"HOME": home, "PATH": "/usr/bin:/bin"},
        )
        made = Path(out) / (Path(source).stem + ".docx")
        target = target_dir / (Path(source).stem + "-libreoffice.docx")
        shutil.copy(made, target)
    return target


def facts(path):
    """What a document made in the letterhead shows, as python-docx reads it: for the browser
    test, which cannot run python-docx itself."""
    document = Document(str(path))
    section = document.sections[0]

    def xml_text(element):
        return "".join(t.text or "" for t in element.iter(qn("w:t")))

    heading = next((p for p in document.paragraphs if p.text == "Sammanfattande svar"), None)
    return {
        "first_header": xml_text(section.first_page_header._element),
        "header": xml_text(section.header._element),
        "footer": xml_text(section.footer._element),
        "logos": sum(1 for rel in section.first_page_header.part.rels.values() if rel.reltype.endswith("/image")),
        "normal_font": document.styles["Normal"].font.name,
        "heading_style": heading.style.style_id if heading is not None else None,
        "paragraphs": [p.text for p in document.paragraphs],
        "left_margin_cm": round(section.left_margin.cm, 1),
    }


if __name__ == "__main__":
    if sys.argv[1] == "--facts":
        import json
        print(json.dumps(facts(sys.argv[2]), ensure_ascii=False))
    else:
        out = Path(sys.argv[1])
        name = sys.argv[sys.argv.index("--name") + 1] if "--name" in sys.argv else MUNICIPALITY
        letterhead(out, dotx="--dotx" in sys.argv, municipality=name)
        print(out)
