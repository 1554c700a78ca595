// Browser benchmark (not a test): time from navigation to an interactive start page, the time to
// make the large synthetic case's DOCX in Chromium, the large case opened and typed into (and the
// JS heap after 5,000 keystrokes), and a self-assessment of 500 questions opened, switched and
// typed into. Prints medians; never fails on speed.
// Also the report import: the 47-page KPMG report and its missiv as PDFs, from picking the files to
// the proposal on screen.
// Usage: node tests/e2e/bench.mjs LARGE_CASE.json [REPORT.pdf MISSIV.pdf]
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startServer, launchChromium, openApp, OUTPUT } from './support.mjs';

const RUNS = 7;
const largeCase = readFileSync(process.argv[2], 'utf8');
// The case as the app hands it to the generator for a document: compact JSON
// (schemas::case_message), not the file's pretty form.
const largeCaseMessage = JSON.stringify(JSON.parse(largeCase));
// The benchmark's test template (a municipal letterhead), written by `cargo bench`: the large
// yttrande in a template, as most municipalities file it.
const templateBytes = process.argv[5] ? [...readFileSync(process.argv[5])] : null;
/** Waits until the page is idle: two animation frames, then a macrotask, so renders, effects and
 * the saves they start have run. */
const settled = () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 0))));
const median = (values) => values.slice().sort((a, b) => a - b)[Math.floor(values.length / 2)];

// BENCH_ONLY=large,assessment runs only those parts (start, large, assessment, import).
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(',') : null;
const wanted = (part) => !only || only.includes(part);

const server = await startServer();
const browser = await launchChromium();
try {
  if (wanted('start')) await startAndDocuments(browser, server.url);
  if (wanted('start')) await firstDocument(browser, server.url);
  if (wanted('large')) await largeCaseInteractions(browser, server.url, process.argv[2]);
  if (wanted('assessment')) await rerenderAfterOneRating(browser, server.url);
  if (wanted('import') && process.argv[4]) await reportImport(browser, server.url, process.argv.slice(3, 5));
} finally {
  await browser.close();
  server.stop();
}

/** Times, in the page, an action until the next frame after the DOM settles: each run clicks
 * (or changes) an element found by `selector`, waits for a mutation of `watched`, then for the
 * next animation frame (the user sees it then). */
async function timeInPage(page, steps, runs) {
  return page.evaluate(async ({ steps, runs }) => {
    const measured = [];
    for (let run = 0; run < runs + 2; run += 1) {
      const step = steps[run % steps.length];
      const target = document.querySelector(step.selector);
      const watched = document.querySelector(step.watched);
      const changed = new Promise((resolve) => {
        const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
        observer.observe(watched, { childList: true, characterData: true, subtree: true, attributes: true });
      });
      const start = performance.now();
      if (step.value !== undefined) {
        target.value = step.value;
        target.dispatchEvent(new Event('change', { bubbles: true }));
      } else {
        target.click();
      }
      await changed;
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      if (run >= 2) measured.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 30));
    }
    measured.sort((a, b) => a - b);
    return measured[Math.floor(measured.length / 2)];
  }, { steps, runs });
}

/** Opening the 500-question assessment from the case page, switching chapters and filters. */
async function timeAssessmentNavigation(page) {
  const open = [];
  for (let run = 0; run < 9; run += 1) {
    await page.getByRole('button', { name: '← Till ärendet' }).click();
    const button = page.getByRole('button', { name: /^Öppna riktlinje-500/ }).first();
    await button.waitFor();
    const elapsed = await button.evaluate(async (element) => {
      const start = performance.now();
      element.click();
      while (!document.querySelector('nav.chapters')) {
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      }
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      return performance.now() - start;
    });
    if (run >= 2) open.push(elapsed);
  }
  console.log(`self-assessment, 500 questions: open from the case page, median of 7: ${median(open).toFixed(1)} ms (goal <= 150 ms)`);
  const chapters = [3, 9, 5, 12].map((chapter) => ({ selector: `#chapter-omrade-${chapter}`, watched: '.chapter-questions' }));
  const chapterMs = await timeInPage(page, chapters, 21);
  console.log(`self-assessment, 500 questions: chapter switch, median of 21: ${chapterMs.toFixed(1)} ms (goal <= 100 ms)`);
  const filters = ['#filter-low', '#filter-all'].map((selector) => ({ selector, watched: '.chapter-questions' }));
  const filterMs = await timeInPage(page, filters, 21);
  console.log(`self-assessment, 500 questions: filter switch, median of 21: ${filterMs.toFixed(1)} ms (goal <= 100 ms)`);
  await page.locator('#filter-all').check();
  const all = [{ selector: 'nav.chapters li:first-child button', watched: '.chapter-questions' }, { selector: '#chapter-omrade-1', watched: '.chapter-questions' }];
  const allMs = await timeInPage(page, all, 11);
  console.log(`self-assessment, 500 questions: all chapters and back to one, median of 11: ${allMs.toFixed(1)} ms`);
}

