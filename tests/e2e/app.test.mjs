// Yttra in Debian's Chromium, used as a board secretary would: cases saved in the browser, files
// opened, documents downloaded, and nothing lost when storage or another tab gets in the way.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, OUTPUT, SCREENSHOTS, serverAndBrowser, axeViolations,
  docxTextWithPythonDocx, extractCase, readJson, openApp, downloadFrom, syntheticLargeCase,
  launchChromium, watchPage,
} from './support.mjs';

const example = readJson(join(ROOT, 'examples', 'it-sakerhet-tva-namnder.json'));
const EXAMPLE_TITLE = 'Granskning av IT-säkerhet (SR-2025-17)';
const SAVED = 'Alla ändringar är sparade i webbläsaren.';
const env = serverAndBrowser();

/** A fresh browser profile (empty storage) with one page on the start page. */
function freshApp(options) {
  return openApp(env.browser, env.server.url, options);
}

async function openExample(page) {
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('heading', { name: EXAMPLE_TITLE, level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: SAVED }).waitFor();
}

const download = downloadFrom;

async function savedRows(page) {
  return page.locator('table.cases tbody tr').count();
}

test('the start page loads from this origin only, explains itself and passes axe', async () => {
  const { context, page, seen } = await freshApp();
  await page.getByText('Inga ärenden är sparade här ännu').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'start-empty.png'), fullPage: true });
  assert.equal(await page.locator('#loading').count(), 0, 'the loading text is removed');
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((entry) => entry.name));
  assert.ok(!loaded.some((url) => url.includes('generator')), 'the document generator is not loaded for the first screen');
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(seen.foreign, [], 'no request left the origin');
  assert.deepEqual(seen.errors, [], 'no page errors');
  await context.close();
});

test('the start page shows before the rest of the app has loaded, and what is picked there waits for it', async () => {
  // The app's module held back, as a slow network would hold it.
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  const { context, page, seen } = await freshApp({
    route: ['**/app/frontend_bg.wasm', async (route) => { await held; await route.continue(); }],
  });
  await page.getByText('Inga ärenden är sparade här ännu').waitFor();
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('status').filter({ hasText: 'Yttra öppnar' }).waitFor();
  await page.getByRole('button', { name: 'Nytt ärende' }).click(); // a second choice meanwhile is not taken
  release();
  await page.getByRole('heading', { name: EXAMPLE_TITLE, level: 1 }).waitFor();
  await page.waitForFunction((title) => document.activeElement?.textContent.trim() === title, EXAMPLE_TITLE);
  await page.getByRole('status').filter({ hasText: SAVED }).waitFor();
  assert.equal(await page.locator('#yttra-first-screen').count(), 0, 'the start page module has left the page');
  assert.equal(await page.locator('main').count(), 1, 'one page in view');
  await page.getByRole('button', { name: '← Alla ärenden' }).click();
  assert.equal(await savedRows(page), 1, 'the example only: the second click was not taken');
  assert.deepEqual(seen.errors, [], 'no page errors');
  await context.close();
});

test('when the rest of the app cannot be loaded, the start page says so and stays usable', async () => {
  const { context, page } = await freshApp({ route: ['**/app/frontend_bg.wasm', (route) => route.abort()] });
  await page.getByText('Inga ärenden är sparade här ännu').waitFor();
  await page.getByRole('button', { name: 'Nytt ärende' }).click();
  await page.getByRole('alert').filter({ hasText: 'Yttra kunde inte öppna det du valde. En del av programmet kunde inte hämtas. Kontrollera nätverket och försök igen.' }).waitFor();
  assert.ok(await page.getByRole('heading', { name: 'Yttra', level: 1 }).isVisible(), 'the start page stays');
  // The network back: the same click now opens the new case.
  await context.unrouteAll();
  await page.getByRole('button', { name: 'Nytt ärende' }).click();
  await page.getByRole('heading', { name: 'Namnlöst ärende', level: 1 }).waitFor();
  await context.close();
});

