// No blank page, ever. A classic script in ES5 (it must run in Internet Explorer and in the
// "compatibility mode" of dual-engine browsers, which ignore ES modules): when the browser cannot run
// the calculator (no WebAssembly, no ES modules), it says so in Chinese and English, and what to do,
// in place of the calculator. It also gives the module scripts `subsidyCalcFallback(element, kind,
// detail)` for a module that fails to compile or instantiate. widget.js imports this same file (as a
// module it only defines the function), so a host page needs nothing else.
(function () {
  var TEXT = {
    unsupported: [
      '无法运行计算器:当前浏览器不支持 WebAssembly(常见于 IE 内核或双核浏览器的“兼容模式”)。' +
        '请切换到极速模式(360、QQ 等浏览器:点击地址栏右侧的“e”或闪电图标,选择“极速模式”),' +
        '或换用、升级到新版 Chrome、Edge、Firefox、Safari 或微信浏览器。',
      'The calculator cannot run: this browser has no WebAssembly (typical of Internet Explorer or of a ' +
        "dual-engine browser's compatibility mode). Switch to the fast (Chromium) mode: in 360 or QQ " +
        'browser, click the "e" or lightning icon at the right of the address bar. Or use an up-to-date ' +
        'Chrome, Edge, Firefox, Safari or WeChat.'
    ],
    failed: [
      '计算器加载失败:浏览器未能载入计算程序(WebAssembly)。请刷新页面重试;如仍失败,请切换到极速模式,' +
        '或换用、升级到新版 Chrome、Edge、Firefox 或 Safari。',
      'The calculator could not start: the browser failed to load its program (WebAssembly). Reload the ' +
        'page; if it fails again, switch to the fast (Chromium) mode, or use an up-to-date Chrome, Edge, ' +
        'Firefox or Safari.'
    ],
    // A file of the calculator did not arrive (the network, or the server lacks it): not the browser.
    network: [
      '计算器加载失败:计算器的文件未能从网站载入(网络连接中断,或网站上缺少该文件)。请检查网络后刷新页面;' +
        '如网络正常仍失败,请告知本网站的管理员。',
      'The calculator could not start: one of its files did not arrive from this site (the connection was ' +
        "lost, or the site lacks the file). Check the connection and reload the page; if it still fails " +
        "with a working connection, tell the site's administrator."
    ]
  };

  function para(text, lang, className) {
    var p = document.createElement('p');
    p.setAttribute('lang', lang);
    if (className) p.className = className;
    p.appendChild(document.createTextNode(text));
    return p;
  }

  // Replaces what `el` shows with the message of `kind` ('unsupported' | 'failed' | 'network').
  function show(el, kind, detail) {
    var t = TEXT[kind] || TEXT.failed;
    var box = document.createElement('div');
    box.className = 'fallback';
    box.setAttribute('role', 'alert');
    box.setAttribute('data-fallback', kind);
    box.appendChild(para(t[0], 'zh-CN'));
    box.appendChild(para(t[1], 'en'));
    if (detail) box.appendChild(para(String(detail), 'en', 'fallback-detail'));
    while (el.firstChild) el.removeChild(el.firstChild);
    el.appendChild(box);
  }

  window.subsidyCalcFallback = show;

  var script = document.createElement('script');
  var supported =
    typeof window.WebAssembly === 'object' &&
    typeof window.WebAssembly.instantiate === 'function' &&
    'noModule' in script;
  window.subsidyCalcSupported = supported;
  if (supported || !document.body) return;
  document.documentElement.setAttribute('data-fallback', 'unsupported');
  var app = document.getElementById('app');
  if (app && (app.getAttribute('data-subsidy-calc') !== null || app.getAttribute('data-subsidy-plan') !== null || app.getAttribute('data-subsidy-batch') !== null)) show(app, 'unsupported');
  var tags = document.getElementsByTagName('subsidy-calculator');
  for (var i = 0; i < tags.length; i++) show(tags[i], 'unsupported');
})();
