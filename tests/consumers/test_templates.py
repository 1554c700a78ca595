"""Documents written into a municipality's Word template (`docgen … --template`), checked by the
programs that read them: python-docx, pandoc, LibreOffice (PDF pages), openxml-audit, and
docgen's own read-back. The templates are made here: by python-docx (`templates.letterhead`,
as .dotx) and the same template saved again by LibreOffice."""

import json
import os
import subprocess
import sys
import zipfile

import pytest
from docx import Document
from docx.oxml.ns import qn
from msoffcrypto.format.ooxml import OOXMLFile

from conftest import OUTPUT, ROOT, docgen_binary, run
import templates

CASE = ROOT / "examples" / "it-sakerhet-uppfoljning.json"
BOARD = "ks"
OPENXML_AUDIT = os.path.join(os.path.dirname(sys.executable), "openxml-audit")
# Every kind of document the CLI makes with a template: (name, arguments after the case).
KINDS = [
    ("first", ["first", "--board", BOARD]),
    ("follow-up", ["follow-up", "--board", BOARD]),
    ("cover-first", ["cover", "--board", BOARD, "--yttrande", "first"]),
    ("cover-follow-up", ["cover", "--board", BOARD, "--yttrande", "follow-up"]),
    ("assessment", ["assessment", "--assessment", "S2", "--compare", "S1"]),
    ("form", ["form", "--board", BOARD, "--responsible", "Säkerhetschef"]),
]


@pytest.fixture(scope="session")
def case():
    return json.loads(CASE.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def template_files(tmp_path_factory):
    """The python-docx template (.dotx) and the same saved again by LibreOffice (.docx)."""
    folder = OUTPUT / "templates"
    folder.mkdir(parents=True, exist_ok=True)
    made = templates.letterhead(folder / "exempelby.dotx", dotx=True)
    plain = templates.letterhead(folder / "exempelby-lo-source.docx")
    resaved = templates.saved_by_libreoffice(plain, folder)
    return {"python-docx": made, "libreoffice": resaved}


@pytest.fixture(scope="session")
def merged(template_files):
    """Every kind of document in each template: {(template, kind): path}."""
    documents = {}
    for template_name, template in template_files.items():
        for kind, arguments in KINDS:
            out = OUTPUT / "templates" / f"{template_name}-{kind}.docx"
            run([docgen_binary(), arguments[0], str(CASE), *arguments[1:], "--template", str(template),
                 "--out", str(out), "--today", "2026-03-01"])
            documents[(template_name, kind)] = out
    return documents


def xml_text(element):
    """Every w:t below an element, content controls included (python-docx's .text skips them)."""
    return "".join(t.text or "" for t in element.iter(qn("w:t")))


def header_part_images(header):
    return [rel for rel in header.part.rels.values() if rel.reltype.endswith("/image")]


def test_python_docx_sees_the_templates_letterhead_and_yttras_content(merged, case):
    board = next(b for b in case["boards"] if b["id"] == BOARD)
    for template_name in ("python-docx", "libreoffice"):
        document = Document(str(merged[(template_name, "first")]))
        section = document.sections[0]
        assert section.different_first_page_header_footer
        first_header = xml_text(section.first_page_header._element)
        assert templates.MUNICIPALITY in first_header
        assert board["diarienummer"] in first_header, first_header
        assert board["name"] in first_header
        assert header_part_images(section.first_page_header), "the logo is in the first-page header"
        assert header_part_images(section.header), "the logo is in the later pages' header too"
        later_header = xml_text(section.header._element)
        assert f"{board['name']} · Dnr {board['diarienummer']}" in later_header, later_header
        footer = xml_text(section.footer._element)
        assert templates.ADDRESS in footer and "{{kontor}}" in footer, footer
        assert round(section.left_margin.cm, 1) == 3.0 and round(section.top_margin.cm, 1) == 3.5
        assert document.styles["Normal"].font.name == templates.BODY_FONT
        texts = [p.text for p in document.paragraphs]
        title = f"{case['audit']['title']} {case['audit']['reference']}"
        assert texts.index(templates.FIXED_BEFORE) < texts.index(title) < texts.index(templates.FIXED_AFTER)
        assert "[Yttra]" not in texts
        heading = next(p for p in document.paragraphs if p.text == "Sammanfattande svar")
        assert heading.style.name == "Heading 1"
        if template_name == "python-docx":
            assert heading.style.style_id == "Rubrik1", "the template's Swedish style id is used"
            assert heading.style.font.color.rgb == templates.HEADING_COLOUR
        assert document.core_properties.author == board["name"]


def test_the_content_controls_hold_the_case_number_and_date(merged, case):
    board = next(b for b in case["boards"] if b["id"] == BOARD)
    document = Document(str(merged[("python-docx", "first")]))
    controls = {}
    for sdt in document.sections[0].first_page_header._element.iter(qn("w:sdt")):
        tag = sdt.find(qn("w:sdtPr")).find(qn("w:tag")).get(qn("w:val"))
        controls[tag] = xml_text(sdt)
        assert sdt.find(qn("w:sdtPr")).find(qn("w:showingPlcHdr")) is None
    assert controls["diarienummer"] == board["diarienummer"]
    assert controls["Datum"] == case["responses"][0]["first"]["date"]


def test_the_case_systems_custom_property_is_filled(merged, case):
    board = next(b for b in case["boards"] if b["id"] == BOARD)
    with zipfile.ZipFile(merged[("python-docx", "first")]) as package:
        custom = package.read("docProps/custom.xml").decode()
    assert f"<vt:lpwstr>{board['diarienummer']}</vt:lpwstr>" in custom


def test_pandoc_reads_the_content(merged, case):
    for (template_name, kind), path in merged.items():
        text = run(["pandoc", "--from", "docx", "--to", "plain", str(path)]).stdout
        assert case["audit"]["title"] in text.replace("\n", " "), (template_name, kind)


def test_libreoffice_prints_the_letterhead_on_every_page(merged, tmp_path):
    paths = [merged[("python-docx", "follow-up")], merged[("libreoffice", "first")]]
    pdf_dir = OUTPUT / "templates" / "pdf"
    pdf_dir.mkdir(parents=True, exist_ok=True)
    run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(pdf_dir), *map(str, paths)],
        env={**os.environ, "HOME": str(tmp_path / "home")}, timeout=300)
    for path in paths:
        pages = run(["pdftotext", "-layout", str(pdf_dir / f"{path.stem}.pdf"), "-"]).stdout.split("\f")
        pages = [page for page in pages if page.strip()]
        assert len(pages) >= 2, path.name
        for number, page in enumerate(pages, 1):
            assert templates.MUNICIPALITY in page, f"{path.name}, page {number}: no letterhead"
            assert "Storgatan 1" in page, f"{path.name}, page {number}: no address footer"
        listed = run(["pdfimages", "-list", str(pdf_dir / f"{path.stem}.pdf")]).stdout.splitlines()[2:]
        with_logo = {int(line.split()[0]) for line in listed if line.strip()}
        assert with_logo == set(range(1, len(pages) + 1)), f"{path.name}: the logo is on pages {with_logo}"


