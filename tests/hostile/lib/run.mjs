// Runs one case of the corpus and checks what every answer must be: within the case's bound, below
// 500, a code on every error, nothing of the server's internals, and what the case expects.
//
// A case (cases/*.mjs) is data: { area, name, within (ms, default 2000), one way of sending, expect }.
// Ways of sending; a value may be a function of the context (the seed story's slug and IDs):
//   post: an object or array (sent as JSON) or a string or Buffer (sent as is); with `method`,
//         `contentType` (default application/json) and `headers`
//   get:  an object of parameters (objects among them JSON-encoded) or a raw query string
//   raw:  bytes written to a TCP connection (a request line and headers of one's own)
//   sse:  { post | get, headers, until(events), hold }: a request with Accept: text/event-stream,
//         read until `until` holds, the stream ends, or `hold` ms have passed
//   ws:   { protocols, init (true, false or a payload), send: [messages] | (i, ctx) => message,
//         count (with a function), waitFor(state) }: a WebSocket conversation
//   run:  async (ctx, problems) => summary, for a case of several steps; it pushes what is wrong
// expect:
//   status: a number or [low, high]; code: one code or a list (some error must carry one of them);
//   data(data, answer, ctx): a predicate on data; noErrors: true; events(events): SSE; body: '' for a bare
//   refusal by the web server; close: [codes] the socket must end with (a close frame, not a drop);
//   messages(messages): WebSocket messages received
import { request, rawExchange, eventStream, openSocket } from './net.mjs';

/** What no answer may contain: stack frames, source lines, exception and .NET type names. */
export const LEAKS = [/ {3}at \S/, /\.cs:line/, /Exception/, /\bSystem\./, /\bNewsGraph\./, /\bGraphQL\.(?:Execution|Validation|Types)\./];

export const GRAPHQL_RESPONSE = 'application/graphql-response+json';

const resolve = (value, ctx) => (typeof value === 'function' ? value(ctx) : value);

/** Problems with one JSON GraphQL answer (an object with `errors` and/or `data`). */
function graphQLProblems(json, where) {
  const problems = [];
  if (json === null || typeof json !== 'object' || Array.isArray(json)) return [`${where}: not a JSON object`];
  if ('errors' in json) {
    if (!Array.isArray(json.errors) || json.errors.length === 0) problems.push(`${where}: errors is not a non-empty list`);
    else {
      for (const e of json.errors) {
        if (typeof e?.message !== 'string') problems.push(`${where}: an error without a message`);
        if (typeof e?.extensions?.code !== 'string' || !e.extensions.code) problems.push(`${where}: an error without extensions.code: ${JSON.stringify(e).slice(0, 200)}`);
      }
    }
  }
  if (!('errors' in json) && !('data' in json) && !('extensions' in json)) problems.push(`${where}: neither data, errors nor extensions`);
  return problems;
}

export function leaks(text) {
  return LEAKS.filter((re) => re.test(text)).map((re) => `leaks ${re}: ${text.slice(Math.max(0, text.search(re) - 80), text.search(re) + 80)}`);
}

export function codesOf(json) {
  return Array.isArray(json?.errors) ? json.errors.map((e) => e?.extensions?.code) : [];
}

const wanted = (code) => (code === undefined ? null : Array.isArray(code) ? code : [code]);

function checkStatus(status, expect, problems) {
  if (status >= 500) problems.push(`HTTP ${status}`);
  if (typeof expect.status === 'number' && status !== expect.status) problems.push(`HTTP ${status}, expected ${expect.status}`);
  if (Array.isArray(expect.status) && (status < expect.status[0] || status > expect.status[1])) problems.push(`HTTP ${status}, expected ${expect.status.join('-')}`);
}

/** Checks an HTTP answer (plain or the JSON answer of an SSE request); returns a short description of it. */
function checkHttp(answer, expect, problems, ctx) {
  checkStatus(answer.status, expect, problems);
  problems.push(...leaks(answer.body));
  if (expect.body !== undefined) {
    if (answer.body !== expect.body) problems.push(`body ${JSON.stringify(answer.body.slice(0, 200))}, expected ${JSON.stringify(expect.body)}`);
    return `${answer.status}`;
  }
  let json;
  try { json = JSON.parse(answer.body); } catch { problems.push(`body is not JSON: ${answer.body.slice(0, 200)}`); return `${answer.status}`; }
  problems.push(...graphQLProblems(json, 'body'));
  const codes = codesOf(json);
  const want = wanted(expect.code);
  if (want && !codes.some((c) => want.includes(c))) problems.push(`codes [${codes.join(', ')}], expected one of ${want.join(', ')}`);
  if (expect.noErrors && codes.length) problems.push(`errors: ${JSON.stringify(json.errors).slice(0, 300)}`);
  if (expect.data) {
    let ok = false;
    try { ok = expect.data(json.data, json, ctx); } catch (e) { problems.push(`data check threw: ${e.message}`); }
    if (!ok) problems.push(`data not as expected: ${JSON.stringify(json.data ?? null).slice(0, 300)}`);
  }
  return `${answer.status}${codes.length ? ` ${[...new Set(codes)].join(',')}` : ''}`;
}