/** Imports a guideline of 500 requirements, then changes one rating again and again and times
 * each change until the page shows it (the progress line), which includes saving the case. */
async function rerenderAfterOneRating(browser, url) {
  const rows = ['Område;Id;Text;Vägledning'];
  for (let index = 1; index <= 500; index += 1) {
    rows.push(`Kapitel ${Math.ceil(index / 40)};K${index};Krav ${index} om rutiner och uppföljning;Visa underlag`);
  }
  const csv = join(OUTPUT, 'riktlinje-500.csv');
  writeFileSync(csv, rows.join('\n'));
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
  await page.getByLabel('Eller importera en egen riktlinje (CSV eller JSON)').setInputFiles(csv);
  await page.getByRole('button', { name: 'Påbörja självskattningen med riktlinjen' }).click();
  await page.getByText('0 av 500 besvarade').first().waitFor();
  await timeAssessmentNavigation(page);
  await page.getByRole('navigation', { name: 'Kapitel' }).getByRole('button', { name: /^Kapitel 7 / }).click();
  await page.locator('#q-K250-rating').waitFor();
  const times = await page.evaluate(async (runs) => {
    const select = document.querySelector('#q-K250-rating');
    const progress = document.querySelector('p.progress');
    const measured = [];
    for (let run = 0; run < runs + 3; run += 1) {
      const shown = new Promise((resolve) => {
        const observer = new MutationObserver(() => { observer.disconnect(); resolve(); });
        observer.observe(progress, { childList: true, characterData: true, subtree: true });
      });
      const start = performance.now();
      select.value = run % 2 === 0 ? '2' : '';
      select.dispatchEvent(new Event('change', { bubbles: true }));
      await shown;
      if (run >= 3) measured.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    return measured;
  }, 21);
  console.log(`self-assessment, 500 questions: re-render after one rating change, median of 21: ${median(times).toFixed(1)} ms (goal < 16 ms)`);
  await page.locator('#q-K250 summary').click();
  const comment = await keystrokes(page, '#q-K250-comment', 41);
  console.log(`self-assessment, 500 questions: keystroke in a comment to next frame, median of 41: ${comment.toFixed(1)} ms (goal <= 16 ms)`);
  await context.close();
}

/** The report and missiv PDFs picked on the start page until the proposal shows: as a user
 * does it (the picker opened, so pdf.js and the generator load while the files are chosen: 2 s
 * here), with nothing loaded (files set on the field straight away), and again in the same page. */
async function reportImport(browser, url, files) {
  const opened = async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(url);
    const input = page.getByLabel('Läs in missivet och granskningsrapporten (PDF, Word eller text)');
    return { context, page, input };
  };
  const once = async ({ page, input }) => {
    const start = Date.now();
    await input.setInputFiles(files);
    await page.getByRole('heading', { name: 'Förslag från rapporten', level: 1 }).waitFor({ timeout: 60000 });
    const elapsed = Date.now() - start;
    await page.getByRole('button', { name: 'Avbryt', exact: true }).click();
    await input.waitFor();
    return elapsed;
  };
  const user = await opened();
  await user.input.focus();
  await new Promise((resolve) => setTimeout(resolve, 2000));
  const picked = await once(user);
  await user.context.close();
  const cold = await opened();
  const first = await once(cold);
  const again = [];
  for (let run = 0; run < 5; run++) again.push(await once(cold));
  await cold.context.close();
  console.log(`report import, 47-page report and missiv as PDF to the proposal: picked after opening the picker ${picked} ms; with nothing loaded ${first} ms; again in the same page, median of 5: ${median(again)} ms (goal <= 1000 ms)`);
}


/** Types `count` characters into the field `selector`, one input event each, and returns the
 * median time from each keystroke to the next frame (the user sees it then). The pause between
 * keystrokes varies over a frame's length, as a typist's does: a fixed one would land every
 * keystroke at the same point of the frame clock and measure that point, not the work. */
