// The uppföljande yttrande in Debian's Chromium, the way it happens a year later: the filed
// första yttrande (a DOCX made by the app) is opened on a machine that has nothing stored, the
// follow-up is filled in, compared with the promises, and downloaded; real consumers read it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, SCREENSHOTS, serverAndBrowser, axeViolations, docxTextWithPythonDocx,
  docxTextWithLibreOffice, extractCase, readJson, openApp, downloadFrom, waitUntilStored,
} from './support.mjs';

const example = readJson(join(ROOT, 'examples', 'it-sakerhet-tva-namnder.json'));
const TITLE = 'Granskning av IT-säkerhet (SR-2025-17)';
const env = serverAndBrowser();

/** Chooses a step of the follow-up by its item, whatever its state. */
async function step(page, label) {
  await page.getByRole('button', { name: new RegExp(`^${label}, `) }).click();
  await page.getByRole('heading', { name: label, level: 2 }).waitFor();
}

async function outcome(page, id, { status, doneOn, what, effect, reason }) {
  if (status) await page.locator(`#outcome-${id}-status`).selectOption(status);
  if (doneOn) await page.locator(`#outcome-${id}-done-on`).fill(doneOn);
  if (what) await page.locator(`#outcome-${id}-what`).fill(what);
  if (effect) await page.locator(`#outcome-${id}-effect`).fill(effect);
  if (reason) await page.locator(`#outcome-${id}-reason`).fill(reason);
}

/** Yesterday's filed första yttrande: made by the app from the example, downloaded. */
async function filedFirstYttrande() {
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  const { path } = await downloadFrom(page, 'Första yttrandet, Servicenämnden (Word)', 'filed-first-sn.docx');
  await context.close();
  return path;
}

