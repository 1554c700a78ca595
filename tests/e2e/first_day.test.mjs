// What a secretary meets on the first day with real documents (issue 9), in Debian's Chromium at
// 1366×768: lists copied from a PDF with Word's private-use bullets and two addressee groups,
// audit questions pasted at once, the same deadline for every board, year fields that keep what
// was typed, a filed first yttrande that cannot change, pages that start at their heading,
// messages that stay in view, and self-assessment gaps that make one measure each.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, SCREENSHOTS, serverAndBrowser, axeViolations, openApp } from './support.mjs';

const SAVED = 'Alla ändringar är sparade i webbläsaren.';
const FOLLOW_UP_EXAMPLE = join(ROOT, 'examples', 'it-sakerhet-uppfoljning.json');
const FOLLOW_UP_TITLE = 'Granskning av IT-säkerhet (SR-2025-17)';
const env = serverAndBrowser();

function reference(name) {
  return readFileSync(join(ROOT, '..', 'shared', 'reference', name), 'utf8');
}

/** Is the element inside the window as it is scrolled now? */
async function inView(locator) {
  const box = await locator.boundingBox();
  const height = await locator.page().evaluate(() => window.innerHeight);
  return box !== null && box.y >= 0 && box.y + box.height <= height;
}

async function addBoard(page, name) {
  await page.getByLabel('Lägg till nämnd').fill(name);
  await page.getByRole('button', { name: 'Lägg till', exact: true }).click();
  await page.getByRole('group', { name }).waitFor();
}

