// The clients the corpus sends with: HTTP with full control of method, headers and bytes (node:http,
// so bodies may be invalid UTF-8 or lie about their length), raw bytes on a TCP socket, server-sent
// events read as they arrive, and WebSockets that report the close frame they ended with.
import http from 'node:http';
import net from 'node:net';
import WebSocket from 'ws';

export { WebSocket };

const agent = new http.Agent({ keepAlive: false });

/**
 * One HTTP request. `body` is a string or a Buffer. Resolves with { status, headers, body (text), ms }; rejects on a socket error before an answer or
 * after `timeout` ms.
 */
export function request(url, { method = 'POST', headers = {}, body, timeout = 30_000 } = {}) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = http.request(url, { method, headers, agent, timeout }, (res) => {
      answered = true;
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({
        status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started,
      }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`no answer within ${timeout} ms`)));
    req.on('error', (e) => { if (!answered) reject(e); });
    req.end(body);
  });
}

/**
 * Sends `bytes` on a plain TCP connection and reads the first response (Content-Length or chunked),
 * or what came before the server closed; { status, headers: {}, body, ms }.
 */
export function rawExchange(url, bytes, { timeout = 10_000 } = {}) {
  const { hostname, port } = new URL(url);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    let received = Buffer.alloc(0);
    let settled = false;
    const finish = (result) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ ...result, headers: {}, ms: performance.now() - started });
    };
    const timer = setTimeout(() => { settled = true; socket.destroy(); reject(new Error(`no whole answer within ${timeout} ms`)); }, timeout);
    const parse = (closed) => {
      const head = received.indexOf('\r\n\r\n');
      if (head < 0) return closed ? finish({ status: 0, body: received.toString('utf8') }) : undefined;
      const headers = received.subarray(0, head).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(headers)?.[1] ?? 0);
      let rest = received.subarray(head + 4);
      const length = /\r\ncontent-length: *(\d+)/i.exec(headers);
      if (length) {
        if (rest.length >= Number(length[1])) return finish({ status, body: rest.subarray(0, Number(length[1])).toString('utf8') });
      } else if (/\r\ntransfer-encoding: *chunked/i.test(headers)) {
        const parts = [];
        for (;;) {
          const line = rest.indexOf('\r\n');
          if (line < 0) break;
          const size = parseInt(rest.subarray(0, line).toString('latin1'), 16);
          if (size === 0) return finish({ status, body: Buffer.concat(parts).toString('utf8') });
          if (rest.length < line + 2 + size + 2) break;
          parts.push(rest.subarray(line + 2, line + 2 + size));
          rest = rest.subarray(line + 2 + size + 2);
        }
      } else if (status === 204 || status === 304 || /^HTTP\/1\.[01] 1/.test(headers)) {
        return finish({ status, body: '' });
      }
      if (closed) finish({ status, body: rest.toString('utf8') });
    };
    socket.on('connect', () => socket.write(bytes));
    socket.on('data', (c) => { received = Buffer.concat([received, c]); parse(false); });
    // A server may answer a body it refuses and close before it has all of it: what came back counts.
    socket.on('error', (e) => {
      if (received.length) return parse(true);
      if (!settled) { settled = true; clearTimeout(timer); reject(e); }
    });
    socket.on('close', () => parse(true));
  });
}

/**
 * A server-sent-events request: resolves once `enough(events)` holds, the stream ends, or `timeout`
 * passes, with { status, headers, body (a JSON answer, when the server gave one), events, ended, ms }.
 * The connection is closed when it resolves.
 */
export function eventStream(url, { method = 'POST', headers = {}, body, timeout = 10_000, enough = () => false } = {}) {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let settled = false;
    let finish = () => {
      if (settled) return;
      settled = true;
      req.destroy();
      reject(new Error(`no response headers within ${timeout} ms`));
    };
    const timer = setTimeout(() => finish(false), timeout);
    const req = http.request(url, {
      method, agent, headers: { Accept: 'text/event-stream', ...(body ? { 'Content-Type': 'application/json' } : {}), ...headers },
    }, (res) => {
      const events = [];
      let text = '';
      let buffer = '';
      finish = (ended) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode, headers: res.headers, body: text, events, ended, ms: performance.now() - started });
      };
      const streaming = /text\/event-stream/.test(res.headers['content-type'] ?? '');
      res.setEncoding('utf8');
      res.on('data', (chunk) => {
        text += chunk;
        if (!streaming) return;
        buffer += chunk;
        let end;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const event = { event: 'message', data: '' };
          for (const line of block.split('\n')) {
            if (line.startsWith(':')) continue; // keep-alive comment
            const colon = line.indexOf(':');
            const field = colon < 0 ? line : line.slice(0, colon);
            const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
            if (field === 'event') event.event = value;
            else if (field === 'data') event.data += (event.data ? '\n' : '') + value;
          }
          if (block.split('\n').every((l) => l.startsWith(':'))) continue;
          events.push(event);
          if (enough(events)) return finish(false);
        }
      });
      res.on('end', () => finish(true));
      res.on('error', (e) => { if (!settled) { settled = true; clearTimeout(timer); reject(e); } });
    });
    req.on('error', (e) => { if (!settled) { settled = true; clearTimeout(timer); reject(e); } });
    req.end(body);
  });
}

/**
 * A WebSocket to the GraphQL endpoint, offering `protocols`. The result records every message
 * received (`messages`, parsed when JSON) and, once over, how it ended (`closed`: { code, reason },
 * code 1006 when the connection dropped without a close frame).
 */
export function openSocket(url, protocols = ['graphql-transport-ws'], options = {}) {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), protocols, { maxPayload: 8 * 1024 * 1024, ...options });
  const state = { socket, messages: [], raw: [], closed: null, error: null, waiters: [] };
  const notify = () => { for (const w of [...state.waiters]) w(); };
  socket.on('message', (data, isBinary) => {
    const text = isBinary ? data.toString('latin1') : data.toString('utf8');
    state.raw.push(text);
    let message;
    try { message = JSON.parse(text); } catch { message = { unparsed: text }; }
    state.messages.push(message);
    notify();
  });
  socket.on('close', (code, reason) => { state.closed = { code, reason: reason.toString('utf8') }; notify(); });
  socket.on('error', (e) => { state.error = e; notify(); });
  state.opened = new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
    socket.once('unexpected-response', (_, res) => reject(new Error(`upgrade refused with HTTP ${res.statusCode}`)));
  });
  /** Resolves when `condition(state)` holds; rejects after `ms`. */
  state.until = (condition, ms, what) => new Promise((resolve, reject) => {
    const check = () => {
      if (!condition(state)) return;
      state.waiters = state.waiters.filter((w) => w !== check);
      clearTimeout(timer);
      resolve();
    };
    const timer = setTimeout(() => {
      state.waiters = state.waiters.filter((w) => w !== check);
      reject(new Error(`${what} not seen within ${ms} ms (messages: ${state.raw.slice(-3).join(' ').slice(0, 300)}; closed: ${JSON.stringify(state.closed)})`));
    }, ms);
    state.waiters.push(check);
    check();
  });
  state.send = (message) => socket.send(typeof message === 'string' || Buffer.isBuffer(message) ? message : JSON.stringify(message));
  return state;
}
