// The municipality's Word template: uploaded once on Dokumentmallar, previewed, kept after a
// reload, refused with a reason when it cannot serve, and every Word document downloaded in it.
// python-docx then checks that the header, logo, footer, fonts and filled fields are the
// template's and the content Yttra's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, OUTPUT, SCREENSHOTS, serverAndBrowser, axeViolations, openApp, downloadFrom } from './support.mjs';

const EXAMPLE_TITLE = 'Granskning av IT-säkerhet (SR-2025-17)';
const env = serverAndBrowser();
const python = join(ROOT, '.venv', 'bin', 'python');
const templates = join(ROOT, 'tests', 'consumers', 'templates.py');

function makeTemplate(name, municipality = 'Exempelby kommun') {
  mkdirSync(OUTPUT, { recursive: true });
  const path = join(OUTPUT, name);
  execFileSync(python, [templates, path, '--dotx', '--name', municipality]);
  return path;
}

function facts(path) {
  return JSON.parse(execFileSync(python, [templates, '--facts', path], { encoding: 'utf8' }));
}

test('a template uploaded once gives every downloaded document the letterhead', async () => {
  const template = makeTemplate('Exempelby yttrande.dotx');
  const { context, page } = await openApp(env.browser, env.server.url);
  await page.getByRole('button', { name: 'Ladda upp en dokumentmall' }).click();
  await page.getByRole('heading', { name: 'Dokumentmallar', level: 1 }).waitFor();
  await page.getByLabel('Word-mall (.dotx eller .docx)').setInputFiles(template);
  await page.getByRole('status').filter({ hasText: 'Mallen är sparad: Exempelby yttrande.dotx.' }).waitFor();
  const card = page.getByRole('article', { name: 'Exempelby yttrande.dotx' });
  const preview = card.getByRole('group', { name: 'Mallens första sida som text' });
  await preview.getByText('Sidhuvud (första sidan, 1 bild)').waitFor();
  await preview.getByText('Exempelby kommun · Storgatan 1', { exact: false }).first().waitFor();
  await card.getByText('{{kontor}} känns inte igen och lämnas som de står.').waitFor();
  await card.getByText('Yttras text skrivs där mallen har stycket [Yttra]', { exact: false }).waitFor();
  await page.screenshot({ path: join(SCREENSHOTS, 'templates.png'), fullPage: true });
  assert.deepEqual(await axeViolations(page), []);

  // A macro template is refused with the reason, and the stored one stays.
  const macros = join(OUTPUT, 'makron.dotm');
  copyFileSync(template, macros);
  await page.getByLabel('Word-mall (.dotx eller .docx)').setInputFiles(macros);
  await page.getByRole('alert').filter({ hasText: 'makron.dotm: Mallen är en makromall' }).waitFor();
  assert.equal(await page.getByRole('article').count(), 1);

  // Kept after a reload; then the example case's documents are made in it.
  await page.reload();
  await page.getByRole('button', { name: 'Dokumentmallar' }).click();
  await page.getByRole('article', { name: 'Exempelby yttrande.dotx' }).waitFor();
  await page.getByRole('button', { name: '← Tillbaka till startsidan' }).click();
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('heading', { name: EXAMPLE_TITLE, level: 1 }).waitFor();
  await page.getByText('Word-dokumenten skrivs i mallen Exempelby yttrande.dotx.').waitFor();
  const { path } = await downloadFrom(page, 'Första yttrandet, Kommunstyrelsen (Word)', 'in-template.docx');
  await page.getByRole('status').filter({ hasText: 'skriven i mallen Exempelby yttrande.dotx' }).waitFor();

  const made = facts(path);
  assert.ok(made.first_header.includes('Exempelby kommun'), made.first_header);
  assert.ok(made.first_header.includes('KS-2025-114'), made.first_header);
  assert.ok(made.header.includes('Kommunstyrelsen · Dnr KS-2025-114'), made.header);
  assert.ok(made.footer.includes('Storgatan 1') && made.footer.includes('{{kontor}}'), made.footer);
  assert.equal(made.logos, 1);
  assert.equal(made.normal_font, 'Georgia');
  assert.equal(made.heading_style, 'Rubrik1');
  assert.equal(made.left_margin_cm, 3.0);
  const title = made.paragraphs.indexOf('Granskning av IT-säkerhet SR-2025-17');
  assert.ok(made.paragraphs.indexOf('Till kommunens revisorer') < title && title < made.paragraphs.indexOf('Detta yttrande har beslutats av nämnden.'));

  // A second template for the tjänsteskrivelser only: they take it, the yttranden keep the first.
  const cover = makeTemplate('Tjänsteskrivelse.dotx', 'Exempelby stadskontor');
  await page.getByRole('button', { name: 'Dokumentmallar' }).click();
  await page.getByLabel('Word-mall (.dotx eller .docx)').setInputFiles(cover);
  const coverCard = page.getByRole('article', { name: 'Tjänsteskrivelse.dotx' });
  await coverCard.getByLabel('Dokument').selectOption({ label: 'Tjänsteskrivelser' });
  await coverCard.getByText('Används för: Tjänsteskrivelser för alla nämnder.').waitFor();
  await page.getByRole('button', { name: '← Tillbaka till ärendet' }).click();
  const coverNote = await downloadFrom(page, 'Tjänsteskrivelsen till det första yttrandet, Kommunstyrelsen (Word)', 'cover-in-template.docx');
  assert.ok(facts(coverNote.path).first_header.includes('Exempelby stadskontor'));
  const again = await downloadFrom(page, 'Första yttrandet, Kommunstyrelsen (Word)', 'again-in-template.docx');
  assert.ok(facts(again.path).first_header.includes('Exempelby kommun'));

  // The filed document opens again as Yttra's, with nothing changed in Word.
  await page.getByRole('button', { name: '← Alla ärenden' }).click();
  await page.getByLabel('Öppna en fil').setInputFiles(path);
  await page.getByRole('heading', { name: EXAMPLE_TITLE, level: 1 }).waitFor();
  assert.equal(await page.getByRole('region', { name: 'Ändrat i Word' }).count(), 0);

  // Removing asks first, then documents get Yttra's own layout again.
  await page.getByRole('button', { name: 'Dokumentmallar' }).click();
  for (const name of ['Exempelby yttrande.dotx', 'Tjänsteskrivelse.dotx']) {
    await page.getByRole('article', { name }).getByRole('button', { name: 'Ta bort mallen' }).click();
    await page.getByRole('button', { name: 'Ja, ta bort mallen' }).click();
    await page.getByRole('article', { name }).waitFor({ state: 'detached' });
  }
  await page.getByRole('status').filter({ hasText: 'Dokumenten får Yttras egen layout' }).waitFor();
  assert.equal(await page.getByRole('article').count(), 0);
  await context.close();
});

test('the templates page reads at 200 % zoom', async () => {
  const template = makeTemplate('Zoommall.dotx');
  const { context, page } = await openApp(env.browser, env.server.url, { viewport: { width: 683, height: 384 } });
  await page.getByRole('button', { name: 'Ladda upp en dokumentmall' }).click();
  await page.getByLabel('Word-mall (.dotx eller .docx)').setInputFiles(template);
  await page.getByRole('article', { name: 'Zoommall.dotx' }).waitFor();
  assert.equal(await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth), false);
  await page.screenshot({ path: join(SCREENSHOTS, 'templates-zoom.png'), fullPage: true });
  await context.close();
});
