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
    window.subsidyCalcFallback(app, 'failed', err && err.message ? err.message : String(err));
  }
}

// A printed report shows every award's steps and quoted clause: closed <details> do not print.
window.addEventListener('beforeprint', () => {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
});

function load(name) {
  return import(`./${name}.js`)
    .then((glue) => glue.default({ module_or_path: new URL(`./${name}_bg.wasm`, import.meta.url) }));
}

// subsidyCalc.plan(plan) → Promise of the plan's result (the contract's "A plan over years"). The
// plan engine lives in the 多年规划 bundle: on the calculator page it is fetched on first use, so the
// page's own size does not grow.
let planBundle = null;
function plan(p) {
  if (!planBundle) {
    planBundle = bundle === 'subsidy-calc-plan' ? Promise.resolve() : load('subsidy-calc-plan');
  }
  return planBundle.then(() => window.subsidyCalcPlan(p));
}

if (window.subsidyCalcSupported !== false) {
  load(bundle)
    .then(() => {
      if (window.subsidyCalc) window.subsidyCalc.plan = plan;
      document.documentElement.dataset.ready = '1';
      window.dispatchEvent(new CustomEvent('subsidy-calc-ready'));
    })
    .catch(failed);
}
