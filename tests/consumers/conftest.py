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


@pytest.fixture(scope="session", autouse=True)
def output_folder():
    """Every test file writes what it makes under tests/output/consumers for a reviewer to open;
    a fresh checkout has no such folder, and a file may run before the one that renders all."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    return OUTPUT


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
        return [ref for ref, _ in self.items() if any(ref in m["items"] for m in measures)]


class OtherDocument:
    """A rendered uppföljande yttrande or tjänsteskrivelse (`kind` is the CLI's name for it)."""

    def __init__(self, case_path, case, board, kind, docx):
        self.case_path = case_path
        self.case = case
        self.board = board
        self.kind = kind
        self.docx = docx

    @property
    def name(self):
        return self.docx.stem

    def response(self):
        return next(r for r in self.case["responses"] if r["board"] == self.board)


def render_all():
    """Every document of every example: the första yttrande, its tjänsteskrivelse and a form
    (Begär underlag) for each board, and the uppföljande yttrande, its tjänsteskrivelse and a
    form to a responsible role where a follow-up is started."""
    OUTPUT.mkdir(parents=True, exist_ok=True)
    firsts, others = [], []
    for case_path in sorted((ROOT / "examples").glob("*.json")):
        case = json.loads(case_path.read_text(encoding="utf-8"))
        for response in case["responses"]:
            board = response["board"]
            docx = OUTPUT / f"{case_path.stem}-{board}.docx"
            run([docgen_binary(), "first", str(case_path), "--board", board, "--out", str(docx)])
            firsts.append(ExampleDocument(case_path, case, board, docx))
            kinds = [("cover-first", ["cover", "--yttrande", "first"])]
            if response.get("follow_up"):
                kinds += [
                    ("follow-up", ["follow-up"]),
                    ("cover-follow-up", ["cover", "--yttrande", "follow-up"]),
                ]
            # Begär underlag: a form about the board's first item, and one to the responsible
            # role of its first measure once the follow-up is started.
            items = [
                f"{letter}{item['number']}"
                for letter, key in (("B", "assessments"), ("R", "recommendations"))
                for item in case["audit"][key]
                if board in item["addressees"]
            ]
            if items:
                kinds.append(("form-item", ["form", "--item", items[0]]))
            if response.get("follow_up") and response["first"]["measures"]:
                role = response["first"]["measures"][0]["responsible"]
                kinds.append(("form-outcomes", ["form", "--responsible", role]))
            for kind, command in kinds:
                path = OUTPUT / f"{case_path.stem}-{board}-{kind}.docx"
                run([docgen_binary(), command[0], str(case_path), "--board", board, *command[1:], "--out", str(path)])
                others.append(OtherDocument(case_path, case, board, kind, path))
        previous = {}
        for assessment in case.get("self_assessments", []):
            path = OUTPUT / f"{case_path.stem}-assessment-{assessment['id']}.docx"
            command = ["assessment", str(case_path), "--assessment", assessment["id"], "--out", str(path)]
            earlier = previous.get(assessment["framework"]["id"])
            if earlier:
                command += ["--compare", earlier]
            run([docgen_binary(), *command])
            others.append(OtherDocument(case_path, case, assessment["board"], "assessment", path))
            previous[assessment["framework"]["id"]] = assessment["id"]
    assert firsts and others, "no example documents were made"
    return firsts, others


@pytest.fixture(scope="session")
def rendered():
    return render_all()


@pytest.fixture(scope="session")
def documents(rendered):
    """The första yttranden."""
    return rendered[0]


@pytest.fixture(scope="session")
def other_documents(rendered):
    """The uppföljande yttranden and the tjänsteskrivelser."""
    return rendered[1]


@pytest.fixture(scope="session")
def pdf_texts(rendered, tmp_path_factory):
    """LibreOffice converts every document to PDF in one run; pdftotext reads the text."""
    every = rendered[0] + rendered[1]
    home = tmp_path_factory.mktemp("libreoffice-home")
    pdf_dir = OUTPUT / "pdf"
    pdf_dir.mkdir(exist_ok=True)
    run(
        ["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(pdf_dir)]
        + [str(d.docx) for d in every],
        env={**os.environ, "HOME": str(home)},
        timeout=600,
    )
    texts = {}
    for document in every:
        pdf = pdf_dir / f"{document.docx.stem}.pdf"
        assert pdf.exists(), f"LibreOffice wrote no PDF for {document.docx.name}"
        texts[document.name] = run(["pdftotext", str(pdf), "-"]).stdout
    return texts
