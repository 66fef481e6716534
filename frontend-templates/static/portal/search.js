/* Search autocomplete (ARIA 1.2 combobox + listbox), for every page.
   Convention: any <input name="q" data-autocomplete> gets suggestions from
   /api/v1/search/suggest/?q= (or the URL in data-autocomplete="..."). Load once per
   page: <script src="{% static 'portal/search.js' %}" defer></script>. A suggestion
   opens its page; Enter without a chosen suggestion submits the form as usual. */
(function () {
  var root = document.documentElement; /* once, even if included twice */
  if (root.hasAttribute('data-ac') || !window.fetch) return;
  root.setAttribute('data-ac', '');
  var n = 0, L = { id: ['Saran pencarian', ' saran'], en: ['Search suggestions', ' suggestions'] };
  L = L[(root.lang || 'id').slice(0, 2)] || L.id;
  /* The list's styles are in portal.css: the CSP allows no inline <style>. */

  function setup(input) {
    var id = 'ac' + ++n, list = document.createElement('ul'), live = document.createElement('div');
    var url = input.getAttribute('data-autocomplete') || '/api/v1/search/suggest/';
    var rows = [], active = -1, timer, ctrl, cache = {}, host = input.parentNode;
    list.id = id; list.className = 'ac-list'; list.hidden = true;
    list.setAttribute('role', 'listbox'); list.setAttribute('aria-label', L[0]);
    live.className = 'visually-hidden'; /* portal.css */ live.setAttribute('role', 'status');
    attr({ role: 'combobox', 'aria-autocomplete': 'list', 'aria-expanded': 'false', 'aria-controls': id, autocomplete: 'off' });
    if (getComputedStyle(host).position === 'static') host.style.position = 'relative';
    host.appendChild(list); host.appendChild(live);

    function attr(map) { for (var k in map) input.setAttribute(k, map[k]); }
    function close() { list.hidden = true; active = -1; attr({ 'aria-expanded': 'false' }); input.removeAttribute('aria-activedescendant'); }
    function show(found) {
      rows = found; list.textContent = '';
      found.forEach(function (row, i) {
        var li = document.createElement('li');
        li.id = id + '-' + i; li.textContent = row.title;
        li.setAttribute('role', 'option'); li.setAttribute('aria-selected', 'false');
        li.onmousedown = function (e) { e.preventDefault(); go(i); }; /* keep the focus */
        list.appendChild(li);
      });
      live.textContent = found.length ? found.length + L[1] : '';
      if (!found.length) return close();
      list.style.top = input.offsetTop + input.offsetHeight + 'px';
      list.style.left = input.offsetLeft + 'px'; list.style.width = input.offsetWidth + 'px';
      list.hidden = false; active = -1; attr({ 'aria-expanded': 'true' });
    }
    function move(i) {
      var items = list.children; if (!items.length) return;
      if (items[active]) items[active].setAttribute('aria-selected', 'false');
      active = (i + items.length) % items.length;
      items[active].setAttribute('aria-selected', 'true');
      items[active].scrollIntoView({ block: 'nearest' });
      attr({ 'aria-activedescendant': items[active].id });
    }
    function go(i) {
      var row = rows[i]; close();
      if (row.url) location.href = row.url;
      else { input.value = row.title; input.form && input.form.submit(); }
    }
    function load(q) {
      if (cache[q]) return show(cache[q]);
      if (ctrl) ctrl.abort();
      ctrl = window.AbortController ? new AbortController() : null;
      fetch(url + '?q=' + encodeURIComponent(q), { signal: ctrl && ctrl.signal })
        .then(function (r) { return r.ok ? r.json() : { suggestions: [] }; })
        .then(function (d) {
          cache[q] = d.suggestions || [];
          if (document.activeElement === input && input.value.trim() === q) show(cache[q]);
        })['catch'](function () {});
    }
    input.addEventListener('input', function () {
      var q = input.value.trim(); clearTimeout(timer);
      if (q.length < 2) return close();
      timer = setTimeout(function () { load(q); }, 200);
    });
    input.addEventListener('keydown', function (e) {
      var open = !list.hidden;
      if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
        e.preventDefault();
        if (!open && rows.length) show(rows);
        move(e.key === 'ArrowDown' ? active + 1 : (active < 0 ? -1 : active - 1));
      } else if (e.key === 'Enter' && open && active >= 0) { e.preventDefault(); go(active); }
      else if (e.key === 'Escape' && open) { e.preventDefault(); close(); }
    });
    input.addEventListener('blur', close);
  }
  Array.prototype.forEach.call(document.querySelectorAll('input[data-autocomplete]'), setup);
})();
