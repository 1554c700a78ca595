"""The uppföljande yttrande, the tjänsteskrivelser and the calendar export as real consumers
see them: LibreOffice (PDF text), pandoc (tables), python-docx (structure) and the
`icalendar` library (the .ics that Outlook imports). openxml-audit runs over these documents in
test_documents.py."""

import json
import re

import docx
import icalendar
from docx.oxml.ns import qn

from conftest import OUTPUT, ROOT, docgen_binary, run
from test_documents import pandoc_tables, plain, squeeze

OUTCOME_HEADER = ["Planerad åtgärd", "Utlovat datum", "Status", "Genomförd", "Uppnådd effekt"]
NEW_HEADER = ["Ny åtgärd", "Planerat datum", "Status", "Genomförd", "Uppnådd effekt"]
EVIDENCE_AREA_HEADER = ["Område", "Före", "Efter", "Förändring"]
EVIDENCE_MOVED_HEADER = ["Id", "Fråga", "Före", "Efter", "Förändring"]
COVER_HEADINGS = ["Sammanfattning", "Förslag till beslut", "Beslutsunderlag", "Beslutsplanering", "Ärendet"]
STATUS_LABELS = {
    "done": "Genomförd",
    "partly_done": "Delvis genomförd",
    "ongoing": "Pågår",
    "not_started": "Ej påbörjad",
    "dropped": "Utgår",
    "replaced": "Ersatt av annan åtgärd",
}


def of_kind(documents, kind):
    found = [d for d in documents if d.kind == kind]
    assert found, f"no {kind} documents were made"
    return found


def test_libreoffice_shows_every_promise_beside_its_outcome(other_documents, pdf_texts):
    for document in of_kind(other_documents, "follow-up"):
        text = squeeze(pdf_texts[document.name])
        response = document.response()
        follow_up = response["follow_up"]
        outcomes = {o["measure"]: o for o in follow_up["outcomes"]}
        for measure in response["first"]["measures"] + follow_up["new_measures"]:
            assert squeeze(measure["action"]) in text, f"{document.name}: {measure['id']} missing"
            outcome = outcomes.get(measure["id"], {})
            label = STATUS_LABELS.get(outcome.get("status"), "Ej bedömd")
            assert squeeze(label) in text
            for field in ("what_was_done", "achieved_effect", "reason"):
                if outcome.get(field):
                    assert squeeze(outcome[field]) in text, f"{document.name}: {measure['id']} {field}"
        assert "Sammanställning" in pdf_texts[document.name]
        assert re.search(r"Sida 1 \(\d+\)", pdf_texts[document.name]), document.name


def test_pandoc_finds_an_outcome_table_per_item_with_promises_and_new_measures(other_documents):
    for document in of_kind(other_documents, "follow-up"):
        tables = pandoc_tables(document.docx)
        headers = [[plain(cell) for cell in header_cells(table)] for table in tables]
        response = document.response()
        items_with_promises = {
            ref for m in response["first"]["measures"] for ref in m["items"]
        }
        addressed = {
            ("B" if kind == "assessments" else "R") + str(item["number"])
            for kind in ("assessments", "recommendations")
            for item in document.case["audit"][kind]
            if document.board in item["addressees"]
        }
        assert headers.count(OUTCOME_HEADER) == len(items_with_promises & addressed), document.name
        new_items = {ref for m in response["follow_up"]["new_measures"] for ref in m["items"]}
        assert headers.count(NEW_HEADER) == len(new_items & addressed), document.name
        assert headers[-1] == ["Utfall", "Antal åtgärder"], "the closing summary table comes last"


def header_cells(table):
    head = table["c"][3]
    rows = head[1]
    if not rows:
        return []
    return [cell[4] for cell in rows[0][1]]


def test_python_docx_reads_the_follow_up_structure_and_properties(other_documents):
    for document in of_kind(other_documents, "follow-up"):
        opened = docx.Document(str(document.docx))
        styles = [p.style.name for p in opened.paragraphs]
        assert styles[0] == "Title"
        headings = [p.text for p in opened.paragraphs if p.style.name == "Heading 1"]
        assert headings[-1] == "Sammanställning"
        assert "Sammanfattande svar" in headings
        for table in opened.tables:
            header = [c.text for c in table.rows[0].cells]
            assert header in (OUTCOME_HEADER, NEW_HEADER, ["Utfall", "Antal åtgärder"], EVIDENCE_AREA_HEADER, EVIDENCE_MOVED_HEADER), header
            assert table.rows[0]._tr.trPr.find(qn("w:tblHeader")) is not None
        assert opened.core_properties.subject.startswith("Uppföljande yttrande")
        assert opened.core_properties.language == "sv-SE"