async function keystrokes(page, selector, count) {
  return page.evaluate(async ({ selector, count }) => {
    const field = document.querySelector(selector);
    const measured = [];
    for (let run = 0; run < count + 3; run += 1) {
      const start = performance.now();
      field.value += run % 10 === 9 ? ' ' : 'a';
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      if (run >= 3) measured.push(performance.now() - start);
      await new Promise((resolve) => setTimeout(resolve, 20 + ((run * 7) % 17)));
    }
    measured.sort((a, b) => a - b);
    return measured[Math.floor(measured.length / 2)];
  }, { selector, count });
}

/** The JS heap after a full collection (Chrome DevTools Protocol), in bytes. */
async function heapAfterCollection(cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** The large synthetic case (60 recommendations x 3 measures): opened from the start page's
 * list, typed into on the första yttrande (the summary and a measure), and the JS heap before
 * and after 5,000 keystrokes. */
async function largeCaseInteractions(browser, url, casePath) {
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await page.goto(url);
  await page.getByLabel('Öppna en fil').setInputFiles(casePath);
  await page.locator('#answer-ks').waitFor();
  const title = await page.locator('h1').first().textContent();
  const open = [];
  for (let run = 0; run < 9; run += 1) {
    await page.getByRole('button', { name: '← Alla ärenden' }).click();
    const button = page.getByRole('button', { name: /^Öppna Granskning av informationssäkerhet i stor skala/ }).first();
    await button.waitFor();
    const elapsed = await button.evaluate(async (element) => {
      const start = performance.now();
      element.click();
      while (!document.querySelector('#answer-ks')) {
        await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      }
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
      return performance.now() - start;
    });
    if (run >= 2) open.push(elapsed);
  }
  console.log(`large case (${title.trim()}): open from the start page, median of 7: ${median(open).toFixed(1)} ms (goal <= 200 ms)`);

  const onCasePage = await keystrokes(page, '#item-R30-text', 41);
  console.log(`large case: keystroke in a recommendation's text on the case page to next frame, median of 41: ${onCasePage.toFixed(1)} ms (goal <= 16 ms)`);
  await page.locator('#answer-ks').click();
  await page.locator('#summary').waitFor();
  const summary = await keystrokes(page, '#summary', 41);
  console.log(`large case: keystroke in the första yttrande's summary to next frame, median of 41: ${summary.toFixed(1)} ms (goal <= 16 ms)`);
  const step = (n) => `nav[aria-label="Delar av yttrandet"] li:nth-child(${n}) button`;
  const steps = [2, 31, 60].map((n) => ({ selector: step(n), watched: 'main' }));
  const stepMs = await timeInPage(page, steps, 21);
  console.log(`large case: step between recommendations on the första yttrande, median of 21: ${stepMs.toFixed(1)} ms (goal <= 100 ms)`);
  const measureField = await page.locator('textarea[id$="-action"]').first().getAttribute('id');
  const measure = await keystrokes(page, `#${measureField}`, 41);
  console.log(`large case: keystroke in a measure to next frame, median of 41: ${measure.toFixed(1)} ms (goal <= 16 ms)`);

  // 5,000 keystrokes as fast as the page takes them, then the heap compared with after the first 200.
  const cdp = await context.newCDPSession(page);
  const typeMany = (count) => page.evaluate(async (count) => {
    const field = document.querySelector('#summary');
    const yieldToPage = () => new Promise((resolve) => { const channel = new MessageChannel(); channel.port1.onmessage = () => resolve(); channel.port2.postMessage(0); });
    for (let run = 0; run < count; run += 1) {
      field.value = field.value.length > 2000 ? 'a' : `${field.value}${run % 10 === 9 ? ' ' : 'a'}`;
      field.dispatchEvent(new Event('input', { bubbles: true }));
      await yieldToPage();
      if (run % 50 === 49) await new Promise((resolve) => setTimeout(resolve, 0));
    }
  }, count);
  await page.locator(step(1)).click();
  await typeMany(200);
  await page.evaluate(settled);
  await page.waitForTimeout(1000);
  const before = await heapAfterCollection(cdp);
  const typingStart = Date.now();
  await typeMany(5000);
  const typingMs = Date.now() - typingStart;
  await page.evaluate(settled);
  await page.waitForTimeout(1000);
  const after = await heapAfterCollection(cdp);
  const change = ((after - before) / before) * 100;
  console.log(`large case: JS heap after 5,000 keystrokes (${(typingMs / 1000).toFixed(1)} s of typing): ${(before / 1e6).toFixed(2)} MB before, ${(after / 1e6).toFixed(2)} MB after, ${change >= 0 ? '+' : ''}${change.toFixed(1)} % (goal within ±5 %)`);
  await context.close();
}

/** Clicks `button` in the page and returns the time until an h1 reads `heading`, measured in the
 * page to the next frame. */
function clickUntilHeading(button, heading) {
  return button.evaluate(async (element, heading) => {
    const start = performance.now();
    element.click();
    while (![...document.querySelectorAll('h1')].some((h1) => h1.textContent.trim() === heading)) {
      await new Promise((resolve) => requestAnimationFrame(() => resolve()));
    }
    return performance.now() - start;
  }, heading);
}

/** The start page is its own module and hands what the user picks to the app, which is fetched
 * once the start page shows: the example opened at once (the app still loading) and after a
 * pause (the app ready); and a reload on the example's case page, which starts the app at once. */
async function handover(browser, url) {
  const example = 'Granskning av IT-säkerhet (SR-2025-17)';
  const times = { atOnce: [], ready: [], reload: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const [when, pause] of [['atOnce', 0], ['ready', 1500]]) {
      const context = await browser.newContext();
      const page = await context.newPage();
      await page.goto(url);
      await page.getByText('Inga ärenden är sparade här ännu').waitFor();
      await page.waitForTimeout(pause);
      times[when].push(await clickUntilHeading(page.getByRole('button', { name: 'Öppna exempelärendet' }), example));
      if (when === 'ready') {
        await page.getByRole('status').filter({ hasText: 'Alla ändringar är sparade i webbläsaren.' }).waitFor();
        const start = Date.now();
        await page.reload();
        await page.getByRole('heading', { name: example, level: 1 }).waitFor();
        times.reload.push(Date.now() - start);
      }
      await context.close();
    }
  }
  console.log(`start page to the app: the example opened at once, median of ${RUNS}: ${median(times.atOnce).toFixed(0)} ms; once the app has loaded: ${median(times.ready).toFixed(0)} ms; a reload on its case page to the page, navigation included: ${median(times.reload)} ms`);
}

