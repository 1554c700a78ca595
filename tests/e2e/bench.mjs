// Browser benchmark (not a test): time from navigation to an interactive start page, and the
// time to make the large synthetic case's DOCX in Chromium. Prints medians; never fails on speed.
// Usage: node tests/e2e/bench.mjs LARGE_CASE.json
import { readFileSync } from 'node:fs';
import { startServer, launchChromium } from './support.mjs';

const RUNS = 7;
const largeCase = readFileSync(process.argv[2], 'utf8');
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

const server = await startServer();
const browser = await launchChromium();
try {
  const interactive = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const start = Date.now();
    await page.goto(server.url);
    await page.getByRole('button', { name: 'Öppna exempelärendet' }).waitFor();
    await page.getByText('Inga ärenden är sparade här ännu').waitFor();
    interactive.push(Date.now() - start);
    await context.close();
  }
  console.log(`start page interactive (navigation to usable list), median of ${RUNS}: ${median(interactive)} ms (goal < 500 ms)`);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).waitFor();
  const result = await page.evaluate(async ({ caseJson, runs }) => {
    const loadStart = performance.now();
    const generator = await import(new URL('./generator/generator.js', document.baseURI).href);
    await generator.default();
    const loadMs = performance.now() - loadStart;
    const times = [];
    let size = 0;
    for (let i = 0; i < runs + 3; i++) {
      const start = performance.now();
      const bytes = generator.render_document(caseJson, 'ks', 'first', '2025-03-01');
      const elapsed = performance.now() - start;
      size = bytes.length;
      if (i >= 3) times.push(elapsed);
    }
    times.sort((a, b) => a - b);
    return { loadMs, median: times[Math.floor(times.length / 2)], size };
  }, { caseJson: largeCase, runs: 21 });
  console.log(`generator module load (first document): ${result.loadMs.toFixed(0)} ms`);
  console.log(`large DOCX in Chromium, median of 21: ${result.median.toFixed(1)} ms, ${result.size} bytes (goal < 10 ms)`);
  await context.close();
} finally {
  await browser.close();
  server.stop();
}
