//! Native Word charts: a bar chart as a DrawingML chart part, drawn by Word and LibreOffice from
//! the numbers it carries. Chosen over a picture the app would draw: the labels stay text (read
//! aloud, searchable, in the document's font at any zoom), no font or rasteriser is linked into
//! the generator, and the board can restyle it in Word.
//!
//! docx-rs writes no charts, so a builder puts a placeholder paragraph where a chart goes
//! ([`placeholder`]) and hands the chart over with the document's info; packing replaces the
//! placeholder with the drawing ([`place`]) and adds the chart part ([`BarChart::part_xml`]). The
//! chart carries its numbers as a cache only, with no embedded workbook: a filed document holds
//! nothing it does not show, and the same numbers stand in a table beside the chart.

use crate::content::Paragraph;

use crate::ooxml::escape_text;
use crate::styles;
use crate::xml_tree::{Element, Node};

/// The content type of a chart part.
pub const CONTENT_TYPE: &str = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
/// The relationship type from the document to a chart part.
pub const RELATIONSHIP: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const CHART_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/chart";
const DRAWING_NS: &str = "http://schemas.openxmlformats.org/drawingml/2006/main";
const RELATIONSHIPS_NS: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
/// The bookmark name a placeholder paragraph carries; never a name Word or Yttra gives.
const PLACEHOLDER_PREFIX: &str = "YttraChart:";

/// The page's text width in EMU (16 cm, the width Yttra's tables fill).
const TEXT_WIDTH_EMU: i64 = 5_760_720;
const EMU_PER_CM: f64 = 360_000.0;

/// A horizontal bar chart: one bar per category and series, on an axis from 0 to `axis_max`.
#[derive(Clone, Debug, PartialEq)]
pub struct BarChart {
    pub categories: Vec<String>,
    pub series: Vec<Series>,
    pub axis_max: f64,
    /// The alternative text: what the chart shows and where its numbers stand as text.
    pub description: String,
}

/// One row of bars; a category without a value (nothing rated) has no bar.
#[derive(Clone, Debug, PartialEq)]
pub struct Series {
    pub name: String,
    pub values: Vec<Option<f64>>,
    /// The bar colour as RGB hex; the series are told apart by the legend and the table too.
    pub colour: &'static str,
}

/// The chart part's path and relationship id for the `index`:th chart (from 1).
pub fn part_path(index: usize) -> String {
    format!("word/charts/chart{index}.xml")
}

pub fn relationship_id(index: usize) -> String {
    format!("rIdYttraChart{index}")
}

/// A paragraph that [`place`] turns into the `index`:th chart (from 1).
pub fn placeholder(index: usize) -> Paragraph {
    Paragraph::new()
        .style(styles::NORMAL)
        .keep_next()
        .with_bookmarks_first([format!("{PLACEHOLDER_PREFIX}{index}")])
}

/// Replaces each placeholder paragraph's bookmark with its chart's drawing; returns how many
/// charts were placed. A placeholder without a chart is left out (its bookmark removed).
pub fn place(root: &mut Element, charts: &[BarChart]) -> usize {
    let mut placed = 0;
    root.walk_mut(&mut |element| {
        if element.name != "w:p" {
            return;
        }
        let Some(at) = element.children.iter().position(|node| {
            matches!(node, Node::Element(e) if e.name == "w:bookmarkStart"
                && e.attribute("w:name").is_some_and(|n| n.starts_with(PLACEHOLDER_PREFIX)))
        }) else {
            return;
        };
        let index = match &element.children[at] {
            Node::Element(e) => e
                .attribute("w:name")
                .and_then(|name| name.strip_prefix(PLACEHOLDER_PREFIX))
                .and_then(|n| n.parse::<usize>().ok())
                .unwrap_or(0),
            _ => 0,
        };
        // The placeholder's bookmark end follows its start.
        let end = at + 1;
        if matches!(&element.children.get(end), Some(Node::Element(e)) if e.name == "w:bookmarkEnd")
        {
            element.children.remove(end);
        }
        element.children.remove(at);
        if let Some(chart) = index.checked_sub(1).and_then(|i| charts.get(i)) {
            element
                .children
                .insert(at, Node::Element(chart.drawing(index)));
            placed += 1;
        }
    });
    placed
}

impl BarChart {
    /// The chart's height: room for every bar, within a page.
    fn height_emu(&self) -> i64 {
        let bars = self.categories.len() * self.series.len().max(1);
        let cm = (2.2 + 0.45 * bars as f64 + 0.25 * self.categories.len() as f64).clamp(5.0, 20.0);
        (cm * EMU_PER_CM).round() as i64
    }

