// Shared by the browser tests: the local server for dist/, Debian's Chromium, and helpers.
import { spawn, execFileSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

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

/** Debian's Chromium, never a downloaded browser; flags that keep it off the network. */
export function launchChromium() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync',
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

/** The case embedded in a DOCX, read by the command-line tool. */
export function extractCase(path) {
  const docgen = process.env.YTTRA_DOCGEN || join(ROOT, 'target', 'debug', 'docgen');
  return JSON.parse(execFileSync(docgen, ['extract', path], { encoding: 'utf8' }));
}

export function readJson(path) {
  return JSON.parse(readFileSync(path, 'utf8'));
}