test('lists pasted from a PDF: private-use bullets, two addressee groups, questions at once, one deadline for all, years as typed', async () => {
  const { context, page, seen } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Nytt ärende' }).click();
  await page.getByLabel('Granskningens titel').fill('Granskning av IT-säkerhet');
  for (const name of ['Kommunstyrelsen', 'Servicenämnden', 'Socialnämnden']) await addBoard(page, name);

  // The audit questions of the board's cover report, pasted as one list.
  const cover = reference('tjansteskrivelse-ks-2025.txt');
  const from = cover.indexOf('1. Finns styrdokument');
  const questions = cover.slice(from, cover.indexOf('Revisorskollegiets samlade', from));
  await page.getByRole('button', { name: 'Klistra in revisionsfrågor från rapporten' }).click();
  await page.getByLabel('Klistra in revisionsfrågor från rapporten').fill(questions);
  await page.getByRole('heading', { name: '5 att lägga till' }).waitFor();
  await page.getByRole('button', { name: 'Lägg till 5 revisionsfrågor' }).click();
  await page.getByRole('status').filter({ hasText: '5 revisionsfrågor har lagts till.' }).waitFor();
  assert.match(await page.locator('#question-5').inputValue(), /^Genomförs en systematisk uppföljning/);

  // Recommendations copied from a Word report's PDF: U+F0BE bullets, two introductions, a
  // closing line.
  const bullet = '\uF0BE';
  const pasted = [
    'Utifrån våra iakttagelser och vår bedömning rekommenderar vi kommunstyrelsen att:',
    `${bullet} Etablera en organisation med tydligt ansvar och mandat för`,
    'informationssäkerhetsarbetet',
    `${bullet}\tTa fram en policy för informationssäkerhet`,
    'Utifrån våra iakttagelser och vår bedömning rekommenderar vi kommunstyrelsen och de granskade nämnderna att:',
    `${bullet} Säkerställa att nyanställda får utbildning i informationssäkerhet`,
    '',
    'Datum som ovan',
  ].join('\n');
  await page.getByRole('button', { name: 'Klistra in rekommendationer från rapporten' }).click();
  await page.getByLabel('Klistra in rekommendationer från rapporten').fill(pasted);
  await page.getByRole('heading', { name: '3 att lägga till' }).waitFor();
  for (const index of [0, 1, 2]) {
    assert.ok(!(await page.getByLabel(`Punkt ${index + 1}`, { exact: true }).inputValue()).includes(bullet), 'no glyph left');
  }
  assert.equal(await page.getByLabel('Punkt 1', { exact: true }).inputValue(),
    'Etablera en organisation med tydligt ansvar och mandat för informationssäkerhetsarbetet');
  const checked = (index, board) => page.locator(`#paste-item-${index}-to-${board}`).isChecked();
  assert.deepEqual([await checked(0, 'kommunstyrelsen'), await checked(0, 'servicenamnden')], [true, false]);
  assert.deepEqual(
    [await checked(2, 'kommunstyrelsen'), await checked(2, 'servicenamnden'), await checked(2, 'socialnamnden')],
    [true, true, true], 'the second introduction addresses every audited board');
  await page.getByText('Rader som inte togs med (1)').click();
  await page.getByRole('listitem').filter({ hasText: 'Datum som ovan' }).waitFor();
  // The user changes an addressee before accepting.
  await page.locator('#paste-item-2-to-socialnamnden').uncheck();
  await page.screenshot({ path: join(SCREENSHOTS, 'paste-two-groups.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: 'Lägg till 3 rekommendationer' }).click();
  await page.getByRole('status').filter({ hasText: '3 rekommendationer har lagts till.' }).waitFor();
  assert.equal(await page.locator('#item-R1-to-kommunstyrelsen').isChecked(), true);
  assert.equal(await page.locator('#item-R1-to-servicenamnden').isChecked(), false);
  assert.equal(await page.locator('#item-R3-to-servicenamnden').isChecked(), true);
  assert.equal(await page.locator('#item-R3-to-socialnamnden').isChecked(), false);

  // One deadline and recipient typed once, for every board.
  await page.locator('#board-kommunstyrelsen-first-deadline').fill('2025-04-04');
  await page.getByRole('button', { name: 'Sista dag, första yttrandet: samma för alla nämnder' }).first().click();
  await page.getByRole('status').filter({ hasText: 'Uppgiften gäller nu alla 3 nämnder.' }).waitFor();
  assert.equal(await page.locator('#board-socialnamnden-first-deadline').inputValue(), '2025-04-04');
  await page.locator('#board-kommunstyrelsen-send-to').fill('registrera.stadsrevisionen@malmo.se');
  await page.getByRole('button', { name: 'Yttrandet skickas till: samma för alla nämnder' }).first().click();
  await page.getByRole('status').filter({ hasText: 'Uppgiften gäller nu alla 3 nämnder.' }).waitFor();
  assert.equal(await page.locator('#board-servicenamnden-send-to').inputValue(), 'registrera.stadsrevisionen@malmo.se');

  // Years: the end year is not filled in for the user, and a mistyped year stays visible.
  const fromYear = page.locator('#board-kommunstyrelsen-period-from');
  const toYear = page.locator('#board-kommunstyrelsen-period-to');
  await fromYear.fill('2025');
  await fromYear.blur();
  // "Sparat" may still show from the recipient typed above, so wait for the year itself.
  await page.locator('#board-kommunstyrelsen-period-to[placeholder="2025"]').waitFor();
  assert.equal(await toYear.inputValue(), '', 'the end year is not pre-filled');
  await toYear.fill('2026');
  await toYear.blur();
  await page.getByRole('status').filter({ hasText: SAVED }).waitFor();
  assert.equal(await toYear.inputValue(), '2026');
  await toYear.fill('20262027');
  await toYear.blur();
  await page.getByRole('alert').filter({ hasText: '«20262027» är inget årtal' }).waitFor();
  assert.equal(await toYear.inputValue(), '20262027', 'what was typed stays');
  await fromYear.fill('2027');
  await fromYear.blur();
  assert.equal(await fromYear.inputValue(), '2027', 'a start after the end is kept as typed');
  await page.screenshot({ path: join(SCREENSHOTS, 'boards-same-for-all.png'), fullPage: true });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a filed first yttrande cannot change, the follow-up reads as it should, and every page starts at its heading', async () => {
  const { context, page, seen } = await openApp(env.browser, env.server.url);
  page.on('dialog', (dialog) => dialog.accept());
  await page.getByLabel('Öppna en fil').setInputFiles(FOLLOW_UP_EXAMPLE);
  await page.getByRole('heading', { name: FOLLOW_UP_TITLE, level: 1 }).waitFor();

  // Both boards have started their follow-up: what their first yttranden show is disabled.
  assert.equal(await page.getByLabel('Granskningens titel').isDisabled(), true);
  assert.equal(await page.getByLabel('Text, rekommendation 1').isDisabled(), true);
  assert.equal(await page.getByLabel('Granskningen genomförd av').isDisabled(), false, 'not shown in the yttrande');
  await page.getByText('visas i det inlämnade första yttrandet från').first().waitFor();
  assert.equal(await page.locator('#board-ks-diarienummer').isDisabled(), true);

  // The follow-up: a measure not started offers no done date; a delay with its reason given is
  // shown as explained.
  await page.mouse.wheel(0, 5000);
  await page.getByRole('button', { name: 'Följ upp för Kommunstyrelsen' }).click();
  await page.getByRole('heading', { name: 'Uppföljande yttrande: Kommunstyrelsen', level: 1 }).waitFor();
  assert.equal(await page.evaluate(() => window.scrollY), 0, 'the new page starts at the top');
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Sammanfattande svar för perioden',
    'the first step\'s heading has focus');
  await page.mouse.wheel(0, 3000);
  await page.getByRole('button', { name: /^Rekommendation 1, / }).click();
  await page.getByRole('heading', { name: 'Rekommendation 1', level: 2 }).waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'item-heading', 'the step\'s heading has focus');
  const measure = await page.locator('fieldset.outcome').first().getAttribute('id')
    ?? (await page.locator('fieldset.outcome legend').first().innerText()).replace('Åtgärd ', '');
  const id = measure.replace(/^outcome-/, '');
  // A done date already entered stays in view until it is emptied.
  if (await page.locator(`#outcome-${id}-done-on`).count()) await page.locator(`#outcome-${id}-done-on`).fill('');
  await page.locator(`#outcome-${id}-status`).selectOption('not_started');
  await page.locator(`#outcome-${id}-timing`).filter({ hasText: 'Ej påbörjad' }).waitFor();
  assert.equal(await page.locator(`#outcome-${id}-done-on`).count(), 0, 'no done date for a measure not started');
  await page.locator(`#outcome-${id}-new-done-by`).fill('2020-01-31');
  await page.locator(`#outcome-${id}-timing.late`).waitFor();
  await page.locator(`#outcome-${id}-reason`).fill('Upphandlingen överklagades.');
  await page.locator(`#outcome-${id}-timing.explained`).filter({ hasText: 'skäl angivet' }).waitFor();
  assert.equal(await page.locator(`#outcome-${id}-timing.late`).count(), 0, 'no longer red once explained');
  await page.screenshot({ path: join(SCREENSHOTS, 'follow-up-explained.png'), fullPage: true });
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a gap makes one measure, named by its assessment, the message is in view, an assessment can be removed', async () => {
  const { context, page, seen } = await openApp(env.browser, env.server.url);
  const dialogs = [];
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); dialog.accept(); });
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('heading', { name: FOLLOW_UP_TITLE, level: 1 }).waitFor();
  await page.getByLabel('Nämnd som skattar').selectOption({ label: 'Kommunstyrelsen' });
  await page.getByLabel('Ramverk', { exact: true }).selectOption('questions');
  await page.getByRole('button', { name: 'Påbörja självskattning' }).click();
  await page.getByRole('heading', { level: 1 }).filter({ hasText: 'Självskattning' }).waitFor();
  await page.getByLabel('Självskattningens namn').fill('Självskattning hösten 2025');

  // Rate the last question low, far down the page, and make a measure from it.
  const ratings = page.locator('select[id$="-rating"]');
  const last = ratings.last();
  const question = (await last.getAttribute('id')).replace(/^q-/, '').replace(/-rating$/, '');
  await last.selectOption('0');
  const target = page.locator(`#q-${question}-item`);
  // textContent: the question is below the screen, where the browser has not laid it out.
  const [placeholder, ...options] = await target.locator('option').allTextContents();
  assert.equal(placeholder, 'Välj bedömning eller rekommendation', 'no item is chosen for the user');
  assert.ok(options.every((text) => /^(Rekommendation|Bedömning) \d+: \S/.test(text)), `options quote their item: ${options}`);
  await page.getByRole('button', { name: `Skapa åtgärd från fråga ${question}` }).click();
  await page.getByRole('alert').filter({ hasText: 'Välj först vilken bedömning eller rekommendation' }).waitFor();
  await target.selectOption({ label: options[0] });
  await page.getByRole('button', { name: `Skapa åtgärd från fråga ${question}` }).click();
  const notice = page.getByRole('status').filter({ hasText: `från fråga ${question}` });
  await notice.waitFor();
  assert.ok(await inView(notice), 'the message is in view where the user is');
  await page.screenshot({ path: join(SCREENSHOTS, 'gap-measure-notice.png') });
  await page.locator(`#q-${question}-made`).waitFor();
  assert.equal(await page.getByRole('button', { name: `Skapa åtgärd från fråga ${question}` }).count(), 0,
    'no second measure from the same question');
  const made = (await page.locator(`#q-${question}-made`).innerText()).match(/Åtgärd (A\d+)/)[1];

  // The measure names the assessment as the user named it.
  await page.getByRole('button', { name: '← Till ärendet' }).click();
  await page.getByRole('button', { name: /^Svara för Kommunstyrelsen/ }).click();
  for (let step = 0; step < 12; step += 1) {
    if (await page.locator(`#measure-${made}-action`).count()) break;
    await page.getByRole('button', { name: /^Nästa/ }).first().click();
  }
  await page.getByRole('group', { name: `Åtgärd ${made}` })
    .getByText('Från självskattningen ”Självskattning hösten 2025”').waitFor();

  // The assessment can be removed, after a question; the measure stays.
  await page.getByRole('button', { name: '← Till ärendet' }).click();
  await page.getByRole('button', { name: /Självskattning hösten 2025/ }).first().click();
  await page.getByRole('button', { name: 'Ta bort självskattningen' }).click();
  await page.getByRole('status').filter({ hasText: 'Självskattningen är borttagen.' }).waitFor();
  assert.ok(dialogs.some((text) => text.includes('Åtgärden som skapades från den blir kvar')), dialogs.join(' | '));
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a conflict with another tab shows on every page, and closing with an unsaved edit asks first', async () => {
  const { context, page: first } = await openApp(env.browser, env.server.url);
  await first.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await first.getByRole('heading', { name: FOLLOW_UP_TITLE, level: 1 }).waitFor();
  await first.getByRole('status').filter({ hasText: SAVED }).waitFor();
  const second = await context.newPage();
  await second.goto(env.server.url);
  await second.getByRole('heading', { name: FOLLOW_UP_TITLE, level: 1 }).waitFor();
  await second.getByRole('button', { name: 'Svara för Servicenämnden' }).click();
  await second.getByRole('heading', { name: 'Första yttrandet: Servicenämnden', level: 1 }).waitFor();

  await first.getByLabel('Granskningens titel').fill('Granskning av IT-säkerheten');
  await first.getByRole('status').filter({ hasText: SAVED }).waitFor();
  await second.getByLabel('Nämndens sammanfattande svar').fill('Ändrat i den andra fliken.');
  await second.getByRole('alert').filter({ hasText: 'ändrats i en annan flik' }).waitFor();
  await second.screenshot({ path: join(SCREENSHOTS, 'conflict-answer-page.png') });

  // The second tab's edit is not stored: leaving asks first.
  const asked = new Promise((resolve) => second.once('dialog', (dialog) => {
    resolve(dialog.type());
    dialog.accept();
  }));
  await second.close({ runBeforeUnload: true });
  assert.equal(await asked, 'beforeunload');
  await context.close();
});