function url(ctx, get) {
  if (get === undefined) return ctx.url;
  const query = typeof get === 'string' ? get
    : new URLSearchParams(Object.entries(get).map(([k, v]) => [k, typeof v === 'string' ? v : JSON.stringify(v)])).toString();
  return `${ctx.url}?${query}`;
}

function httpOptions(c, ctx, body) {
  const headers = { Accept: GRAPHQL_RESPONSE, ...resolve(c.headers, ctx) };
  if (body !== undefined && c.contentType !== null) headers['Content-Type'] = c.contentType ?? 'application/json';
  return { method: c.method ?? (body === undefined ? 'GET' : 'POST'), headers, body };
}

function encode(body) {
  if (body === undefined || typeof body === 'string' || Buffer.isBuffer(body)) return body;
  return JSON.stringify(body);
}

async function runHttp(c, ctx, problems) {
  const body = encode(resolve(c.post, ctx));
  const answer = await request(url(ctx, resolve(c.get, ctx)), { ...httpOptions(c, ctx, body), timeout: c.within });
  return checkHttp(answer, c.expect ?? {}, problems, ctx);
}

async function runRaw(c, ctx, problems) {
  const answer = await rawExchange(ctx.url, resolve(c.raw, ctx), { timeout: c.within });
  if (!answer.status) problems.push(`no HTTP answer: ${answer.body.slice(0, 200)}`);
  return checkHttp(answer, c.expect ?? {}, problems, ctx);
}

async function runSse(c, ctx, problems) {
  const s = c.sse;
  const body = encode(resolve(s.post, ctx));
  const answer = await eventStream(url(ctx, resolve(s.get, ctx)), {
    method: body === undefined ? 'GET' : 'POST', headers: resolve(s.headers, ctx) ?? {}, body, timeout: s.hold ?? c.within, enough: s.until ?? (() => false),
  });
  const expect = c.expect ?? {};
  if (!/text\/event-stream/.test(answer.headers['content-type'] ?? '')) return checkHttp(answer, expect, problems, ctx);
  checkStatus(answer.status, expect, problems);
  problems.push(...leaks(answer.body));
  for (const event of answer.events) {
    if (event.event === 'complete') continue;
    let json;
    try { json = JSON.parse(event.data); } catch { problems.push(`event ${event.event} is not JSON: ${event.data.slice(0, 200)}`); continue; }
    problems.push(...graphQLProblems(json, `event ${event.event}`));
  }
  const codes = answer.events.flatMap((e) => { try { return codesOf(JSON.parse(e.data)); } catch { return []; } });
  const want = wanted(expect.code);
  if (want && !codes.some((code) => want.includes(code))) problems.push(`event codes [${codes.join(', ')}], expected one of ${want.join(', ')}`);
  if (expect.events && !expect.events(answer.events)) problems.push(`events not as expected: ${JSON.stringify(answer.events).slice(0, 300)}`);
  return `${answer.status} ${answer.events.map((e) => e.event).join(',') || 'no events'}${answer.ended ? ', ended' : ''}`;
}

/** The codes of one WebSocket message's errors, whichever protocol. */
function wsErrors(message) {
  const p = message.payload;
  if (message.type === 'error' || message.type === 'connection_error') return Array.isArray(p) ? p : p?.errors ?? [p];
  if (message.type === 'next' || message.type === 'data') return p?.errors ?? [];
  return [];
}

