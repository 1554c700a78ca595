"""Makes every example document once per test session, with the real `docgen` binary.

The binary is the one the test script built (YTTRA_DOCGEN), or target/debug/docgen.
"""

import json
import os
import pathlib
import subprocess

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "tests" / "output" / "consumers"


def docgen_binary():
    return os.environ.get("YTTRA_DOCGEN", str(ROOT / "target" / "debug" / "docgen"))


def run(arguments, **kwargs):
    return subprocess.run(arguments, check=True, capture_output=True, text=True, **kwargs)


class ExampleDocument:
    """One rendered första yttrande, with the case it came from."""

    def __init__(self, case_path, case, board, docx):
        self.case_path = case_path
        self.case = case
        self.board = board
        self.docx = docx

    @property
    def name(self):
        return self.docx.stem

    def response(self):
        return next(r["first"] for r in self.case["responses"] if r["board"] == self.board)

    def items(self):
        """(reference, text) of every assessment and recommendation addressed to the board."""
        audit = self.case["audit"]
        found = []
        for letter, key in (("B", "assessments"), ("R", "recommendations")):
            for item in audit[key]:
                if self.board in item["addressees"]:
                    found.append((f"{letter}{item['number']}", item["text"]))
        return found

    def items_with_measures(self):
        measures = self.response()["measures"]
        return [ref for ref, _ in self.items() if any(ref in m["answers"] for m in measures)]


@pytest.fixture(scope="session")
def documents():
    OUTPUT.mkdir(parents=True, exist_ok=True)
    made = []
    for case_path in sorted((ROOT / "examples").glob("*.json")):
        case = json.loads(case_path.read_text(encoding="utf-8"))
        for response in case["responses"]:
            board = response["board"]
            docx = OUTPUT / f"{case_path.stem}-{board}.docx"
            run([docgen_binary(), "first", str(case_path), "--board", board, "--out", str(docx)])
            made.append(ExampleDocument(case_path, case, board, docx))
    assert made, "no example documents were made"
    return made


@pytest.fixture(scope="session")
def pdf_texts(documents, tmp_path_factory):
    """LibreOffice converts every document to PDF in one run; pdftotext reads the text."""
    home = tmp_path_factory.mktemp("libreoffice-home")
    pdf_dir = OUTPUT / "pdf"
    pdf_dir.mkdir(exist_ok=True)
    run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(pdf_dir)]
        + [str(d.docx) for d in documents],
        env={**os.environ, "HOME": str(home)},
        timeout=300,
    )
    texts = {}
    for document in documents:
        pdf = pdf_dir / f"{document.docx.stem}.pdf"
        assert pdf.exists(), f"LibreOffice wrote no PDF for {document.docx.name}"
        texts[document.name] = run(["pdftotext", str(pdf), "-"]).stdout
    return texts
