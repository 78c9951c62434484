// Material for MkDocs keeps reader preferences in localStorage under the site's scope.
// It normally sets this in an inline script; a file keeps the page free of inline scripts
// (Content-Security-Policy: script-src 'self'). This file lives at <root>/assets/javascripts/.
(function () {
  var root = new URL("../../", document.currentScript.src);
  window.__md_scope = root;
  window.__md_hash = function (e) { return Array.from(e).reduce(function (h, c) { return (h << 5) - h + c.charCodeAt(0); }, 0); };
  window.__md_get = function (key, storage, scope) {
    storage = storage || localStorage; scope = scope || window.__md_scope;
    try { return JSON.parse(storage.getItem(scope.pathname + "." + key)); } catch (e) { return null; }
  };
  window.__md_set = function (key, value, storage, scope) {
    storage = storage || localStorage; scope = scope || window.__md_scope;
    try { storage.setItem(scope.pathname + "." + key, JSON.stringify(value)); } catch (e) { /* storage may be off under file:// */ }
  };
})();
