// Loads the page's WebAssembly bundle: the calculator's, or the one the page names in
// <html data-bundle> (plan.html: the 多年规划 bundle). An external module (not trunk's inline
// loader), so the page runs under a strict Content-Security-Policy: script-src 'self'
// 'wasm-unsafe-eval'. support.js (a classic script, run first) has already said so where the browser
// cannot run it; here a module that fails to load, compile or instantiate is said in the page too,
// never a blank or a silent spinner.
const app = document.getElementById('app');
const bundle = document.documentElement.dataset.bundle || 'subsidy-calc-web';

function failed(err) {
  if (app && window.subsidyCalcFallback) {
    // The bundle's second part that did not arrive is the network's or the site's doing, not the
    // browser's (the glue marks it).
    const kind = err && err.subsidyCalcNetwork ? 'network' : 'failed';
    window.subsidyCalcFallback(app, kind, err && err.message ? err.message : String(err));
  }
}

// A printed report shows every award's steps and quoted clause: closed <details> do not print.
window.addEventListener('beforeprint', () => {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
});

// The report's print button: the verification link's QR code is drawn first (its own small bundle,
// loaded on the first print), then the browser prints. Without it the report still shows the code
// and the link.
let qrBundle = null;
window.subsidyCalcPrint = () => {
  const link = document.getElementById('verify-link');
  const figure = document.getElementById('verify-qr');
  if (!link || !figure) {
    window.print();
    return;
  }
  if (!qrBundle) {
    qrBundle = import('./subsidy-calc-qr.js').then((glue) => glue
      .default({ module_or_path: new URL('./subsidy-calc-qr_bg.wasm', import.meta.url) })
      .then(() => glue));
  }
  qrBundle
    .then((glue) => {
      const svg = new DOMParser().parseFromString(glue.qrSvg(link.href), 'image/svg+xml').documentElement;
      if (svg && svg.nodeName === 'svg') figure.replaceChildren(svg);
      figure.dataset.link = link.href;
    })
    .catch((err) => console.warn(err.message))
    .finally(() => window.print());
};

function load(name) {
  return import(`./${name}.js`)
    .then((glue) => glue.default({ module_or_path: new URL(`./${name}_bg.wasm`, import.meta.url) })
      .then(() => glue));
}

// The rule data's English words and quotes: a file beside the bundle, named by its content hash,
// fetched once the page shows its first figures (they never wait for it) and handed to the bundle,
// which checks it and shows the words. Where it cannot be had, the page works on in Chinese figures
// and says "…" where a quote or English word would be.
function texts(glue) {
  const name = glue.textsFile();
  if (!name) return Promise.resolve();
  return fetch(new URL(`./${name}`, import.meta.url))
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${name}: HTTP ${r.status}`))))
    .then((t) => {
      if (!glue.setTexts(t)) throw new Error(`${name}: not this version's texts`);
      document.documentElement.dataset.texts = '1';
    });
}

// subsidyCalc.plan(plan) → Promise of the plan's result (the contract's "A plan over years"). The
// plan engine lives in the 多年规划 bundle: on the calculator page it is fetched on first use, so the
// page's own size does not grow.
let planBundle = null;
function planLoaded() {
  if (!planBundle) {
    planBundle = bundle === 'subsidy-calc-plan'
      ? Promise.resolve()
      : load('subsidy-calc-plan').then((glue) => texts(glue).catch(() => {}));
  }
  return planBundle;
}
function plan(p) {
  return planLoaded().then(() => window.subsidyCalcPlan(p));
}

// subsidyCalc.evaluate(app, { reform }) → Promise of the result under the reform, with `reform` and
// `baseline` (the contract's "A reform"). The reform code is the 多年规划 bundle's, fetched on first
// use like subsidyCalc.plan; without a reform, evaluate stays the calculator's own synchronous call.
function withReforms(evaluate) {
  return function (application, options) {
    if (options && options.reform != null) {
      return planLoaded().then(() => window.subsidyCalcReform(application, options));
    }
    return evaluate(application, options);
  };
}

