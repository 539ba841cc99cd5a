// Loads the calculator's WebAssembly. An external module (not trunk's inline loader), so the page
// runs under a strict Content-Security-Policy: script-src 'self' 'wasm-unsafe-eval'.
import init from './subsidy-calc-web.js';

const wasm = new URL('./subsidy-calc-web_bg.wasm', import.meta.url);

// A printed report shows every award's steps and quoted clause: closed <details> do not print.
window.addEventListener('beforeprint', () => {
  document.querySelectorAll('details').forEach((d) => { d.open = true; });
});
init({ module_or_path: wasm }).then(() => {
  document.documentElement.dataset.ready = '1';
  window.dispatchEvent(new CustomEvent('subsidy-calc-ready'));
}).catch((err) => {
  const app = document.getElementById('app');
  if (app) {
    app.textContent = '计算器加载失败,请使用较新的浏览器。The calculator could not load: ' + err;
  }
});
