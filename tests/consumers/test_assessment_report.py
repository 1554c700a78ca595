"""A self-assessment against the synthetic 320-requirement guideline, as a board reads it: the
report's native chart (read by LibreOffice and checked against the table of the same numbers),
the gaps with their measures, the answers with or without the unanswered rows, and the XLSX
workbook as openpyxl reads it."""

import json
import random
import subprocess
import zipfile
import xml.etree.ElementTree as ET

import docx
import openpyxl
import pytest

from conftest import OUTPUT, ROOT, docgen_binary, run
from test_documents import OPENXML_AUDIT, squeeze

CHART_NS = {"c": "http://schemas.openxmlformats.org/drawingml/2006/chart"}
GUIDELINE = ROOT / "tests" / "fixtures" / "riktlinje-320.csv"


@pytest.fixture(scope="module")
def guideline_case(tmp_path_factory):
    """An example case with one assessment of an asset against the guideline: about half the
    questions rated, a few commented, one gap made into a measure."""
    folder = tmp_path_factory.mktemp("guideline")
    framework_path = folder / "riktlinje.json"
    run([docgen_binary(), "framework", str(GUIDELINE), "--out", str(framework_path)])
    framework = json.loads(framework_path.read_text(encoding="utf-8"))
    case = json.loads((ROOT / "examples" / "it-sakerhet-uppfoljning.json").read_text(encoding="utf-8"))
    board = case["self_assessments"][0]["board"]
    generator = random.Random(7)
    answers = []
    for area in framework["areas"]:
        for requirement in area["requirements"]:
            draw = generator.random()
            if draw < 0.5:
                continue
            answers.append({
                "requirement": requirement["id"],
                "rating": {"level": generator.choice([0, 1, 2, 3, 3, 4])},
                "comment": f"Kommentar till {requirement['id']}" if draw > 0.9 else "",
            })
    gap = next(a for a in answers if a["rating"]["level"] <= 1)
    case["self_assessments"] = [{
        "id": "S7",
        "board": board,
        "title": "Självskattning 2026 – Ekonomisystemet",
        "started": "2026-02-02",
        "framework": framework,
        "answers": answers,
        "subject": {
            "name": "Ekonomisystemet",
            "kind": "it_system",
            "owner_role": "Ekonomichef",
            "description": "",
            "classification": {"konfidentialitet": {"level": 2, "motivation": "Ekonomiska uppgifter"}},
        },
    }]
    response = next(r for r in case["responses"] if r["board"] == board)
    measure = dict(response["first"]["measures"][0])
    measure.update({"id": "A99", "action": "Inför en rutin för bristen", "origin": {"assessment": "S7", "requirement": gap["requirement"]}})
    response["first"]["measures"].append(measure)
    path = folder / "riktlinje-case.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    return path, case, gap


def make(case_path, out, *flags):
    run([docgen_binary(), "assessment", str(case_path), "--assessment", "S7", "--today", "2026-11-30", "--out", str(out), *flags])
    return out


def chart_of(path):
    with zipfile.ZipFile(path) as package:
        root = ET.fromstring(package.read("word/charts/chart1.xml"))
    categories = [v.text for v in root.findall(".//c:cat//c:pt/c:v", CHART_NS)]
    values = {int(p.get("idx")): float(p.find("c:v", CHART_NS).text) for p in root.findall(".//c:val//c:pt", CHART_NS)}
    return categories, values


def test_the_report_shows_a_chart_of_the_same_numbers_as_its_table(guideline_case, tmp_path):
    case_path, case, _ = guideline_case
    report = make(case_path, OUTPUT / "riktlinje-rapport.docx")
    categories, values = chart_of(report)
    areas = case["self_assessments"][0]["framework"]["areas"]
    assert categories == [area["title"] for area in areas]
    opened = docx.Document(str(report))
    table = next(t for t in opened.tables if t.rows[0].cells[0].text == "Område")
    means = {row.cells[0].text: row.cells[2].text for row in table.rows[1:]}
    for index, title in enumerate(categories):
        assert means[title] == f"{values[index]:.1f} av 4".replace(".", ","), title
    drawing = opened.element.body.findall(".//" + "{http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing}docPr")
    assert drawing and "tabellen under diagrammet" in drawing[0].get("descr")
    audit = subprocess.run([OPENXML_AUDIT, "--format", "office2007", "--output", "json", str(report)], capture_output=True, text=True)
    assert json.loads(audit.stdout)[0]["error_count"] == 0, audit.stdout[:2000]