test('a browser without WebAssembly SIMD is told that Yttra cannot start there', {
  skip: process.arch !== 'x64' && 'Chromium is told there is no SIMD through an x64 processor flag',
}, async () => {
  // V8 offers WebAssembly SIMD only on processors with SSE4.1: told there is none, Chromium is a
  // browser without it, as Firefox before 89 and Safari before 16.4 are.
  const browser = await launchChromium(['--js-flags=--no-enable-sse4-1']);
  try {
    const context = await browser.newContext({ locale: 'sv-SE' });
    const page = await context.newPage();
    const seen = watchPage(page, new URL(env.server.url).origin);
    await page.goto(env.server.url);
    // First that the flag took effect: a module with one v128.const no longer validates.
    const simd = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
      10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11];
    assert.equal(await page.evaluate((bytes) => WebAssembly.validate(new Uint8Array(bytes)), simd), false,
      'this Chromium has no WebAssembly SIMD');
    await page.getByRole('alert')
      .filter({ hasText: 'Yttra kunde inte starta i den här webbläsaren. Öppna Yttra i en nyare version av Edge, Chrome, Firefox eller Safari, eller be it-supporten om hjälp.' })
      .waitFor();
    assert.equal(await page.getByRole('button', { name: 'Nytt ärende' }).count(), 0,
      'no start page that would fail at the first click');
    assert.deepEqual(seen.foreign, [], 'no request left the origin');
  } finally {
    await browser.close();
  }
});

test('the Content Security Policy refuses other origins', async () => {
  const { context, page } = await freshApp();
  const blocked = await page.evaluate(async () => {
    try { await fetch('https://example.org/'); return false; } catch { return true; }
  });
  assert.equal(blocked, true);
  await context.close();
});

/** A document's embedded case holds the audit and, of the boards' answers, only `board`'s. */
function assertCutFor(embedded, board) {
  assert.deepEqual(embedded.audit, example.audit, 'the audit as the report states it');
  assert.deepEqual(embedded.responses.map((response) => response.board), [board]);
  for (const other of example.boards.filter((b) => b.id !== board)) {
    assert.ok(!JSON.stringify(embedded).includes(other.diarienummer), `${other.id}'s diarienummer`);
  }
}

test('the första yttrande\'s page loads the generator ahead and warms it up; the case page does not', async () => {
  const { context, page, seen } = await freshApp();
  const generatorLoaded = () => page.evaluate(() => performance.getEntriesByType('resource')
    .some((entry) => entry.name.includes('generator_bg.wasm')));
  await openExample(page);
  await page.waitForTimeout(500);
  assert.equal(await generatorLoaded(), false, 'the case page leaves the generator until it is needed');

  await page.getByRole('button', { name: 'Svara för Servicenämnden' }).click();
  await page.getByRole('heading', { name: 'Första yttrandet: Servicenämnden', level: 1 }).waitFor();
  await page.waitForFunction(() => performance.getEntriesByType('resource')
    .some((entry) => entry.name.includes('generator_bg.wasm')));
  // The warm-up's small document is made once the page is idle, and shows nowhere.
  await page.waitForTimeout(1000);
  assert.deepEqual(seen.errors, [], 'the warm-up raised nothing');
  assert.equal(await page.getByRole('alert').count(), 0, 'the warm-up says nothing to the user');
  await page.getByRole('button', { name: '← Till ärendet' }).click();
  const { path } = await download(page, 'Första yttrandet, Servicenämnden (Word)');
  assertCutFor(extractCase(path), 'sn');
  assert.deepEqual(seen.foreign, [], 'no request left the origin');
  await context.close();
});

