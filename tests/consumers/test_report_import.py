"""The report import on the command line, on PDFs LibreOffice made from the reference missiv
and report (tests/fixtures/report_pdfs.py: running headers and footers, a table of contents,
Symbol-font bullets, footnotes, two columns, a list over a page break, a scanned page, a
password, a broken download), read by pdf-extract. What each should give was counted by hand
in the reference documents."""

import json
import subprocess
import sys

import pytest

from conftest import OUTPUT, ROOT, docgen_binary, run

sys.path.insert(0, str(ROOT / "tests" / "fixtures"))
import report_pdfs  # noqa: E402


@pytest.fixture(scope="module")
def pdfs():
    return report_pdfs.build(OUTPUT / "report-pdfs")


def import_case(tmp_path, report, *more):
    out = tmp_path / "forslag.json"
    result = run([docgen_binary(), "import", str(report), *map(str, more), "--out", str(out)])
    return json.loads(out.read_text(encoding="utf-8")), result.stdout


def attempt(arguments):
    """Runs a command that may fail, for its exit code and messages."""
    return subprocess.run(arguments, capture_output=True, text=True)


def boards_by_name(case):
    return {board["name"]: board for board in case["boards"]}


def per_addressee(case):
    names = {board["id"]: board["name"] for board in case["boards"]}
    counts = {}
    for item in case["audit"]["recommendations"]:
        key = " och ".join(names[a] for a in item["addressees"])
        counts[key] = counts.get(key, 0) + 1
    return counts


def test_the_2020_report_with_its_missiv_gives_the_whole_audit(pdfs, tmp_path):
    case, printed = import_case(tmp_path, pdfs["rapport-sr-2020-83.pdf"], "--missiv", pdfs["missiv-sr-2020-83.pdf"])
    audit = case["audit"]
    assert (audit["reference"], audit["title"], audit["performed_by"]) == ("SR-2020-83", "Granskning av IT-säkerhet", "KPMG")
    assert (audit["report_date"], audit["missiv_date"]) == ("2020-12-16", "2021-01-27")
    assert len(audit["questions"]) == 8
    # Section 4.2: nine recommendations to kommunstyrelsen, four to servicenämnden; each also
    # stands in the summary, once with a footnote glued to its introduction.
    assert per_addressee(case) == {"Kommunstyrelsen": 9, "Servicenämnden": 4}
    assert {item["section"] for item in audit["recommendations"]} == {"4.2"}
    assert all("\uf0b7" not in item["text"] for item in audit["recommendations"])
    # Six chapters of findings end in "Bedömning": 3.4.5 and 3.6.2 name both boards.
    names = {board["id"]: board["name"] for board in case["boards"]}
    assert [(item["section"], [names[a] for a in item["addressees"]]) for item in audit["assessments"]] == [
        ("3.1.6", ["Kommunstyrelsen"]), ("3.2.4", ["Kommunstyrelsen"]), ("3.3.6", ["Kommunstyrelsen"]),
        ("3.4.5", ["Kommunstyrelsen", "Servicenämnden"]), ("3.5.4", ["Kommunstyrelsen"]),
        ("3.6.2", ["Kommunstyrelsen", "Servicenämnden"]),
    ]
    boards = boards_by_name(case)
    assert (boards["Servicenämnden"]["first_deadline"], boards["Servicenämnden"]["follow_up_deadline"]) == ("2021-03-26", "2022-01-31")
    assert (boards["Kommunstyrelsen"]["first_deadline"], boards["Kommunstyrelsen"]["follow_up_deadline"]) == ("2021-04-07", "2022-02-21")
    assert "Sidhuvuden och sidfötter som upprepas på sidorna togs bort: «Granskning av stadens IT-säkerhet»" in printed
    # Six footnotes: the one at the foot of page 4, and five that the conversion to Word and
    # back left amid the text under their numbers ("1 Ant. av kf 17–18/12 1991 …").
    assert "6 fotnoter togs bort" in printed and "6 fotnotsnummer som satt ihop med ord togs bort" in printed
    assert "Hittades inte" not in printed
    # The proposal is a case file the command line reads.
    validated = attempt([docgen_binary(), "validate", str(tmp_path / "forslag.json"), "--today", "2021-02-01"])
    assert "fel" in validated.stdout and "kan inte läsas" not in validated.stderr


