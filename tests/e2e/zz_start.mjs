import { startServer, launchChromium } from './support.mjs';
const server = await startServer();
const url = server.url;
const browser = await launchChromium();
for (let run = 0; run < 6; run++) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    const marks = (globalThis.__marks = []);
    const m = (n) => marks.push(`${n} ${performance.now().toFixed(0)}`);
    const is = WebAssembly.instantiateStreaming;
    WebAssembly.instantiateStreaming = async (...a) => { m('inst-start'); const r = await is(...a); m('inst-end'); return r; };
    const ii = WebAssembly.instantiate;
    WebAssembly.instantiate = async (...a) => { m('inst2-start'); const r = await ii(...a); m('inst2-end'); return r; };
    const io = indexedDB.open.bind(indexedDB);
    indexedDB.open = (...a) => { m('idb-open'); const r = io(...a); r.addEventListener('success', () => m('idb-opened')); return r; };
    new MutationObserver(() => { if (document.body && document.body.querySelector('h1') && !globalThis.__h1) { globalThis.__h1 = 1; m('h1'); } }).observe(document, { subtree: true, childList: true });
  });
  const page = await context.newPage();
  const t0 = Date.now();
  await page.goto(url);
  await page.getByText('Inga ärenden är sparade här ännu').waitFor();
  const total = Date.now() - t0;
  const perf = await page.evaluate(() => {
    const res = performance.getEntriesByType('resource').filter(r => r.name.endsWith('wasm') || r.name.endsWith('.js')).map(r => `${r.name.split('/').pop()} ${r.startTime.toFixed(0)}-${r.responseEnd.toFixed(0)}`);
    const t = performance.now().toFixed(0);
    return [...res, ...globalThis.__marks, 'now ' + t].join(' | ');
  });
  console.log(total, perf);
  await context.close();
}
await browser.close(); server.stop();
