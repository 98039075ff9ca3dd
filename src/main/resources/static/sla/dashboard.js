// The managers' SLA dashboard: reads the SLA API with the page's session and fills the page.
(function () {
  'use strict';

  var TASKLIST = '/camunda/app/tasklist/default/#/?task=';
  var statusLine = document.getElementById('status');

  // Marks the requests as the page's own: when the session has expired the API answers a bare 401
  // (no Basic prompt) and the page sends the person to the sign-in form.
  function get(path) {
    return fetch(path, { headers: { 'Accept': 'application/json', 'X-Requested-With': 'XMLHttpRequest' } })
      .then(function (response) {
        if (response.status === 401) {
          window.location.assign('/sla/login');
          throw new Error('signed out');
        }
        if (!response.ok) {
          throw new Error(path + ' answered ' + response.status);
        }
        return response.json();
      });
  }

  function text(value) {
    return value === null || value === undefined || value === '' ? '—' : String(value);
  }

  function cell(row, content, className) {
    var td = document.createElement('td');
    if (content instanceof Node) {
      td.appendChild(content);
    } else {
      td.textContent = text(content);
    }
    if (className) {
      td.className = className;
    }
    row.appendChild(td);
    return td;
  }

  function fillTable(id, rows, fill, emptyText, columns) {
    var body = document.querySelector('#' + id + ' tbody');
    body.replaceChildren();
    if (rows.length === 0) {
      var tr = body.insertRow();
      var td = cell(tr, emptyText, 'empty');
      td.colSpan = columns;
      return;
    }
    rows.forEach(function (item) { fill(body.insertRow(), item); });
  }

  // Java writes durations as ISO 8601 with hours at most, e.g. PT49H30M12.5S.
  function millis(iso) {
    var m = /^PT(?:(-?\d+)H)?(?:(-?\d+)M)?(?:(-?[\d.]+)S)?$/.exec(iso || '');
    if (!m) {
      return null;
    }
    return ((+(m[1] || 0) * 60 + +(m[2] || 0)) * 60 + +(m[3] || 0)) * 1000;
  }

  function readable(ms) {
    if (ms === null) {
      return '—';
    }
    var minutes = Math.round(ms / 60000);
    var days = Math.floor(minutes / 1440);
    var hours = Math.floor((minutes % 1440) / 60);
    if (days > 0) {
      return days + ' d ' + hours + ' h';
    }
    return hours > 0 ? hours + ' h ' + (minutes % 60) + ' min' : minutes + ' min';
  }

  function targetText(target) {
    if (!target) {
      return '—';
    }
    var ms = millis(target.duration);
    return target.workingDays ? Math.round(ms / 86400000) + ' working days' : readable(ms);
  }

  // A target in working days spans about 7/5 as many calendar days; good enough to flag a task type.
  function calendarMillis(target) {
    var ms = millis(target.duration);
    return target.workingDays ? ms * 7 / 5 : ms;
  }

  function dateTime(iso) {
    return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : '—';
  }

  function showSummary(summary) {
    document.getElementById('count-on-time').textContent = summary.onTime;
    document.getElementById('count-at-risk').textContent = summary.atRisk;
    document.getElementById('count-breached').textContent = summary.breached;
  }

  function showPerDay(days) {
    fillTable('per-day-table', days, function (tr, d) {
      cell(tr, d.day);
      cell(tr, d.breaches, 'number');
    }, 'No days.', 2);
    var x = days.map(function (d) { return Date.parse(d.day + 'T12:00:00Z') / 1000; });
    // A day without breaches draws no bar rather than a flat line.
    var y = days.map(function (d) { return d.breaches || null; });
    var halfDay = 43200;
    var chart = document.getElementById('chart');
    chart.replaceChildren();
    new uPlot({
      width: Math.max(320, chart.clientWidth),
      height: 240,
      legend: { show: false },
      cursor: { y: false },
      scales: {
        x: { time: true, range: function () { return [x[0] - halfDay, x[x.length - 1] + halfDay]; } },
        y: { range: function (u, min, max) { return [0, Math.max(4, max || 0)]; } }
      },
      axes: [{}, { label: 'breaches', size: 50 }],
      series: [
        {},
        { label: 'Breaches', fill: 'rgba(180, 35, 24, 0.75)', stroke: '#b42318', width: 1,
          paths: uPlot.paths.bars({ size: [0.7, 40] }), points: { show: false } }
      ]
    }, [x, y], chart);
  }

  // A task whose model sets its due date (an entry task, due by the visit's window) has no fixed
  // target: its times are not compared with one, and the tasks finished after their own due date
  // tell whether it kept to it.
  function showTaskTypes(types) {
    fillTable('task-type-table', types, function (tr, t) {
      cell(tr, t.processKey);
      cell(tr, t.taskName || t.taskKey);
      cell(tr, t.finished, 'number');
      var median = millis(t.median);
      var p90 = millis(t.p90);
      var limit = t.target ? calendarMillis(t.target) : null;
      cell(tr, readable(median), 'number' + (limit !== null && median > limit ? ' over' : ''));
      cell(tr, readable(p90), 'number' + (limit !== null && p90 > limit ? ' over' : ''));
      cell(tr, t.dueDateSetByModel ? 'Due date set by the process (the visit)' : targetText(t.target));
      cell(tr, t.finishedLate, 'number' + (t.finishedLate > 0 ? ' over' : ''));
    }, 'No task finished in the period.', 7);
  }

  function showBreaches(page) {
    document.getElementById('open-breaches-total').textContent = page.total > page.items.length
      ? 'The ' + page.items.length + ' newest of ' + page.total + ' open breaches.'
      : page.total + (page.total === 1 ? ' open breach.' : ' open breaches.');
    fillTable('breach-table', page.items, function (tr, b) {
      var link = document.createElement('a');
      link.href = TASKLIST + encodeURIComponent(b.taskId);
      link.textContent = b.taskName || b.taskKey;
      link.title = 'Open the task in Tasklist';
      cell(tr, link);
      cell(tr, b.reference || b.businessKey);
      cell(tr, b.organisationName);
      cell(tr, b.facilityName);
      cell(tr, b.processKey);
      cell(tr, dateTime(b.dueAt));
      cell(tr, readable(b.minutesOverTarget * 60000), 'number');
      cell(tr, b.assignee || (b.candidateGroups ? b.candidateGroups.split(',').join(', ') : null));
      cell(tr, b.escalationGroup);
    }, 'No open breach.', 9);
  }

  Promise.all([
    get('/api/v1/sla/summary').then(showSummary),
    get('/api/v1/sla/breaches/daily?days=30').then(showPerDay),
    get('/api/v1/sla/task-types?days=90').then(showTaskTypes),
    get('/api/v1/sla/breaches?open=true&size=100').then(showBreaches)
  ]).then(function () {
    statusLine.textContent = 'As of ' + dateTime(new Date().toISOString()) + '.';
    document.body.dataset.loaded = 'true';
  }).catch(function (error) {
    statusLine.textContent = 'Some figures could not be loaded: ' + error.message;
    statusLine.className = 'status error';
  });
})();
