// Granska in Debian's Chromium: one finding of every kind of location (the organisation, the
// audit, a question, an item, a board, the första yttrande's summary, stance and measure, the
// uppföljande yttrande's outcome and new measure, a self-assessment's answer) is followed from
// its link to its field, which has focus; a finding in a board's yttrande names the board.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, OUTPUT, SCREENSHOTS, serverAndBrowser, readJson, openApp } from './support.mjs';

const env = serverAndBrowser();

/** Writes a case for the test and returns its path. */
function written(name, value) {
  const path = join(OUTPUT, name);
  writeFileSync(path, JSON.stringify(value, null, 2));
  return path;
}

/** The two-board example with something wrong in the audit, a board and a första yttrande.
 * (Nothing is locked here: what a filed yttrande shows cannot be mended, so its fields are
 * disabled and take no focus.) */
function firstYttrandeWithFindings() {
  const broken = readJson(join(ROOT, 'examples', 'it-sakerhet-tva-namnder.json'));
  broken.id = 'e2e-granska-forsta';
  broken.organisation += ' \uF0B7';
  broken.audit.title = '';
  broken.audit.questions[0].text = '';
  broken.audit.recommendations[0].text = '';
  const sn = broken.boards.find((board) => board.id === 'sn');
  sn.follow_up_deadline = sn.first_deadline;
  const ks = broken.responses.find((response) => response.board === 'ks');
  ks.first.summary = '';
  const r1 = ks.first.answers.find((answer) => answer.item === 'R1');
  r1.stance = 'partly_agrees';
  r1.motivation = '';
  ks.first.measures[0].expected_effect = '';
  return written('findings-first.json', broken);
}

/** The follow-up example with an unassessed measure, an empty new measure and a self-assessment
 * comment with a PDF bullet. */
function followUpWithFindings() {
  const broken = readJson(join(ROOT, 'examples', 'it-sakerhet-uppfoljning.json'));
  broken.id = 'e2e-granska-uppfoljning';
  const sn = broken.responses.find((response) => response.board === 'sn');
  sn.follow_up.outcomes = [];
  sn.follow_up.new_measures[0].action = '';
  broken.self_assessments[0].answers[0].comment += ' \uF0B7';
  return written('findings-follow-up.json', broken);
}

/** Clicks a button if the page shows it. */
async function clickIfShown(page, name) {
  const button = page.getByRole('button', { name });
  if (await button.count()) await button.click();
}

/** Opens the case file and follows each finding (message, field id) from Granska. */
async function followEach(page, file, findings) {
  await clickIfShown(page, '← Till ärendet');
  await clickIfShown(page, '← Alla ärenden');
  await page.getByLabel('Öppna en fil').setInputFiles(file);
  await page.getByRole('button', { name: 'Granska ärendet' }).waitFor();
  for (const [message, field] of findings) {
    await clickIfShown(page, '← Till ärendet');
    await page.getByRole('button', { name: 'Granska ärendet' }).click();
    await page.locator('ul.findings button').filter({ hasText: message }).first().click();
    await page.waitForFunction((id) => document.activeElement?.id === id, field, { timeout: 5000 })
      .catch(async () => {
        const active = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
        assert.fail(`${message}: focus is on ${active}, not ${field}`);
      });
  }
}

test('one finding of every kind leads to its field, focused', async () => {
  const { context, page, seen } = await openApp(env.browser, env.server.url);
  page.on('dialog', (dialog) => dialog.accept());
  await followEach(page, firstYttrandeWithFindings(), [
    [/^Varning: Texten innehåller ett tecken som inte kan visas/, 'audit-organisation'],
    [/^Fel: Ange granskningens titel\./, 'audit-title'],
    [/^Fel: Revisionsfrågan saknar text\./, 'question-1'],
    [/^Fel: Rekommendation 1 saknar text\./, 'item-R1-text'],
    [/^Fel: Det uppföljande yttrandet \(.*\) måste komma efter det första/, 'board-sn-follow-up-deadline'],
    [/^Fel: Kommunstyrelsen: Skriv ett sammanfattande svar utifrån granskningens slutsats\./, 'summary'],
    [/^Fel: Kommunstyrelsen: Rekommendation 1: motivera varför/, 'motivation'],
    [/^Fel: Kommunstyrelsen: Åtgärd A1: beskriv den förväntade effekten\./, 'measure-A1-effect'],
  ]);
  await followEach(page, followUpWithFindings(), [
    [/^Fel: Servicenämnden: Åtgärd A1: ange status/, 'outcome-A1-status'],
    [/^Fel: Servicenämnden: Ny åtgärd N1: beskriv vad som har gjorts eller görs\./, 'new-measure-N1-action'],
    [/^Varning: Texten innehåller ett tecken som inte kan visas/, 'q-Q1-comment'],
  ]);
  await page.screenshot({ path: join(SCREENSHOTS, 'finding-in-assessment.png') });
  assert.deepEqual(seen.errors, []);
  await context.close();
});
