// Starts Yttra. A separate file because the Content Security Policy forbids inline scripts.
// The start page is a small module of its own (pkg/), so it shows at once; the rest of the app
// (app/) is fetched, compiled and started hidden once the start page shows, and takes over when
// the user picks what to do there (frontend/src/platform/handover.rs).
import init from './pkg/first_screen.js';

// The app, compiled but not started: resolves to the function that starts it. The single-file
// build defines its own, from the page, before this runs.
let appLoading;
globalThis.yttraLoadApp ??= () => {
  if (!appLoading) {
    appLoading = Promise.all([import('./app/frontend.js'), compiled(new URL('./app/frontend_bg.wasm', import.meta.url))])
      .then(([glue, module]) => () => glue.default({ module_or_path: module }));
    appLoading.catch(() => { appLoading = undefined; });
  }
  return appLoading;
};

// Compiled while it downloads (and kept compiled by the browser for the next visit); a server
// that sends the WebAssembly under another type gets it compiled after downloading.
async function compiled(url) {
  const response = await fetch(url);
  if (!response.ok) throw new TypeError(`${url}: ${response.status}`);
  try {
    return await WebAssembly.compileStreaming(response.clone());
  } catch {
    return WebAssembly.compile(await response.arrayBuffer());
  }
}

// A return to a case after a reload (its place remembered: the key is the app's, in
// frontend/src/platform/browser.rs) needs the app at once: fetched beside the start page's module.
try {
  if (localStorage.getItem('yttra.place')) globalThis.yttraLoadApp().catch(() => {});
} catch {
  // Storage refused (private mode): the start page's module decides.
}

// Every module is built with WebAssembly SIMD (.cargo/config.toml). A browser without it is told
// so here, whatever the start page's own module holds: if it happened to hold no SIMD
// instruction, it would start, and only the rest of the app would fail, with a message about
// the network. The probe is the smallest module that uses SIMD (one function returning a
// v128.const).
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
  10, 22, 1, 20, 0, 253, 12, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 11]);

function cannotStart(error) {
  const loading = document.getElementById('loading');
  if (loading) {
    loading.setAttribute('role', 'alert');
    loading.textContent = 'Yttra kunde inte starta i den här webbläsaren. Öppna Yttra i en nyare version av Edge, Chrome, Firefox eller Safari, eller be it-supporten om hjälp.';
  }
  console.error(error);
}

// Whichever module shows first (the start page, or the app after a reload on a case) takes the
// loading text away.
if (typeof WebAssembly === 'object' && WebAssembly.validate(SIMD_PROBE)) {
  init().catch(cannotStart);
} else {
  cannotStart(new Error('this browser has no WebAssembly SIMD'));
}
