// The self-assessment in Debian's Chromium: a municipality's guideline of 300 requirements is
// imported as CSV, a few are rated, a gap becomes a measure, the work survives a reload, a second
// assessment is compared with the first, and the report is read by python-docx and LibreOffice.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  OUTPUT, SCREENSHOTS, serverAndBrowser, axeViolations, docxTextWithPythonDocx, xlsxWithOpenpyxl,
  docxTextWithLibreOffice, openApp, downloadFrom,
} from './support.mjs';

const TITLE = 'Granskning av IT-säkerhet (SR-2025-17)';
/** The synthetic guideline of 14 chapters (tests/fixtures/make_guideline.py). */
const GUIDELINE_320 = new URL('../fixtures/riktlinje-320.csv', import.meta.url).pathname;
const env = serverAndBrowser();

/** A guideline as a Swedish spreadsheet saves it: `;`, quoted texts, 12 chapters. */
function guidelineCsv(count) {
  const rows = ['Område;Id;Text;Vägledning;Hänvisning'];
  for (let index = 1; index <= count; index += 1) {
    const chapter = Math.ceil(index / 25);
    rows.push(`Kapitel ${chapter};K${index};"Krav ${index}: rutinen finns; den följs";Visa rutinen;${chapter}.${index}`);
  }
  const path = join(OUTPUT, `riktlinje-${count}.csv`);
  writeFileSync(path, `\ufeff${rows.join('\r\n')}\r\n`);
  return path;
}

async function rate(page, id, value) {
  await page.locator(`#q-${id.replaceAll('.', '\\.')}-rating`).selectOption(value);
}

async function importGuideline(page, path, start = 'Påbörja självskattningen med riktlinjen') {
  await page.getByLabel('Eller importera en egen riktlinje (CSV eller JSON)').setInputFiles(path);
  const preview = page.getByRole('region', { name: 'Granska riktlinjen innan den används' });
  await preview.getByText('«riktlinje-300.csv» har 300 krav i 12 kapitel.').waitFor();
  await preview.getByText('Inget behövde gissas').waitFor();
  await preview.getByRole('button', { name: start }).click();
  await page.getByRole('heading', { name: /^riktlinje-300 \d{4}$/, level: 1 }).waitFor();
}