test('a case opened again from a file is recognised: the stored one is opened or updated, never copied', async () => {
  const { context, page, seen } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('heading', { name: FOLLOW_UP_TITLE, level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: SAVED }).waitFor();
  await page.getByRole('button', { name: '← Alla ärenden' }).click();

  // The same case again, identical: opened, not stored twice.
  await page.getByLabel('Öppna en fil').setInputFiles(join(ROOT, 'examples', 'it-sakerhet-tva-namnder.json'));
  await page.getByRole('status').filter({ hasText: 'fanns redan sparat här, likadant som i filen' }).waitFor();
  await page.getByRole('button', { name: '← Alla ärenden' }).click();
  assert.equal(await page.locator('table.cases tbody tr').count(), 1);

  // The same case a year on: the user sees what differs and chooses.
  await page.getByLabel('Öppna en fil').setInputFiles(FOLLOW_UP_EXAMPLE);
  const choice = page.getByRole('region', { name: 'Ärendet finns redan sparat här' });
  await choice.waitFor();
  await choice.getByText('Uppföljning påbörjad: i filen Kommunstyrelsen, Servicenämnden, i det sparade ingen.').waitFor();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'duplicate-heading');
  await page.screenshot({ path: join(SCREENSHOTS, 'duplicate-choice.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);
  await choice.getByRole('button', { name: 'Uppdatera det sparade från filen' }).click();
  await page.getByRole('status').filter({ hasText: 'Det sparade ärendet har uppdaterats från filen.' }).waitFor();
  await page.getByRole('status').filter({ hasText: SAVED }).waitFor();
  await page.getByRole('button', { name: '← Alla ärenden' }).click();
  const rows = page.locator('table.cases tbody tr');
  assert.equal(await rows.count(), 1, 'still one case');
  assert.match(await rows.first().innerText(), /Uppföljning påbörjad: Kommunstyrelsen, Servicenämnden/);
  assert.deepEqual(seen.errors, []);
  await context.close();
});
