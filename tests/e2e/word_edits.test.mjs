// A första yttrande downloaded, amended outside the browser as a board meeting does it (in
// Word, here python-docx, and in LibreOffice), and opened again: every change is shown beside
// Yttra's text, taken in by the user, and kept after a reload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ROOT, OUTPUT, SCREENSHOTS, serverAndBrowser, axeViolations, openApp, downloadFrom } from './support.mjs';

const EXAMPLE_TITLE = 'Granskning av IT-säkerhet (SR-2025-17)';
const SAVED = 'Alla ändringar är sparade i webbläsaren.';
const env = serverAndBrowser();

function editWithPythonDocx(source, target, edits) {
  execFileSync(join(ROOT, '.venv', 'bin', 'python'),
    [join(ROOT, 'tests', 'consumers', 'word_edits.py'), source, target, ...edits]);
}

function editWithLibreOffice(source, target, edits) {
  execFileSync('/usr/bin/python3', [join(ROOT, 'tests', 'consumers', 'office_edits.py'), source, target, ...edits],
    { env: { ...process.env, HOME: join(OUTPUT, 'office-home') }, timeout: 300_000 });
}

async function openFile(page, path) {
  await page.getByRole('button', { name: '← Alla ärenden' }).click();
  await page.getByLabel('Öppna en fil').setInputFiles(path);
}

test('changes made in Word and LibreOffice are shown beside Yttra’s text and taken in', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('heading', { name: EXAMPLE_TITLE, level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: SAVED }).waitFor();
  const { path } = await downloadFrom(page, 'Första yttrandet, Kommunstyrelsen (Word)', 'to-amend.docx');

  // The meeting's amendments, typed in LibreOffice, then one more in Word.
  const inOffice = join(OUTPUT, 'amended-in-libreoffice.docx');
  editWithLibreOffice(path, inOffice, ['Y1c2_A1_doneby=30 september 2025', 'Y1l_R1_stance=Instämmer delvis']);
  const amended = join(OUTPUT, 'amended.docx');
  editWithPythonDocx(inOffice, amended, ['Y1c0_A1_action=Policyn tas fram under våren och beslutas i juni.', '+Justeras vid nästa möte.']);

  await openFile(page, amended);
  const panel = page.getByRole('region', { name: 'Ändrat i Word' });
  await panel.waitFor();
  for (const field of ['Åtgärd A1, vad som ska göras', 'Åtgärd A1, senast genomförd', 'Rekommendation 1, ställningstagande']) {
    await panel.getByRole('heading', { name: field, level: 3 }).waitFor();
  }
  await panel.getByText('Justeras vid nästa möte.').waitFor();
  assert.equal(await panel.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3 }) }).count(), 3);
  await page.screenshot({ path: join(SCREENSHOTS, 'word-edits.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);

  // Keep Yttra's stance, take the rest in at once.
  await panel.getByRole('button', { name: 'Behåll Yttras text: Rekommendation 1, ställningstagande' }).click();
  await panel.getByRole('button', { name: 'Ta in alla ändringar' }).click();
  await page.getByRole('status').filter({ hasText: '2 ändringar från dokumentet är inlästa.' }).waitFor();
  await panel.getByText('Alla ändringar i «amended.docx» är avgjorda.').waitFor();
  await page.getByRole('status').filter({ hasText: SAVED }).waitFor();

  await page.reload();
  await page.getByRole('heading', { name: EXAMPLE_TITLE, level: 1 }).waitFor();
  await page.getByRole('button', { name: /^Svara för Kommunstyrelsen/ }).click();
  await page.getByRole('button', { name: /^Rekommendation 1/ }).first().click();
  const a1 = page.getByRole('group', { name: 'Åtgärd A1' });
  assert.equal(await a1.getByLabel('Vad ska göras (åtgärd)').inputValue(), 'Policyn tas fram under våren och beslutas i juni.');
  assert.equal(await a1.getByLabel(/Senast genomförd/).inputValue(), '2025-09-30');
  await context.close();
});

test('the list of changes reads at 200 % zoom', async () => {
  const { context, page } = await openApp(env.browser, env.server.url, { viewport: { width: 683, height: 384 } });
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('heading', { name: EXAMPLE_TITLE, level: 1 }).waitFor();
  const { path } = await downloadFrom(page, 'Första yttrandet, Kommunstyrelsen (Word)', 'to-amend-zoom.docx');
  const amended = join(OUTPUT, 'amended-zoom.docx');
  editWithPythonDocx(path, amended, ['Y1c0_A2_action=Första lydelsen.', 'Y2c0_A2_action=Andra lydelsen.']);
  await openFile(page, amended);
  const panel = page.getByRole('region', { name: 'Ändrat i Word' });
  await panel.getByText('har ändrats olika').waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false);
  await page.screenshot({ path: join(SCREENSHOTS, 'word-edits-zoom-200.png'), fullPage: true });
  await panel.getByRole('button', { name: 'Ta in version 2: Åtgärd A2, vad som ska göras' }).click();
  await page.getByRole('status').filter({ hasText: 'Dokumentets text är inläst: Åtgärd A2, vad som ska göras.' }).waitFor();
  await context.close();
});

