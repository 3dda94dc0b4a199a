/*
 * RFC Bridge's page in the Felix Web Console, drawn from the page's status (status.json, the rows the console's
 * listings print): SAP servers with Test Connection, listeners with start and stop, routing rules with their
 * buttons, trusted certificates; then, every 2 s, the statistics and, with the monitoring bundle, health, recent
 * calls, latency per function and the last errors. Buttons and forms post the page's CSRF token (data-csrf of
 * #rfcbridge); everything written is escaped.
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

  var LABELS = { name: 'Name', type: 'Type', address: 'Address', state: 'State', sessions: 'Sessions',
    calls: 'Calls', errors: 'Errors', lastError: 'Last error', programId: 'Program ID', server: 'Server',
    connections: 'Connections', busy: 'Busy / peak', id: 'ID', order: 'Order', enabled: 'Enabled',
    sender: 'Sender', receiver: 'Receiver', 'function': 'Function', transport: 'Transport',
    destination: 'Destination', functionsAllowed: 'Functions allowed', source: 'File', subject: 'Subject',
    issuer: 'Issuer', notAfter: 'Expires', daysLeft: 'Days left', sha256: 'SHA-256' };

  /** A cell's text: nothing as empty, two counts as part/whole. */
  function cell(value) {
    if (value === null || value === undefined) {
      return '';
    }
    if (typeof value === 'object') {
      var parts = Object.keys(value).map(function (k) { return value[k]; });
      return parts.join('/');
    }
    return value;
  }

  /** A button that posts one action with its fields (alternating names and values) and the CSRF token. */
  function button(label, action, fields) {
    var h = '<form method="post" style="display:inline"><input type="hidden" name="csrf" value="' + esc(token)
      + '"><input type="hidden" name="action" value="' + esc(action) + '">';
    for (var i = 0; i < fields.length; i += 2) {
      h += '<input type="hidden" name="' + esc(fields[i]) + '" value="' + esc(fields[i + 1]) + '">';
    }
    return h + '<button type="submit" class="ui-button" data-action="' + esc(action) + '"'
      + (fields.length > 1 ? ' data-name="' + esc(fields[1]) + '"' : '') + '>' + esc(label) + '</button></form>';
  }

  /** A table of status rows: a column per key, then each row's buttons (HTML made by button()). */
  function rows(id, keys, list, buttons) {
    var h = '<thead><tr>' + keys.map(function (k) { return '<th>' + esc(LABELS[k]) + '</th>'; }).join('')
      + '<th></th></tr></thead><tbody>';
    list.forEach(function (r) {
      h += '<tr>' + keys.map(function (k) { return '<td>' + esc(cell(r[k])) + '</td>'; }).join('')
        + '<td>' + buttons(r) + '</td></tr>';
    });
    document.getElementById(id).innerHTML = h + '</tbody>';
  }

  function status() {
    fetch(window.location.pathname.replace(/\/$/, '') + '/status.json', { credentials: 'same-origin' })
      .then(function (r) { return r.json(); }).then(function (s) {
        rows('rfcbridge-servers', ['name', 'type', 'address', 'state', 'sessions', 'calls', 'errors', 'lastError'],
          s.servers, function (r) { return r.type === 'CPIC' ? '' : button('Test Connection', 'test', ['name', r.name]); });
        rows('rfcbridge-listeners', ['name', 'programId', 'server', 'connections', 'state', 'busy', 'calls', 'errors',
          'lastError'], s.listeners, function (r) {
          return button('Start', 'listener-start', ['name', r.name]) + button('Stop', 'listener-stop', ['name', r.name]);
        });
        rows('rfcbridge-routes', ['id', 'order', 'enabled', 'sender', 'receiver', 'function', 'transport',
          'destination', 'functionsAllowed'], s.rules, function (r) {
          return button(r.enabled ? 'Disable' : 'Enable', r.enabled ? 'route-disable' : 'route-enable', ['id', r.id])
            + button('Up', 'route-order', ['id', r.id, 'order', String(r.order - 10)])
            + button('Down', 'route-order', ['id', r.id, 'order', String(r.order + 10)])
            + button('Remove', 'route-remove', ['id', r.id]);
        });
        rows('rfcbridge-trust', ['source', 'subject', 'issuer', 'notAfter', 'daysLeft', 'sha256'], s.certificates,
          function () { return ''; });
        var notes = s.trustProblems.map(function (p) {
          return '<p class="ui-state-error">Not used: ' + esc(p) + '</p>';
        });
        if (s.trustAll) {
          notes.push('<p class="ui-state-error">trust.all is on: every certificate is accepted (tests only)</p>');
        }
        document.getElementById('rfcbridge-trust-notes').innerHTML = notes.join('');
        document.getElementById('rfcbridge-trust-reload').innerHTML = button('Reload CA list', 'trust-reload', []);
      });
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
      document.getElementById('rfcbridge-health-section').style.display = 'none';
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

  document.querySelector('#rfcbridge-add-route input[name="csrf"]').value = token;
  status();
  load();
  setInterval(load, 2000);
})();