def test_the_tjansteskrivelse_has_the_municipal_headings_and_the_case_s_content(other_documents, pdf_texts):
    for document in of_kind(other_documents, "cover-first") + [
        d for d in other_documents if d.kind == "cover-follow-up"
    ]:
        opened = docx.Document(str(document.docx))
        headings = [p.text for p in opened.paragraphs if p.style.name == "Heading 1"]
        assert headings[: len(COVER_HEADINGS)] == COVER_HEADINGS, (document.name, headings)
        text = squeeze(pdf_texts[document.name])
        for question in document.case["audit"]["questions"]:
            assert squeeze(question["text"]) in text, f"{document.name}: question {question['number']}"
        for item in document.case["audit"]["recommendations"]:
            if document.board in item["addressees"]:
                assert squeeze(item["text"]) in text
        board = next(b for b in document.case["boards"] if b["id"] == document.board)
        assert squeeze(f"{board['name']} godkänner förslag till") in text
        assert opened.core_properties.subject.startswith("Tjänsteskrivelse")


def test_the_follow_up_embeds_what_it_shows_of_the_case_it_was_made_from(other_documents):
    """The promises and outcomes, as filed; nothing of another board or of the tjänsteskrivelse."""
    document = of_kind(other_documents, "follow-up")[0]
    extracted = json.loads(run([docgen_binary(), "extract", str(document.docx)]).stdout)
    response = document.response()
    [embedded] = extracted["responses"]
    assert embedded["board"] == document.board
    assert embedded["first"]["measures"] == response["first"]["measures"]
    assert embedded["follow_up"]["outcomes"] == response["follow_up"]["outcomes"]
    assert "cover_note" not in embedded["follow_up"]
    assert extracted["audit"] == document.case["audit"]


def calendar_of(example):
    path = OUTPUT / f"{example}.ics"
    run([docgen_binary(), "calendar", str(ROOT / "examples" / f"{example}.json"), "--out", str(path), "--today", "2026-11-23"])
    return path


def test_icalendar_reads_every_deadline_and_open_measure():
    path = calendar_of("it-sakerhet-uppfoljning")
    raw = path.read_bytes()
    for line in raw.split(b"\r\n"):
        assert len(line) <= 75, line
    assert b"\n" not in raw.replace(b"\r\n", b""), "every line ends with CRLF"
    calendar = icalendar.Calendar.from_ical(raw)
    events = calendar.walk("VEVENT")
    summaries = [str(event["SUMMARY"]) for event in events]
    case = json.loads((ROOT / "examples" / "it-sakerhet-uppfoljning.json").read_text(encoding="utf-8"))
    for board in case["boards"]:
        assert any(s.startswith(f"Första yttrande från {board['name']}") for s in summaries)
        assert any(s.startswith(f"Uppföljande yttrande från {board['name']}") for s in summaries)
    # sn's follow-up: A1, A2 and N1 are done; A3 is partly done and moved to 2026-04-30.
    sn_measures = {str(e["UID"]): e for e in events if str(e["UID"]).startswith("sr-2025-17-sn-atgard")}
    assert set(sn_measures) == {"sr-2025-17-sn-atgard-a3@yttra"}
    assert sn_measures["sr-2025-17-sn-atgard-a3@yttra"].decoded("DTSTART").isoformat() == "2026-04-30"
    uids = [str(event["UID"]) for event in events]
    assert len(uids) == len(set(uids)), "every event has its own UID"
    for event in events:
        assert event.decoded("DTEND") > event.decoded("DTSTART")
        assert event.walk("VALARM"), "each event reminds a week before"


def test_a_second_export_of_the_same_case_has_the_same_events():
    first = icalendar.Calendar.from_ical(calendar_of("it-sakerhet-tva-namnder").read_bytes())
    second = icalendar.Calendar.from_ical(calendar_of("it-sakerhet-tva-namnder").read_bytes())
    assert [str(e["UID"]) for e in first.walk("VEVENT")] == [str(e["UID"]) for e in second.walk("VEVENT")]


def test_the_self_assessment_evidence_is_in_the_follow_up(other_documents, pdf_texts):
    with_evidence = [d for d in of_kind(other_documents, "follow-up") if d.response()["follow_up"].get("evidence")]
    assert with_evidence, "an example shows self-assessment evidence"
    for document in with_evidence:
        text = squeeze(pdf_texts[document.name])
        assert squeeze("Självskattning som belägg för effekt") in text
        assert squeeze("Frågor som har ändrats") in text


def test_the_self_assessment_report_reads_in_libreoffice_and_python_docx(other_documents, pdf_texts):
    for document in of_kind(other_documents, "assessment"):
        opened = docx.Document(str(document.docx))
        headings = [p.text for p in opened.paragraphs if p.style.name == "Heading 1"]
        assert headings[0] == "Sammanfattning" and headings[-1] == "Svar per område", headings
        assert "Resultat per område" in headings and "Brister och åtgärder" in headings, headings
        assert opened.core_properties.subject.startswith("Självskattning")
        text = squeeze(pdf_texts[document.name])
        assessment = next(a for a in document.case["self_assessments"] if document.docx.stem.endswith(a["id"]))
        for area in assessment["framework"]["areas"]:
            for requirement in area["requirements"]:
                assert squeeze(requirement["text"]) in text, requirement["id"]
        for answer in assessment["answers"]:
            if answer["evidence"]:
                assert squeeze(answer["evidence"]) in text
