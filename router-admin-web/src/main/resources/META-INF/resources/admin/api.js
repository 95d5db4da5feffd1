// The admin JSON API, relative to the page (served at /admin/), so it works behind any host:port.

async function request(method, path, body) {
  const init = { method, headers: { Accept: 'application/json' } };
  if (body !== undefined) {
    init.headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(body);
  }
  const response = await fetch('api/' + path, init);
  let json = null;
  try {
    json = await response.json();
  } catch {
    json = null;
  }
  if (!response.ok) {
    const message = json && json.error ? json.error : `${method} ${path}: HTTP ${response.status}`;
    const error = new Error(message);
    error.status = response.status;
    throw error;
  }
  return json;
}

export const api = {
  health: () => request('GET', 'health'),
  stats: () => request('GET', 'stats'),
  clients: () => request('GET', 'clients'),
  subscriptions: () => request('GET', 'subscriptions'),
  config: () => request('GET', 'config'),
  updateConfig: (changes) => request('PUT', 'config', changes),
  disconnect: (id) => request('DELETE', 'clients/' + encodeURIComponent(id)),
};
