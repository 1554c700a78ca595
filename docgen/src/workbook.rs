//! A self-assessment as an Excel workbook (XLSX), written with `rust_xlsxwriter`: a sheet of
//! results per chapter (with a bar chart of the means) and a sheet of every answer, filterable,
//! for the coordinator who sorts and follows up in a spreadsheet. The CSV stays for re-import;
//! this is the file to work in.
//!
//! The overview of many assessments (assets × chapters, the trend per year) is a workbook too.
//!
//! The workbook is the user's working copy, not a filed document: it holds the whole
//! assessment (comments and evidence included), as the CSV does.

use rust_xlsxwriter::{
    Chart, ChartMarker, ChartType, ConditionalFormat3ColorScale, ConditionalFormatType,
    DocProperties, ExcelDateTime, Format, FormatAlign, Workbook, Worksheet, XlsxError,
};
use schemas::overview::{overviews, Cell, Overview};
use schemas::self_assessment::GAP_LEVEL;
use schemas::{Case, Date, Rating, SelfAssessment};

/// Builds the workbook; `date` is its creation date (never the clock, so the same assessment
/// gives the same file).
pub fn assessment_workbook(
    assessment: &SelfAssessment,
    board_name: &str,
    date: Date,
) -> Result<Vec<u8>, String> {
    build(assessment, board_name, date)
        .map_err(|error| format!("Arbetsboken kunde inte skrivas: {error}"))
}

fn build(assessment: &SelfAssessment, board_name: &str, date: Date) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let title = match assessment.title.trim() {
        "" => format!("Självskattning: {}", assessment.framework.title.trim()),
        title => title.to_string(),
    };
    set_properties(&mut workbook, &title, board_name, date)?;
    let overview = workbook.add_worksheet();
    write_overview(overview, assessment, &title)?;
    let answers = workbook.add_worksheet();
    write_answers(answers, assessment)?;
    workbook.save_to_buffer()
}

/// The workbook's title, author and creation date (the given day, never the clock).
fn set_properties(
    workbook: &mut Workbook,
    title: &str,
    author: &str,
    date: Date,
) -> Result<(), XlsxError> {
    let created = ExcelDateTime::from_ymd(date.year(), date.month(), date.day())?;
    let properties = DocProperties::new()
        .set_title(title)
        .set_author(author)
        .set_creation_datetime(&created);
    workbook.set_properties(&properties);
    Ok(())
}

const OVERVIEW_HEADER: [&str; 7] = [
    "Område",
    "Frågor som gäller",
    "Besvarade",
    "Ej tillämpliga",
    "Genomsnitt",
    "Andel av högsta nivå",
    "Brister",
];