def test_libreoffice_draws_the_chart_and_lists_the_gaps_with_their_measures(guideline_case, tmp_path):
    case_path, _, gap = guideline_case
    report = make(case_path, OUTPUT / "riktlinje-rapport.docx")
    run(["soffice", "--headless", "--convert-to", "pdf", "--outdir", str(OUTPUT / "pdf"), str(report)],
        env={"HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}, timeout=300)
    pdf = OUTPUT / "pdf" / "riktlinje-rapport.pdf"
    text = squeeze(run(["pdftotext", str(pdf), "-"]).stdout)
    for heading in ["Sammanfattning", "Resultatperområde", "Bristerochåtgärder", "Svarperområde"]:
        assert heading in text
    assert squeeze("A99: Inför en rutin för bristen") in text
    assert squeeze("varav 1 med en åtgärd") in text
    # The chart page as a picture, to look at (tests/output/consumers/riktlinje-diagram-2.png).
    run(["pdftoppm", "-r", "60", "-png", "-f", "2", "-l", "2", str(pdf), str(OUTPUT / "riktlinje-diagram")])
    # LibreOffice drew the chart: its category labels are in the page's text.
    page_two = squeeze(run(["pdftotext", "-f", "2", "-l", "2", str(pdf), "-"]).stdout)
    assert squeeze("Efterlevnad och arkiv") in page_two


def test_leaving_out_unanswered_rows_keeps_every_answer_and_says_how_many(guideline_case):
    case_path, case, _ = guideline_case
    whole = docx.Document(str(make(case_path, OUTPUT / "riktlinje-hela.docx")))
    short = docx.Document(str(make(case_path, OUTPUT / "riktlinje-kort.docx", "--without-unanswered")))
    answered = {a["requirement"] for a in case["self_assessments"][0]["answers"]}
    total = sum(len(area["requirements"]) for area in case["self_assessments"][0]["framework"]["areas"])

    def answer_ids(document):
        return [row.cells[0].text for table in document.tables if table.rows[0].cells[1].text == "Fråga"
                and table.rows[0].cells[2].text == "Betyg" and table.rows[0].cells[3].text == "Kommentar och belägg"
                for row in table.rows[1:]]

    assert len(answer_ids(whole)) == total
    assert sorted(answer_ids(short)) == sorted(answered)
    said = [p.text for p in short.paragraphs if p.text.startswith("Frågor utan svar")]
    assert said == [f"Frågor utan svar (inget betyg och ingen kommentar) är utelämnade: {total - len(answered)} av {total} frågor."]


def test_openpyxl_reads_the_workbook_overview_and_every_answer(guideline_case):
    case_path, case, gap = guideline_case
    path = make(case_path, OUTPUT / "riktlinje.xlsx", "--xlsx")
    workbook = openpyxl.load_workbook(path)
    assert workbook.sheetnames == ["Översikt", "Svar"]
    assert workbook.properties.title == "Självskattning 2026 – Ekonomisystemet"
    assessment = case["self_assessments"][0]
    areas = assessment["framework"]["areas"]
    overview = workbook["Översikt"]
    header = [cell.value for cell in overview[4]]
    assert header[:5] == ["Område", "Frågor som gäller", "Besvarade", "Ej tillämpliga", "Genomsnitt"]
    titles = [overview.cell(row=5 + i, column=1).value for i in range(len(areas) + 1)]
    assert titles == [area["title"] for area in areas] + ["Samtliga områden"]
    answers = workbook["Svar"]
    assert answers.freeze_panes == "A2" and answers.auto_filter.ref.startswith("A1:M")
    rows = list(answers.iter_rows(min_row=2, values_only=True))
    assert len(rows) == sum(len(area["requirements"]) for area in areas)
    ratings = {a["requirement"]: a["rating"]["level"] for a in assessment["answers"]}
    for row in rows:
        assert row[6] == ratings.get(row[1]), row[1]
    gap_row = next(row for row in rows if row[1] == gap["requirement"])
    assert gap_row[8] == "Brist"


def test_the_overview_workbook_holds_every_asset_by_chapter_and_the_trend_per_year(guideline_case, tmp_path):
    """Two assets against the guideline, one of them assessed two years running: one row each
    with the latest numbers (the same the assessment's own workbook gives), "ET" for a chapter
    not applicable, the mean per year, and a line chart with a series per asset."""
    case_path, case, _ = guideline_case
    latest = case["self_assessments"][0]
    earlier = dict(latest, id="S6", title="Självskattning 2025 – Ekonomisystemet", started="2025-02-03",
                   answers=[dict(a, rating={"level": 1}) for a in latest["answers"][:40]])
    first_area = latest["framework"]["areas"][0]
    other = dict(latest, id="S8", title="Självskattning 2026 – Lönesystemet", started="2026-03-01",
                 subject=dict(latest["subject"], name="Lönesystemet"),
                 answers=[a for a in latest["answers"] if a["requirement"] not in {r["id"] for r in first_area["requirements"]}],
                 not_applicable_areas=[{"area": first_area["id"], "motivation": "Förvaltas av leverantören"}])
    case = dict(case, self_assessments=[earlier, latest, other])
    path = tmp_path / "oversikt.json"
    path.write_text(json.dumps(case, ensure_ascii=False), encoding="utf-8")
    out = OUTPUT / "riktlinje-oversikt.xlsx"
    run([docgen_binary(), "overview", str(path), "--today", "2026-11-30", "--out", str(out)])

    own = openpyxl.load_workbook(make(case_path, tmp_path / "S7.xlsx", "--xlsx"))["Översikt"]
    own_means = {row[0]: row[4] for row in own.iter_rows(min_row=5, values_only=True)}

    workbook = openpyxl.load_workbook(out)
    assert workbook.sheetnames == ["Översikt"]
    sheet = workbook["Översikt"]
    areas = latest["framework"]["areas"]
    header = [cell.value for cell in sheet[4]]
    assert header == ["Skattat", "Nämnd", "Senaste självskattning", "Påbörjad", "Besvarade", "Totalt"] + [
        area["title"] for area in areas] + ["Snitt 2025", "Snitt 2026"]
    rows = {row[0]: row for row in sheet.iter_rows(min_row=5, values_only=True)}
    assert list(rows) == ["Ekonomisystemet", "Lönesystemet"]
    system = rows["Ekonomisystemet"]
    assert system[2:4] == ("Självskattning 2026 – Ekonomisystemet", "2026-02-02")
    assert system[5] == pytest.approx(own_means["Samtliga områden"])
    for offset, area in enumerate(areas):
        assert system[6 + offset] == pytest.approx(own_means[area["title"]]) if own_means[area["title"]] is not None else system[6 + offset] is None
    assert system[-2] == pytest.approx(1.0) and system[-1] == pytest.approx(own_means["Samtliga områden"])
    payroll = rows["Lönesystemet"]
    assert payroll[6] == "ET" and payroll[-2] is None
    assert sheet.conditional_formatting, "the colour scale is there as an aid"

    with zipfile.ZipFile(out) as package:
        chart = ET.fromstring(package.read("xl/charts/chart1.xml"))
    assert chart.find(".//c:lineChart", CHART_NS) is not None
    names = [v.text for v in chart.findall(".//c:ser/c:tx//c:v", CHART_NS)]
    assert names == ["Ekonomisystemet", "Lönesystemet"]
