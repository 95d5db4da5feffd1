// The admin page: health tiles and chart (polling the admin API every second), the live
// event stream (the router's WebSocket protocol), clients and subscriptions tables and the
// configuration form.

import { api } from './api.js';
import { Chart } from './chart.js';
import { LiveConnection } from './live.js';

const MAX_EVENT_ROWS = 200;
const MAX_BUFFERED = 1000;
const TABLE_REFRESH_MS = 3000;

const $ = (id) => document.getElementById(id);

function el(tag, attributes = {}, ...children) {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(attributes)) {
    if (key === 'class') {
      node.className = value;
    } else if (key === 'text') {
      node.textContent = value;
    } else {
      node.setAttribute(key, value);
    }
  }
  for (const child of children) {
    node.append(child);
  }
  return node;
}

function formatUptime(seconds) {
  const s = Math.floor(seconds);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d}d ${h}h ${m}m`;
  if (h > 0) return `${h}h ${m}m`;
  if (m > 0) return `${m}m ${s % 60}s`;
  return `${s}s`;
}

function formatTime(timestamp) {
  const date = new Date(timestamp);
  return Number.isNaN(date.getTime()) ? String(timestamp ?? '') : date.toLocaleTimeString();
}

function shortId(id) {
  return id && id.length > 12 ? id.slice(0, 8) + '…' : id ?? '';
}

// --- Health tiles and chart -----------------------------------------------------------------

const chart = new Chart($('chart'));
let lastPublished = null;

async function pollHealth() {
  try {
    const [health, stats] = await Promise.all([api.health(), api.stats()]);
    const status = $('health-status');
    status.textContent = health.status;
    status.dataset.status = health.status;
    $('uptime').textContent = formatUptime(health.uptime);
    $('clients-count').textContent = String(health.connected_clients);
    $('subscriptions-count').textContent = String(health.active_subscriptions);
    const errors = $('health-errors');
    errors.hidden = !health.errors || health.errors.length === 0;
    errors.textContent = (health.errors || []).join(' · ');

    const depth = Object.values(stats.queue.depth_by_priority).reduce((a, b) => a + b, 0);
    const fill = stats.queue.capacity > 0 ? depth / stats.queue.capacity : 0;
    $('queue-fill').textContent = `${(fill * 100).toFixed(fill > 0 && fill < 0.01 ? 2 : 0)}%`;
    $('queue-fill').title = `${depth} of ${stats.queue.capacity} (${stats.queue.mode})`;
    $('queue-fill-bar').style.width = `${Math.min(100, fill * 100)}%`;

    const now = performance.now();
    const published = stats.events.published;
    let rate = 0;
    if (lastPublished && now > lastPublished.at) {
      rate = Math.max(0, ((published - lastPublished.count) * 1000) / (now - lastPublished.at));
    }
    lastPublished = { count: published, at: now };
    $('events-rate').textContent = rate < 10 ? rate.toFixed(1) : String(Math.round(rate));
    chart.push(rate, depth);
  } catch (error) {
    const status = $('health-status');
    status.textContent = 'unreachable';
    status.dataset.status = 'unreachable';
    lastPublished = null;
  }
}

// --- Live event stream ------------------------------------------------------------------------

let paused = false;
let buffered = [];

function eventRow(event) {
  let payload = JSON.stringify(event.payload ?? {});
  if (payload.length > 160) {
    payload = payload.slice(0, 159) + '…';
  }
  const row = el('tr', { class: 'event-row' },
    el('td', { class: 'nowrap', text: formatTime(event.timestamp), title: event.timestamp ?? '' }),
    el('td', { class: 'topic', text: event.topic }),
    el('td', { text: event.type }),
    el('td', { class: `prio prio-${event.priority}`, text: String(event.priority) }),
    el('td', { class: 'mono', text: shortId(event.source), title: event.source ?? '' }),
    el('td', { class: 'payload mono', text: payload }));
  row.dataset.topic = event.topic;
  row.dataset.eventId = event.id;
  return row;
}

function showEvents(events) {
  const stream = $('event-stream');
  const fragment = document.createDocumentFragment();
  // Newest first: the last received goes on top.
  for (let i = events.length - 1; i >= 0 && i >= events.length - MAX_EVENT_ROWS; i--) {
    fragment.append(eventRow(events[i]));
  }
  stream.prepend(fragment);
  while (stream.rows.length > MAX_EVENT_ROWS) {
    stream.deleteRow(stream.rows.length - 1);
  }
}

function onEvent(event) {
  if (paused) {
    buffered.push(event);
    if (buffered.length > MAX_BUFFERED) {
      buffered.shift();
    }
    $('paused-count').textContent = `${buffered.length} buffered`;
  } else {
    showEvents([event]);
  }
}

function setPaused(value) {
  paused = value;
  const button = $('pause');
  button.textContent = paused ? 'Resume' : 'Pause';
  button.setAttribute('aria-pressed', String(paused));
  if (!paused) {
    showEvents(buffered);
    buffered = [];
    $('paused-count').textContent = '';
  } else {
    $('paused-count').textContent = '0 buffered';
  }
}

const live = new LiveConnection({
  onEvent,
  onState(state, detail) {
    const status = $('live-status');
    status.dataset.state = state;
    status.textContent = state === 'disconnected' ? `disconnected, ${detail}`
      : state === 'connected' ? 'live' : 'connecting…';
    if (state !== 'connected') {
      $('filter-active').textContent = '';
    }
  },
  onSubscribed(pattern) {
    $('filter-error').textContent = '';
    const active = $('filter-active');
    active.textContent = `showing ${pattern}`;
    active.dataset.pattern = pattern;
  },
  onSubscribeError(message) {
    $('filter-active').textContent = '';
    $('filter-active').dataset.pattern = '';
    $('filter-error').textContent = message;
  },
});

function applyFilter(submit) {
  submit.preventDefault();
  const pattern = $('topic-filter').value.trim() || '#';
  $('filter-active').textContent = '';
  $('filter-active').dataset.pattern = '';
  live.setPattern(pattern);
}

// --- Clients and subscriptions -----------------------------------------------------------------

function fillTable(table, rows, emptyText, columns) {
  const body = table.tBodies[0];
  body.replaceChildren();
  if (rows.length === 0) {
    body.append(el('tr', {}, el('td', { class: 'muted empty', colspan: String(columns), text: emptyText })));
  }
  for (const row of rows) {
    body.append(row);
  }
}

async function refreshTables() {
  try {
    const [clients, subscriptions] = await Promise.all([api.clients(), api.subscriptions()]);
    $('clients-table-count').textContent = `(${clients.count})`;
    fillTable($('clients-table'), clients.clients.map((client) => {
      const button = el('button', { type: 'button', class: 'danger small', text: 'Disconnect' });
      button.dataset.clientId = client.id;
      button.addEventListener('click', () => disconnect(client));
      return el('tr', { 'data-client-id': client.id },
        el('td', { text: client.name ?? '—' }),
        el('td', { class: 'mono', text: shortId(client.id), title: client.id }),
        el('td', { class: 'mono', text: client.address ?? '' }),
        el('td', { class: 'nowrap', text: formatTime(client.connected_since), title: client.connected_since }),
        el('td', { text: String(client.subscriptions.length) }),
        el('td', { text: String(client.outbound_queue_depth) }),
        el('td', {}, button));
    }), 'No clients connected', 7);

    $('subscriptions-table-count').textContent = `(${subscriptions.count})`;
    fillTable($('subscriptions-table'), subscriptions.subscriptions.map((sub) => el('tr', {},
      el('td', { text: sub.client_name ?? shortId(sub.client_id), title: sub.client_id }),
      el('td', { class: 'mono', text: sub.topics.join(', ') }),
      el('td', { text: sub.types.join(', ') || 'any' }),
      el('td', { text: sub.priorities.length ? String(Math.min(...sub.priorities)) : 'any' }),
      el('td', { text: sub.sources.join(', ') || 'any' }))), 'No subscriptions', 5);
  } catch {
    // The health tiles already show that the router is unreachable.
  }
}

async function disconnect(client) {
  if (!window.confirm(`Disconnect ${client.name ?? client.id}?`)) {
    return;
  }
  try {
    await api.disconnect(client.id);
  } catch (error) {
    window.alert(error.message);
  }
  refreshTables();
}

// --- Configuration form ------------------------------------------------------------------------

let loadedSettings = {};

function renderConfig(config) {
  loadedSettings = config.settings;
  const restartOnly = new Set(config.restart_required_settings);
  const pending = config.pending_restart || {};
  const fields = $('config-fields');
  fields.replaceChildren();
  for (const [key, value] of Object.entries(config.settings)) {
    const id = 'config-' + key;
    let input;
    if (typeof value === 'boolean') {
      input = el('input', { type: 'checkbox', id, name: key });
      input.checked = value;
    } else if (typeof value === 'number') {
      input = el('input', { type: 'number', id, name: key, step: '1' });
      input.value = String(value);
    } else {
      input = el('input', { type: 'text', id, name: key, spellcheck: 'false' });
      input.value = value ?? '';
    }
    if (key === 'data_dir') {
      input.disabled = true;
      input.title = 'Locates the saved file, so it cannot be changed here';
    }
    const notes = el('span', { class: 'notes' });
    if (restartOnly.has(key)) {
      notes.append(el('span', { class: 'badge', text: 'restart' }));
    }
    if (key in pending) {
      notes.append(el('span', { class: 'badge pending', text: `saved: ${pending[key]}` }));
    }
    fields.append(el('label', { for: id, class: 'config-key mono', text: key }), input, notes);
  }
  $('config-saved-to').textContent = config.saved_to ? `Saved to ${config.saved_to}` : '';
}

function changedSettings() {
  const changes = {};
  for (const [key, old] of Object.entries(loadedSettings)) {
    const input = $('config-' + key);
    if (!input || input.disabled) continue;
    let value;
    if (input.type === 'checkbox') {
      value = input.checked;
    } else if (input.type === 'number') {
      if (input.value.trim() === '') continue;
      value = Number(input.value);
    } else {
      value = input.value;
    }
    if (value !== old) {
      changes[key] = input.type === 'number' && !Number.isInteger(value) ? input.value : value;
    }
  }
  return changes;
}

async function saveConfig(submit) {
  submit.preventDefault();
  const result = $('config-result');
  const changes = changedSettings();
  if (Object.keys(changes).length === 0) {
    result.className = 'result muted';
    result.textContent = 'Nothing changed';
    return;
  }
  result.className = 'result muted';
  result.textContent = 'Saving…';
  try {
    const answer = await api.updateConfig(changes);
    const parts = [];
    if (answer.applied.length) parts.push(`Applied: ${answer.applied.join(', ')}`);
    if (answer.restart_required.length) parts.push(`Restart required: ${answer.restart_required.join(', ')}`);
    result.className = answer.restart_required.length ? 'result warn' : 'result ok';
    result.textContent = parts.join(' · ');
    renderConfig(answer.config);
  } catch (error) {
    result.className = 'result error';
    result.textContent = error.message;
  }
}

async function loadConfig() {
  try {
    renderConfig(await api.config());
  } catch (error) {
    $('config-fields').replaceChildren(el('p', { class: 'error', text: error.message }));
  }
}

// --- Start -------------------------------------------------------------------------------------

$('pause').addEventListener('click', () => setPaused(!paused));
$('clear-events').addEventListener('click', () => $('event-stream').replaceChildren());
$('filter-form').addEventListener('submit', applyFilter);
$('config-form').addEventListener('submit', saveConfig);

pollHealth();
setInterval(pollHealth, 1000);
refreshTables();
setInterval(refreshTables, TABLE_REFRESH_MS);
loadConfig();
live.connect();