async function runWs(c, ctx, problems) {
  const w = c.ws;
  const expect = c.expect ?? {};
  const protocols = w.protocols ?? ['graphql-transport-ws'];
  const socket = openSocket(ctx.url, protocols, w.options);
  try {
    await socket.opened;
    if (w.init !== false) {
      socket.send({ type: 'connection_init', payload: w.init === true || w.init === undefined ? {} : resolve(w.init, ctx) });
      await socket.until((s) => s.messages.some((m) => m.type === 'connection_ack') || s.closed, c.within, 'connection_ack');
    }
    const messages = typeof w.send === 'function' ? Array.from({ length: w.count ?? 1 }, (_, i) => w.send(i, ctx)) : resolve(w.send, ctx) ?? [];
    for (const m of messages) {
      if (socket.closed || socket.socket.readyState !== 1) break;
      socket.send(m);
    }
    const done = expect.close
      ? (s) => s.closed
      : (s) => s.closed || (expect.messages ? expect.messages(s.messages) : true);
    await socket.until(w.waitFor ?? done, c.within, expect.close ? `a close frame ${expect.close.join('/')}` : 'the expected messages');
  } catch (e) {
    problems.push(e.message);
  } finally {
    if (!socket.closed && socket.socket.readyState === 1) {
      if (expect.close) problems.push('the socket is still open');
      socket.socket.close(1000);
    }
  }
  for (const text of socket.raw) problems.push(...leaks(text));
  if (socket.closed) problems.push(...leaks(socket.closed.reason));
  for (const message of socket.messages) {
    if ('unparsed' in message) problems.push(`a message that is not JSON: ${message.unparsed.slice(0, 200)}`);
    for (const e of wsErrors(message)) {
      if (typeof e?.extensions?.code !== 'string') problems.push(`a ${message.type} message error without extensions.code: ${JSON.stringify(e).slice(0, 200)}`);
    }
  }
  const codes = socket.messages.flatMap((m) => wsErrors(m).map((e) => e?.extensions?.code));
  const want = wanted(expect.code);
  if (want && !codes.some((code) => want.includes(code))) problems.push(`message codes [${codes.join(', ')}], expected one of ${want.join(', ')}`);
  if (expect.close) {
    const code = socket.closed?.code;
    if (code === undefined) problems.push('not closed');
    else if (!expect.close.includes(code)) problems.push(`closed with ${code} ${socket.closed.reason}, expected ${expect.close.join('/')}${code === 1006 ? ' (dropped without a close frame)' : ''}`);
  } else if (socket.closed && socket.closed.code !== 1000 && socket.closed.code !== 1005) {
    problems.push(`closed with ${socket.closed.code} ${socket.closed.reason}`);
  }
  if (expect.messages && !expect.messages(socket.messages)) problems.push(`messages not as expected: ${socket.raw.slice(0, 5).join(' ').slice(0, 300)}`);
  const types = [...new Set(socket.messages.map((m) => m.type))].join(',');
  return `${socket.messages.length} messages (${types || 'none'})${socket.closed ? `, closed ${socket.closed.code}` : ''}${codes.length ? ` ${[...new Set(codes)].join(',')}` : ''}`;
}

/** Sends one case and checks its answer; resolves with { ok, ms, summary, problems }. Never rejects. */
export async function runCase(c, ctx) {
  const problems = [];
  const within = c.within ?? 2000;
  const started = performance.now();
  let summary = '';
  try {
    const kind = c.run ? 'run' : c.ws ? 'ws' : c.sse ? 'sse' : c.raw !== undefined ? 'raw' : 'http';
    const send = { run: () => c.run(ctx, problems), ws: runWs, sse: runSse, raw: runRaw, http: runHttp }[kind];
    summary = (await send({ ...c, within }, ctx, problems)) ?? '';
  } catch (e) {
    problems.push(`no answer: ${e.message}`);
  }
  const ms = performance.now() - started;
  if (ms > within) problems.push(`took ${Math.round(ms)} ms, bound ${within} ms`);
  return { ok: problems.length === 0, ms, summary, problems };
}

/** `{ __typename }` within `bound` ms: the server is still well. */
export async function healthy(ctx, bound = 1000) {
  try {
    const answer = await request(ctx.url, {
      headers: { 'Content-Type': 'application/json', Accept: GRAPHQL_RESPONSE }, body: '{"query":"{ __typename }"}', timeout: bound,
    });
    if (answer.status !== 200 || answer.body !== '{"data":{"__typename":"Query"}}') return `unhealthy: HTTP ${answer.status} ${answer.body.slice(0, 200)}`;
    if (answer.ms > bound) return `unhealthy: { __typename } took ${Math.round(answer.ms)} ms`;
    return null;
  } catch (e) {
    return `unhealthy: ${e.message}`;
  }
}

/**
 * What the cases refer to: the seed story's slug, headline and global IDs, read from the server; on
 * a database without the seed story (a benchmark's), the newest story's.
 */
export async function context(url) {
  const seed = 'us-space-commander-calls-for-deepening-security-ties-with-s-korea-in-space-field';
  const post = async (query, variables) => {
    const answer = await request(url, {
      headers: { 'Content-Type': 'application/json', Accept: GRAPHQL_RESPONSE }, body: JSON.stringify({ query, variables }), timeout: 10_000,
    });
    return JSON.parse(answer.body);
  };
  const fields = 'id slug headline authors { id }';
  const article = (await post(`query($slug: String!) { article(slug: $slug) { ${fields} } }`, { slug: seed })).data?.article
    ?? (await post(`{ articles(first: 1) { nodes { ${fields} } } }`)).data?.articles?.nodes?.[0];
  if (!article) throw new Error(`no story to refer to at ${url}`);
  const key = Buffer.from(article.id, 'base64').toString('utf8').split(':')[1];
  return { url, slug: article.slug, headline: article.headline, articleId: article.id, articleKey: key, personId: article.authors[0]?.id };
}