/** Marks, in the page, when the start page is usable (its buttons and its list are there), as
 * milliseconds from the start of navigation. Measured in the page: the app, loaded in the
 * background once the start page shows, would otherwise delay the test driver's polling. */
async function markUsable(context) {
  await context.addInitScript(() => {
    new MutationObserver(() => {
      if (globalThis.yttraUsableAt) return;
      const begins = [...document.querySelectorAll('button')].some((button) => button.textContent === 'Öppna exempelärendet');
      if (begins && document.body.textContent.includes('Inga ärenden är sparade här ännu')) globalThis.yttraUsableAt = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });
  });
}

async function usableAfterNavigation(page, url) {
  await page.goto(url);
  await page.waitForFunction(() => globalThis.yttraUsableAt);
  return page.evaluate(() => Math.round(globalThis.yttraUsableAt));
}

/** The start page until it is usable, then the large case's DOCX made and read back in the page. */
async function startAndDocuments(browser, url) {
  const interactive = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    await markUsable(context);
    interactive.push(await usableAfterNavigation(await context.newPage(), url));
    await context.close();
  }
  console.log(`start page interactive (navigation to usable list, in the page), median of ${RUNS}: ${median(interactive)} ms (goal < 500 ms)`);
  // A returning user: the databases exist (above, each run made them in a new profile).
  const returning = [];
  {
    const context = await browser.newContext();
    await markUsable(context);
    const page = await context.newPage();
    for (let run = 0; run < RUNS + 1; run++) {
      const usable = await usableAfterNavigation(page, url);
      if (run > 0) returning.push(usable);
    }
    await context.close();
  }
  console.log(`start page interactive again, its databases made on the first visit, median of ${RUNS}: ${median(returning)} ms`);
  await handover(browser, url);

  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  await page.getByRole('button', { name: 'Öppna exempelärendet' }).waitFor();
  // As the peers benchmark times docx.js and docx-rs (../shared/bench/peers): 5 warm-ups, then
  // 50 in a row, the median; the first, cold one is what a user's first document costs.
  const result = await page.evaluate(async ({ caseText, templateBytes, warmUps, runs }) => {
    // As the app hands the case over: its compact JSON's UTF-8 bytes.
    const caseJson = new TextEncoder().encode(caseText);
    const loadStart = performance.now();
    const generator = await import(new URL('./generator/generator.js', document.baseURI).href);
    await generator.default();
    const loadMs = performance.now() - loadStart;
    const times = [];
    const readTimes = [];
    let size = 0;
    let docx = null;
    for (let i = 0; i < warmUps + runs; i++) {
      const start = performance.now();
      const made = generator.make_document(caseJson, JSON.stringify({ document: { board: 'ks', kind: 'first' } }), '2025-03-01', new Uint8Array());
      const elapsed = performance.now() - start;
      size = made.bytes.length;
      docx = made.bytes;
      made.free();
      times.push(elapsed);
    }
    // The same in the municipality's template, when the benchmark has one.
    const templateTimes = [];
    let templateSize = 0;
    if (templateBytes) {
      const template = new Uint8Array(templateBytes);
      for (let i = 0; i < warmUps + runs; i++) {
        const start = performance.now();
        const made = generator.make_document(caseJson, JSON.stringify({ document: { board: 'ks', kind: 'first' } }), '2025-03-01', template);
        templateTimes.push(performance.now() - start);
        templateSize = made.bytes.length;
        made.free();
      }
    }
    // Opening the filed document again: its case read and every field compared with it.
    for (let i = 0; i < warmUps + runs; i++) {
      const start = performance.now();
      generator.extract_case(docx);
      readTimes.push(performance.now() - start);
    }
    // The mean of the two middle runs, as the peers benchmark reports its median.
    const medianAfterWarmUps = (list) => {
      const sorted = list.slice(warmUps).sort((a, b) => a - b);
      return (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
    };
    return {
      loadMs, size,
      first: times[0], median: medianAfterWarmUps(times),
      readFirst: readTimes[0], readMedian: medianAfterWarmUps(readTimes),
      templateSize, templateMedian: templateTimes.length ? medianAfterWarmUps(templateTimes) : null,
    };
  }, { caseText: largeCaseMessage, templateBytes, warmUps: 5, runs: 50 });
  console.log(`generator module load (first document): ${result.loadMs.toFixed(0)} ms`);
  console.log(`large DOCX in Chromium, median of 50 after 5 warm-ups: ${result.median.toFixed(1)} ms, ${result.size} bytes (goal <= 12 ms); the first, cold: ${result.first.toFixed(1)} ms`);
  if (result.templateMedian !== null) {
    console.log(`large DOCX in the municipality's template in Chromium, after the plain ones, median of 50 after 5 warm-ups: ${result.templateMedian.toFixed(1)} ms, ${result.templateSize} bytes`);
  }
  console.log(`read back the large DOCX in Chromium (case and every field compared), median of 50 after 5 warm-ups: ${result.readMedian.toFixed(1)} ms (goal <= 30 ms); the first, cold: ${result.readFirst.toFixed(1)} ms`);
  await context.close();
}

