/* global window, document, URLSearchParams */
/**
 * The fixture page's `window.pega.CS`, in the page's main world, as Pega Customer Service 8.1
 * documents it (reference/protocols.md §7.1). The callback's data shape is undocumented by
 * Pega; this fixture answers `{interactionId, status: 'ok'}` or `{interactionId, status:
 * 'error', message}`, always asynchronously (as a real desktop does, after a server round trip).
 *
 * Query options: `?delay=<ms>` callback delay (default 0); `?fail=<method>[,<method>]` those
 * methods answer status 'error'; `?silent=<method>[,<method>]` those never call back.
 * Every call is recorded in `window.__pegaCalls` and shown in the visible log.
 */
(function () {
  var query = new URLSearchParams(window.location.search);
  var delay = Number(query.get('delay') || 0);
  var failing = (query.get('fail') || '').split(',');
  var silent = (query.get('silent') || '').split(',');
  var next = 1;
  var interactions = {}; // id -> { ended: boolean }
  var calls = (window.__pegaCalls = []);
  var logList = document.getElementById('pega-log');
  var current = document.getElementById('pega-current');

  function record(method, args) {
    // A copy: the caller may mutate its params object after the call.
    var entry = { method: method, args: JSON.parse(JSON.stringify(args)), at: Date.now(), reply: null };
    calls.push(entry);
    return entry;
  }

  function show(entry) {
    var li = document.createElement('li');
    li.setAttribute('data-testid', 'pega-call');
    li.setAttribute('data-method', entry.method);
    if (entry.reply && entry.reply.status !== 'ok') li.className = 'error';
    // Text only: params come from the visited site.
    li.textContent = entry.method + '(' + entry.args.map(function (a) { return JSON.stringify(a); }).join(', ') + ') -> ' + JSON.stringify(entry.reply);
    logList.appendChild(li);
  }

  function answer(entry, callback, data) {
    if (silent.indexOf(entry.method) >= 0) return show(entry);
    if (failing.indexOf(entry.method) >= 0) data = { interactionId: data.interactionId, status: 'error', message: entry.method + ' failed (fixture ?fail)' };
    entry.reply = data;
    show(entry);
    window.setTimeout(function () {
      if (typeof callback === 'function') callback(data);
    }, delay);
  }

  function check(id) {
    if (!interactions[id]) return 'no interaction ' + id;
    if (interactions[id].ended) return 'interaction ' + id + ' has ended';
    return null;
  }

  window.pega = window.pega || {};
  window.pega.CS = {
    startInteraction: function (interactionClass, flowName, params, callback) {
      var entry = record('startInteraction', [interactionClass, flowName, params || {}]);
      var id = failing.indexOf('startInteraction') >= 0 ? null : 'I-' + next++;
      if (id) {
        interactions[id] = { ended: false };
        current.textContent = id;
      }
      answer(entry, callback, { interactionId: id, status: 'ok' });
    },
    switchInteraction: function (interactionId, callback) {
      var entry = record('switchInteraction', [interactionId]);
      var problem = check(interactionId);
      if (!problem && failing.indexOf('switchInteraction') < 0) current.textContent = interactionId;
      answer(entry, callback, problem ? { interactionId: interactionId, status: 'error', message: problem } : { interactionId: interactionId, status: 'ok' });
    },
    endInteraction: function (interactionId, callback) {
      var entry = record('endInteraction', [interactionId]);
      var problem = check(interactionId);
      if (!problem && failing.indexOf('endInteraction') < 0) {
        interactions[interactionId].ended = true;
        if (current.textContent === interactionId) current.textContent = 'none';
      }
      answer(entry, callback, problem ? { interactionId: interactionId, status: 'error', message: problem } : { interactionId: interactionId, status: 'ok' });
    },
  };
})();