test('Begär underlag: forms filled in LibreOffice and Word are read into the follow-up', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.getByLabel('Öppna en fil').setInputFiles(join(ROOT, 'examples', 'it-sakerhet-uppfoljning.json'));
  await page.getByRole('heading', { name: EXAMPLE_TITLE, level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: SAVED }).waitFor();

  // The security officer answers in LibreOffice, the controller in Word.
  const security = await downloadFrom(page, 'Underlag från Säkerhetschef, Kommunstyrelsen (Word)', 'form-security.docx');
  const controller = await downloadFrom(page, 'Underlag från Controller, Kommunstyrelsen (Word)', 'form-controller.docx');
  const filledSecurity = join(OUTPUT, 'form-security-filled.docx');
  editWithLibreOffice(security.path, filledSecurity, [
    'Y1l_N1_status=Pågår',
    'Y1a_N1_done=Mätningen är beställd; första resultatet kommer i mars.',
    'Y1l_N1_newdoneby=30 juni 2026',
    'Y1a_N1_why=Den nationella uppföljningen publiceras senare än planerat.',
  ]);
  const filledController = join(OUTPUT, 'form-controller-filled.docx');
  editWithPythonDocx(controller.path, filledController, ['Y1a_A2_achieved=Kontrollen visar var riktlinjerna inte följs.']);

  for (const [filled, fields] of [[filledSecurity, 4], [filledController, 1]]) {
    await openFile(page, filled);
    const panel = page.getByRole('region', { name: 'Ändrat i Word' });
    await panel.waitFor();
    assert.equal(await panel.getByRole('heading', { level: 3 }).count(), fields);
    if (fields === 4) await page.screenshot({ path: join(SCREENSHOTS, 'form-read-back.png'), fullPage: true });
    await panel.getByRole('button', { name: 'Ta in alla ändringar' }).click();
    await panel.getByText(/är avgjorda/).waitFor();
    await page.getByRole('status').filter({ hasText: SAVED }).waitFor();
  }

  await page.getByRole('button', { name: 'Följ upp för Kommunstyrelsen' }).click();
  await page.getByRole('button', { name: /^Rekommendation 2, / }).click();
  await page.getByRole('heading', { name: 'Rekommendation 2', level: 2 }).waitFor();
  assert.equal(await page.locator('#outcome-N1-status').inputValue(), 'ongoing');
  assert.equal(await page.locator('#outcome-N1-what').inputValue(), 'Mätningen är beställd; första resultatet kommer i mars.');
  assert.equal(await page.locator('#outcome-A2-effect').inputValue(), 'Kontrollen visar var riktlinjerna inte följs.');
  await context.close();
});

test('Begär underlag for the första yttrande: a colleague’s answer becomes a stance and a new measure', async () => {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('heading', { name: EXAMPLE_TITLE, level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: SAVED }).waitFor();
  await page.getByText(/^Begär underlag till det första yttrandet/).last().click();
  const form = await downloadFrom(page, 'Underlag om rekommendation 2, Servicenämnden (Word)', 'form-R2.docx');
  const filled = join(OUTPUT, 'form-R2-filled.docx');
  editWithPythonDocx(form.path, filled, [
    'Y1l_R2_stance=Instämmer delvis',
    'Y1a_R2__1_action=Larmrutinen övas två gånger per år.',
    'Y1l_R2__1_doneby=31 december 2025',
    'Y1l_R2__1_responsible=IT-chef',
  ]);
  await openFile(page, filled);
  const panel = page.getByRole('region', { name: 'Ändrat i Word' });
  await panel.getByRole('heading', { name: 'Ny åtgärd 1 för rekommendation 2', level: 3 }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'answer-form-read-back.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await panel.getByRole('button', { name: 'Ta in alla ändringar' }).click();
  await page.getByRole('status').filter({ hasText: '2 ändringar från dokumentet är inlästa.' }).waitFor();
  await page.getByRole('status').filter({ hasText: SAVED }).waitFor();

  await page.getByRole('button', { name: /^Svara för Servicenämnden/ }).click();
  await page.getByRole('button', { name: /^Rekommendation 2/ }).first().click();
  const added = page.getByRole('group', { name: 'Åtgärd A4' });
  assert.equal(await added.getByLabel('Vad ska göras (åtgärd)').inputValue(), 'Larmrutinen övas två gånger per år.');
  assert.equal(await added.getByLabel(/Senast genomförd/).inputValue(), '2025-12-31');
  await context.close();
});

test('a form opened where its case is not stored is refused and changes nothing', async () => {
  const form = join(OUTPUT, 'form-alone.docx');
  const docgen = process.env.YTTRA_DOCGEN || join(ROOT, 'target', 'debug', 'docgen');
  execFileSync(docgen, ['form', join(ROOT, 'examples', 'it-sakerhet-uppfoljning.json'), '--board', 'ks',
    '--responsible', 'Controller', '--out', form]);
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.getByLabel('Öppna en fil').setInputFiles(form);
  await page.getByRole('alert').filter({ hasText: 'som inte finns sparat i den här webbläsaren' }).waitFor();
  await page.getByText('Inga ärenden är sparade här ännu').waitFor();
  await context.close();
});
