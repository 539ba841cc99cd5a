// <subsidy-calculator>: the calculator as one tag. Load this module from the same folder as the
// calculator's other files, then place the tag:
//
//   <script type="module" src="https://calc.example/widget.js"></script>
//   <subsidy-calculator region="wuhan-hongshan" locked lang="zh"></subsidy-calculator>
//
// Attributes: region (hangzhou | wuhan | wuhan-hongshan | wuhan-qiaokou | shanghai), locked (hides the
// region picker and the comparison), lang (zh | en), sections (comma-separated: compute, model,
// scenario, listing, other). The calculator lives in a shadow root: the host page's CSS does not reach
// it and its CSS does not leak out. Each new result fires `subsidy-result` (detail: the result).
// window.subsidyCalc (evaluate, rules, version) is available once `subsidyCalcReady` resolves.
//
// Where the browser cannot run it (no WebAssembly, the module fails to compile or instantiate) the
// tag says so in Chinese and English, and what to do (support.js). Where scripts are off, or the
// browser ignores ES modules (IE, compatibility modes), whatever the host put inside the tag shows:
// put a sentence there (see the README).
import './support.js';

const here = new URL('.', import.meta.url);
const supported = window.subsidyCalcSupported !== false;
// On a host's page the calculator loads its bundle whole, in one file (the calculator's own page
// loads it in two parts: scripts/split.mjs): it never reloads the host's page for a second part.
window.subsidyCalcWhole = true;
const ready = supported
  ? import('./subsidy-calc-web.js').then((glue) =>
    glue.default({ module_or_path: new URL('subsidy-calc-web_bg.whole.wasm', here) }).then(() => glue))
  : Promise.reject(new Error('this browser cannot run WebAssembly'));
// The rule data's English words and quotes, fetched beside the bundle while the figures already
// show (the calculators re-render when they arrive); the API is ready once they are in place.
const texts = ready.then((glue) => {
  const name = glue.textsFile();
  if (!name) return undefined;
  return fetch(new URL(name, here))
    .then((r) => (r.ok ? r.text() : Promise.reject(new Error(`${name}: HTTP ${r.status}`))))
    .then((t) => {
      if (!glue.setTexts(t)) throw new Error(`${name}: not this version's texts`);
      document.documentElement.dataset.texts = '1';
    })
    .catch((err) => console.warn(err.message));
});
window.subsidyCalcReady = texts.then(() => window.subsidyCalc);
// Handled here (each tag shows the message); a host awaiting subsidyCalcReady still sees the error.
window.subsidyCalcReady.catch(() => {});

class SubsidyCalculator extends HTMLElement {
  static get observedAttributes() {
    return ['region', 'locked', 'lang', 'sections'];
  }

  connectedCallback() {
    if (this.shadowRoot) return; // moved in the page: keep the running calculator
    const root = this.attachShadow({ mode: 'open' });
    const css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = new URL('style.css', here).href;
    const mount = document.createElement('div');
    mount.className = 'widget';
    mount.textContent = '正在加载计算器… Loading…';
    root.append(css, mount);
    ready.then((glue) => {
      this.widget = glue.mount_widget(mount, this);
    }).catch((err) => {
      window.subsidyCalcFallback(mount, supported ? 'failed' : 'unsupported', supported ? err && err.message : '');
    });
  }

  attributeChangedCallback() {
    if (this.widget) this.widget.refresh();
  }
}

if (!customElements.get('subsidy-calculator')) customElements.define('subsidy-calculator', SubsidyCalculator);