    /// The run that shows the chart, inline in its paragraph.
    fn drawing(&self, index: usize) -> Element<'static> {
        let chart = Element::new("c:chart")
            .with_attribute("xmlns:c", CHART_NS)
            .with_attribute("xmlns:r", RELATIONSHIPS_NS)
            .with_attribute("r:id", &relationship_id(index));
        let graphic_data = child(
            Element::new("a:graphicData").with_attribute("uri", CHART_NS),
            chart,
        );
        let graphic = child(
            Element::new("a:graphic").with_attribute("xmlns:a", DRAWING_NS),
            graphic_data,
        );
        let inline = [
            Element::new("wp:extent")
                .with_attribute("cx", &TEXT_WIDTH_EMU.to_string())
                .with_attribute("cy", &self.height_emu().to_string()),
            Element::new("wp:effectExtent")
                .with_attribute("l", "0")
                .with_attribute("t", "0")
                .with_attribute("r", "0")
                .with_attribute("b", "0"),
            Element::new("wp:docPr")
                .with_attribute("id", &(1000 + index).to_string())
                .with_attribute("name", &format!("Diagram {index}"))
                .with_attribute("descr", &self.description),
            Element::new("wp:cNvGraphicFramePr"),
            graphic,
        ]
        .into_iter()
        .fold(
            Element::new("wp:inline")
                .with_attribute("distT", "0")
                .with_attribute("distB", "0")
                .with_attribute("distL", "0")
                .with_attribute("distR", "0"),
            child,
        );
        child(
            Element::new("w:r"),
            child(Element::new("w:drawing"), inline),
        )
    }

    /// The chart part: the bars, their category and value axes, and a legend when there is
    /// more than one series.
    pub fn part_xml(&self) -> String {
        let series: String = self
            .series
            .iter()
            .enumerate()
            .map(|(index, series)| self.series_xml(index, series))
            .collect();
        let legend = if self.series.len() > 1 {
            r#"<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend>"#
        } else {
            ""
        };
        format!(
            concat!(
                r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#,
                r#"<c:chartSpace xmlns:c="{chart}" xmlns:a="{drawing}" xmlns:r="{rels}">"#,
                r#"<c:lang val="sv-SE"/><c:roundedCorners val="0"/>"#,
                r#"<c:chart><c:autoTitleDeleted val="1"/><c:plotArea><c:layout/>"#,
                r#"<c:barChart><c:barDir val="bar"/><c:grouping val="clustered"/><c:varyColors val="0"/>"#,
                "{series}",
                r#"<c:gapWidth val="60"/><c:axId val="101"/><c:axId val="102"/></c:barChart>"#,
                // Categories top to bottom in the table's order; the values along the bottom.
                r#"<c:catAx><c:axId val="101"/><c:scaling><c:orientation val="maxMin"/></c:scaling>"#,
                r#"<c:delete val="0"/><c:axPos val="l"/><c:numFmt formatCode="General" sourceLinked="0"/>"#,
                r#"<c:majorTickMark val="none"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>"#,
                r#"<c:crossAx val="102"/><c:crosses val="autoZero"/><c:auto val="1"/>"#,
                r#"<c:lblAlgn val="ctr"/><c:lblOffset val="100"/><c:noMultiLvlLbl val="0"/></c:catAx>"#,
                r#"<c:valAx><c:axId val="102"/><c:scaling><c:orientation val="minMax"/>"#,
                r#"<c:max val="{max}"/><c:min val="0"/></c:scaling><c:delete val="0"/><c:axPos val="b"/>"#,
                r#"<c:majorGridlines/><c:numFmt formatCode="0" sourceLinked="0"/>"#,
                r#"<c:majorTickMark val="out"/><c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/>"#,
                r#"<c:crossAx val="101"/><c:crosses val="max"/><c:crossBetween val="between"/>"#,
                r#"<c:majorUnit val="1"/></c:valAx></c:plotArea>{legend}"#,
                r#"<c:plotVisOnly val="1"/><c:dispBlanksAs val="gap"/></c:chart>"#,
                r#"<c:txPr><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr>"#,
                r#"<a:endParaRPr lang="sv-SE"/></a:p></c:txPr></c:chartSpace>"#
            ),
            chart = CHART_NS,
            drawing = DRAWING_NS,
            rels = RELATIONSHIPS_NS,
            series = series,
            max = number(self.axis_max),
            legend = legend,
        )
    }

    fn series_xml(&self, index: usize, series: &Series) -> String {
        // Column letters of a notional sheet: the formulas name where Word would put the numbers
        // if the board chose "Redigera data"; the cache holds them.
        let column = char::from(b'B' + index as u8);
        let rows = self.categories.len() + 1;
        let categories: String = self
            .categories
            .iter()
            .enumerate()
            .map(|(i, category)| {
                format!(
                    r#"<c:pt idx="{i}"><c:v>{}</c:v></c:pt>"#,
                    escape_text(category)
                )
            })
            .collect();
        let values: String = series
            .values
            .iter()
            .enumerate()
            .filter_map(|(i, value)| {
                value.map(|value| format!(r#"<c:pt idx="{i}"><c:v>{}</c:v></c:pt>"#, number(value)))
            })
            .collect();
        let count = self.categories.len();
        format!(
            concat!(
                r#"<c:ser><c:idx val="{index}"/><c:order val="{index}"/>"#,
                r#"<c:tx><c:strRef><c:f>Blad1!${column}$1</c:f><c:strCache><c:ptCount val="1"/>"#,
                r#"<c:pt idx="0"><c:v>{name}</c:v></c:pt></c:strCache></c:strRef></c:tx>"#,
                r#"<c:spPr><a:solidFill><a:srgbClr val="{colour}"/></a:solidFill></c:spPr>"#,
                // No value labels: Word and LibreOffice write them with the reader's decimal
                // point, where the table beside the chart has the Swedish comma.
                r#"<c:invertIfNegative val="0"/>"#,
                r#"<c:cat><c:strRef><c:f>Blad1!$A$2:$A${rows}</c:f><c:strCache><c:ptCount val="{count}"/>"#,
                "{categories}</c:strCache></c:strRef></c:cat>",
                r#"<c:val><c:numRef><c:f>Blad1!${column}$2:${column}${rows}</c:f><c:numCache>"#,
                r#"<c:formatCode>0.0</c:formatCode><c:ptCount val="{count}"/>{values}"#,
                "</c:numCache></c:numRef></c:val></c:ser>"
            ),
            index = index,
            column = column,
            rows = rows,
            name = escape_text(&series.name),
            colour = series.colour,
            count = count,
            categories = categories,
            values = values,
        )
    }
}

fn child<'a>(mut parent: Element<'a>, element: Element<'a>) -> Element<'a> {
    parent.children.push(Node::Element(element));
    parent
}

/// A number as the chart XML writes it: a decimal point, no needless digits.
fn number(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    if rounded.fract() == 0.0 {
        format!("{rounded:.0}")
    } else {
        format!("{rounded}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml_tree;

    fn chart() -> BarChart {
        BarChart {
            categories: vec!["Styrning & ledning".into(), "Incidenter".into()],
            series: vec![Series {
                name: "2026".into(),
                values: vec![Some(2.25), None],
                colour: "1F4E79",
            }],
            axis_max: 4.0,
            description: "Stapeldiagram".into(),
        }
    }

    #[test]
    fn the_part_carries_every_category_and_only_the_values_there_are() {
        let xml = chart().part_xml();
        let parsed = xml_tree::parse(xml.as_bytes()).expect("well-formed");
        assert_eq!(parsed.root.name, "c:chartSpace");
        assert!(xml.contains("<c:v>Styrning &amp; ledning</c:v>"));
        assert!(xml.contains(r#"<c:ptCount val="2"/>"#));
        assert!(xml.contains(r#"<c:pt idx="0"><c:v>2.25</c:v></c:pt>"#));
        assert!(
            !xml.contains(r#"<c:pt idx="1"><c:v>0"#),
            "no bar where nothing is rated"
        );
        assert!(!xml.contains("c:legend"), "one series needs no legend");
    }

    #[test]
    fn a_placeholder_becomes_the_drawing_with_its_alt_text() {
        let mut root = Element::new("w:body");
        root.children.push(Node::Element(child(
            child(
                Element::new("w:p"),
                Element::new("w:bookmarkStart").with_attribute("w:name", "YttraChart:1"),
            ),
            Element::new("w:bookmarkEnd"),
        )));
        assert_eq!(place(&mut root, &[chart()]), 1);
        let written = xml_tree::write(&xml_tree::XmlDocument {
            declaration: None,
            root,
        });
        assert!(!written.contains("bookmark"), "{written}");
        assert!(written.contains(r#"descr="Stapeldiagram""#));
        assert!(written.contains(r#"r:id="rIdYttraChart1""#));
    }

    #[test]
    fn numbers_are_written_plainly() {
        assert_eq!(number(4.0), "4");
        assert_eq!(number(2.3333), "2.33");
    }
}
