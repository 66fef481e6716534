// The live admin (cms/live): one server-sent event stream per tab; each event says
// what to look at again, and the server renders it with the reader's permissions.
// Without the stream (a WSGI server, no network) every page works as rendered.
(function () {
  'use strict';
  var configNode = document.getElementById('live-config');
  if (!configNode || !window.EventSource || !document.getElementById('wagtail-sidebar')) return;
  var config = JSON.parse(configNode.textContent);
  var root = document.documentElement;
  var lastId = config.since;
  var source = null;
  var failures = 0;
  var editMatch = window.location.pathname.match(/\/pages\/(\d+)\/edit\/$/);
  var editedPage = editMatch ? Number(editMatch[1]) : null;
  var openedMs = Number(String(config.since).split('-')[0]);

  function setState(state) { root.dataset.live = state; }

  // --- the connection -------------------------------------------------------------
  function connect() {
    setState('connecting');
    source = new EventSource(config.stream + '?since=' + encodeURIComponent(lastId));
    source.addEventListener('hello', function (event) {
      failures = 0;
      remember(event);
      setState('connected');
      var hello = JSON.parse(event.data);
      refreshBell(false);
      if (hello.resync) resyncAll();
    });
    source.addEventListener('live', function (event) {
      remember(event);
      handle(JSON.parse(event.data));
    });
    source.onerror = function () {
      // The browser retries dropped connections by itself (with Last-Event-ID);
      // a refused one (4xx/5xx) is closed for good: try again later, more slowly.
      if (source.readyState === EventSource.CLOSED) {
        setState('offline');
        failures += 1;
        var delay = Math.min(300, 5 * Math.pow(2, failures - 1));
        window.setTimeout(connect, delay * 1000 * (0.8 + Math.random() * 0.4));
      } else {
        setState('reconnecting');
      }
    };
  }

  function remember(event) { if (event.lastEventId) lastId = event.lastEventId; }

  // --- what an event changes ----------------------------------------------------------
  function handle(message) {
    if (message.topic === 'resync') { resyncAll(); return; }
    if (message.topic === 'notifications') refreshBell(true);
    if (message.topic === 'page') {
      scheduleDashboard();
      if (editedPage && concerns(message, editedPage)) {
        if (message.change === 'draft_saved') pingEditingSession();
        refreshBanner();
      }
    }
    refreshElements(message);
  }

  function concerns(message, pageId) {
    return Boolean(message.many) || (message.pages || []).indexOf(pageId) !== -1;
  }

  function resyncAll() {
    scheduleDashboard();
    refreshBell(false);
    if (editedPage) refreshBanner();
    refreshElements(null);
  }

  function fetchText(url) {
    return window.fetch(url, { credentials: 'same-origin', headers: { 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (response) {
        if (!response.ok) throw new Error(String(response.status));
        return response.status === 204 ? '' : response.text();
      });
  }

  function fragment(html) {
    var template = document.createElement('template');
    template.innerHTML = html.trim();
    return template.content;
  }

  // Elements that declare their own source and topics (data-live-src, data-live-topics).
  function refreshElements(message) {
    document.querySelectorAll('[data-live-src][data-live-topics]').forEach(function (element) {
      var topics = element.dataset.liveTopics.split(/\s+/);
      if (message && topics.indexOf(message.topic) === -1) return;
      var page = Number(element.dataset.livePage || 0);
      if (message && page && (message.pages || message.many) && !concerns(message, page)) return;
      refreshElement(element);
    });
  }

  function refreshElement(element) {
    fetchText(element.dataset.liveSrc).then(function (html) {
      // A fragment, or a whole page to pick the element from (data-live-select).
      var parsed = fragment(html);
      var select = element.dataset.liveSelect;
      var replacement = select ? parsed.querySelector(select) : parsed.firstElementChild;
      if (replacement && element.isConnected && !element.contains(document.activeElement)) {
        element.replaceWith(replacement);
      }
    }).catch(function () { /* keep what is shown */ });
  }

  window.setInterval(function () {
    if (root.dataset.live !== 'connected' || document.hidden) return;
    var now = Date.now();
    document.querySelectorAll('[data-live-src][data-live-interval]').forEach(function (element) {
      var every = Number(element.dataset.liveInterval) * 1000;
      var last = Number(element.dataset.liveFetched || 0);
      if (now - last >= every) {
        element.dataset.liveFetched = String(now);
        refreshElement(element);
      }
    });
  }, 5000);

  // --- the dashboard: its panels re-rendered in place -------------------------------------
  var dashboardTimer = null;
  function scheduleDashboard() {
    var dashboard = document.querySelector('.w-dashboard');
    if (!dashboard || dashboardTimer) return;
    dashboardTimer = window.setTimeout(function () {
      dashboardTimer = null;
      fetchText(config.dashboard).then(function (html) {
        if (dashboard.contains(document.activeElement) && document.activeElement.tagName === 'INPUT') return;
        var header = dashboard.querySelector(':scope > header');
        while (header && header.nextSibling) header.nextSibling.remove();
        dashboard.appendChild(fragment(html));
        dashboard.dataset.liveRefreshed = String(Date.now());
      }).catch(function () { /* keep what is shown */ });
    }, 50); // coalesces a burst of events into one re-render
  }

  // --- the open edit form ----------------------------------------------------------
  function refreshBanner() {
    var url = config.banner.replace('/0/', '/' + editedPage + '/') + '?since=' + openedMs;
    fetchText(url).then(function (html) {
      if (!html) return;
      var holder = document.getElementById('live-banner');
      if (!holder) {
        holder = document.createElement('div');
        holder.id = 'live-banner';
        holder.setAttribute('role', 'status');
        document.querySelector('#main, main').prepend(holder);
      }
      holder.innerHTML = html;
    }).catch(function () { /* keep what is shown */ });
  }

  // A newer draft by someone else: ask Wagtail's own editing-session check now.
  function pingEditingSession() {
    var element = document.querySelector('[data-controller~="w-session"]');
    var stimulus = window.Stimulus || (window.wagtail && window.wagtail.app);
    if (!element || !stimulus) return;
    var controller = stimulus.getControllerForElementAndIdentifier(element, 'w-session');
    if (controller && controller.ping) controller.ping();
  }

  // --- the bell ----------------------------------------------------------------
  function bellLink() {
    return document.querySelector('#wagtail-sidebar a[href="' + config.notifications + '"]');
  }

  var bell = { unread: null, label: '' };
  // The sidebar is React's: it may re-render the link, so the badge is painted
  // again whenever the sidebar changes (and only written when it differs, or
  // painting would wake the observer forever).
  function paintBell() {
    var link = bellLink();
    if (!link || bell.unread === null) return;
    var text = bell.unread > 99 ? '99+' : String(bell.unread);
    var badge = link.querySelector('.live-badge');
    if (badge && badge.textContent === text && badge.getAttribute('aria-label') === bell.label) return;
    if (!badge) {
      badge = document.createElement('span');
      badge.className = 'live-badge';
      (link.querySelector('.menuitem') || link).appendChild(badge);
    }
    badge.textContent = text;
    badge.hidden = bell.unread === 0;
    badge.setAttribute('aria-label', bell.label);
    link.dataset.liveUnread = String(bell.unread);
  }
  new MutationObserver(paintBell).observe(document.getElementById('wagtail-sidebar'), { childList: true, subtree: true });

  function refreshBell(announce) {
    window.fetch(config.summary, { credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (summary) {
        if (!summary) return;
        bell.unread = summary.unread;
        bell.label = summary.label;
        paintBell();
        if (announce && summary.latest.length) toast(summary.latest[0]);
      }).catch(function () { /* keep what is shown */ });
  }

  function toast(notification) {
    var region = document.getElementById('live-toasts');
    if (!region) {
      region = document.createElement('div');
      region.id = 'live-toasts';
      region.setAttribute('role', 'status');
      region.setAttribute('aria-live', 'polite');
      document.body.appendChild(region);
    }
    var item = document.createElement('a');
    item.className = 'live-toast';
    item.href = notification.url;
    item.textContent = notification.text;
    region.appendChild(item);
    window.setTimeout(function () { item.remove(); }, 10000);
  }

  // After the load event: a stream opened earlier would keep the page "loading".
  if (document.readyState === 'complete') connect();
  else window.addEventListener('load', connect);
})();
