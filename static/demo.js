// The demo host page's own script: points the iframe at embed.html naming this page's origin (so the
// frame will talk to it and to nobody else), sizes the frame from its height messages, and shows the
// results it reports. Messages are kept in window.frameMessages for the tests.
const frame = document.getElementById('frame');
frame.src = `${frame.dataset.src}&origin=${encodeURIComponent(window.location.origin)}`;
window.frameMessages = [];
window.addEventListener('message', (e) => {
  if (e.origin !== window.location.origin || e.source !== frame.contentWindow) return;
  const m = e.data;
  window.frameMessages.push(m);
  if (m && m.type === 'subsidy-calc:height') frame.height = String(m.height);
  if (m && m.type === 'subsidy-calc:result') document.getElementById('frame-total').textContent = `${m.result.total.up_to} 元`;
});
// The widget fires subsidy-result on itself; a host can listen for it.
window.widgetResults = [];
document.addEventListener('subsidy-result', (e) => window.widgetResults.push({ id: e.target.id, total: e.detail.total }));
