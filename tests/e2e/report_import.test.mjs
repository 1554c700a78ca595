// The report import in Debian's Chromium: the missiv and the KPMG report as PDFs LibreOffice
// made from the reference texts (tests/fixtures/report_pdfs.py), read by pdf.js on this machine,
// proposed field by field, one field corrected, accepted as a case, answered and written as a
// första yttrande; a scanned PDF and a letter are refused with nothing changed; the open case
// is filled from a missiv without losing what it had.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  ROOT, OUTPUT, SCREENSHOTS, serverAndBrowser, axeViolations, docxTextWithPythonDocx, openApp, downloadFrom,
} from './support.mjs';

const env = serverAndBrowser();
const PDFS = join(OUTPUT, 'report-pdfs');

/** The test PDFs, built once with LibreOffice. */
function pdfs() {
  execFileSync(join(ROOT, '.venv', 'bin', 'python'), [join(ROOT, 'tests', 'fixtures', 'report_pdfs.py'), PDFS]);
  return (name) => join(PDFS, name);
}

test('the missiv and report as PDFs become a proposed case, corrected, accepted, answered and written', async () => {
  const pdf = pdfs();
  const { context, page, seen } = await openApp(env.browser, env.server.url);
  await page.getByLabel('Läs in missivet och granskningsrapporten (PDF, Word eller text)')
    .setInputFiles([pdf('rapport-sr-2020-83.pdf'), pdf('missiv-sr-2020-83.pdf')]);
  await page.getByRole('heading', { name: 'Förslag från rapporten', level: 1 }).waitFor({ timeout: 30000 });
  assert.equal(await page.getByLabel('Diarienummer').inputValue(), 'SR-2020-83');
  assert.equal(await page.getByLabel('Genomförd av').inputValue(), 'KPMG');
  assert.equal(await page.getByLabel('Rapportens datum').inputValue(), '2020-12-16');
  await page.getByRole('heading', { name: 'Nämnder som ska yttra sig (2)' }).waitFor();
  await page.getByRole('heading', { name: 'Revisionsfrågor (8)' }).waitFor();
  await page.getByRole('heading', { name: 'Rekommendationer (13)' }).waitFor();
  await page.getByText('Kommunstyrelsen: 9 rekommendationer. Servicenämnden: 4 rekommendationer.').waitFor();
  // Each chapter's "Bedömning" section is an assessment the boards answer.
  await page.getByRole('heading', { name: 'Bedömningar (6)' }).waitFor();
  await page.getByText('Kommunstyrelsen: 6 bedömningar. Servicenämnden: 2 bedömningar.').waitFor();
  assert.equal(await page.locator('#import-board-1-first').inputValue(), '2021-03-26', 'Servicenämnden');
  assert.equal(await page.locator('#import-board-0-follow-up').inputValue(), '2022-02-21', 'Kommunstyrelsen');
  // Where each value came from, and what was taken out of the text, is said.
  await page.getByText(/^Avsnitt 4\.2\. Från rapport-sr-2020-83\.pdf, sida \d+\.$/).first().waitFor();
  await page.getByText(/^Sidhuvuden och sidfötter som upprepas på sidorna togs bort: «Granskning av stadens IT-säkerhet»/).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Hittades inte' }).count(), 0, 'everything was found');
  const first = await page.getByLabel('Rekommendation 1', { exact: true }).inputValue();
  assert.equal(first, 'Etablera en organisation med tydligt ansvar och mandat för stadens informations- och IT-säkerhetsarbete');
  assert.ok(!(await page.locator('textarea').evaluateAll((els) => els.map((e) => e.value))).some((text) => /[\ue000-\uf8ff]/.test(text)), 'no private-use bullets');
  await page.screenshot({ path: join(SCREENSHOTS, 'report-import-proposal.png'), fullPage: false });
  assert.deepEqual(await axeViolations(page), []);
  await page.setViewportSize({ width: 683, height: 384 });
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
  assert.equal(overflow, false, 'the proposal at 200 % zoom: no horizontal scrolling');
  await page.screenshot({ path: join(SCREENSHOTS, 'report-import-zoom-200.png'), fullPage: false });
  await page.setViewportSize({ width: 1366, height: 768 });

  // One field corrected, then accepted: the case is the proposal.
  await page.getByLabel('Rubrik', { exact: true }).fill('Granskning av stadens IT-säkerhet');
  await page.getByRole('button', { name: 'Skapa ärendet' }).click();
  await page.getByRole('heading', { name: 'Granskning av stadens IT-säkerhet (SR-2020-83)', level: 1 }).waitFor();
  await page.getByRole('status').filter({ hasText: 'Ärendet är skapat från rapporten.' }).waitFor();
  assert.equal(await page.getByLabel('Text, rekommendation 13').inputValue(),
    'Säkerställa att förvaltningsspecifik rutin för incidenthantering inkluderar information till berörda funktioner med ansvar för informationssäkerhet, IT-säkerhet och ansvar för driftsäkerhet');
  // The report's section stays with each item.
  assert.equal(await page.locator('#item-R13-text-hint').textContent(), 'Avsnitt 4.2 i rapporten.');
  assert.equal(await page.locator('#item-B4-text-hint').textContent(), 'Avsnitt 3.4.5 i rapporten.');

  // Answered for servicenämnden and written as its första yttrande.
  await page.getByRole('button', { name: 'Svara för Servicenämnden' }).click();
  await page.getByLabel('Nämndens sammanfattande svar').fill('Nämnden delar revisionens bedömning och åtgärdar bristerna under 2021.');
  await page.getByLabel('Nämndens sammanfattande svar').blur();
  // Each assessment and recommendation is answered beside its words and its section.
  await page.getByRole('button', { name: /^Nästa/ }).first().click();
  assert.match(await page.locator('.item-section').textContent(), /^Avsnitt 3\.\d(\.\d)? i rapporten\.$/);
  assert.ok(await page.locator('blockquote p').count() >= 1);
  await page.getByRole('button', { name: '← Till ärendet' }).first().click();
  const { path } = await downloadFrom(page, 'Första yttrandet, Servicenämnden (Word)');
  const text = docxTextWithPythonDocx(path);
  for (const expected of ['Granskning av stadens IT-säkerhet', 'SR-2020-83',
    'Nämnden delar revisionens bedömning och åtgärdar bristerna under 2021.',
    'Upprätta risk- och sårbarhetsanalyser för nätverk och drift']) {
    assert.ok(text.includes(expected), `python-docx: ${expected}`);
  }
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the missiv added after the report fills the proposal and keeps the corrections; a tjänsteskrivelse is refused', async () => {
  const pdf = pdfs();
  const { context, page, seen } = await openApp(env.browser, env.server.url);
  await page.getByLabel('Läs in missivet och granskningsrapporten (PDF, Word eller text)').setInputFiles(pdf('rapport-sr-2020-83.pdf'));
  await page.getByRole('heading', { name: 'Förslag från rapporten', level: 1 }).waitFor({ timeout: 30000 });
  await page.getByRole('heading', { name: 'Hittades inte' }).waitFor();
  await page.getByLabel('Rubrik', { exact: true }).fill('Granskning av stadens IT-säkerhet 2020');
  await page.getByLabel('Rubrik', { exact: true }).blur();
  assert.match(await page.locator('#import-title-hint').textContent(), /^Ändrat av dig \(hittades i rapport-sr-2020-83\.pdf, sida \d+\)\.$/);
  await page.getByRole('button', { name: 'Ta bort rekommendation 13' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.id), 'import-recommendations-heading', 'focus on the section after a removal');
  await page.getByRole('heading', { name: 'Rekommendationer (12)' }).waitFor();
  await page.getByLabel('Läs också missivet eller rapporten (PDF, Word eller text)').setInputFiles(pdf('missiv-sr-2020-83.pdf'));
  await page.getByRole('status').filter({ hasText: /«missiv-sr-2020-83\.pdf» lästes in och förslaget fick: diarienummer, .*Dina ändringar finns kvar\./ }).waitFor({ timeout: 30000 });
  assert.equal(await page.getByLabel('Rubrik', { exact: true }).inputValue(), 'Granskning av stadens IT-säkerhet 2020');
  assert.equal(await page.getByLabel('Diarienummer').inputValue(), 'SR-2020-83');
  await page.getByRole('heading', { name: 'Rekommendationer (12)' }).waitFor();
  assert.equal(await page.locator('#import-board-1-first').inputValue(), '2021-03-26');
  // A date typed digit by digit is taken once it is whole, and not lost on the way.
  await page.locator('#import-board-0-first').click();
  await page.keyboard.press('Control+a');
  await page.locator('#import-board-0-first').pressSequentially('2021-05-06'.replaceAll('-', '').replace(/^(\d{4})(\d{2})(\d{2})$/, '$2$3$1'));
  await page.keyboard.press('Tab');
  assert.equal(await page.locator('#import-board-0-first').inputValue(), '2021-05-06');
  // What the files lacked is added here; a board removed takes the items only it answers.
  await page.getByLabel('Lägg till revisionsfråga').fill('Finns en plan för kontinuitet?');
  await page.getByRole('button', { name: 'Lägg till fråga' }).click();
  await page.getByRole('heading', { name: 'Revisionsfrågor (9)' }).waitFor();
  assert.equal(await page.locator('#import-question-8-hint').textContent(), 'Ifyllt av dig.');
  await page.waitForFunction(() => document.activeElement?.id === 'import-question-8');
  // At 200 % zoom a refusal stands at the window's foot, in view where the user typed.
  await page.setViewportSize({ width: 683, height: 384 });
  await page.getByLabel('Lägg till nämnd').fill('Kommunstyrelsen');
  await page.getByRole('button', { name: 'Lägg till nämnd' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'Förslaget har redan en nämnd som heter Kommunstyrelsen. Förslaget är oförändrat.' });
  await refusal.waitFor();
  const box = await refusal.boundingBox();
  assert.ok(box.y >= 0 && box.y + box.height <= 384, `the message is in view at 200 % zoom: ${JSON.stringify(box)}`);
  await page.screenshot({ path: join(SCREENSHOTS, 'report-import-message-zoom-200.png') });
  // Closed, the message gives focus back to where the user was.
  await page.getByRole('button', { name: 'Stäng meddelandet' }).click();
  assert.equal(await page.evaluate(() => document.activeElement?.textContent), 'Lägg till nämnd');
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.getByLabel('Lägg till nämnd').fill('Kulturnämnden');
  await page.getByRole('button', { name: 'Lägg till nämnd' }).click();
  await page.getByRole('heading', { name: 'Nämnder som ska yttra sig (3)' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'import-board-2-name');
  assert.equal(await page.locator('#import-board-2-first-hint').textContent(), 'Fyll i datumet (sista dagen står oftast i missivet).');
  await page.getByLabel('Lägg till rekommendation').fill('Inventera kulturförvaltningens system');
  await page.getByRole('button', { name: 'Lägg till rekommendation' }).click();
  await page.getByRole('heading', { name: 'Rekommendationer (13)' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'import-recommendation-12');
  await page.getByText(/Utan mottagare: 1 – välj nämnd för dem\.$/).waitFor();
  // An item no board answers stops the case from being made, and says which.
  await page.getByText('Ingen nämnd är vald: kryssa i den som ska svara, annars kan ärendet inte skapas.').waitFor();
  await page.getByRole('button', { name: 'Skapa ärendet' }).click();
  await page.getByRole('alert').filter({ hasText: 'Rekommendation 13 är inte riktad till någon nämnd.' }).waitFor();
  await page.waitForFunction(() => document.activeElement?.id === 'import-recommendation-12-board-0');
  await page.getByLabel('Kulturnämnden').last().check();
  await page.getByText('Kommunstyrelsen: 9 rekommendationer. Servicenämnden: 3 rekommendationer. Kulturnämnden: 1 rekommendation.').waitFor();
  let asked = '';
  page.once('dialog', (dialog) => { asked = dialog.message(); dialog.accept(); });
  await page.getByRole('button', { name: 'Ta bort Servicenämnden ur förslaget' }).click();
  assert.equal(asked, 'Ta bort Servicenämnden ur förslaget? 3 rekommendationer riktas bara till Servicenämnden och tas också bort.');
  await page.getByRole('status').filter({ hasText: 'Servicenämnden togs bort ur förslaget, och med den 3 rekommendationer som bara riktades till Servicenämnden.' }).waitFor();
  await page.getByRole('heading', { name: 'Rekommendationer (10)' }).waitFor();
  await page.getByText('Kommunstyrelsen: 6 bedömningar. Kulturnämnden: 0 bedömningar.').waitFor();
  // The missiv read again (another copy) does not bring the removed board back.
  const copy = join(OUTPUT, 'missiv-kopia.pdf');
  copyFileSync(pdf('missiv-sr-2020-83.pdf'), copy);
  await page.getByLabel('Läs också missivet eller rapporten (PDF, Word eller text)').setInputFiles(copy);
  await page.getByRole('status').filter({ hasText: 'Det du har tagit bort lades inte till igen: Servicenämnden.' }).waitFor({ timeout: 30000 });
  await page.getByRole('heading', { name: 'Nämnder som ska yttra sig (2)' }).waitFor();
  // Added again, it comes back as it was, with the recommendations it took.
  await page.getByLabel('Lägg till nämnd').fill('Servicenämnden');
  await page.getByRole('button', { name: 'Lägg till nämnd' }).click();
  await page.getByRole('status').filter({ hasText: 'Servicenämnden lades tillbaka som den var när den togs bort, med 3 rekommendationer som bara riktades till den, och riktas åter till 2 punkter som den delade med andra nämnder.' }).waitFor();
  await page.getByRole('heading', { name: 'Rekommendationer (13)' }).waitFor();
  assert.equal(await page.locator('#import-board-2-first').inputValue(), '2021-03-26', 'its deadline is back');
  // The corrected proposal is not stored: closing the tab asks, and so does cancelling
  // (the question is dismissed here, so the proposal stays).
  const asksBeforeClosing = await page.evaluate(() => {
    const event = new Event('beforeunload', { cancelable: true });
    window.dispatchEvent(event);
    return event.defaultPrevented;
  });
  assert.equal(asksBeforeClosing, true);
  await page.getByRole('button', { name: '← Avbryt inläsningen' }).click();
  await page.getByRole('heading', { name: 'Förslag från rapporten', level: 1 }).waitFor();

  const cover = join(OUTPUT, 'tjansteskrivelse.txt');
  writeFileSync(cover, 'Malmö stad\nStadskontoret\n\nTjänsteskrivelse\nDatum\n2025-03-12\n\nGranskning av IT-säkerhet\nSTK-2025-302\n\nUtifrån resultatet av granskningen rekommenderas kommunstyrelsen att:\n• Bereda förslag till en policy\n');
  await page.getByLabel('Läs också missivet eller rapporten (PDF, Word eller text)').setInputFiles(cover);
  await page.getByRole('alert').filter({ hasText: '«tjansteskrivelse.txt» är en tjänsteskrivelse, inte revisorernas missiv eller granskningsrapport.' }).waitFor();
  await page.getByRole('heading', { name: 'Rekommendationer (13)' }).waitFor();
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('a scanned PDF and a letter are refused with a Swedish message, and the open case is filled from a missiv without losing its own', async () => {
  const pdf = pdfs();
  const { context, page, seen } = await openApp(env.browser, env.server.url);
  await page.getByLabel('Läs in missivet och granskningsrapporten (PDF, Word eller text)').setInputFiles(pdf('inskannad.pdf'));
  await page.getByRole('alert').filter({ hasText: '«inskannad.pdf»: PDF:en saknar text: sidorna är tomma eller bilder (en inskannad rapport).' }).waitFor({ timeout: 30000 });
  await page.getByLabel('Läs in missivet och granskningsrapporten (PDF, Word eller text)').setInputFiles(pdf('krypterad.pdf'));
  await page.getByRole('alert').filter({ hasText: '«krypterad.pdf»: PDF:en är lösenordsskyddad.' }).waitFor();
  await page.getByLabel('Läs in missivet och granskningsrapporten (PDF, Word eller text)').setInputFiles(pdf('missiv-sr-2024-38.odt'));
  await page.getByRole('alert').filter({ hasText: '«missiv-sr-2024-38.odt»: filen är ett OpenDocument-dokument (till exempel .odt), som Yttra inte läser.' }).waitFor();
  const letter = join(OUTPUT, 'brev.txt');
  writeFileSync(letter, 'Hej!\n\nVälkommen på personalfest fredag 2025-05-16.\n');
  await page.getByLabel('Läs in missivet och granskningsrapporten (PDF, Word eller text)').setInputFiles(letter);
  await page.getByRole('alert').filter({ hasText: '«brev.txt» ser inte ut som en granskningsrapport eller ett missiv' }).waitFor();
  assert.equal(await page.getByRole('heading', { name: 'Förslag från rapporten' }).count(), 0);

  // A good PDF picked with a locked and a broken one: the good one is read, the others named.
  await page.getByLabel('Läs in missivet och granskningsrapporten (PDF, Word eller text)')
    .setInputFiles([pdf('missiv-sr-2024-38.pdf'), pdf('krypterad.pdf'), pdf('skadad.pdf')]);
  await page.getByRole('heading', { name: 'Förslag från rapporten', level: 1 }).waitFor({ timeout: 30000 });
  const unread = page.getByRole('alert').filter({ hasText: '«krypterad.pdf»: PDF:en är lösenordsskyddad.' });
  await unread.filter({ hasText: '«skadad.pdf»: Filen går inte att läsa som PDF' })
    .filter({ hasText: 'De filerna är inte med i förslaget; de andra filerna lästes in.' }).waitFor();
  assert.equal(await page.locator('#import-reference').inputValue(), 'SR-2024-38');
  await page.getByRole('button', { name: 'Avbryt', exact: true }).click();

  // The example case, filled from the 2024 missiv: its own reference is kept and said.
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  const reference = await page.getByLabel('Revisorernas referens').inputValue();
  await page.getByLabel('Fyll i från missivet och rapporten (PDF, Word eller text)').setInputFiles(pdf('missiv-sr-2024-38.pdf'));
  await page.getByRole('heading', { name: 'Förslag från rapporten', level: 1 }).waitFor({ timeout: 30000 });
  await page.getByRole('heading', { name: 'Hittades inte' }).waitFor();
  assert.deepEqual(await axeViolations(page), []);
  await page.getByRole('button', { name: /^Läs in förslaget i «/ }).click();
  await page.getByRole('status').filter({ hasText: `Diarienummer: ärendets «${reference}» behölls (förslaget: «SR-2024-38»).` }).waitFor();
  assert.equal(await page.getByLabel('Revisorernas referens').inputValue(), reference);
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('the single-file build reads a PDF opened straight from disk, and pasted text goes the same way', async () => {
  const pdf = pdfs();
  const context = await env.browser.newContext({ locale: 'sv-SE' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()); });
  const requests = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(`file://${join(ROOT, 'dist', 'yttra.html')}`);
  await page.getByLabel('Läs in missivet och granskningsrapporten (PDF, Word eller text)').setInputFiles(pdf('missiv-sr-2024-38.pdf'));
  await page.getByRole('heading', { name: 'Förslag från rapporten', level: 1 }).waitFor({ timeout: 30000 });
  assert.equal(await page.locator('#import-board-1-first').inputValue(), '2025-03-31', 'Servicenämnden');
  assert.deepEqual(requests.filter((url) => !url.startsWith('file://') && !url.startsWith('blob:') && !url.startsWith('data:')), []);
  await page.getByRole('button', { name: 'Avbryt', exact: true }).click();

  // Text copied from a report whose PDF cannot be read.
  await page.getByText('Går PDF:en inte att läsa? Klistra in texten').click();
  await page.getByLabel('Text kopierad ur missivet eller rapporten').fill(
    'Granskning av arkivhantering SR-2025-12\n\nUtifrån vår bedömning rekommenderar vi kulturnämnden att:\n• Ta fram en arkivplan\n• Utse en arkivansvarig\n');
  await page.getByRole('button', { name: 'Läs texten' }).click();
  await page.getByRole('heading', { name: 'Rekommendationer (2)' }).waitFor();
  assert.equal(await page.getByLabel('Diarienummer').inputValue(), 'SR-2025-12');
  await page.getByText('Kulturnämnden: 2 rekommendationer.').waitFor();
  assert.deepEqual(errors, []);
  await context.close();
});