test('a follow-up started from the filed första yttrande is filled in, compared and downloaded', async () => {
  const filed = await filedFirstYttrande();
  const { context, page, seen } = await openApp(env.browser, env.server.url);
  page.on('dialog', (dialog) => dialog.accept());
  await page.getByLabel('Öppna en fil').setInputFiles(filed);
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  await page.getByRole('button', { name: 'Påbörja uppföljande yttrande för Servicenämnden' }).click();
  await page.getByRole('heading', { name: 'Uppföljande yttrande: Servicenämnden', level: 1 }).waitFor();
  await page.getByText('0 av 3 åtgärder bedömda').waitFor();

  // The summary for the period.
  await page.getByLabel('Nämndens sammanfattande svar för perioden').fill(
    'Servicenämnden har reviderat och övat kommunikationsplanen. Rapporteringen har börjat.');
  await page.getByLabel('Det uppföljande yttrandets datum').fill('2026-01-27');
  await page.getByLabel('Från och med år').fill('2025');
  await page.getByLabel('Från och med år').blur();

  // Bedömning 3: A1 done in time.
  await step(page, 'Bedömning 3');
  await outcome(page, 'A1', {
    status: 'done', doneOn: '2025-06-17',
    what: 'Planen reviderades med kontaktpersoner per förvaltning.',
    effect: 'Alla förvaltningar nåddes inom en timme vid oktoberincidenten.',
  });
  await page.locator('#outcome-A1-timing').filter({ hasText: 'Genomförd · I tid' }).waitFor();

  // Bedömning 4: A3 partly done, past its date, no reason yet.
  await step(page, 'Bedömning 4');
  await outcome(page, 'A3', {
    status: 'partly_done', doneOn: '2025-11-25',
    what: 'En första lägesrapport lämnades i november.',
    effect: 'Nämnden ser incidenterna men ännu inte efterlevnaden.',
  });
  await page.locator('#outcome-A3-timing').filter({ hasText: 'Passerat datum med 119 dagar' }).waitFor();

  // Rekommendation 4: A2 done late with its reason, and a new measure.
  await step(page, 'Rekommendation 4');
  await outcome(page, 'A2', {
    status: 'done', doneOn: '2025-12-09',
    what: 'Övning med tio förvaltningar i december.',
    effect: 'Två brister i larmkedjan hittades och rättades.',
    reason: 'Övningen flyttades för att fler förvaltningar skulle kunna vara med.',
  });
  await page.locator('#outcome-A2-timing').filter({ hasText: 'Försenad 9 dagar' }).waitFor();
  await page.getByRole('button', { name: 'Lägg till ny åtgärd' }).click();
  await page.locator('#new-measure-N1-action').fill('Sms-larm till kontaktpersonerna har lagts till i larmkedjan.');
  await outcome(page, 'N1', { status: 'done', doneOn: '2025-10-14', effect: '18 av 20 svarade inom 15 minuter vid testet.' });
  await page.getByText('4 av 4 åtgärder bedömda').waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'follow-up-item.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);

  // The comparison: the missing reason stands out and leads to its field.
  await page.getByRole('button', { name: 'Jämför utlovat och utfört' }).click();
  await page.getByRole('heading', { name: 'Utlovat och utfört', level: 1 }).waitFor();
  const summary = page.locator('table.summary').first();
  await summary.getByRole('row', { name: 'Genomförda efter utlovat datum 1', exact: true }).waitFor();
  await summary.getByRole('row', { name: 'Delvis genomförda efter utlovat datum 1', exact: true }).waitFor();
  await page.getByText('Skäl saknas', { exact: true }).first().waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'comparison.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Åtgärd A3: skäl saknas' }).click();
  await page.getByRole('heading', { name: 'Bedömning 4', level: 2 }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'outcome-A3-reason');
  await page.keyboard.type('Mätetalen för efterlevnad tas fram tillsammans med stadskontoret.');
  await waitUntilStored(page);

  // A reload comes back to the same step with everything kept.
  await page.reload();
  await page.getByRole('heading', { name: 'Bedömning 4', level: 2 }).waitFor();
  assert.equal(await page.locator('#outcome-A3-status').inputValue(), 'partly_done');
  assert.match(await page.locator('#outcome-A3-reason').inputValue(), /^Mätetalen/);

  // The first yttrande is shown as filed, and cannot be changed.
  await page.getByRole('button', { name: '← Till ärendet' }).click();
  await page.getByRole('button', { name: 'Visa första yttrandet, Servicenämnden' }).click();
  await page.getByText('Det första yttrandet är låst').waitFor();
  assert.equal(await page.getByLabel('Nämndens sammanfattande svar').isDisabled(), true);
  await page.getByRole('button', { name: '← Till ärendet' }).click();

  // The documents.
  const followUp = await downloadFrom(page, 'Uppföljande yttrandet, Servicenämnden (Word)');
  assert.equal(followUp.name, 'SR-2025-17-Servicenämnden-uppföljande-yttrande-2026-01-27.docx');
  const wordText = docxTextWithPythonDocx(followUp.path);
  // PDF text wraps lines inside narrow table cells: compare without whitespace and hyphens.
  const squeeze = (text) => text.replace(/[\s\-‐­]+/g, '');
  const officeText = squeeze(docxTextWithLibreOffice(followUp.path));
  for (const expected of [
    'Servicenämnden har reviderat och övat kommunikationsplanen.',
    'Försenad 9 dagar', 'Delvis genomförd', 'Passerat datum med 119 dagar',
    'Sms-larm till kontaktpersonerna har lagts till i larmkedjan.',
    'Mätetalen för efterlevnad tas fram tillsammans med stadskontoret.',
    'Sammanställning', 'Genomförda efter utlovat datum',
  ]) {
    assert.ok(wordText.includes(expected), `python-docx: ${expected}`);
    assert.ok(officeText.includes(squeeze(expected)), `LibreOffice: ${expected}`);
  }
  const embedded = extractCase(followUp.path);
  const sn = embedded.responses.find((response) => response.board === 'sn');
  const filedSn = example.responses.find((response) => response.board === 'sn');
  assert.deepEqual(sn.first.measures, filedSn.first.measures, 'the promises are exactly as filed');
  assert.deepEqual(embedded.responses.map((response) => response.board), ['sn'], 'no other board');
  assert.equal(sn.follow_up.outcomes.find((o) => o.measure === 'A2').status, 'done');
  assert.equal(sn.follow_up.new_measures[0].id, 'N1');

  const cover = await downloadFrom(page, 'Tjänsteskrivelsen till det uppföljande yttrandet, Servicenämnden (Word)');
  const coverText = docxTextWithPythonDocx(cover.path);
  for (const heading of ['Sammanfattning', 'Förslag till beslut', 'Beslutsunderlag', 'Beslutsplanering', 'Ärendet']) {
    assert.ok(coverText.includes(heading), heading);
  }
  assert.ok(coverText.includes('Servicenämnden godkänner förslag till uppföljande yttrande'));

  const calendar = await downloadFrom(page, 'Tidplan till kalendern (Outlook, .ics)');
  assert.equal(calendar.name, 'SR-2025-17-tidplan.ics');
  const ics = readFileSync(calendar.path, 'utf8');
  assert.ok(ics.startsWith('BEGIN:VCALENDAR\r\n'));
  assert.ok(ics.includes('UID:sr-2025-17-sn-atgard-a3@yttra'), 'the open measure A3 is in the calendar');
  assert.ok(!ics.includes('UID:sr-2025-17-sn-atgard-a1@yttra'), 'the done measure A1 is not');

  assert.deepEqual(seen.foreign, []);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the follow-up and comparison pages work at 200 % zoom', async () => {
  const { context, page } = await openApp(env.browser, env.server.url, { viewport: { width: 683, height: 384 } });
  const file = join(ROOT, 'examples', 'it-sakerhet-uppfoljning.json');
  await page.getByLabel('Öppna en fil').setInputFiles(file);
  await page.getByRole('heading', { name: TITLE, level: 1 }).waitFor();
  const overflow = () => page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  await page.getByRole('button', { name: 'Följ upp för Kommunstyrelsen' }).click();
  await step(page, 'Rekommendation 2');
  assert.equal(await overflow(), false, 'follow-up page: no horizontal scrolling');
  await page.screenshot({ path: join(SCREENSHOTS, 'follow-up-zoom-200.png'), fullPage: true });
  await page.getByRole('button', { name: 'Jämför utlovat och utfört' }).click();
  await page.getByRole('heading', { name: 'Utlovat och utfört', level: 1 }).waitFor();
  assert.equal(await overflow(), false, 'comparison: no horizontal scrolling');
  await page.screenshot({ path: join(SCREENSHOTS, 'comparison-zoom-200.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await context.close();
});