test('a 300-requirement guideline is imported, rated, turned into a measure, compared and reported', async () => {
  const csv = guidelineCsv(300);
  const { context, page, seen } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();

  // A broken file: a Swedish message naming the line, and nothing added.
  const broken = join(OUTPUT, 'trasig-riktlinje.csv');
  writeFileSync(broken, 'Område;Id;Text\nA;1;Ett\nA;1;Två\n');
  await page.getByLabel('Eller importera en egen riktlinje (CSV eller JSON)').setInputFiles(broken);
  await page.getByText('«trasig-riktlinje.csv» kunde inte öppnas. Rad 3: id «1» finns redan på en tidigare rad.').waitFor();
  assert.equal(await page.getByRole('button', { name: /^Öppna Självskattning|^Öppna riktlinje/ }).count(), 0);

  // A quote left open swallows rows, and a column is not read: both are said before anything
  // is used, and cancelling adds nothing.
  const doubtful = join(OUTPUT, 'oklar-riktlinje.csv');
  writeFileSync(doubtful, 'Område;Id;Text;Ansvarig\nA;1;"Ett med citat;alla\nA;2;Två;chefer\nA;3;Tre";alla\nA;4;Fyra;alla\n');
  await page.getByLabel('Eller importera en egen riktlinje (CSV eller JSON)').setInputFiles(doubtful);
  const preview = page.getByRole('region', { name: 'Granska riktlinjen innan den används' });
  await preview.getByText('Rad 1: kolumnen «Ansvarig» läses inte in.').waitFor();
  await preview.getByText('Rad 2: rad 2 och 3 ser ut att ha slagits ihop', { exact: false }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'framework-preview.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await preview.getByRole('button', { name: 'Avbryt' }).click();
  await preview.waitFor({ state: 'detached' });
  assert.equal(await page.getByRole('button', { name: /^Öppna oklar-riktlinje/ }).count(), 0);

  await importGuideline(page, csv);
  await page.getByText('0 av 300 besvarade').first().waitFor();
  await rate(page, 'K1', '1');
  await rate(page, 'K2', '3');
  await rate(page, 'K3', 'na');
  await page.locator('p.progress').filter({ hasText: '3 av 300 besvarade · genomsnitt 2,0 av 4 (50 %)' }).waitFor();
  await page.getByRole('group', { name: 'Visa' }).getByLabel('Låga betyg (0–1)').check();
  assert.equal(await page.locator('.question').count(), 1, 'only the gap is shown');
  // The target list quotes each recommendation, so the user sees what the measure answers.
  const target = page.getByLabel('Åtgärda bristen under');
  const label = (await target.locator('option').allInnerTexts()).find((text) => text.startsWith('Rekommendation 2: '));
  assert.ok(label, 'recommendation 2 is offered with its text');
  await target.selectOption({ label });
  await page.getByRole('button', { name: 'Skapa åtgärd från fråga K1' }).click();
  await page.getByRole('status').filter({ hasText: /Åtgärd A\d+ har skapats under rekommendation 2 från fråga K1\./ }).waitFor();
  await page.locator('#q-K1-made').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'assessment.png'), fullPage: false });
  assert.deepEqual(await axeViolations(page), []);

  // A reload returns to the assessment with the ratings kept.
  await page.reload();
  await page.getByRole('heading', { name: /^riktlinje-300 \d{4}$/, level: 1 }).waitFor();
  assert.equal(await page.locator('#q-K1-rating').inputValue(), '1');
  assert.equal(await page.locator('#q-K3-rating').inputValue(), 'na');

  // The report a board member reads: a summary, the chart, the gap with its measure; the 297
  // questions without an answer can be left out of the tables, and the report says so.
  await page.getByLabel('Utelämna frågor utan svar ur rapportens svarstabeller (297 frågor)').check();
  const first = docxTextWithPythonDocx((await downloadFrom(page, 'Rapport (Word)')).path);
  for (const expected of ['Sammanfattning', 'Resultat per område', 'Brister och åtgärder',
    '1 fråga är en brist (betyget 1 – Påbörjat eller lägre), varav 1 med en åtgärd.',
    'Frågor utan svar (inget betyg och ingen kommentar) är utelämnade: 297 av 300 frågor.']) {
    assert.ok(first.includes(expected), `python-docx: ${expected}`);
  }
  assert.match(first, /A\d+: Åtgärda brist i självskattningen: Krav 1: rutinen finns/);
  assert.ok(!first.includes('Krav 300: rutinen finns'), 'an unanswered question is left out');
  const workbook = xlsxWithOpenpyxl((await downloadFrom(page, 'Arbetsbok (Excel)')).path);
  assert.deepEqual(Object.keys(workbook), ['Översikt', 'Svar']);
  assert.equal(workbook['Svar'].length, 301);
  assert.deepEqual(workbook['Svar'][1].slice(0, 3), ['Kapitel 1', 'K1', 'Krav 1: rutinen finns; den följs']);
  assert.deepEqual([workbook['Svar'][1][6], workbook['Svar'][1][8]], [1, 'Brist']);
  assert.deepEqual(workbook['Översikt'][3].slice(0, 3), ['Område', 'Frågor som gäller', 'Besvarade']);

  // The measure made from the gap is in the first yttrande, under recommendation 2.
  await page.getByRole('button', { name: '← Till ärendet' }).click();
  await page.getByRole('button', { name: 'Svara för Kommunstyrelsen' }).click();
  await page.getByRole('button', { name: /^Rekommendation 2, / }).click();
  assert.match(await page.locator('#measure-A6-action').inputValue(), /^Åtgärda brist i självskattningen: Krav 1: rutinen finns; den följs/);
  // The origin names the assessment as the user named it, and its framework.
  await page.getByText(/^Från självskattningen ”riktlinje-300 \d{4}” mot ramverket ”[^”]+”, fråga K1\.$/).waitFor();
  await page.getByRole('button', { name: '← Till ärendet' }).click();

  // Another assessment of the same guideline, from nothing, compared with the first. (The file
  // is recognised as the guideline used before; starting from last year's answers is tested
  // below.)
  await importGuideline(page, csv, 'Påbörja utan förra årets svar');
  await rate(page, 'K1', '3');
  await rate(page, 'K2', '2');
  await page.getByLabel('Tidigare självskattning', { exact: true }).selectOption({ index: 1 });
  await page.getByText('1 fråga bättre, 1 sämre, 0 oförändrade.').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'assessment-comparison.png'), fullPage: false });
  assert.deepEqual(await axeViolations(page), []);

  const report = await downloadFrom(page, 'Rapport med jämförelse (Word)');
  const wordText = docxTextWithPythonDocx(report.path);
  const squeeze = (text) => text.replace(/[\s\-‐­]+/g, '');
  const officeText = squeeze(docxTextWithLibreOffice(report.path));
  for (const expected of ['Förändring sedan föregående skattning', 'Frågor som har ändrats', 'Kapitel 12', 'Krav 300: rutinen finns; den följs', 'Bättre', 'Sämre']) {
    assert.ok(wordText.includes(expected), `python-docx: ${expected}`);
    assert.ok(officeText.includes(squeeze(expected)), `LibreOffice: ${expected}`);
  }

  for (const expected of ['Sammanfattning', 'Resultat per område', 'Brister och åtgärder', 'Jämfört med skattningen som påbörjades']) {
    assert.ok(wordText.includes(expected), `python-docx: ${expected}`);
  }

  const answers = await downloadFrom(page, 'Svaren som CSV');
  const exported = readFileSync(answers.path, 'utf8');
  assert.ok(exported.startsWith('\ufeffOmråde;Id;Text;Gäller från;Roller;Gäller;Betyg;'));
  assert.ok(exported.includes('Kapitel 1;K1;"Krav 1: rutinen finns; den följs";;;Ja;3;3 – Infört;'));
  assert.equal(exported.trim().split('\r\n').length, 301);

  assert.deepEqual(seen.foreign, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a guideline with classification levels and roles: an asset is classified and assessed chapter by chapter', async () => {
  const { context, page, seen } = await openApp(env.browser, env.server.url);
  page.on('dialog', (dialog) => dialog.accept());
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByLabel('Eller importera en egen riktlinje (CSV eller JSON)').setInputFiles(GUIDELINE_320);
  const preview = page.getByRole('region', { name: 'Granska riktlinjen innan den används' });
  await preview.getByText('«riktlinje-320.csv» har 319 krav i 14 kapitel.').waitFor();
  await preview.getByText('Rad 50: rad 50 och 51 ser ut att ha slagits ihop', { exact: false }).waitFor();
  await preview.getByText('Rad 125: rollen «IT-drfit» är inte en av de vanliga rollerna', { exact: false }).waitFor();
  await preview.getByText('Rad 1: kolumnen «Kommentar» läses inte in.').waitFor();
  await preview.getByRole('button', { name: 'Påbörja självskattningen med riktlinjen' }).click();
  await page.locator('p.progress').filter({ hasText: '0 av 319 besvarade' }).waitFor();

  // The assessment is of one system: classified low, the requirements from higher levels go,
  // and the app says so.
  await page.getByLabel('Ett system, en e-tjänst, ett register eller en förvaltning').check();
  await page.locator('#subject-name').fill('Ekonomisystemet');
  for (const [parameter, level] of [['K', '1'], ['R', '1'], ['T', '2'], ['Sp', '1']]) {
    await page.locator(`#subject-level-${parameter}`).selectOption(level);
  }
  await page.getByRole('status').filter({ hasText: /^Efter ändringen gäller \d+ krav inte längre/ }).first().waitFor();
  await page.locator('#subject-motivation-T').fill('Ett dygns avbrott går att hantera manuellt.');
  await page.locator('p.progress').filter({ hasText: '0 av 186 besvarade' }).waitFor();
  await page.getByText('186 av 319 krav gäller med klassningen K1 R1 T2 Sp1.', { exact: false }).waitFor();
  assert.equal(await page.locator('#q-1\\.3').count(), 0, '1.3 applies from K2');
  await page.getByLabel('Visa även de 133 krav som inte gäller med den här klassningen').check();
  await page.locator('#q-1\\.3').getByText('Gäller från K2 – systemet är klassat K1. Svaret räknas inte.').waitFor();
  await page.getByLabel('Visa även de 133 krav som inte gäller med den här klassningen').uncheck();

  // Keyboard rating: 3, 2, E on the first questions of the chapter, focus moving on.
  await page.locator('#q-1\\.1-rating').focus();
  await page.keyboard.press('3');
  await page.keyboard.press('2');
  await page.keyboard.press('e');
  assert.equal(await page.locator('#q-1\\.1-rating').inputValue(), '3');
  assert.equal(await page.locator('#q-1\\.2-rating').inputValue(), '2');
  assert.equal(await page.locator('#q-1\\.4-rating').inputValue(), 'na', '1.3 is not shown, so 1.4 is next');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q-1.6-rating');
  await page.getByRole('navigation', { name: 'Kapitel' }).getByRole('button', { name: /^Styrning av informationssäkerhet 3\/12$/ }).waitFor();

  // A whole chapter not applicable, with one motivation.
  const chapters = page.getByRole('navigation', { name: 'Kapitel' });
  await chapters.getByRole('button', { name: /^Kryptering / }).click();
  await page.getByRole('heading', { name: /^Kryptering \(/, level: 3 }).waitFor();
  await page.getByRole('button', { name: 'Hela kapitlet är ej tillämpligt…' }).click();
  await page.getByRole('button', { name: 'Markera kapitlet som ej tillämpligt' }).click();
  await page.getByRole('alert').filter({ hasText: 'Skriv varför kapitlet inte är tillämpligt' }).waitFor();
  await page.getByLabel('Varför är «Kryptering» inte tillämpligt?').fill('Nämnden har inga egna system; IT-avdelningen krypterar.');
  await page.getByRole('button', { name: 'Markera kapitlet som ej tillämpligt' }).click();
  await chapters.getByRole('button', { name: 'Kryptering ej tillämpligt' }).waitFor();
  await page.locator('p.progress').filter({ hasText: '14 av 186 besvarade' }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'assessment-chapters.png'), fullPage: false });
  assert.deepEqual(await axeViolations(page), []);

  // The role filter leaves the chapters that concern IT operations (and everyone).
  await page.getByLabel('Kapitel som rör rollen').selectOption('IT-drift');
  assert.deepEqual(
    (await chapters.getByRole('button').allInnerTexts()).map((text) => text.split('\n')[0]),
    ['Alla kapitel', 'Styrning av informationssäkerhet', 'Kryptering', 'Driftsäkerhet', 'Kommunikationssäkerhet', 'Incidenthantering'],
  );

  // Everything survives a reload, and a higher classification brings the answers back.
  await page.reload();
  await page.locator('p.progress').filter({ hasText: '14 av 186 besvarade' }).waitFor();
  assert.equal(await page.locator('#subject-motivation-T').inputValue(), 'Ett dygns avbrott går att hantera manuellt.');
  await page.locator('#subject-level-K').selectOption('3');
  await page.getByRole('status').filter({ hasText: /^Efter ändringen gäller \d+ krav till/ }).first().waitFor();

  await page.setViewportSize({ width: 683, height: 384 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'chapters and classification at 200 % zoom: no horizontal scrolling');
  await page.locator('#questions-heading').scrollIntoViewIfNeeded();
  await page.screenshot({ path: join(SCREENSHOTS, 'assessment-chapters-zoom-200.png'), fullPage: false });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('next year starts from last year: answers carried over until confirmed, a new version of the guideline compared requirement by requirement', async () => {
  const { context, page, seen } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByLabel('Eller importera en egen riktlinje (CSV eller JSON)').setInputFiles(GUIDELINE_320);
  const preview = page.getByRole('region', { name: 'Granska riktlinjen innan den används' });
  await preview.getByLabel('Version (t.ex. 2026 eller 2.1)').fill('2026');
  await preview.getByRole('button', { name: 'Påbörja självskattningen med riktlinjen' }).click();
  await page.locator('p.progress').filter({ hasText: '0 av 319 besvarade' }).waitFor();
  await rate(page, '1.1', '3');
  await rate(page, '1.2', '1');
  await page.locator('#q-1\\.2').getByText('Kommentar, belägg och bedömare, fråga 1.2').click();
  await page.locator('#q-1\\.2').getByLabel('Kommentar').fill('Planen finns men ingen är utbildad.');
  await page.locator('#q-1\\.2').getByLabel('Kommentar').blur();
  await rate(page, '1.4', '2');
  const lastYear = await page.getByRole('heading', { level: 1 }).innerText();

  // Next year's, ratings kept: every answer carried over and marked until confirmed.
  await page.getByRole('button', { name: 'Påbörja nästa självskattning från den här' }).click();
  await page.getByRole('status').filter({ hasText: `har påbörjats från «${lastYear}»: 3 svar har förts över (betygen följde med som utgångspunkt).` }).waitFor();
  await page.getByText('3 överförda svar återstår att bekräfta eller ändra.', { exact: false }).waitFor();
  assert.equal(await page.locator('#q-1\\.1-rating').inputValue(), '3');
  await page.getByLabel('Överförda att bekräfta').check();
  assert.equal(await page.locator('.question').count(), 3);
  await page.screenshot({ path: join(SCREENSHOTS, 'assessment-next-year.png'), fullPage: false });
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Stämmer fortfarande, fråga 1.1' }).click();
  await rate(page, '1.2', '2');
  await page.getByText('1 överfört svar återstår att bekräfta eller ändra.', { exact: false }).waitFor();
  assert.equal(await page.locator('#q-1\\.2-carried').count(), 0, 'a new rating is the user\'s own');
  await page.reload();
  await page.getByText('1 överfört svar återstår att bekräfta eller ändra.', { exact: false }).waitFor();
  await page.locator('#q-1\\.4-carried').waitFor();

  // A new version of the guideline under another file name: one requirement reworded, one
  // added, one removed. The user says it is the same guideline; the changes are listed.
  const lines = readFileSync(GUIDELINE_320, 'utf8').split('\n');
  const changed = lines.map((line) => line.startsWith('Styrning av informationssäkerhet;1.2;')
    ? line.replace('minst en gång per år', 'minst två gånger per år') : line)
    .filter((line) => !line.startsWith('Styrning av informationssäkerhet;1.5;'));
  changed.splice(3, 0, 'Styrning av informationssäkerhet;1.99;Förvaltningen har en utsedd informationssäkerhetssamordnare;;;Chefer;');
  const newVersion = join(OUTPUT, 'riktlinje-2027.csv');
  writeFileSync(newVersion, changed.join('\n'));
  await page.getByRole('button', { name: '← Till ärendet' }).click();
  await page.getByLabel('Eller importera en egen riktlinje (CSV eller JSON)').setInputFiles(newVersion);
  await preview.getByText('«riktlinje-2027.csv» har 319 krav i 14 kapitel.').waitFor();
  await preview.getByLabel('Är filen en ny version av ett ramverk nämnden har använt?').selectOption({ index: 1 });
  await preview.getByText(/^Jämfört med versionen i «.+»: 1 nytt krav, 1 ändrat och 1 borttaget\.$/).waitFor();
  await preview.getByLabel('Ramverkets namn').fill('riktlinje-320');
  await preview.getByLabel('Version (t.ex. 2026 eller 2.1)').fill('2027');
  await preview.getByText('Ändrade krav (1)').click();
  await preview.getByText('Förvaltningen utbildar om planen för kontinuitet vid avbrott minst två gånger per år').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'framework-new-version.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await preview.getByLabel('Sätt alla betyg på nytt (kommentarer och belägg följer med)').check();
  await preview.getByRole('button', { name: /^Påbörja nästa självskattning från «/ }).click();
  await page.getByRole('status').filter({ hasText: '1 nytt krav och 1 ändrat krav sedan dess är markerade.' }).waitFor();
  assert.equal(await page.locator('#q-1\\.1-rating').inputValue(), '', 'ratings are set anew');
  await page.locator('#q-1\\.2').getByText('Kommentar, belägg och bedömare, fråga 1.2').click();
  assert.equal(await page.locator('#q-1\\.2').getByLabel('Kommentar').inputValue(), 'Planen finns men ingen är utbildad.');
  await page.getByLabel('Nya och ändrade krav').check();
  assert.equal(await page.locator('.question').count(), 2);
  await page.locator('#q-1\\.99').getByText('Nytt krav sedan förra självskattningen').waitFor();
  await page.locator('#q-1\\.2').getByText('Kravet har ändrats sedan förra självskattningen').waitFor();
  // Compared with the assessment it started from, straight away.
  assert.notEqual(await page.getByLabel('Tidigare självskattning', { exact: true }).inputValue(), '');

  // Both versions were kept in the browser: after a reload they are chosen without the file.
  await page.getByRole('button', { name: '← Till ärendet' }).click();
  await page.reload();
  const framework = page.getByLabel('Ramverk', { exact: true });
  await framework.locator('option', { hasText: 'Sparad: riktlinje-320, version 2027 (319 krav)' }).waitFor({ state: 'attached' });
  assert.deepEqual(
    (await framework.locator('option').allInnerTexts()).filter((text) => text.startsWith('Sparad:')),
    ['Sparad: riktlinje-320, version 2026 (319 krav)', 'Sparad: riktlinje-320, version 2027 (319 krav)'],
  );
  await framework.selectOption({ label: 'Sparad: riktlinje-320, version 2027 (319 krav)' });
  await page.getByRole('button', { name: 'Påbörja självskattning', exact: true }).click();
  await preview.getByText('Inga krav har tillkommit, ändrats eller tagits bort.', { exact: false }).waitFor();
  await preview.getByRole('button', { name: 'Påbörja utan förra årets svar' }).click();
  await page.locator('p.progress').filter({ hasText: '0 av 319 besvarade' }).waitFor();
  await page.getByRole('button', { name: '← Till ärendet' }).click();
  page.once('dialog', (dialog) => dialog.accept());
  await page.getByText('Ramverk sparade i den här webbläsaren (2)').click();
  await page.getByRole('button', { name: 'Ta bort riktlinje-320, version 2026 (319 krav)' }).click();
  await page.getByRole('status').filter({ hasText: 'Ramverket är borttaget ur webbläsaren.' }).waitFor();
  await page.getByText('Ramverk sparade i den här webbläsaren (1)').waitFor();

  await page.setViewportSize({ width: 683, height: 384 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'next year at 200 % zoom: no horizontal scrolling');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('self-assessments on their own: an asset assessed outside any audit, the overview, and a gap made a measure in an audit case', async () => {
  const { context, page, seen } = await openApp(env.browser, env.server.url);
  // An audit case stored here, for the gap to go to.
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  await page.getByRole('button', { name: '← Alla ärenden' }).click();

  await page.getByRole('button', { name: 'Nya självskattningar (utan granskning)' }).click();
  await page.getByRole('heading', { name: /^Självskattningar \d{4}$/, level: 1 }).waitFor();
  await page.getByLabel('Lägg till nämnd eller förvaltning').fill('Servicenämnden');
  await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await page.getByLabel('Eller importera en egen riktlinje (CSV eller JSON)').setInputFiles(GUIDELINE_320);
  const preview = page.getByRole('region', { name: 'Granska riktlinjen innan den används' });
  await preview.getByRole('button', { name: 'Påbörja självskattningen med riktlinjen' }).click();
  await page.getByLabel('Ett system, en e-tjänst, ett register eller en förvaltning').check();
  await page.locator('#subject-name').fill('Ekonomisystemet');
  await page.locator('#subject-name').blur();
  await rate(page, '1.1', '0');
  await rate(page, '1.2', '3');

  // The gap goes to the audit case: the case opens, the user picks what the measure answers.
  await page.getByLabel('Gör bristen till en åtgärd i granskningsärendet').selectOption({ label: TITLE });
  await page.getByRole('button', { name: 'Öppna ärendet och skapa åtgärd från fråga 1.1' }).click();
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  const banner = page.getByRole('region', { name: 'En brist från självskattningarna blir en åtgärd' });
  await banner.getByText(/^Från självskattningen ”riktlinje-320 \d{4}” i ”Självskattningar \d{4}” mot ramverket ”riktlinje-320”, fråga 1\.1: /).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  const target = banner.getByLabel('Åtgärden besvarar');
  const label = (await target.locator('option').allInnerTexts()).find((text) => text.startsWith('Kommunstyrelsen: Rekommendation 2: '));
  await target.selectOption({ label });
  await banner.getByRole('button', { name: 'Skapa åtgärden' }).click();
  await page.getByRole('status').filter({ hasText: /^Åtgärd A\d+ har skapats för Kommunstyrelsen under rekommendation 2\. Från självskattningen/ }).waitFor();
  await banner.waitFor({ state: 'detached' });

  // The register is listed apart on the start page, and its overview shows the asset.
  await page.getByRole('button', { name: '← Alla ärenden' }).click();
  await page.getByRole('heading', { name: 'Självskattningar', level: 2 }).waitFor();
  await page.getByRole('button', { name: /^Öppna Självskattningar \d{4}$/ }).click();
  const overview = page.getByRole('region', { name: 'Översikt: riktlinje-320' }).last();
  await overview.getByRole('rowheader', { name: /^Ekonomisystemet/ }).waitFor();
  assert.equal(await overview.getByRole('cell', { name: '1,5 (2/20)' }).count(), 1, 'Styrning: two answers, mean 1,5');
  await page.screenshot({ path: join(SCREENSHOTS, 'self-assessments-overview.png'), fullPage: false });
  assert.deepEqual(await axeViolations(page), []);
  // The same overview as a workbook: the asset's row, its chapters' means and this year's mean.
  const { path: overviewPath, name: overviewName } = await downloadFrom(page, 'Översikten som arbetsbok (Excel)');
  assert.match(overviewName, /^Självskattningar-\d{4}-översikt-\d{4}-\d{2}-\d{2}\.xlsx$/);
  const [overviewSheet] = Object.values(xlsxWithOpenpyxl(overviewPath));
  assert.deepEqual(overviewSheet[3].slice(0, 6), ['Skattat', 'Nämnd', 'Senaste självskattning', 'Påbörjad', 'Besvarade', 'Totalt']);
  assert.deepEqual(overviewSheet[4].slice(0, 2), ['Ekonomisystemet', 'Servicenämnden']);
  assert.equal(overviewSheet[4][6], 1.5, 'Styrning: two answers, mean 1,5');
  await page.setViewportSize({ width: 683, height: 384 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'the overview scrolls inside its own region at 200 % zoom');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the built-in framework and the audit questions start an assessment', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  await page.getByLabel('Nämnd som skattar').selectOption({ label: 'Servicenämnden' });
  await page.getByRole('button', { name: 'Påbörja självskattning' }).click();
  await page.getByText('0 av 34 besvarade').first().waitFor();
  await page.getByText('Incidenthantering (0 av 4 besvarade)').waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.setViewportSize({ width: 683, height: 384 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'assessment page at 200 % zoom: no horizontal scrolling');
  await page.screenshot({ path: join(SCREENSHOTS, 'assessment-zoom-200.png'), fullPage: false });
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByRole('button', { name: '← Till ärendet' }).click();
  await page.getByLabel('Ramverk').selectOption({ label: 'Granskningens revisionsfrågor' });
  await page.getByRole('button', { name: 'Påbörja självskattning' }).click();
  await page.getByText('0 av 5 besvarade').first().waitFor();
  await page.getByRole('button', { name: '← Till ärendet' }).click();
  await page.getByRole('button', { name: /^Öppna Självskattning/ }).first().waitFor();
  assert.equal(await page.getByRole('button', { name: /^Öppna Självskattning/ }).count(), 2);
  await context.close();
});
