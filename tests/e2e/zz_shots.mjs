import { startServer, launchChromium } from './support.mjs';
const server = await startServer();
const browser = await launchChromium();
for (const [name, scale] of [['1x', 1], ['2x', 2]]) {
  const context = await browser.newContext({ viewport: { width: 1366 / scale, height: 768 / scale }, deviceScaleFactor: scale, locale: 'sv-SE' });
  let release; const held = new Promise((r) => { release = r; });
  await context.route('**/app/frontend_bg.wasm', async (route) => { await held; await route.abort(); });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByText('Inga ärenden är sparade här ännu').waitFor();
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByRole('status').filter({ hasText: 'Yttra öppnar' }).waitFor();
  await page.screenshot({ path: `/tmp/shot-slow-${name}.png` });
  release();
  await page.getByRole('alert').waitFor();
  await page.screenshot({ path: `/tmp/shot-fail-${name}.png` });
  await context.close();
}
await browser.close(); server.stop();
