/*
 * RFC Bridge's page in the Felix Web Console: fills the tables that refresh themselves every 2 s, the
 * statistics and, with the monitoring bundle, health, recent calls, latency per function and the last errors.
 * It posts the page's CSRF token (data-csrf of #rfcbridge) with each request; what it writes is escaped.
 */
(function () {
  var page = document.getElementById('rfcbridge');
  if (!page) {
    return;
  }
  var token = page.getAttribute('data-csrf');

  function esc(s) {
    return String(s).replace(/[&<>"']/g, function (c) { return '&#' + c.charCodeAt(0) + ';'; });
  }

  function table(id, heads, rows) {
    var element = document.getElementById(id);
    if (!element) {
      return;
    }
    var h = '<thead><tr>' + heads.map(function (x) { return '<th>' + esc(x) + '</th>'; }).join('') + '</tr></thead><tbody>';
    rows.forEach(function (r) {
      h += '<tr>' + r.map(function (x) { return '<td>' + esc(x) + '</td>'; }).join('') + '</tr>';
    });
    element.innerHTML = h + '</tbody>';
  }

  function has(id, value) {
    var filter = document.getElementById(id).value.toUpperCase();
    return !filter || String(value).toUpperCase().indexOf(filter) >= 0;
  }

  function post(action) {
    var form = new FormData();
    form.append('csrf', token);
    form.append('action', action);
    return fetch(window.location.pathname, { method: 'POST', body: new URLSearchParams(form),
      credentials: 'same-origin' }).then(function (r) { return r.json(); });
  }

  function statistics() {
    post('stats').then(function (rows) {
      table('rfcbridge-stats', ['Kind', 'Name', 'Calls', 'Errors', 'Busy / peak or sessions'], rows.map(function (r) {
        return [r.kind, r.name, r.calls, r.errors,
          r.sessions ? r.sessions.open + '/' + r.sessions.pool : r.busy + '/' + r.peakBusy];
      }));
    });
  }

  function operations() {
    if (!document.getElementById('rfcbridge-calls')) {
      return;
    }
    post('operations').then(function (o) {
      table('rfcbridge-health', ['Check', 'Status', 'Findings'], o.health.map(function (c) {
        return [c.name, c.status, c.message];
      }));
      table('rfcbridge-calls', ['Time', 'Call id', 'Sender', 'Receiver', 'User', 'Function', 'Rule', 'Destination', 'ms',
        'Result'], o.calls.filter(function (c) {
        return has('rfcbridge-filter-function', c.function) && has('rfcbridge-filter-sender', c.sender)
          && has('rfcbridge-filter-result', c.result);
      }).map(function (c) {
        return [c.time, c.id, c.sender, c.receiver, c.user, c.function, c.rule, c.destination, c.ms, c.result];
      }));
      table('rfcbridge-latency', ['Function', 'Calls', 'Errors', 'p50 ms', 'p95 ms', 'p99 ms'], o.latency.map(function (l) {
        return [l.function, l.calls, l.errors, l.p50, l.p95, l.p99];
      }));
      table('rfcbridge-errors', ['Time', 'Call id', 'Function', 'Sender', 'Error'], o.errors.map(function (c) {
        return [c.time, c.id, c.function, c.sender, c.result + ': ' + c.text];
      }));
    });
  }

  function load() {
    statistics();
    operations();
  }

  load();
  setInterval(load, 2000);
})();