// Offline reopening: the standalone pages (this one, opened as itself, not inside a host's frame)
// register the service worker (sw.js), which keeps the page's files. The worker says which build it
// keeps; when that is not the one this browser saw before, the page says so (已更新), once — whether
// the new worker took over during this visit or before the page could listen.
function offline() {
  if (!('serviceWorker' in navigator) || window.top !== window || !/^https?:$/.test(location.protocol)) return;
  const sw = navigator.serviceWorker;
  const KEY = 'subsidy-calc-offline-version';
  sw.addEventListener('message', (event) => {
    const version = event.data && event.data.subsidyCalcVersion;
    if (!version) return;
    let seen = null;
    try {
      seen = localStorage.getItem(KEY);
      localStorage.setItem(KEY, version);
    } catch (err) { /* storage off: nothing to compare with */ }
    if (!seen || seen === version || document.getElementById('sw-updated')) return;
    const note = document.createElement('p');
    note.className = 'sw-note';
    note.id = 'sw-updated';
    note.setAttribute('role', 'status');
    note.textContent = '已更新:计算器已更新到最新版本,断网时也可打开。 Updated: the calculator is now the latest version, and opens offline too.';
    document.body.appendChild(note);
    setTimeout(() => note.remove(), 15000);
  });
  const ask = () => { if (sw.controller) sw.controller.postMessage('version'); };
  sw.addEventListener('controllerchange', ask);
  // Each visit asks the server for sw.js again (a new build is found now, not when the browser
  // next gets round to it).
  sw.register(new URL('./sw.js', import.meta.url))
    .then((registration) => {
      // A new worker that installed but waits (Chromium leaves one waiting when it arrives
      // during a reload) is told to take over now.
      const nudge = () => { if (registration.waiting) registration.waiting.postMessage('skip'); };
      // Whenever a new worker finishes installing — found now, or already installing when this
      // page's script ran (the browser checks on navigation, before any listener is here).
      const watch = (next) => {
        if (next) next.addEventListener('statechange', () => { if (next.state === 'installed') nudge(); });
      };
      registration.addEventListener('updatefound', () => watch(registration.installing));
      watch(registration.installing);
      nudge();
      return sw.ready.then(ask).then(() => registration.update())
        .then(() => { watch(registration.installing); nudge(); });
    })
    .catch((err) => console.warn(err.message));
}

// The calculator's bundle comes in two parts (scripts/split.mjs): the first holds what a new
// visitor's first render runs (the empty form), the second the rest. A page that starts from a form —
// a link's (#a=…) or one kept in this browser — may need any of the engine for its first figures: it
// starts with both parts, fetched side by side from the start (the glue's part2).
const FORM_KEY = 'subsidy-calc.form.v1'; // crates/web/src/pages/calculator/app.rs, STORAGE_KEY
if (bundle === 'subsidy-calc-web' && window.subsidyCalcSupported !== false) {
  let kept = false;
  try { kept = localStorage.getItem(FORM_KEY) !== null; } catch (err) { /* storage off */ }
  if (location.hash.length > 1 || kept) {
    window.subsidyCalcWhole = true;
    window.subsidyCalcPart2 = fetch(new URL('./subsidy-calc-web_bg.part2.wasm', import.meta.url));
    window.subsidyCalcPart2.catch(() => {});
  }
}

if (window.subsidyCalcSupported !== false) {
  const loaded = load(bundle);
  // The API (window.subsidyCalc, installed by the bundle's main) is shown once the second part is
  // in: its conversions live there, and a call before it would reload the page.
  let api;
  loaded
    .then((glue) => {
      // For e2e/report.mjs's breakdown of the first load (the bundle compiled and started).
      if (window.performance && performance.mark) performance.mark('subsidy-calc:instantiated');
      if (glue.part2) {
        api = window.subsidyCalc;
        delete window.subsidyCalc;
      }
    })
    .catch(failed);
  // The calculator's bundle comes in two parts (scripts/split.mjs): a new visitor's page runs on the
  // first; the second, fetched now, holds the rest (figures of awards, the API's conversions…). The
  // page's API is said ready once it is in. Where it cannot be had, the page works on; should it
  // need the second part after all, it reloads with both (the glue's part2Missing).
  const whole = loaded.then((glue) => Promise.resolve(glue.part2 && glue.part2()).then(() => glue));
  whole
    .then(() => {
      if (api) window.subsidyCalc = api;
      if (window.subsidyCalc) {
        window.subsidyCalc.plan = plan;
        if (window.subsidyCalc.evaluate) window.subsidyCalc.evaluate = withReforms(window.subsidyCalc.evaluate);
      }
      document.documentElement.dataset.ready = '1';
      window.dispatchEvent(new CustomEvent('subsidy-calc-ready'));
    })
    .catch((err) => console.warn(err.message));
  // Scripts on the page: `await subsidyCalcReady` gives the API, whole, with every text in place
  // (the texts fetched beside the second part).
  const textsIn = loaded.then((glue) => texts(glue).catch((err) => console.warn(err.message)));
  window.subsidyCalcReady = Promise.all([whole, textsIn]).then(() => window.subsidyCalc);
  // The service worker only once the first figures and the texts are in: its install fetches the
  // page's files again, which on a phone's network would share the line with the page's own first
  // load (seen on this server's log: the texts file fetched for the worker while the wasm was still
  // arriving). By now they are in the browser's HTTP cache.
  window.subsidyCalcReady.then(offline, () => {});
}
