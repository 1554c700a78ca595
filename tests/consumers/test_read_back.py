"""Reading back what Word and LibreOffice changed in a filed första yttrande.

The document is edited as a secretary does it: with python-docx (as Word keeps a document) and
in LibreOffice, typing over fields through its own typing command. `docgen extract` must list
every changed field beside the case's text, report text typed outside the fields, and with
--adopt write the case with the document's texts; a measure edited differently in its two
places is left to the user.
"""
import json
import os
import re
import subprocess
import sys

import pytest

from conftest import ROOT, docgen_binary, run
import word_edits

HERE = os.path.dirname(__file__)
# The two places where measure A2 of Kommunstyrelsen is shown (it answers two items).
EDITS = [
    "Y1c0_A1_action=Policyn tas fram under våren.",
    "Y1c2_A1_doneby=30 september 2025",
    "Y1l_R1_stance=Instämmer delvis",
    "Y1a_first_summary=Kommunstyrelsen instämmer i huvudsak.",
    "+Tillagt efter mötet.",
]


@pytest.fixture()
def first_yttrande(tmp_path):
    """Kommunstyrelsen's första yttrande from the two-board example, freshly made."""
    path = tmp_path / "ks.docx"
    example = ROOT / "examples" / "it-sakerhet-tva-namnder.json"
    run([docgen_binary(), "first", str(example), "--board", "ks", "--today", "2025-04-01", "--out", str(path)])
    return path


def edit_with_python_docx(source, target, edits):
    word_edits.main(str(source), str(target), edits)


def edit_with_libreoffice(source, target, edits, tmp_path):
    # Debian's python3-uno belongs to the system interpreter, not the test venv.
    run(["/usr/bin/python3", os.path.join(HERE, "office_edits.py"), str(source), str(target), *edits],
        env={**os.environ, "HOME": str(tmp_path / "home")}, timeout=300)


@pytest.mark.parametrize("editor", ["python-docx", "LibreOffice"])
def test_every_edited_field_is_listed_and_adopted(first_yttrande, tmp_path, editor):
    edited = tmp_path / f"edited-{editor}.docx"
    if editor == "python-docx":
        edit_with_python_docx(first_yttrande, edited, EDITS)
    else:
        edit_with_libreoffice(first_yttrande, edited, EDITS, tmp_path)

    listed = run([docgen_binary(), "extract", str(edited), "--out", str(tmp_path / "embedded.json")]).stdout
    for expected in [
        "Åtgärd A1, vad som ska göras: i dokumentet «Policyn tas fram under våren.»",
        "Åtgärd A1, senast genomförd: i dokumentet «30 september 2025», i Yttra «2025-12-31»",
        "Rekommendation 1, ställningstagande: i dokumentet «Instämmer delvis», i Yttra «Instämmer»",
        "Sammanfattande svar (första yttrandet): i dokumentet «Kommunstyrelsen instämmer i huvudsak.",
        "Text utanför fälten läses inte in: «Tillagt efter mötet.»",
    ]:
        assert expected in listed, listed
    # Exactly the four fields edited, each named by its key, and the one added paragraph.
    assert re.findall(r"\[(\w+)\]$", listed, re.M) == ["first_summary", "R1_stance", "A1_action", "A1_doneby"], listed
    assert listed.count("Text utanför fälten") == 1, listed

    embedded = json.loads((tmp_path / "embedded.json").read_text(encoding="utf-8"))
    assert embedded["responses"][0]["first"]["measures"][0]["done_by"] == "2025-12-31"

    run([docgen_binary(), "extract", str(edited), "--adopt", "--out", str(tmp_path / "adopted.json")])
    adopted = json.loads((tmp_path / "adopted.json").read_text(encoding="utf-8"))
    first = adopted["responses"][0]["first"]
    a1 = next(m for m in first["measures"] if m["id"] == "A1")
    assert a1["action"] == "Policyn tas fram under våren."
    assert a1["done_by"] == "2025-09-30"
    assert next(a for a in first["answers"] if a["item"] == "R1")["stance"] == "partly_agrees"
    assert first["summary"].startswith("Kommunstyrelsen instämmer i huvudsak.")


def test_a_measure_edited_differently_in_two_places_is_not_adopted(first_yttrande, tmp_path):
    edited = tmp_path / "two-versions.docx"
    edit_with_python_docx(first_yttrande, edited, ["Y1c0_A2_action=Första lydelsen.", "Y2c0_A2_action=Andra lydelsen."])
    result = subprocess.run([docgen_binary(), "extract", str(edited), "--adopt", "--out", str(tmp_path / "x.json")],
                            capture_output=True, text=True)
    assert result.returncode == 1
    assert "Åtgärd A2, vad som ska göras: ändrad på olika sätt" in result.stderr
    assert "«Första lydelsen.» eller «Andra lydelsen.»" in result.stderr
    assert not (tmp_path / "x.json").exists()


