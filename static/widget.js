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
import init, { mount_widget } from './subsidy-calc-web.js';

const here = new URL('.', import.meta.url);
const ready = init({ module_or_path: new URL('subsidy-calc-web_bg.wasm', here) });
window.subsidyCalcReady = ready.then(() => window.subsidyCalc);

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
    ready.then(() => {
      this.widget = mount_widget(mount, this);
    }).catch((err) => {
      mount.textContent = `计算器加载失败 The calculator could not load: ${err}`;
    });
  }

  attributeChangedCallback() {
    if (this.widget) this.widget.refresh();
  }
}

if (!customElements.get('subsidy-calculator')) customElements.define('subsidy-calculator', SubsidyCalculator);