/// One row per chapter and one for them all; the chart shows the means column.
fn write_overview(
    sheet: &mut Worksheet,
    assessment: &SelfAssessment,
    title: &str,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let header = header_format();
    let mean = Format::new().set_num_format("0.0");
    let percent = Format::new().set_num_format("0%");
    sheet.set_name("Översikt")?;
    sheet.write_string_with_format(0, 0, title, &bold)?;
    sheet.write_string(
        1,
        0,
        format!(
            "Ramverk: {}. Skala 0–{}. Brist: betyg {GAP_LEVEL} eller lägre. Påbörjad {}.",
            assessment.framework.title.trim(),
            assessment.framework.scale.max(),
            assessment.started
        ),
    )?;
    let first = 3;
    for (column, text) in OVERVIEW_HEADER.iter().enumerate() {
        sheet.write_string_with_format(first, column as u16, *text, &header)?;
    }
    let gaps = assessment.gaps();
    let mut row = first + 1;
    let max = f64::from(assessment.framework.scale.max().max(1));
    let areas = assessment.framework.areas.iter().map(|area| {
        let gap_count = area
            .requirements
            .iter()
            .filter(|r| gaps.contains(&r.id.as_str()))
            .count();
        (
            area.title.trim().to_string(),
            assessment.area_score(area),
            gap_count,
        )
    });
    let overall = (
        "Samtliga områden".to_string(),
        assessment.overall_score(),
        gaps.len(),
    );
    for (name, score, gap_count) in areas.chain([overall]) {
        sheet.write_string(row, 0, &name)?;
        sheet.write_number(row, 1, score.total as f64)?;
        sheet.write_number(row, 2, score.answered as f64)?;
        sheet.write_number(row, 3, score.not_applicable as f64)?;
        if let Some(value) = score.mean {
            sheet.write_number_with_format(row, 4, value, &mean)?;
            sheet.write_number_with_format(row, 5, value / max, &percent)?;
        }
        sheet.write_number(row, 6, gap_count as f64)?;
        row += 1;
    }
    let last_area = row - 2;
    sheet.set_column_width(0, 42)?;
    for column in 1..OVERVIEW_HEADER.len() as u16 {
        sheet.set_column_width(column, 14)?;
    }
    sheet.set_freeze_panes(first + 1, 0)?;
    if last_area > first {
        let mut chart = Chart::new(ChartType::Bar);
        chart
            .add_series()
            .set_categories(("Översikt", first + 1, 0, last_area, 0))
            .set_values(("Översikt", first + 1, 4, last_area, 4))
            .set_name("Genomsnitt");
        chart.title().set_name("Genomsnittligt betyg per område");
        chart.x_axis().set_min(0).set_max(max).set_major_unit(1);
        chart.y_axis().set_reverse();
        chart.legend().set_hidden();
        chart.set_alt_text("Stapeldiagram: genomsnittligt betyg per område. Siffrorna står i tabellen till vänster.");
        let height = 120 + 22 * (last_area - first);
        chart.set_width(560).set_height(height.min(900));
        sheet.insert_chart(first, OVERVIEW_HEADER.len() as u16 + 1, &chart)?;
    }
    Ok(())
}

const ANSWER_HEADER: [&str; 13] = [
    "Område",
    "Id",
    "Fråga",
    "Gäller från",
    "Roller",
    "Gäller",
    "Betyg",
    "Betyg i ord",
    "Brist",
    "Kommentar",
    "Belägg",
    "Bedömd av",
    "Bedömd den",
];

