import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { launchChromium } from './support.mjs';
const server = spawn('python3', ['scripts/serve.py', '0', '/tmp/distp'], { stdio: ['ignore', 'pipe', 'inherit'] });
const url = (await new Promise((r) => createInterface({ input: server.stdout }).once('line', r))).trim();
const browser = await launchChromium();
const agg = new Map();
for (let run = 0; run < 4; run++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  const t0 = Date.now();
  await page.goto(url);
  await page.getByText('Inga ärenden är sparade här ännu').waitFor();
  console.log('total', Date.now() - t0);
  const { profile } = await cdp.send('Profiler.stop');
  const self = new Map();
  const dt = profile.timeDeltas; const counts = new Map();
  profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) || 0) + (dt[i] || 0)));
  for (const n of profile.nodes) {
    const key = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`;
    agg.set(key, (agg.get(key) || 0) + (counts.get(n.id) || 0) / 1000);
  }
  await context.close();
}
[...agg.entries()].sort((a, b) => b[1] - a[1]).slice(0, 45).forEach(([k, v]) => console.log((v / 4).toFixed(1), k.slice(0, 150)));
await browser.close(); server.kill();