test('the example opens, is saved, and its första yttrande downloads as a real document', async () => {
  const { context, page, seen } = await freshApp();
  await openExample(page);
  await page.screenshot({ path: join(SCREENSHOTS, 'case.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);

  const { path, name } = await download(page, 'Första yttrandet, Servicenämnden (Word)');
  assert.equal(name, 'SR-2025-17-Servicenämnden-första-yttrande-2025-03-26.docx');
  const text = docxTextWithPythonDocx(path);
  for (const item of [...example.audit.assessments, ...example.audit.recommendations]) {
    if (item.addressees.includes('sn')) assert.ok(text.includes(item.text), `missing: ${item.text}`);
  }
  assertCutFor(extractCase(path), 'sn');

  const json = await download(page, 'Ladda ner ärendet (JSON)', 'example-case.json');
  assert.match(json.name, /^SR-2025-17-ärende-\d{4}-\d{2}-\d{2}\.json$/);
  assert.deepEqual(readJson(json.path), example);

  await page.getByRole('button', { name: '← Alla ärenden' }).click();
  await page.getByRole('cell', { name: EXAMPLE_TITLE, exact: true }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'start-with-case.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  assert.deepEqual(seen.foreign, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a case typed from nothing survives a reload', async () => {
  const { context, page } = await freshApp();
  const deadline = `${new Date().getFullYear() + 1}-03-31`; // a coming deadline, whatever today is
  await page.getByRole('button', { name: 'Nytt ärende' }).click();
  await page.getByRole('heading', { name: 'Namnlöst ärende', level: 1 }).waitFor();
  await page.getByLabel('Revisorernas referens').fill('SR-2026-7');
  await page.getByLabel('Granskningens titel').fill('Granskning av arkivering');
  await page.getByLabel('Missivets datum').fill('2026-01-28');
  await page.getByLabel('Lägg till nämnd').fill('Kulturnämnden');
  await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await page.getByLabel('Nämndens diarienummer').fill('KN-2026-12');
  await page.getByLabel('Sista dag, första yttrandet').fill(deadline);
  await page.getByRole('status').filter({ hasText: SAVED }).waitFor();

  await page.reload();
  await page.getByRole('heading', { name: 'Granskning av arkivering (SR-2026-7)', level: 1 }).waitFor();
  assert.equal(await page.getByLabel('Nämndens diarienummer').inputValue(), 'KN-2026-12');
  assert.equal(await page.getByLabel('Missivets datum').inputValue(), '2026-01-28');

  await page.getByRole('button', { name: '← Alla ärenden' }).click();
  const row = page.getByRole('row').filter({ hasText: 'Granskning av arkivering' });
  await row.waitFor();
  assert.match(await row.innerText(), /Kulturnämnden/);
  assert.ok((await row.innerText()).includes(deadline), 'the next deadline is listed');

  // A reload returns to the very page the user was on.
  await page.getByRole('button', { name: 'Öppna Granskning av arkivering (SR-2026-7)' }).click();
  await page.getByRole('button', { name: 'Svara för Kulturnämnden' }).click();
  await page.getByRole('heading', { name: 'Första yttrandet: Kulturnämnden', level: 1 }).waitFor();
  await page.reload();
  await page.getByRole('heading', { name: 'Första yttrandet: Kulturnämnden', level: 1 }).waitFor();
  await context.close();
});

test('a case typed from nothing, with the report\'s list pasted and every recommendation answered, becomes the yttrande', async () => {
  const { context, page } = await freshApp();
  await page.getByRole('button', { name: 'Nytt ärende' }).click();
  await page.getByLabel('Revisorernas referens').fill('SR-2024-38');
  await page.getByLabel('Granskningens titel').fill('Granskning av IT-säkerhet');
  await page.getByLabel('Lägg till nämnd').fill('Kommunstyrelsen');
  await page.getByRole('button', { name: 'Lägg till', exact: true }).click();

  // Paste the recommendation list as copied from the board's report.
  const report = readFileSync(join(ROOT, '..', 'shared', 'reference', 'tjansteskrivelse-ks-2025.txt'), 'utf8');
  const start = report.indexOf('Utifrån resultatet av granskningen');
  const pasted = report.slice(start, report.indexOf('Bakgrund', start));
  await page.getByRole('button', { name: 'Klistra in rekommendationer från rapporten' }).click();
  await page.getByLabel('Klistra in rekommendationer från rapporten').fill(pasted);
  await page.getByRole('heading', { name: '4 att lägga till' }).waitFor();
  // The list's introduction heads it, and addresses its items to the board it names.
  await page.getByText('Inleds med: Utifrån resultatet av granskningen rekommenderas kommunstyrelsen att:').waitFor();
  assert.equal(await page.getByText('Rader som inte togs med').count(), 0);
  for (const index of [0, 1, 2, 3]) {
    assert.equal(await page.locator(`#paste-item-${index}-to-kommunstyrelsen`).isChecked(), true);
  }
  assert.match(await page.getByLabel('Punkt 1', { exact: true }).inputValue(), /^Bereda förslag till en informationssäkerhetspolicy/);

  // The user merges two points by mistake and splits them again at the cursor.
  const second = await page.getByLabel('Punkt 2', { exact: true }).inputValue();
  await page.getByRole('button', { name: 'Slå ihop punkt 1 med nästa' }).click();
  await page.getByRole('heading', { name: '3 att lägga till' }).waitFor();
  const merged = page.getByLabel('Punkt 1', { exact: true });
  const at = (await merged.inputValue()).indexOf(second);
  await merged.evaluate((element, position) => element.setSelectionRange(position, position), at);
  await page.getByRole('button', { name: 'Dela punkt 1 vid markören' }).click();
  await page.getByRole('heading', { name: '4 att lägga till' }).waitFor();
  assert.equal(await page.getByLabel('Punkt 2', { exact: true }).inputValue(), second);

  assert.equal(await page.locator('#paste-all-to-kommunstyrelsen').isChecked(), true, 'split halves keep the addressee');
  await page.screenshot({ path: join(SCREENSHOTS, 'paste-import.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Lägg till 4 rekommendationer' }).click();
  await page.getByRole('status').filter({ hasText: '4 rekommendationer har lagts till.' }).waitFor();

  // Answer: the summary, then every recommendation in the report's order.
  await page.getByRole('button', { name: 'Svara för Kommunstyrelsen' }).click();
  await page.getByLabel('Nämndens sammanfattande svar').fill('Kommunstyrelsen instämmer i huvudsak i granskningens slutsatser.');
  await page.getByLabel('Yttrandets datum').fill('2025-03-20');
  await page.getByRole('button', { name: 'Lägg till undertecknare' }).click();
  await page.getByLabel('Namn, undertecknare 1').fill('Eva Lind');
  await page.getByLabel('Roll, undertecknare 1').fill('Ordförande');
  await page.getByRole('button', { name: 'Nästa: Rekommendation 1' }).click();
  const measures = [];
  for (const number of [1, 2, 3, 4]) {
    await page.getByRole('heading', { name: `Rekommendation ${number}`, level: 2 }).waitFor();
    if (number === 4) {
      await page.getByLabel('Instämmer delvis').check();
      await page.getByLabel('Motivering').fill('Utbildning räcker inte ensam; kulturen behöver också stärkas.');
    } else {
      await page.getByLabel('Instämmer', { exact: true }).check();
    }
    await page.getByRole('button', { name: 'Lägg till åtgärd' }).click();
    const id = `A${number}`;
    const action = `Åtgärd för rekommendation ${number}: en rutin tas fram och beslutas.`;
    measures.push(action);
    const group = page.getByRole('group', { name: `Åtgärd ${id}` });
    await group.getByLabel('Vad ska göras (åtgärd)').fill(action);
    await group.getByLabel('Förväntad effekt').fill(`Effekten av ${id} följs upp årligen.`);
    await group.getByLabel('Senast genomförd').fill('2025-12-31');
    await group.getByLabel('Ansvarig (roll)').fill('Säkerhetschef');
    if (number === 1) await page.locator('#measure-A1-answers-R2').check(); // one measure, two recommendations
    if (number === 3) {
      await page.screenshot({ path: join(SCREENSHOTS, 'answer.png'), fullPage: true });
      assert.deepEqual(await axeViolations(page), []);
    }
    await page.getByRole('button', { name: number < 4 ? 'Nästa' : 'Klar: tillbaka till ärendet', exact: true }).click();
  }
  await page.getByText('4 av 4 rekommendationer besvarade').waitFor();
  await page.getByRole('status').filter({ hasText: SAVED }).waitFor();

  // Reload: everything is still there.
  await page.reload();
  await page.getByRole('heading', { name: 'Granskning av IT-säkerhet (SR-2024-38)', level: 1 }).waitFor();
  await page.getByText('4 av 4 rekommendationer besvarade').waitFor();
  assert.equal(await page.locator('#item-R4-to-kommunstyrelsen').isChecked(), true);
  await page.getByRole('button', { name: 'Svara för Kommunstyrelsen' }).click();
  await page.getByRole('button', { name: 'Rekommendation 2, besvarad' }).click();
  await page.getByRole('group', { name: 'Åtgärd A1' }).waitFor(); // linked from recommendation 1
  await page.getByRole('button', { name: '← Till ärendet' }).click();

  // The document holds what was typed.
  const { path, name } = await download(page, 'Första yttrandet, Kommunstyrelsen (Word)');
  assert.equal(name, 'SR-2024-38-Kommunstyrelsen-första-yttrande-2025-03-20.docx');
  const text = docxTextWithPythonDocx(path);
  assert.ok(text.includes('Kommunstyrelsen instämmer i huvudsak i granskningens slutsatser.'));
  assert.ok(text.includes('Instämmer delvis'));
  assert.ok(text.includes('Utbildning räcker inte ensam'));
  assert.ok(text.includes('Eva Lind\nOrdförande'), 'the signatory signs the document');
  for (const action of measures) assert.ok(text.includes(action), action);
  assert.ok(text.includes(second), 'the split recommendation is quoted');
  await context.close();
});

test('Granska lists every finding as a link to its field, and previews the yttrande', async () => {
  const { context, page } = await freshApp();
  page.on('dialog', (dialog) => dialog.accept());
  await openExample(page);
  await page.getByRole('button', { name: 'Granska ärendet' }).click();
  await page.getByText('Inga fel eller varningar: yttrandena kan skapas.').waitFor();
  const preview = page.getByRole('region', { name: 'Dokumentets text' });
  await preview.getByRole('heading', { name: 'Granskning av IT-säkerhet SR-2025-17' }).waitFor();
  await preview.getByRole('columnheader', { name: 'Förväntad effekt' }).first().waitFor();
  await page.getByLabel('Dokument', { exact: true }).selectOption({ label: 'Första yttrandet, Servicenämnden' });
  await preview.getByText('Planen övas en gång per år tillsammans med förvaltningarnas informationssäkerhetssamordnare.').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'review-clean.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);

  // Break two things: the title, and recommendation 1's only measure.
  await page.getByRole('button', { name: '← Till ärendet' }).click();
  await page.getByLabel('Granskningens titel').fill('');
  await page.getByRole('button', { name: 'Svara för Kommunstyrelsen' }).click();
  await page.getByRole('button', { name: 'Rekommendation 1, besvarad' }).click();
  await page.getByRole('button', { name: 'Ta bort åtgärd A1' }).click();
  await page.getByRole('button', { name: 'Rekommendation 1, inte besvarad' }).waitFor();
  await page.getByRole('button', { name: '← Till ärendet' }).click();

  await page.getByRole('button', { name: 'Granska ärendet' }).click();
  await page.getByText('2 fel och 0 varningar').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'review-findings.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: /Rekommendation 1 har ingen åtgärd/ }).click();
  await page.getByRole('heading', { name: 'Rekommendation 1', level: 2 }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'no-measure-reason');
  await page.getByRole('button', { name: '← Till ärendet' }).click();
  await page.getByRole('button', { name: 'Granska ärendet' }).click();
  await page.getByRole('button', { name: /Ange granskningens titel/ }).click();
  await page.getByLabel('Granskningens titel').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'audit-title');
  await context.close();
});

test('a broken or foreign file shows a Swedish message and changes nothing stored', async () => {
  const { context, page } = await freshApp();
  await openExample(page);
  await page.getByRole('button', { name: '← Alla ärenden' }).click();
  await page.getByRole('cell', { name: EXAMPLE_TITLE, exact: true }).waitFor();
  const before = await savedRows(page);

  const broken = join(OUTPUT, 'trasigt-ärende.json');
  writeFileSync(broken, '{ "format": "yttra-case", "format_version": 1, "audit": ');
  await page.getByLabel('Öppna en fil').setInputFiles(broken);
  const alert = page.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /«trasigt-ärende\.json» kunde inte öppnas\. Filen är inte giltig JSON/);
  await page.screenshot({ path: join(SCREENSHOTS, 'broken-file.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);

  const foreign = join(OUTPUT, 'anteckningar.docx');
  writeFileSync(foreign, 'PK\u0003\u0004 inte ett riktigt dokument');
  await page.getByLabel('Öppna en fil').setInputFiles(foreign);
  await page.getByRole('alert').filter({ hasText: '«anteckningar.docx» kunde inte öppnas' }).waitFor();

  await page.reload();
  await page.getByRole('cell', { name: EXAMPLE_TITLE, exact: true }).waitFor();
  assert.equal(await savedRows(page), before, 'the stored cases are unchanged');
  await context.close();
});

test('a yttrande made by Yttra opens as its case: on its own, or merged into the stored case', async () => {
  const { context, page } = await freshApp();
  await openExample(page);
  const { path } = await download(page, 'Första yttrandet, Kommunstyrelsen (Word)', 'for-reopening.docx');
  const second = await freshApp();
  await second.page.getByLabel('Öppna en fil').setInputFiles(path);
  await second.page.getByRole('heading', { name: EXAMPLE_TITLE, level: 1 }).waitFor();
  await second.page.getByRole('status').filter({ hasText: 'med det som dokumentet visar: första yttrandet för Kommunstyrelsen' }).waitFor();
  await second.page.getByRole('status').filter({ hasText: SAVED }).waitFor();
  await second.context.close();

  // Where the whole case is stored, the document is recognised and nothing is duplicated or lost.
  await page.getByRole('button', { name: '← Alla ärenden' }).click();
  await page.getByLabel('Öppna en fil').setInputFiles(path);
  await page.getByRole('status').filter({ hasText: 'säger inget annat än det sparade ärendet' }).waitFor();
  await page.getByRole('button', { name: '← Alla ärenden' }).click();
  assert.equal(await savedRows(page), 1);
  await context.close();
});

test('deleting a case asks first', async () => {
  const { context, page } = await freshApp();
  await openExample(page);
  await page.getByRole('button', { name: '← Alla ärenden' }).click();
  await page.getByRole('button', { name: `Ta bort ${EXAMPLE_TITLE}` }).click();
  await page.getByRole('button', { name: 'Avbryt' }).click();
  assert.equal(await savedRows(page), 1);
  // Asked on the start page's own module (after a reload) by keyboard: the question takes focus
  // on its safe answer, as when the app asks.
  await page.reload();
  await page.getByRole('button', { name: `Ta bort ${EXAMPLE_TITLE}` }).focus();
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.activeElement?.textContent === 'Avbryt');
  await page.getByRole('button', { name: 'Ja, ta bort' }).click();
  await page.getByText('Inga ärenden är sparade här ännu').waitFor();
  await page.reload();
  await page.getByText('Inga ärenden är sparade här ännu').waitFor();
  await context.close();
});

test('two tabs editing one case do not overwrite each other silently', async () => {
  const { context, page: first } = await freshApp();
  await openExample(first);
  const second = await context.newPage();
  await second.goto(env.server.url);
  await second.getByRole('heading', { name: EXAMPLE_TITLE, level: 1 }).waitFor();

  await first.getByLabel('Granskningens titel').fill('Granskning av IT-säkerheten');
  await first.getByRole('status').filter({ hasText: SAVED }).waitFor();
  await second.getByLabel('Revisorernas referens').fill('SR-2025-17b');
  const warning = second.getByRole('alert').filter({ hasText: 'ändrats i en annan flik' });
  await warning.waitFor();
  await second.screenshot({ path: join(SCREENSHOTS, 'conflict.png'), fullPage: true });

  await second.getByRole('button', { name: 'Läs in den sparade versionen' }).click();
  await second.getByRole('heading', { name: 'Granskning av IT-säkerheten (SR-2025-17)', level: 1 }).waitFor();
  await context.close();
});

test('without storage the user is told, and can still download the work', async () => {
  const { context, page } = await freshApp({
    initScript: () => Object.defineProperty(window, 'indexedDB', { get: () => undefined }),
  });
  await page.getByRole('alert').filter({ hasText: 'låter inte Yttra spara' }).waitFor();
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('status').filter({ hasText: 'Sparas inte i webbläsaren' }).waitFor();
  const { path } = await download(page, 'Ladda ner ärendet (JSON)', 'unstored.json');
  assert.deepEqual(readJson(path), example);
  await context.close();
});

test('a full storage is reported and the work stays on screen', async () => {
  const { context, page } = await freshApp({
    initScript: () => {
      IDBObjectStore.prototype.put = function () {
        throw new DOMException('Lagringen är full', 'QuotaExceededError');
      };
    },
  });
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('alert').filter({ hasText: 'lagring är full' }).waitFor();
  await page.getByRole('heading', { name: EXAMPLE_TITLE, level: 1 }).waitFor();
  const { path } = await download(page, 'Ladda ner ärendet (JSON)', 'full-storage.json');
  assert.deepEqual(readJson(path), example);
  await context.close();
});

test('a hundred large cases fit in the browser and the start page lists them', async () => {
  const large = syntheticLargeCase();
  assert.ok(large.length > 140000, `a large case is ${large.length} characters`);
  const { context, page } = await freshApp();
  await page.getByText('Inga ärenden är sparade här ännu').waitFor();
  // Written with the app's own record layout (see frontend/src/store.rs), one transaction each.
  const written = await page.evaluate(async ({ json, count }) => {
    const db = await new Promise((resolve, reject) => {
      const request = indexedDB.open('yttra', 1);
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });
    const base = JSON.parse(json);
    for (let i = 0; i < count; i++) {
      const id = `bulk-${i}`;
      base.audit.reference = `SR-2025-${100 + i}`;
      const summary = { id, title: base.audit.title, reference: base.audit.reference, boards: ['Kommunstyrelsen'],
        next_deadline: null, saved_at: new Date(Date.now() - i * 60000).toISOString(), revision: 1 };
      await new Promise((resolve, reject) => {
        const tx = db.transaction(['cases', 'summaries'], 'readwrite');
        tx.objectStore('cases').put({ id, json: JSON.stringify(base, null, 2), savedAt: summary.saved_at, revision: 1 });
        tx.objectStore('summaries').put({ id, json: JSON.stringify(summary), revision: 1 });
        tx.oncomplete = resolve;
        tx.onerror = () => reject(tx.error);
      });
    }
    const estimate = await navigator.storage.estimate();
    return estimate.usage;
  }, { json: large, count: 100 });
  console.log(`# 100 large cases stored: ${(written / 1e6).toFixed(1)} MB in IndexedDB`);

  await page.reload();
  await page.getByRole('cell', { name: 'Granskning av informationssäkerhet i stor skala (SR-2025-199)', exact: true }).waitFor();
  assert.equal(await savedRows(page), 100);
  await page.getByRole('button', { name: 'Öppna Granskning av informationssäkerhet i stor skala (SR-2025-150)' }).click();
  await page.getByRole('heading', { name: 'Granskning av informationssäkerhet i stor skala (SR-2025-150)', level: 1 }).waitFor();
  await page.getByRole('group', { name: 'Rekommendation 60', exact: true }).waitFor();
  await context.close();
});

test('the single-file build works opened straight from disk', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true, locale: 'sv-SE' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`file://${join(ROOT, 'dist', 'yttra.html')}`);
  await page.getByRole('heading', { name: 'Yttra', level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('heading', { name: EXAMPLE_TITLE, level: 1 }).waitFor();
  const { path } = await download(page, 'Första yttrandet, Kommunstyrelsen (Word)', 'from-single-file.docx');
  assertCutFor(extractCase(path), 'ks');
  assert.ok(docxTextWithPythonDocx(path).includes('Kommunstyrelsen delar i stort revisorskollegiets bild.'));
  assert.deepEqual(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('blob:') && !url.startsWith('data:')), []);
  assert.deepEqual(errors, []);
  await page.screenshot({ path: join(SCREENSHOTS, 'single-file.png'), fullPage: true });
  await context.close();
});

test('the pages work at 200 % zoom on a 1366×768 screen and by keyboard', async () => {
  const { context, page } = await freshApp({ viewport: { width: 683, height: 384 } });
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(await overflow(), false, 'start page: no horizontal scrolling');
  await page.keyboard.press('Tab');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Nytt ärende');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: EXAMPLE_TITLE, level: 1 }).waitFor();
  assert.equal(await overflow(), false, 'case page: no horizontal scrolling');
  await page.screenshot({ path: join(SCREENSHOTS, 'case-zoom-200.png'), fullPage: true });
  await page.getByRole('button', { name: 'Svara för Servicenämnden' }).click();
  await page.getByRole('button', { name: 'Bedömning 3, besvarad' }).click();
  await page.getByRole('heading', { name: 'Bedömning 3', level: 2 }).waitFor();
  assert.equal(await overflow(), false, 'answer page: no horizontal scrolling');
  await page.screenshot({ path: join(SCREENSHOTS, 'answer-zoom-200.png'), fullPage: true });
  await page.getByRole('button', { name: '← Till ärendet' }).click();
  await page.getByRole('button', { name: 'Granska ärendet' }).click();
  await page.getByRole('region', { name: 'Dokumentets text' }).waitFor();
  assert.equal(await overflow(), false, 'Granska: no horizontal scrolling');
  await page.screenshot({ path: join(SCREENSHOTS, 'review-zoom-200.png'), fullPage: true });
  await context.close();
});
