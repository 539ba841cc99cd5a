// The iframe page: embed.html?region=wuhan-hongshan&locked=1&lang=zh&sections=compute,model&origin=https://host.example
//
// Messages to the parent window (only to the origin named by `origin`; without it, only the height is
// posted, and nothing is accepted):
//   { type: 'subsidy-calc:height', height: <px> }   whenever the content height changes
//   { type: 'subsidy-calc:result', result: <the contract's result JSON> }   after every change
// Messages accepted from the parent (only from exactly that origin, and only from the parent):
//   { type: 'subsidy-calc:configure', region?, lang?, sections?, locked? }
import './widget.js';

const params = new URLSearchParams(location.search);
const calc = document.getElementById('calc');
for (const name of ['region', 'lang', 'sections']) {
  if (params.get(name)) calc.setAttribute(name, params.get(name));
}
if (params.get('locked') === '1') calc.setAttribute('locked', '');

let origin = null;
try {
  const named = params.get('origin');
  if (named) origin = new URL(named).origin;
} catch (_) {
  origin = null;
}

const inFrame = window.parent !== window;
function post(message, sensitive) {
  if (!inFrame) return;
  if (origin) window.parent.postMessage(message, origin);
  else if (!sensitive) window.parent.postMessage(message, '*'); // a height reveals nothing
}

calc.addEventListener('subsidy-result', (e) => post({ type: 'subsidy-calc:result', result: e.detail }, true));

let lastHeight = 0;
new ResizeObserver(() => {
  const height = Math.ceil(document.documentElement.scrollHeight);
  if (height !== lastHeight) {
    lastHeight = height;
    post({ type: 'subsidy-calc:height', height }, false);
  }
}).observe(document.body);

window.addEventListener('message', (e) => {
  if (!origin || e.origin !== origin || e.source !== window.parent) return; // never from anyone else
  const m = e.data;
  if (!m || typeof m !== 'object' || m.type !== 'subsidy-calc:configure') return;
  for (const name of ['region', 'lang', 'sections']) {
    if (typeof m[name] === 'string') calc.setAttribute(name, m[name]);
  }
  if (m.locked === true) calc.setAttribute('locked', '');
  if (m.locked === false) calc.removeAttribute('locked');
});