/// Every question, applicable or not, with its answer; filter and freeze on the header row.
fn write_answers(sheet: &mut Worksheet, assessment: &SelfAssessment) -> Result<(), XlsxError> {
    let header = header_format();
    let wrap = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    sheet.set_name("Svar")?;
    for (column, text) in ANSWER_HEADER.iter().enumerate() {
        sheet.write_string_with_format(0, column as u16, *text, &header)?;
    }
    let gaps = assessment.gaps();
    let mut row = 1;
    for (area, requirement) in assessment.framework.requirements() {
        let answer = assessment.answer(&requirement.id);
        let rating = assessment.rating_in(area, &requirement.id);
        let verdict = assessment.verdict(requirement);
        let applies = match (verdict.applies(), verdict.reason()) {
            (true, None) => "Ja".to_string(),
            (true, Some(reason)) => format!("Ja: {reason}"),
            (false, reason) => format!("Nej: {}", reason.unwrap_or_default()),
        };
        let texts = [
            area.title.trim().to_string(),
            requirement.id.clone(),
            requirement.text.trim().to_string(),
            requirement.applies.from_sv(),
            requirement.applies.roles.join(", "),
            applies,
        ];
        for (column, text) in texts.iter().enumerate() {
            sheet.write_string_with_format(row, column as u16, text, &wrap)?;
        }
        if let Some(Rating::Level(value)) = rating {
            sheet.write_number(row, 6, f64::from(value))?;
        }
        sheet.write_string(row, 7, assessment.label_of(rating))?;
        if gaps.contains(&requirement.id.as_str()) {
            sheet.write_string(row, 8, "Brist")?;
        }
        if let Some(answer) = answer {
            for (column, text) in [
                (9, &answer.comment),
                (10, &answer.evidence),
                (11, &answer.assessed_by),
            ] {
                if !text.trim().is_empty() {
                    sheet.write_string_with_format(row, column, text.trim(), &wrap)?;
                }
            }
            if let Some(day) = answer.assessed_on {
                sheet.write_string(row, 12, day.to_string())?;
            }
        }
        row += 1;
    }
    for (column, width) in [
        (0, 28.0),
        (1, 8.0),
        (2, 60.0),
        (3, 12.0),
        (4, 20.0),
        (5, 26.0),
        (6, 8.0),
        (7, 22.0),
        (8, 8.0),
        (9, 40.0),
        (10, 30.0),
        (11, 18.0),
        (12, 12.0),
    ] {
        sheet.set_column_width(column, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(
        0,
        0,
        row.saturating_sub(1).max(1),
        ANSWER_HEADER.len() as u16 - 1,
    )?;
    Ok(())
}

fn header_format() -> Format {
    Format::new()
        .set_bold()
        .set_text_wrap()
        .set_background_color("DDEBF7")
}

/// The overview of a case's self-assessments as a workbook: a sheet per framework with every
/// thing assessed × chapter (the latest assessment's mean, colour as an aid only) and the mean
/// per year, with a line chart of that trend when there are two years or more.
pub fn overview_workbook(case: &Case, date: Date) -> Result<Vec<u8>, String> {
    build_overview(case, date).map_err(|error| format!("Arbetsboken kunde inte skrivas: {error}"))
}

fn build_overview(case: &Case, date: Date) -> Result<Vec<u8>, XlsxError> {
    let mut workbook = Workbook::new();
    let title = format!("Översikt: {}", case.audit.title.trim());
    set_properties(&mut workbook, &title, case.organisation.trim(), date)?;
    let all = overviews(case);
    let names = sheet_names(&all);
    if all.is_empty() {
        let sheet = workbook.add_worksheet();
        sheet.set_name("Översikt")?;
        sheet.write_string(0, 0, "Ärendet har ännu inga självskattningar.")?;
    }
    for (overview, name) in all.iter().zip(names) {
        let sheet = workbook.add_worksheet();
        sheet.set_name(&name)?;
        write_overview_sheet(sheet, &name, overview)?;
    }
    workbook.save_to_buffer()
}

/// One sheet's name per framework: "Översikt" when there is one, else the framework's title
/// made a legal sheet name (at most 31 characters, none of `[]:*?/\`), unique in the book.
fn sheet_names(all: &[Overview]) -> Vec<String> {
    if all.len() == 1 {
        return vec!["Översikt".to_string()];
    }
    let mut names: Vec<String> = Vec::new();
    for overview in all {
        let legal: String = overview
            .framework_title
            .trim()
            .chars()
            .filter(|c| !"[]:*?/\\".contains(*c))
            .take(26)
            .collect();
        let base = match legal.trim().trim_matches('\'') {
            "" => "Ramverk".to_string(),
            base => base.to_string(),
        };
        let mut name = base.clone();
        let mut number = 2;
        while names
            .iter()
            .any(|n| n.to_lowercase() == name.to_lowercase())
        {
            name = format!("{base} ({number})");
            number += 1;
        }
        names.push(name);
    }
    names
}

const OVERVIEW_LEAD: [&str; 6] = [
    "Skattat",
    "Nämnd",
    "Senaste självskattning",
    "Påbörjad",
    "Besvarade",
    "Totalt",
];

fn write_overview_sheet(
    sheet: &mut Worksheet,
    sheet_name: &str,
    overview: &Overview,
) -> Result<(), XlsxError> {
    let bold = Format::new().set_bold();
    let header = header_format();
    let mean = Format::new().set_num_format("0.0");
    let max = overview.scale_max;
    sheet.write_string_with_format(
        0,
        0,
        format!("Översikt: {}", overview.framework_title.trim()),
        &bold,
    )?;
    sheet.write_string(
        1,
        0,
        format!(
            "Varje rad är det som skattades med dess senaste självskattning: genomsnittligt betyg \
             (0–{max}) per kapitel. ET: kapitlet är ej tillämpligt. Tomt: kapitlet finns inte i \
             den versionen av ramverket, eller inget är besvarat. Färgen är bara ett stöd."
        ),
    )?;
    let first: u32 = 3;
    let chapter_column = OVERVIEW_LEAD.len() as u16;
    let year_column = chapter_column + overview.chapters.len() as u16;
    let headers = OVERVIEW_LEAD
        .iter()
        .map(|text| text.to_string())
        .chain(
            overview
                .chapters
                .iter()
                .map(|(_, title)| title.trim().to_string()),
        )
        .chain(overview.years.iter().map(|year| format!("Snitt {year}")));
    for (column, text) in headers.enumerate() {
        sheet.write_string_with_format(first, column as u16, text, &header)?;
    }
    let mut row = first + 1;
    for line in &overview.rows {
        sheet.write_string(row, 0, line.name.trim())?;
        sheet.write_string(row, 1, line.board.trim())?;
        sheet.write_string(row, 2, line.title.trim())?;
        sheet.write_string(row, 3, line.started.to_string())?;
        sheet.write_string(
            row,
            4,
            format!("{} av {}", line.overall.answered, line.overall.total),
        )?;
        if let Some(value) = line.overall.mean {
            sheet.write_number_with_format(row, 5, value, &mean)?;
        }
        for (offset, cell) in line.cells.iter().enumerate() {
            let column = chapter_column + offset as u16;
            match cell {
                Cell::Score(score) => {
                    if let Some(value) = score.mean {
                        sheet.write_number_with_format(row, column, value, &mean)?;
                    }
                }
                Cell::NotApplicable => {
                    sheet.write_string(row, column, "ET")?;
                }
                Cell::Missing => {}
            }
        }
        for (offset, value) in line.trend.iter().enumerate() {
            if let Some(value) = value {
                sheet.write_number_with_format(row, year_column + offset as u16, *value, &mean)?;
            }
        }
        row += 1;
    }
    let last_row = row - 1;
    let last_column = year_column + overview.years.len() as u16 - 1;
    if last_row > first && max > 0 {
        let scale = ConditionalFormat3ColorScale::new()
            .set_minimum(ConditionalFormatType::Number, 0)
            .set_midpoint(ConditionalFormatType::Number, f64::from(max) / 2.0)
            .set_maximum(ConditionalFormatType::Number, max)
            .set_minimum_color("F8CBAD")
            .set_midpoint_color("FFF2CC")
            .set_maximum_color("C6EFCE");
        sheet.add_conditional_format(first + 1, 5, last_row, last_column, &scale)?;
    }
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 20)?;
    sheet.set_column_width(2, 28)?;
    sheet.set_column_width(3, 11)?;
    sheet.set_column_width(4, 10)?;
    for column in 5..=last_column {
        sheet.set_column_width(column, 12)?;
    }
    sheet.set_row_height(first, 45)?;
    sheet.set_freeze_panes(first + 1, 1)?;
    if overview.years.len() >= 2 && last_row > first {
        let mut chart = Chart::new(ChartType::Line);
        // Markers, so that a year with one assessment is a point rather than nothing.
        let mut marker = ChartMarker::new();
        marker.set_automatic();
        for data_row in first + 1..=last_row {
            chart
                .add_series()
                .set_categories((sheet_name, first, year_column, first, last_column))
                .set_values((sheet_name, data_row, year_column, data_row, last_column))
                .set_name((sheet_name, data_row, 0))
                .set_marker(&marker);
        }
        chart.title().set_name("Genomsnittligt betyg per år");
        chart.y_axis().set_min(0).set_max(max).set_major_unit(1);
        chart.set_alt_text(
            "Linjediagram: genomsnittligt betyg per år för varje skattat system eller nämnd. \
             Siffrorna står i kolumnerna Snitt i tabellen.",
        );
        chart.set_width(640).set_height(320);
        sheet.insert_chart(last_row + 2, 0, &chart)?;
    }
    Ok(())
}
