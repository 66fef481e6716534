/* Filters without reload on /cari/: a facet change, a paging or filter link, or a
   new query fetches the results page and swaps the #cari-hasil region in place,
   with history.pushState so every state keeps its shareable URL. Without this
   script (or on any failure) the same links and the form simply load the page. */
(function () {
  var form = document.getElementById('cari-form'), region = document.getElementById('cari-hasil');
  var status = document.getElementById('cari-status');
  /* The filters are folded for phones; wide screens have room to show them. */
  var wide = window.matchMedia && window.matchMedia('(min-width: 48em)');
  function unfold(wasOpen) {
    var filters = region && region.querySelector('[data-search-filters]');
    if (filters && (wasOpen || (wide && wide.matches))) filters.open = true;
  }
  unfold(false);
  if (!form || !region || !window.fetch || !window.DOMParser || !history.pushState) return;
  document.documentElement.classList.add('js-live-filters');

  function formUrl() {
    var query = new URLSearchParams();
    new FormData(form).forEach(function (value, name) { if (value) query.append(name, value); });
    var text = query.toString();
    return form.action.split('?')[0] + (text ? '?' + text : '');
  }
  function load(url, push, focusId) {
    region.setAttribute('aria-busy', 'true');
    fetch(url, { headers: { Accept: 'text/html' } })
      .then(function (response) { return response.text(); })
      .then(function (text) {
        var doc = new DOMParser().parseFromString(text, 'text/html');
        var fresh = doc.getElementById('cari-hasil'), q = doc.getElementById('cari-q');
        if (!fresh) throw new Error('no region');
        var wasOpen = !!region.querySelector('[data-search-filters][open]');
        region.innerHTML = fresh.innerHTML;
        unfold(wasOpen);
        document.title = doc.title;
        if (q) form.elements.q.value = q.value;
        if (push) history.pushState({ cari: 1 }, '', url);
        var heading = document.getElementById('cari-judul-hasil') || region.querySelector('h2');
        if (status && heading) status.textContent = heading.textContent;
        var target = (focusId && document.getElementById(focusId)) || (!focusId && heading);
        if (target) target.focus();
      })['catch'](function () { location.href = url; })
      .then(function () { region.removeAttribute('aria-busy'); });
  }
  region.addEventListener('change', function (e) {
    if (e.target.form === form) load(formUrl(), true, e.target.id);
  });
  region.addEventListener('click', function (e) {
    var link = e.target.closest && e.target.closest('a[href]');
    if (!link || e.button || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
    if (link.origin !== location.origin || link.pathname !== location.pathname) return;
    e.preventDefault();
    load(link.href, true);
  });
  form.addEventListener('submit', function (e) { e.preventDefault(); load(formUrl(), true); });
  history.replaceState({ cari: 1 }, '');
  window.addEventListener('popstate', function (e) {
    if (e.state && e.state.cari) load(location.href, false); /* not for #anchors */
  });
})();
