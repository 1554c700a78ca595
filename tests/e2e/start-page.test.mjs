// The first page in real Chromium, used as a secretary would: pick a board, download the
// första yttrande and the case, and check what was downloaded with other tools.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import {
  ROOT, OUTPUT, SCREENSHOTS, startServer, launchChromium, watchPage, axeViolations,
  docxTextWithPythonDocx, extractCase, readJson,
} from './support.mjs';

const example = readJson(join(ROOT, 'examples', 'it-sakerhet-tva-namnder.json'));
let server;
let browser;

before(async () => {
  server = await startServer();
  browser = await launchChromium();
});

after(async () => {
  await browser?.close();
  server?.stop();
});

async function openApp() {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  const seen = watchPage(page, new URL(server.url).origin);
  await page.goto(server.url);
  await page.getByRole('heading', { name: 'Yttra', level: 1 }).waitFor();
  return { context, page, seen };
}

test('the start page loads from this origin only and passes axe', async () => {
  const { context, page, seen } = await openApp();
  await page.screenshot({ path: join(SCREENSHOTS, 'start.png'), fullPage: true });
  assert.equal(await page.locator('#loading').count(), 0, 'the loading text is removed');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(seen.foreign, [], 'no request left the origin');
  assert.deepEqual(seen.errors, [], 'no page errors');
  await context.close();
});

test('the page forbids other origins with a Content Security Policy', async () => {
  const { context, page } = await openApp();
  const blocked = await page.evaluate(async () => {
    try {
      await fetch('https://example.org/');
      return false;
    } catch {
      return true;
    }
  });
  assert.equal(blocked, true, 'a fetch to another origin is refused');
  await context.close();
});

test('a secretary downloads the första yttrande for Servicenämnden', async () => {
  const { context, page, seen } = await openApp();
  await page.getByLabel('Nämnd').selectOption({ label: 'Servicenämnden' });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Skapa första yttrandet (Word)' }).click(),
  ]);
  const name = 'SR-2025-17-Servicenämnden-första-yttrande-2025-03-26.docx';
  assert.equal(download.suggestedFilename(), name);
  const path = join(OUTPUT, name);
  await download.saveAs(path);
  await page.getByRole('status').filter({ hasText: 'Klart' }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'after-download.png'), fullPage: true });

  const text = docxTextWithPythonDocx(path);
  const board = 'sn';
  for (const item of [...example.audit.assessments, ...example.audit.recommendations]) {
    if (item.addressees.includes(board)) assert.ok(text.includes(item.text), `missing: ${item.text}`);
  }
  const response = example.responses.find((r) => r.board === board).first;
  for (const measure of response.measures) assert.ok(text.includes(measure.action), measure.id);
  assert.deepEqual(extractCase(path), example, 'the embedded case is the example case');
  assert.deepEqual(seen.foreign, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the case downloads as JSON that reads back unchanged', async () => {
  const { context, page } = await openApp();
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: 'Ladda ner ärendet (JSON)' }).click(),
  ]);
  assert.match(download.suggestedFilename(), /^SR-2025-17-ärende-\d{4}-\d{2}-\d{2}\.json$/);
  const path = join(OUTPUT, 'case.json');
  await download.saveAs(path);
  assert.deepEqual(readJson(path), example);
  await context.close();
});

test('the page works at 200 % zoom on a small screen', async () => {
  const context = await browser.newContext({ viewport: { width: 683, height: 384 }, deviceScaleFactor: 2 });
  const page = await context.newPage();
  await page.goto(server.url);
  const button = page.getByRole('button', { name: 'Skapa första yttrandet (Word)' });
  await button.waitFor();
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'no horizontal scrolling');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  const focused = await page.evaluate(() => document.activeElement?.textContent);
  assert.equal(focused, 'Skapa första yttrandet (Word)', 'reachable by keyboard');
  await page.screenshot({ path: join(SCREENSHOTS, 'start-zoom-200.png'), fullPage: true });
  await context.close();
});
