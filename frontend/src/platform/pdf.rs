//! A PDF's text, read in the browser by pdf.js (Mozilla's PDF reader, npm `pdfjs-dist`,
//! bundled beside the app in `pdfjs/` and imported when the file picker is opened or a PDF is
//! read; never from the network). One reader (pdf.js's worker) serves the session. Its text
//! items become lines; a vertical gap larger than a line's spacing, a jump back up the page (a
//! new column) or a change in the size of type becomes an empty line, which the report import
//! reads as a paragraph break. Everything after the lines (page furniture, recognition) is the
//! pure core's (`schemas::report_import`), the same the command line uses.

use schemas::report_import::{SourceText, DAMAGED_SV, LOCKED_SV, NO_TEXT_SV};
use wasm_bindgen::prelude::*;

#[wasm_bindgen(inline_js = r#"
// Kept for the page, not this module: the start page's module may have started pdf.js and its
// reader (the report picker got focus there) before the app took over.
const pdfReader = (globalThis.yttraPdfReader ??= {});
function loadPdfjs() {
  if (!pdfReader.loading) {
    // The single-file build carries pdf.js inside the page (yttra.html).
    if (globalThis.yttraLoadPdfjs) {
      pdfReader.loading = globalThis.yttraLoadPdfjs();
    } else {
      const base = new URL('./pdfjs/', document.baseURI).href;
      pdfReader.loading = import(base + 'pdf.min.mjs').then((lib) => {
        lib.GlobalWorkerOptions.workerSrc = base + 'pdf.worker.min.mjs';
        return lib;
      });
    }
    pdfReader.loading.catch(() => { pdfReader.loading = undefined; });
  }
  return pdfReader.loading;
}
// One reader (pdf.js's worker) for every PDF of the session: starting one costs more than a
// missiv's whole reading, and a warm one reads a report in half the time.
function pdfWorkerOf(lib) {
  if (!pdfReader.worker || pdfReader.worker.destroyed) pdfReader.worker = new lib.PDFWorker();
  return pdfReader.worker;
}
export function preparePdfReader() {
  loadPdfjs().then(pdfWorkerOf).catch(() => {});
}
function pdfLinesOf(items) {
  const lines = [];
  let text = '';
  let y = null;
  let height = 0;
  const end = () => {
    if (text.trim() !== '') lines.push({ text, y, height });
    text = '';
    y = null;
  };
  for (const item of items) {
    if (typeof item.str !== 'string') continue;
    const itemY = item.transform[5];
    const itemHeight = item.height || Math.abs(item.transform[3]) || 10;
    // A superscript (a footnote number) stays on its line: it is measured against the line's
    // own size of type.
    if (y !== null && text !== '' && Math.abs(itemY - y) > Math.max(itemHeight, height) * 0.6) end();
    if (y === null && item.str !== '') { y = itemY; height = itemHeight; }
    text += item.str;
    if (item.hasEOL) end();
  }
  end();
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    if (i > 0) {
      const drop = lines[i - 1].y - lines[i].y;
      const spacing = Math.max(lines[i - 1].height, lines[i].height);
      // Another size of type (a heading, a footnote) starts a paragraph of its own, too.
      const resized = Math.abs(lines[i - 1].height - lines[i].height) > spacing * 0.12;
      if (drop > spacing * 1.75 || drop < -spacing || resized) out.push('');
    }
    out.push(lines[i].text);
  }
  return out;
}
// What pdf.js says of a document it cannot read (locked, not a PDF, damaged): the reader
// itself is fine.
const DOCUMENT_ERRORS = new Set(['PasswordException', 'InvalidPDFException', 'MissingPDFException',
  'UnexpectedResponseException', 'FormatError']);
// PDFs being read now (files picked together are read at once, by the one reader).
let reading = 0;
export async function readPdfPages(view) {
  reading += 1;
  try {
    return await readPdf(view);
  } finally {
    reading -= 1;
  }
}
async function readPdf(view) {
  // A copy before anything waits: the view is on the app's memory, which may grow (and leave
  // the view empty) meanwhile; and pdf.js hands its data over to its worker.
  const bytes = view.slice();
  let lib;
  try {
    lib = await loadPdfjs();
  } catch (e) {
    const error = new Error(String(e));
    error.name = 'LoadError';
    throw error;
  }
  const task = lib.getDocument({
    data: bytes, isEvalSupported: false, disableFontFace: true, useSystemFonts: false,
    stopAtErrors: false, worker: pdfWorkerOf(lib),
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (e) {
    // The reader stays after a locked or broken PDF: it is unharmed, and other PDFs picked
    // with this one are being read by it now (destroying it would leave them waiting
    // forever). Another error may be the reader's own (its script did not start): then, once
    // no other PDF is being read, the next PDF gets a new one.
    await task.destroy().catch(() => {});
    if (!DOCUMENT_ERRORS.has(e && e.name) && reading === 1 && pdfReader.worker) {
      pdfReader.worker.destroy();
      pdfReader.worker = undefined;
    }
    const error = new Error((e && e.message) || String(e));
    error.name = (e && e.name) || 'Error';
    throw error;
  }
  try {
    // Every page asked for at once: the worker parses the next page while this thread joins
    // the lines of the last, instead of waiting for each request in turn.
    const pageOf = async (n) => {
      const page = await doc.getPage(n);
      const lines = pdfLinesOf((await page.getTextContent()).items);
      page.cleanup();
      return lines;
    };
    const numbers = Array.from({ length: doc.numPages }, (_, index) => index + 1);
    return JSON.stringify(await Promise.all(numbers.map(pageOf)));
  } finally {
    await task.destroy();
  }
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = preparePdfReader)]
    fn prepare_js();
    #[wasm_bindgen(catch, js_name = readPdfPages)]
    async fn read_pdf_pages(bytes: &[u8]) -> Result<JsValue, JsValue>;
}

/// Starts loading pdf.js and its reader, not waiting: the user has opened the file picker,
/// and choosing the files takes longer. A failure shows when a PDF is read.
pub fn prepare() {
    prepare_js();
}

/// A PDF's pages as lines of text, or a Swedish message: a scanned PDF, a password, a broken
/// file, or the reader not loading.
pub async fn read_pdf(pdf: &[u8], name: &str) -> Result<SourceText, String> {
    let json = read_pdf_pages(pdf).await.map_err(message)?;
    let json = json.as_string().ok_or_else(|| DAMAGED_SV.to_string())?;
    let pages: Vec<Vec<String>> =
        serde_json::from_str(&json).map_err(|_| DAMAGED_SV.to_string())?;
    let source = SourceText::paged(name, pages);
    if !source.has_text() {
        return Err(NO_TEXT_SV.to_string());
    }
    Ok(source)
}

fn message(error: JsValue) -> String {
    match error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.name()))
    {
        Some(name) if name == "PasswordException" => LOCKED_SV.to_string(),
        Some(name) if name == "LoadError" => {
            "PDF-läsaren i Yttra kunde inte laddas. Ladda om sidan och försök igen.".to_string()
        }
        _ => DAMAGED_SV.to_string(),
    }
}
