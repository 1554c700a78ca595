// Shared by the browser tests: the local server for dist/, Debian's Chromium, and helpers.
import { spawn, execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { before, after } from 'node:test';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const OUTPUT = join(ROOT, 'tests', 'output', 'e2e');
export const SCREENSHOTS = join(ROOT, 'tests', 'output', 'screenshots');
mkdirSync(OUTPUT, { recursive: true });
mkdirSync(SCREENSHOTS, { recursive: true });

/** Serves dist/ on a free loopback port; resolves to { url, stop }. */
export async function startServer() {
  const server = spawn('python3', [join(ROOT, 'scripts', 'serve.py'), '0', join(ROOT, 'dist')], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.once('exit', (code) => reject(new Error(`server exited with ${code}`)));
    createInterface({ input: server.stdout }).once('line', resolve);
  });
  return { url: firstLine.trim(), stop: () => server.kill() };
}

/** Debian's Chromium, never a downloaded browser; flags that keep it off the network, and
 * `extraArgs` after them. */
export function launchChromium(extraArgs = []) {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ...extraArgs,
    ],
  });
}

/** Records every request and page error, so tests can assert nothing left the origin. */
export function watchPage(page, origin) {
  const seen = { foreign: [], errors: [] };
  page.on('request', (request) => {
    const url = request.url();
    if (!url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:')) {
      seen.foreign.push(url);
    }
  });
  page.on('pageerror', (error) => seen.errors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') seen.errors.push(message.text());
  });
  return seen;
}

/** Runs axe-core (WCAG 2.1 A and AA rules) in the page and returns its violations. */
export async function axeViolations(page) {
  const source = readFileSync(join(ROOT, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
  await page.evaluate(source);
  return page.evaluate(async () => {
    const result = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(', ')})`);
  });
}

/** The text of a DOCX as python-docx reads it (paragraphs and table cells). */
export function docxTextWithPythonDocx(path) {
  const script = [
    'import sys, docx',
    'd = docx.Document(sys.argv[1])',
    'print("\\n".join(p.text for p in d.paragraphs))',
    'print("\\n".join(c.text for t in d.tables for r in t.rows for c in r.cells))',
  ].join('\n');
  return execFileSync(join(ROOT, '.venv', 'bin', 'python'), ['-c', script, path], { encoding: 'utf8' });
}

/** Every sheet of an XLSX workbook as rows of cell values, read by openpyxl. */
export function xlsxWithOpenpyxl(path) {
  const script = [
    'import sys, json, openpyxl',
    'wb = openpyxl.load_workbook(sys.argv[1])',
    'print(json.dumps({ws.title: [list(r) for r in ws.iter_rows(values_only=True)] for ws in wb}, default=str))',
  ].join('\n');
  return JSON.parse(execFileSync(join(ROOT, '.venv', 'bin', 'python'), ['-c', script, path], { encoding: 'utf8' }));
}

/** The case embedded in a DOCX, read by the command-line tool. */
export function extractCase(path) {
  const docgen = process.env.YTTRA_DOCGEN || join(ROOT, 'target', 'debug', 'docgen');
  return JSON.parse(execFileSync(docgen, ['extract', path], { encoding: 'utf8' }));
}

/** Waits until the app has nothing waiting to be stored, on pages that show no save status: it
 * asks before unload exactly while an edit is not yet stored (app.rs,
 * use_ask_before_closing_unsaved), so a cancelable beforeunload it does not cancel means stored. */
export function waitUntilStored(page) {
  return page.waitForFunction(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return !event.defaultPrevented;
  });
}

/** The large synthetic case (docgen's example `synthetic_case`). `cargo test --workspace` builds
 * the example with the workspace's features, as it builds the CLI; `cargo run -p docgen` would
 * build docgen again with its own, so it is only the fallback when the example is not built. */
export function syntheticLargeCase() {
  const built = join(ROOT, 'target', 'debug', 'examples', 'synthetic_case');
  if (existsSync(built)) return execFileSync(built, { encoding: 'utf8', maxBuffer: 64 << 20 });
  return execFileSync('cargo', ['run', '--quiet', '--locked', '-p', 'docgen', '--example', 'synthetic_case'],
    { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}

/** Starts the server and Chromium before a test file's tests and stops them after; the
 * returned object holds `server` and `browser` once started. */
export function serverAndBrowser() {
  const env = {};
  before(async () => {
    env.server = await startServer();
    env.browser = await launchChromium();
  });
  after(async () => {
    await env.browser?.close();
    env.server?.stop();
  });
  return env;
}

/** A fresh browser profile (empty storage) with one page on the start page of `url`. */
export async function openApp(browser, url, { initScript, route, viewport = { width: 1366, height: 768 } } = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport, locale: 'sv-SE', timezoneId: 'Europe/Stockholm' });
  if (initScript) await context.addInitScript(initScript);
  // [pattern, handler]: requests held back or refused, as a slow or broken network would.
  if (route) await context.route(...route);
  const page = await context.newPage();
  const seen = watchPage(page, new URL(url).origin);
  await page.goto(url);
  await page.getByRole('heading', { name: 'Yttra', level: 1 }).waitFor();
  return { context, page, seen };
}

/** Clicks a download button and saves the file in tests/output/e2e. */
export async function downloadFrom(page, buttonName, fileName) {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: buttonName, exact: true }).click(),
  ]);
  const path = join(OUTPUT, fileName ?? file.suggestedFilename());
  await file.saveAs(path);
  return { path, name: file.suggestedFilename() };
}

/** The text of a DOCX as LibreOffice lays it out: converted to PDF, read with pdftotext. */
export function docxTextWithLibreOffice(path) {
  const outdir = join(OUTPUT, 'libreoffice');
  mkdirSync(outdir, { recursive: true });
  execFileSync('soffice', ['--headless', '--convert-to', 'pdf', '--outdir', outdir, path], {
    env: { ...process.env, HOME: join(OUTPUT, 'libreoffice-home') },
    timeout: 180_000,
  });
  const pdf = join(outdir, path.split('/').pop().replace(/\.docx$/, '.pdf'));
  return execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' });
}