def test_a_deleted_anchor_is_reported_and_its_text_not_read(first_yttrande, tmp_path):
    """The note under measure A1 deleted in Word: its four fields are gone, so the measure is
    named as removed for the user to decide, and the action's text, no longer a field, as text
    that is not read back."""
    edited = tmp_path / "deleted.docx"
    edit_with_python_docx(first_yttrande, edited, ["-Y1c0_A1_action"])
    listed = run([docgen_binary(), "extract", str(edited), "--out", str(tmp_path / "case.json")]).stdout
    assert "Åtgärd A1 har tagits bort ur dokumentet" in listed, listed
    assert "fältet finns inte längre" not in listed, listed
    assert "Text utanför fälten läses inte in: «Stadskontoret tar fram ett förslag" in listed


def test_python_docx_reads_every_field_of_the_edited_document(first_yttrande, tmp_path):
    """The fields' text stays plain runs, so python-docx's own API reads it."""
    import docx

    edited = tmp_path / "edited.docx"
    edit_with_python_docx(first_yttrande, edited, EDITS)
    document = docx.Document(str(edited))
    paragraphs = [p.text for p in document.paragraphs]
    cells = [cell.text for table in document.tables for row in table.rows for cell in row.cells]
    assert "Ställningstagande: Instämmer delvis" in paragraphs
    assert "Kommunstyrelsen instämmer i huvudsak." in paragraphs
    assert any(text.startswith("Policyn tas fram under våren.") for text in cells)
    assert "30 september 2025" in cells


@pytest.mark.parametrize("editor", ["python-docx", "LibreOffice"])
def test_a_form_filled_by_the_responsible_role_is_read_into_the_follow_up(tmp_path, editor):
    """Begär underlag: the form to Säkerhetschef, filled in, gives N1 its outcome."""
    form = tmp_path / "underlag.docx"
    example = ROOT / "examples" / "it-sakerhet-uppfoljning.json"
    run([docgen_binary(), "form", str(example), "--board", "ks", "--responsible", "Säkerhetschef",
         "--today", "2026-02-01", "--out", str(form)])
    answers = [
        "Y1l_N1_status=Pågår",
        "Y1a_N1_done=Mätningen är beställd; första resultatet kommer i mars.",
        "Y1l_N1_newdoneby=30 juni 2026",
        "Y1a_N1_why=Den nationella uppföljningen publiceras senare än planerat.",
    ]
    filled = tmp_path / f"ifyllt-{editor}.docx"
    if editor == "python-docx":
        edit_with_python_docx(form, filled, answers)
    else:
        edit_with_libreoffice(form, filled, answers, tmp_path)
    run([docgen_binary(), "extract", str(filled), "--adopt", "--out", str(tmp_path / "case.json")])
    case = json.loads((tmp_path / "case.json").read_text(encoding="utf-8"))
    outcome = next(o for o in case["responses"][0]["follow_up"]["outcomes"] if o["measure"] == "N1")
    assert outcome["status"] == "ongoing"
    assert outcome["what_was_done"] == "Mätningen är beställd; första resultatet kommer i mars."
    assert outcome["new_done_by"] == "2026-06-30"
    assert outcome["reason"] == "Den nationella uppföljningen publiceras senare än planerat."


@pytest.mark.parametrize("editor", ["python-docx", "LibreOffice"])
def test_a_form_about_a_recommendation_gives_the_first_yttrande_a_new_measure(tmp_path, editor):
    """Begär underlag for the första yttrande: Servicenämnden's answer to recommendation 2."""
    form = tmp_path / "underlag-R2.docx"
    example = ROOT / "examples" / "it-sakerhet-tva-namnder.json"
    run([docgen_binary(), "form", str(example), "--board", "sn", "--item", "R2", "--today", "2025-03-10", "--out", str(form)])
    answers = [
        "Y1l_R2_stance=Instämmer delvis",
        "Y1a_R2_motivation=Rutinen finns men följs inte överallt.",
        "Y1a_R2__1_action=Larmrutinen övas två gånger per år.",
        "Y1a_R2__1_effect=Alla vet vad de ska göra vid en incident.",
        "Y1l_R2__1_doneby=31 december 2025",
        "Y1l_R2__1_responsible=IT-chef",
    ]
    filled = tmp_path / f"ifyllt-{editor}.docx"
    if editor == "python-docx":
        edit_with_python_docx(form, filled, answers)
    else:
        edit_with_libreoffice(form, filled, answers, tmp_path)
    listed = run([docgen_binary(), "extract", str(filled), "--adopt", "--out", str(tmp_path / "case.json")]).stdout
    assert "Ny åtgärd 1 för rekommendation 2: vad som ska göras «Larmrutinen övas två gånger per år.»" in listed
    case = json.loads((tmp_path / "case.json").read_text(encoding="utf-8"))
    first = next(r for r in case["responses"] if r["board"] == "sn")["first"]
    new = first["measures"][-1]
    assert new["id"] == "A4" and new["items"] == ["R2"]
    assert (new["action"], new["done_by"], new["responsible"]) == ("Larmrutinen övas två gånger per år.", "2025-12-31", "IT-chef")
    answer = next(a for a in first["answers"] if a["item"] == "R2")
    assert (answer["stance"], answer["motivation"]) == ("partly_agrees", "Rutinen finns men följs inte överallt.")