@pytest.mark.parametrize("office_format", ["office2007", "office2019", "microsoft365"])
def test_openxml_audit_reports_no_findings_in_merged_documents(merged, office_format):
    for (template_name, kind), path in merged.items():
        result = subprocess.run(
            [OPENXML_AUDIT, "--format", office_format, "--output", "json", "--max-errors", "0", str(path)],
            capture_output=True, text=True,
        )
        [report] = json.loads(result.stdout)
        assert report["valid"] and report["error_count"] == 0 and report["warning_count"] == 0, (
            f"{template_name} {kind}: {result.stdout[:3000]}"
        )


def test_merged_documents_read_back_with_no_difference(merged):
    for (template_name, kind), path in merged.items():
        result = run([docgen_binary(), "extract", str(path), "--out", str(path.with_suffix(".json"))])
        assert "skiljer sig" not in result.stdout + result.stderr, (template_name, kind, result.stdout)


def test_the_template_command_describes_the_template(template_files):
    described = run([docgen_binary(), "template", str(template_files["python-docx"])]).stdout
    assert "Sidhuvud (Första sidan, 1 bild)" in described
    assert "Yttras text skrivs där mallen har stycket [Yttra]" in described
    assert "Okänt fält {{kontor}} lämnas som det står." in described
    assert "Rubrik 1: Rubrik1" in described


def refused(template, tmp_path):
    result = subprocess.run(
        [docgen_binary(), "first", str(CASE), "--board", BOARD, "--template", str(template),
         "--out", str(tmp_path / "out.docx")],
        capture_output=True, text=True,
    )
    assert result.returncode == 1 and not (tmp_path / "out.docx").exists()
    return result.stderr


def test_bad_templates_are_refused_with_a_swedish_reason(template_files, tmp_path):
    good = template_files["python-docx"]
    locked = tmp_path / "låst.dotx"
    with open(good, "rb") as source, open(locked, "wb") as target:
        OOXMLFile(source).encrypt("hemligt", target)
    assert "lösenordsskyddad" in refused(locked, tmp_path)

    old = tmp_path / "gammal.doc"
    old.write_bytes(bytes.fromhex("d0cf11e0a1b11ae1") + bytes(504))
    assert "äldre Word-fil" in refused(old, tmp_path)

    macros = tmp_path / "makron.dotm"
    macros.write_bytes(good.read_bytes())
    assert "makron" in refused(macros, tmp_path)

    damaged = tmp_path / "skadad.dotx"
    damaged.write_bytes(good.read_bytes()[:2000])
    assert "skadad" in refused(damaged, tmp_path)

    large = tmp_path / "stor.dotx"
    large.write_bytes(good.read_bytes() + bytes(11 * 1024 * 1024))
    assert "för stor" in refused(large, tmp_path)

    not_word = tmp_path / "mall.pdf"
    not_word.write_bytes(b"%PDF-1.7\n")
    assert "ingen Word-mall" in refused(not_word, tmp_path)
