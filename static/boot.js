// Loads the calculator's WebAssembly. An external module (not trunk's inline loader), so the page
// runs under a strict Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'. support.js (a
// classic script, run first) has already said so where the browser cannot run it; here a module that
// fails to load, compile or instantiate is said in the page too, never a blank or a silent spinner.
const app = document.getElementById('app');

function failed(err) {
  if (app && window.subsidyCalcFallback) {
    window.subsidyCalcFallback(app, 'failed', err && err.message ? err.message : String(err));
  }
}

// A printed report shows every award's steps and quoted clause: closed <details> do not print.
window.addEventListener('beforeprint', () => {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
});

if (window.subsidyCalcSupported !== false) {
  import('./subsidy-calc-web.js')
    .then((glue) => glue.default({ module_or_path: new URL('./subsidy-calc-web_bg.wasm', import.meta.url) }))
    .then(() => {
      document.documentElement.dataset.ready = '1';
      window.dispatchEvent(new CustomEvent('subsidy-calc-ready'));
    })
    .catch(failed);
}