def test_text_from_pdftotext_layout_reads_as_the_pdfs_do(pdfs, tmp_path):
    """The text a secretary gets from `pdftotext -layout` (or pastes from such a file): no gaps
    between paragraphs, indented list items, page breaks as form feeds, a footnote under its
    number at a page's foot, the appendix's list of interviewees."""
    texts = [subprocess.run(["pdftotext", "-layout", str(pdfs[name]), "-"], capture_output=True, text=True,
                            check=True).stdout for name in ("missiv-sr-2020-83.pdf", "rapport-sr-2020-83.pdf")]
    pasted = tmp_path / "inklistrad.txt"
    pasted.write_text("\f".join(texts), encoding="utf-8")
    case, printed = import_case(tmp_path, pasted)
    audit = case["audit"]
    assert (audit["reference"], audit["report_date"], audit["missiv_date"]) == ("SR-2020-83", "2020-12-16", "2021-01-27")
    assert len(audit["questions"]) == 8 and all(q["text"].endswith("?") for q in audit["questions"])
    assert per_addressee(case) == {"Kommunstyrelsen": 9, "Servicenämnden": 4}
    assert not any("Rekommendationerna upprepas" in item["text"] for item in audit["recommendations"])
    assert [item["section"] for item in audit["assessments"]] == ["3.1.6", "3.2.4", "3.3.6", "3.4.5", "3.5.4", "3.6.2"]
    # The report's header (its date, "Malmö stad", the title) left amid the text is taken out.
    assert not any("2020-12-16" in item["text"] for item in audit["assessments"])
    assert "6 fotnoter togs bort" in printed
    assert "Hittades inte" not in printed


def test_the_2024_missiv_gives_each_board_its_deadlines_from_running_text(pdfs, tmp_path):
    case, printed = import_case(tmp_path, pdfs["missiv-sr-2024-38.pdf"])
    boards = boards_by_name(case)
    assert list(boards) == ["Kommunstyrelsen", "Servicenämnden"]
    assert (boards["Servicenämnden"]["first_deadline"], boards["Servicenämnden"]["follow_up_deadline"]) == ("2025-03-31", "2026-01-30")
    assert (boards["Kommunstyrelsen"]["first_deadline"], boards["Kommunstyrelsen"]["follow_up_deadline"]) == ("2025-04-04", "2026-02-27")
    assert boards["Kommunstyrelsen"]["send_to"] == "registrera.stadsrevisionen@malmö.se"
    assert "Hittades inte (fyll i själv):\n  Kommun eller organisation\n  Rapportens datum\n  Revisionsfrågor\n  Rekommendationer" in printed


def test_a_hard_layout_two_columns_a_list_over_a_page_break_and_the_audited_boards(pdfs, tmp_path):
    case, printed = import_case(tmp_path, pdfs["rapport-svar.pdf"])
    audit = case["audit"]
    assert audit["reference"] == "SR-2025-41" and audit["report_date"] == "2025-11-14"
    assert [q["text"] for q in audit["questions"]] == [
        "Finns det en ändamålsenlig styrning av ärendehanteringen?",
        "Följs handläggningstiderna upp av nämnderna?",
    ]
    # "… kommunstyrelsen och de granskade nämnderna att:" is every board the report audited.
    assert per_addressee(case) == {"Servicenämnden och Kommunstyrelsen": 4}
    texts = [item["text"] for item in audit["recommendations"]]
    assert texts[3] == "Säkerställa att ärenden som inte avslutas inom sex månader rapporteras till nämnden"
    assert audit["conclusion"].startswith("Vår samlade bedömning är att servicenämnden")
    assert "fotnot" in printed


def test_a_word_report_goes_through_the_same_recognition(pdfs, tmp_path):
    case, _ = import_case(tmp_path, pdfs["rapport-sr-2020-83.docx"])
    assert per_addressee(case) == {"Kommunstyrelsen": 9, "Servicenämnden": 4}
    assert len(case["audit"]["questions"]) == 8
    # Each bedömning ends where the next section starts, also at a heading ending in a year
    # ("3.5 Förändrade arbetssätt … Corona-pandemin 2020").
    assessments = {item["section"]: item["text"] for item in case["audit"]["assessments"]}
    assert list(assessments) == ["3.1.6", "3.2.4", "3.3.6", "3.4.5", "3.5.4", "3.6.2"]
    assert "Förändrade arbetssätt" not in assessments["3.4.5"]


@pytest.mark.parametrize("name, message", [
    ("inskannad.pdf", "PDF:en saknar text: sidorna är tomma eller bilder (en inskannad rapport)."),
    ("krypterad.pdf", "PDF:en är lösenordsskyddad."),
    ("skadad.pdf", "Filen går inte att läsa som PDF: den är troligen skadad eller ofullständig"),
    ("missiv-sr-2024-38.doc", "filen är ett Word-dokument i det äldre formatet (.doc)"),
    ("missiv-sr-2024-38.odt", "filen är ett OpenDocument-dokument (till exempel .odt)"),
    ("missiv-sr-2024-38.rtf", "filen är i RTF-format"),
])
def test_bad_files_get_a_swedish_message_and_nothing_is_written(pdfs, tmp_path, name, message):
    out = tmp_path / "forslag.json"
    result = attempt([docgen_binary(), "import", str(pdfs[name]), "--out", str(out)])
    assert result.returncode == 1
    assert message in result.stderr
    assert not out.exists()


def test_a_document_that_is_no_audit_is_refused(tmp_path):
    letter = tmp_path / "brev.txt"
    letter.write_text("Hej!\n\nVälkommen på personalfest fredag 2025-05-16.\n", encoding="utf-8")
    out = tmp_path / "forslag.json"
    result = attempt([docgen_binary(), "import", str(letter), "--out", str(out)])
    assert result.returncode == 1 and "inte ut som en granskningsrapport" in result.stderr
    assert not out.exists()
