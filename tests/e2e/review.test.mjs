// Granska in Debian's Chromium: one finding of every kind of location (the organisation, the
// audit, a question, an item, a board, the första yttrande's summary, stance and measure, the
// uppföljande yttrande's outcome and new measure, a self-assessment's answer) is followed from
// its link to its field, which has focus.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, OUTPUT, SCREENSHOTS, serverAndBrowser, readJson, openApp } from './support.mjs';

const env = serverAndBrowser();

/** The follow-up example with something wrong in every part, and kommunstyrelsen's follow-up
 * not started, so that its första yttrande can still be mended. */
function caseWithFindingsEverywhere() {
  const broken = readJson(join(ROOT, 'examples', 'it-sakerhet-uppfoljning.json'));
  broken.organisation += ' \uF0B7';
  broken.audit.title = '';
  broken.audit.questions[0].text = '';
  broken.audit.recommendations[0].text = '';
  const sn = broken.boards.find((board) => board.id === 'sn');
  sn.follow_up_deadline = sn.first_deadline;
  const ks = broken.responses.find((response) => response.board === 'ks');
  delete ks.follow_up;
  ks.first.summary = '';
  const r1 = ks.first.answers.find((answer) => answer.item === 'R1');
  r1.stance = 'partly_agrees';
  r1.motivation = '';
  ks.first.measures[0].expected_effect = '';
  const snResponse = broken.responses.find((response) => response.board === 'sn');
  snResponse.follow_up.outcomes = [];
  snResponse.follow_up.new_measures[0].action = '';
  broken.self_assessments[0].answers[0].comment += ' \uF0B7';
  const path = join(OUTPUT, 'findings-everywhere.json');
  writeFileSync(path, JSON.stringify(broken, null, 2));
  return path;
}

test('one finding of every kind leads to its field, focused', async () => {
  const { context, page, seen } = await openApp(env.browser, env.server.url);
  page.on('dialog', (dialog) => dialog.accept());
  await page.getByLabel('Öppna en fil').setInputFiles(caseWithFindingsEverywhere());
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'SR-2025-17' }).waitFor();
  const findings = [
    [/^Varning: Texten innehåller ett tecken som inte kan visas/, 'first', 'audit-organisation'],
    [/^Fel: Ange granskningens titel\./, 'first', 'audit-title'],
    [/^Fel: Revisionsfrågan saknar text\./, 'first', 'question-1'],
    [/^Fel: Rekommendation 1 saknar text\./, 'first', 'item-R1-text'],
    [/^Fel: Det uppföljande yttrandet \(.*\) måste komma efter det första/, 'first', 'board-sn-follow-up-deadline'],
    [/^Fel: Skriv ett sammanfattande svar utifrån granskningens slutsats\./, 'first', 'summary'],
    [/^Fel: Rekommendation 1: motivera varför/, 'first', 'motivation'],
    [/^Fel: Åtgärd A1: beskriv den förväntade effekten\./, 'first', 'measure-A1-effect'],
    [/^Fel: Åtgärd A1: ange status/, 'first', 'outcome-A1-status'],
    [/^Fel: Ny åtgärd N1: beskriv vad som har gjorts eller görs\./, 'first', 'new-measure-N1-action'],
    [/^Varning: Texten innehåller ett tecken som inte kan visas/, 'last', 'q-Q1-comment'],
  ];
  for (const [message, which, field] of findings) {
    await page.getByRole('button', { name: '← Till ärendet' }).click().catch(() => {});
    await page.getByRole('button', { name: 'Granska ärendet' }).click();
    const links = page.locator('ul.findings button').filter({ hasText: message });
    await (which === 'first' ? links.first() : links.last()).click();
    await page.waitForFunction((id) => document.activeElement?.id === id, field, { timeout: 5000 })
      .catch(async () => {
        const active = await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName);
        assert.fail(`${message}: focus is on ${active}, not ${field}`);
      });
    if (field === 'q-Q1-comment') await page.screenshot({ path: join(SCREENSHOTS, 'finding-in-assessment.png') });
  }
  assert.deepEqual(seen.errors, []);
  await context.close();
});
