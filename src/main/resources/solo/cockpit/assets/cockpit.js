// Keyboard shortcuts for the cockpit: "g" then a navigation key (t, r, f, e, a, ...) opens that page;
// "/" focuses the first field of the page. Everything also works without this file.
(function () {
  var pending = false;
  document.addEventListener('keydown', function (e) {
    var t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName)))) {
      return;
    }
    if (pending) {
      pending = false;
      var link = document.querySelector('header nav a[data-key="' + e.key + '"]');
      if (link) { e.preventDefault(); link.click(); }
      return;
    }
    if (e.key === 'g') { pending = true; setTimeout(function () { pending = false; }, 1500); return; }
    if (e.key === '/') {
      var field = document.querySelector('main input:not([type=hidden]), main select, main textarea');
      if (field) { e.preventDefault(); field.focus(); }
    }
  });
})();