/**
 * A session's first large document, as the user meets it: from the case page, where the
 * generator is loaded when the document is asked for, and from the första yttrande's page,
 * which loads the generator ahead and warms it up (generator::prepare_documents). Interleaved,
 * three of each; the module's load is not counted.
 */
async function firstDocument(browser, url) {
  const times = { case: [], yttrande: [] };
  for (let run = 0; run < 3; run++) {
    for (const where of ['case', 'yttrande']) {
      const { context, page } = await openApp(browser, url);
      await page.getByRole('button', { name: 'Öppna exempelärendet' }).click();
      if (where === 'yttrande') {
        await page.getByRole('button', { name: 'Svara för Servicenämnden' }).click();
        await page.getByRole('heading', { name: 'Första yttrandet: Servicenämnden', level: 1 }).waitFor();
        await page.waitForFunction(() => globalThis.yttraGeneratorLoading);
      }
      // Time for the warm-up, which runs once the page is idle.
      await page.waitForTimeout(2000);
      times[where].push(await page.evaluate(async (caseText) => {
        const caseJson = new TextEncoder().encode(caseText);
        const generator = await (globalThis.yttraGeneratorLoading ?? import(new URL('./generator/generator.js', document.baseURI).href)
          .then(async (module) => { await module.default(); return module; }));
        const start = performance.now();
        generator.make_document(caseJson, JSON.stringify({ document: { board: 'ks', kind: 'first' } }), '2025-03-01', new Uint8Array()).free();
        return performance.now() - start;
      }, largeCaseMessage));
      await context.close();
    }
  }
  console.log(`first large DOCX of a session, median of 3: ${median(times.case).toFixed(0)} ms from the case page (generator loaded at the click); ${median(times.yttrande).toFixed(0)} ms from the första yttrande's page (loaded and warmed up ahead)`);
}
