// The page's own connection to the router, over the router's WebSocket protocol
// (docs/protocol.md): one subscription for the topic pattern in the filter box,
// replaced when the pattern changes, and reconnection with backoff when the socket drops.

const MIN_BACKOFF_MS = 1000;
const MAX_BACKOFF_MS = 15000;

export class LiveConnection {
  /**
   * @param {object} handlers onEvent(event), onState(state, detail), onSubscribed(pattern),
   *   onSubscribeError(message)
   */
  constructor(handlers) {
    this.handlers = handlers;
    this.pattern = '#';
    this.socket = null;
    this.subscriptionId = null;
    this.pendingRequest = null;
    this.requestSeq = 0;
    this.backoff = MIN_BACKOFF_MS;
    this.retryTimer = null;
  }

  url() {
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return `${scheme}//${location.host}/ws?client_name=admin-page`;
  }

  connect() {
    clearTimeout(this.retryTimer);
    this.handlers.onState('connecting');
    const socket = new WebSocket(this.url());
    this.socket = socket;
    socket.addEventListener('message', (message) => this.receive(message.data));
    socket.addEventListener('close', () => {
      if (this.socket !== socket) {
        return;
      }
      this.socket = null;
      this.subscriptionId = null;
      this.pendingRequest = null;
      this.scheduleRetry();
    });
  }

  scheduleRetry() {
    const delay = this.backoff;
    this.backoff = Math.min(this.backoff * 2, MAX_BACKOFF_MS);
    this.handlers.onState('disconnected', `retrying in ${Math.round(delay / 1000)} s`);
    this.retryTimer = setTimeout(() => this.connect(), delay);
  }

  send(message) {
    if (this.socket && this.socket.readyState === WebSocket.OPEN) {
      this.socket.send(JSON.stringify(message));
      return true;
    }
    return false;
  }

  /** Subscribes to pattern instead of the current one (unsubscribing that one). */
  setPattern(pattern) {
    this.pattern = pattern;
    this.subscribe();
  }

  subscribe() {
    if (this.subscriptionId) {
      this.send({ type: 'unsubscribe', subscription_id: this.subscriptionId });
      this.subscriptionId = null;
    }
    const requestId = 'admin-sub-' + ++this.requestSeq;
    this.pendingRequest = { id: requestId, pattern: this.pattern };
    this.send({ type: 'subscribe', request_id: requestId, subscription: { topics: [this.pattern] } });
  }

  receive(data) {
    let message;
    try {
      message = JSON.parse(data);
    } catch {
      return;
    }
    switch (message.type) {
      case 'welcome':
        this.backoff = MIN_BACKOFF_MS;
        this.handlers.onState('connected', message.client_id);
        this.subscribe();
        break;
      case 'subscribed':
        if (this.pendingRequest && message.request_id === this.pendingRequest.id) {
          this.subscriptionId = message.subscription_id;
          this.handlers.onSubscribed(this.pendingRequest.pattern);
          this.pendingRequest = null;
        } else {
          // A reply to a request superseded by a newer pattern: drop that subscription.
          this.send({ type: 'unsubscribe', subscription_id: message.subscription_id });
        }
        break;
      case 'event':
        // Events of a subscription already replaced may still arrive; only the current one counts.
        if (message.subscription_id === this.subscriptionId) {
          this.handlers.onEvent(message.event);
        }
        break;
      case 'error':
        if (this.pendingRequest && message.request_id === this.pendingRequest.id) {
          this.pendingRequest = null;
          this.handlers.onSubscribeError(message.error || message.code || 'subscription refused');
        }
        break;
      default:
        break;
    }
  }
}
