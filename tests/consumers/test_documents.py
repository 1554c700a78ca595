"""The generated DOCX files as real consumers see them: LibreOffice, pandoc, python-docx,
a strict OOXML validator, and the JSON Schema as read by another language's validator."""

import json
import os
import re
import subprocess
import sys

import docx
import jsonschema
import pytest
from docx.oxml.ns import qn

from conftest import OUTPUT, ROOT, docgen_binary, run

MEASURE_HEADER = ["Åtgärd", "Förväntad effekt", "Senast genomförd", "Ansvarig"]


def squeeze(text):
    """Text without whitespace and hyphens: PDF text wraps lines and joins words at hyphens."""
    return re.sub(r"[\s\-‐­]+", "", text)


def test_libreoffice_pdf_holds_every_item_and_measure(documents, pdf_texts):
    for document in documents:
        text = squeeze(pdf_texts[document.name])
        for reference, item_text in document.items():
            assert squeeze(item_text) in text, f"{document.name}: {reference} missing in PDF"
        for measure in document.response()["measures"]:
            assert squeeze(measure["action"]) in text, f"{document.name}: {measure['id']} missing"
            assert squeeze(measure["expected_effect"]) in text
        assert squeeze(document.response()["summary"].split("\n")[0]) in text


def test_libreoffice_shows_page_numbers_in_the_header(documents, pdf_texts):
    for document in documents:
        assert re.search(r"Sida 1 \(\d+\)", pdf_texts[document.name]), document.name


def pandoc_tables(path):
    ast = json.loads(run(["pandoc", "-f", "docx", "-t", "json", str(path)]).stdout)
    tables = []

    def walk(node):
        if isinstance(node, dict):
            if node.get("t") == "Table":
                tables.append(node)
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(ast["blocks"])
    return tables


def plain(inlines):
    words = []
    for inline in inlines:
        if inline["t"] == "Str":
            words.append(inline["c"])
        elif inline["t"] in ("Space", "SoftBreak", "LineBreak"):
            words.append(" ")
        elif isinstance(inline.get("c"), list):
            words.append(plain([c for c in inline["c"] if isinstance(c, dict)]))
    return "".join(words)


def header_texts(table):
    # Pandoc's Table: [attr, caption, colspecs, head, bodies, foot]; head = [attr, rows].
    rows = table["c"][3][1]
    assert rows, "pandoc found no header row"
    cells = rows[0][1]
    return [" ".join(plain(block["c"]) for block in cell[4]) for cell in cells]


def test_pandoc_finds_one_measure_table_per_answered_item(documents):
    for document in documents:
        tables = pandoc_tables(document.docx)
        assert len(tables) == len(document.items_with_measures()), document.name
        for table in tables:
            assert header_texts(table) == MEASURE_HEADER, document.name


def test_python_docx_reads_structure_styles_and_properties(documents):
    for document in documents:
        opened = docx.Document(str(document.docx))
        styles = [p.style.name for p in opened.paragraphs]
        assert styles[0] == "Title"
        assert "Heading 1" in styles and "Heading 2" in styles
        headings = [p.text for p in opened.paragraphs if p.style.name == "Heading 2"]
        expected = [
            ("Bedömning " if ref[0] == "B" else "Rekommendation ") + ref[1:]
            for ref, _ in document.items()
        ]
        assert headings == expected, document.name
        for table in opened.tables:
            assert [c.text for c in table.rows[0].cells] == MEASURE_HEADER
            row_properties = table.rows[0]._tr.trPr
            assert row_properties is not None and row_properties.find(qn("w:tblHeader")) is not None
        properties = opened.core_properties
        assert properties.title == f"{document.case['audit']['title']} {document.case['audit']['reference']}"
        assert properties.subject.startswith("Första yttrande")
        assert properties.language == "sv-SE"
        language = opened.styles.element.find(qn("w:docDefaults")).find(".//" + qn("w:lang"))
        assert language.get(qn("w:val")) == "sv-SE"


# The validator installed beside this interpreter (the test venv), not one elsewhere on PATH.
OPENXML_AUDIT = os.path.join(os.path.dirname(sys.executable), "openxml-audit")


@pytest.mark.parametrize("office_format", ["office2007", "office2019", "microsoft365"])
def test_openxml_audit_reports_no_findings(documents, other_documents, office_format):
    for document in documents + other_documents:
        result = subprocess.run(
            [OPENXML_AUDIT, "--format", office_format, "--output", "json", "--max-errors", "0", str(document.docx)],
            capture_output=True,
            text=True,
        )
        [report] = json.loads(result.stdout)
        assert report["valid"] and report["error_count"] == 0 and report["warning_count"] == 0, (
            f"{document.name}: {result.stdout[:3000]}"
        )
        assert result.returncode == 0


def test_the_case_survives_a_libreoffice_round_trip(documents, tmp_path):
    """A filed document may be re-saved by an office suite; the embedded case must survive."""
    document = documents[0]
    resaved = tmp_path / "resaved"
    run(
        ["soffice", "--headless", "--convert-to", "docx:MS Word 2007 XML", "--outdir", str(resaved), str(document.docx)],
        env={**os.environ, "HOME": str(tmp_path / "home")},
        timeout=300,
    )
    extracted = run([docgen_binary(), "extract", str(resaved / document.docx.name)]).stdout
    original = run([docgen_binary(), "extract", str(document.docx)]).stdout
    assert json.loads(extracted) == json.loads(original)


@pytest.mark.parametrize("example", sorted((ROOT / "examples").glob("*.json")), ids=lambda p: p.stem)
def test_examples_satisfy_the_committed_json_schema(example):
    schema = json.loads((ROOT / "schemas" / "case.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(json.loads(example.read_text(encoding="utf-8")))


def test_the_json_schema_refuses_a_misspelt_field():
    schema = json.loads((ROOT / "schemas" / "case.schema.json").read_text(encoding="utf-8"))
    case = json.loads((ROOT / "examples" / "informationssakerhet-delvis.json").read_text(encoding="utf-8"))
    case["audit"]["titel"] = case["audit"].pop("title")
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(case, schema, cls=jsonschema.Draft202012Validator)


@pytest.mark.parametrize("framework", sorted((ROOT / "schemas" / "frameworks").glob("*.json")), ids=lambda p: p.stem)
def test_built_in_frameworks_satisfy_the_committed_framework_schema(framework):
    schema = json.loads((ROOT / "schemas" / "framework.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.Draft202012Validator(schema).validate(json.loads(framework.read_text(encoding="utf-8")))
