// GraphQL over WebSocket, both protocols: floods end with a close frame (4429 or 1008), never a
// dropped connection; protocol violations with the protocol's close code; bad documents with a
// coded error while the socket goes on.
import { openSocket } from '../lib/net.mjs';
import { leaks } from '../lib/run.mjs';

const subscribe = (id, query, variables) => ({ id, type: 'subscribe', payload: { query, variables } });
const PUBLISHED = 'subscription { articlePublished { headline } }';
const FLOOD = [4429, 1008];
const legacy = { protocols: ['graphql-ws'] };
const of = (messages, type, id) => messages.filter((m) => m.type === type && (id === undefined || m.id === id));

export default [
  { name: '10,000 subscribe messages', ws: { send: (i) => subscribe(`s${i}`, PUBLISHED), count: 10_000 }, within: 5000, expect: { close: FLOOD } },
  { name: '10,000 pings', ws: { send: () => ({ type: 'ping' }), count: 10_000 }, within: 5000, expect: { close: FLOOD } },
  { name: '10,000 pings before connection_init', ws: { init: false, send: () => ({ type: 'ping' }), count: 10_000 }, within: 5000, expect: { close: FLOOD } },
  { name: '10,000 fragment explosions', ws: { send: (i) => subscribe(`b${i}`, `{ ...F0 } ${Array.from({ length: 30 }, (_, j) => `fragment F${j} on Query { ${j < 29 ? `...F${j + 1} ...F${j + 1}` : '__typename'} }`).join(' ')}`), count: 10_000 }, within: 5000, expect: { close: FLOOD } },
  { name: '120 subscriptions at once (over the 100 allowed)', ws: { send: (i) => subscribe(`s${i}`, PUBLISHED), count: 120 }, within: 5000, expect: { close: [1008], code: 'TOO_MANY_OPERATIONS' } },
  { name: 'subscribe before connection_init', ws: { init: false, send: [subscribe('1', PUBLISHED)] }, expect: { close: [4401] } },
  { name: 'two subscriptions under one id', ws: { send: [subscribe('1', PUBLISHED), subscribe('1', PUBLISHED)] }, expect: { close: [4409] } },
  { name: 'a second connection_init', ws: { send: [{ type: 'connection_init', payload: {} }] }, expect: { close: [4429] } },
  { name: 'a message that is not JSON', ws: { send: ['{"type": "subscribe", "id": '] }, expect: { close: [4400] } },
  { name: 'a binary message', ws: { send: [Buffer.from([0x00, 0xff, 0x10, 0x80])] }, expect: { close: [4400] } },
  { name: 'a message without a type', ws: { send: [{ id: '1', payload: { query: PUBLISHED } }] }, expect: { close: [4400] } },
  { name: 'a message type nobody knows', ws: { send: [{ type: 'execute_sql', payload: 'DROP TABLE Articles' }] }, expect: { close: [4400] } },
  { name: 'subscribe without an id', ws: { send: [{ type: 'subscribe', payload: { query: PUBLISHED } }] }, expect: { close: [4400] } },
  { name: 'subscribe whose query is a number', ws: { send: [{ type: 'subscribe', id: '1', payload: { query: 42 } }] }, expect: { close: [4400] } },
  { name: 'a lone surrogate escape in the message type', ws: { send: ['{"type":"subscribe\\ud800","id":"1","payload":{}}'] }, expect: { close: [4400] } },
  { name: 'a lone surrogate escape in the query', ws: { send: ['{"type":"subscribe","id":"1","payload":{"query":"{ __typename } # \\udc00"}}'] }, expect: { close: [4400] } },
  { name: 'a message of 300 KiB', ws: { send: [JSON.stringify(subscribe('1', `{ __typename }${' '.repeat(300 * 1024)}`))] }, within: 3000, expect: { close: [1009] } },
  {
    name: 'a message of 2 MiB in 1,000 fragments',
    within: 5000,
    async run(ctx, problems) {
      const socket = openSocket(ctx.url);
      await socket.opened;
      const chunk = ' '.repeat(2048);
      for (let i = 0; i < 1000 && socket.socket.readyState === 1; i++) socket.socket.send(chunk, { fin: i === 999 });
      try { await socket.until((s) => s.closed, 4000, 'a close frame'); } catch (e) { problems.push(e.message); }
      if (socket.closed?.code !== 1009) problems.push(`closed with ${JSON.stringify(socket.closed)}, expected 1009`);
      return `closed ${socket.closed?.code}`;
    },
  },
  {
    // The server accepts and closes with 4406; a strict client (ws, as RFC 6455 allows) fails the
    // handshake itself when no sub-protocol comes back. Either way: no connection.
    name: 'a sub-protocol nobody speaks',
    async run(ctx, problems) {
      const socket = openSocket(ctx.url, ['graphql-over-sql']);
      const opened = await socket.opened.then(() => true, (e) => e.message);
      if (opened === true) {
        try { await socket.until((s) => s.closed, 2000, 'a close frame'); } catch (e) { problems.push(e.message); }
        if (socket.closed?.code !== 4406) problems.push(`closed with ${JSON.stringify(socket.closed)}, expected 4406`);
        return `closed ${socket.closed?.code}`;
      }
      if (!/no subprotocol/i.test(opened)) problems.push(`handshake failed: ${opened}`);
      return 'handshake refused by the client: no sub-protocol';
    },
  },
  { name: 'no connection_init at all (10 s)', ws: { init: false }, within: 13_000, expect: { close: [4408] } },
  { name: 'connection_init with a forged token', ws: { init: { Authorization: 'Bearer eyJhbGciOiJIUzI1NiJ9.eyJyb2xlIjoiYWRtaW4ifQ.c2lnbmF0dXJl' } }, expect: { close: [4403] } },
  {
    name: 'a bad document, then a good one on the same socket',
    ws: { send: [subscribe('1', '{ nope }'), subscribe('2', '{ __typename }')] },
    expect: { code: 'FIELDS_ON_CORRECT_TYPE', messages: (m) => of(m, 'error', '1').length === 1 && of(m, 'next', '2')[0]?.payload?.data?.__typename === 'Query' && of(m, 'complete', '2').length === 1 },
  },
  { name: 'a fragment explosion as a subscription', ws: { send: [subscribe('1', `subscription { ...F0 } ${Array.from({ length: 30 }, (_, j) => `fragment F${j} on Subscription { ${j < 29 ? `...F${j + 1} ...F${j + 1}` : 'articlePublished { headline }'} }`).join(' ')}`)] }, expect: { code: 'MAX_FRAGMENT_VISITS_EXCEEDED', messages: (m) => of(m, 'error', '1').length === 1 } },
  { name: 'a mutation of an editor as anonymous', ws: { send: [subscribe('1', 'mutation { createArticle(input: { headline: "Hostile", paragraphs: ["x"] }) { article { id } } }')] }, expect: { code: ['AUTH_NOT_AUTHENTICATED', 'AUTH_NOT_AUTHORIZED'], messages: (m) => of(m, 'next', '1').length + of(m, 'error', '1').length === 1 } },
  { name: 'articleUpdated with a garbage ID', ws: { send: [subscribe('1', 'subscription { articleUpdated(id: "garbage") { kind } }')] }, expect: { code: 'NODE_ID_INVALID', messages: (m) => of(m, 'error', '1').length + of(m, 'next', '1').length >= 1 } },
  { name: 'the seed story over a socket (control)', ws: { send: (_, ctx) => subscribe('1', 'query($s: String!) { article(slug: $s) { headline } }', { s: ctx.slug }), count: 1 }, expect: { messages: (m) => of(m, 'next', '1')[0]?.payload?.data?.article?.headline?.length > 0 && of(m, 'complete', '1').length === 1 } },
  { name: 'legacy: start before connection_init', ws: { ...legacy, init: false, send: [{ id: '1', type: 'start', payload: { query: PUBLISHED } }] }, expect: { messages: (m) => of(m, 'error', '1').length === 1 } },
  { name: 'legacy: a message that is not JSON', ws: { ...legacy, send: ['not json at all'] }, expect: { messages: (m) => of(m, 'connection_error').length === 1 } },
  { name: 'legacy: a message type nobody knows', ws: { ...legacy, send: [{ id: '1', type: 'execute_sql' }] }, expect: { messages: (m) => of(m, 'error', '1').length === 1 } },
  { name: 'legacy: start without a query', ws: { ...legacy, send: [{ id: '1', type: 'start', payload: {} }] }, expect: { code: 'QUERY_MISSING', messages: (m) => of(m, 'error', '1').length === 1 } },
  { name: 'legacy: 10,000 start messages', ws: { ...legacy, send: (i) => ({ id: `s${i}`, type: 'start', payload: { query: PUBLISHED } }), count: 10_000 }, within: 5000, expect: { close: FLOOD } },
  { name: 'legacy: a second connection_init', ws: { ...legacy, send: [{ type: 'connection_init', payload: {} }] }, expect: { close: [4429] } },
  {
    name: '200 sockets opened at once, then dropped',
    within: 8000,
    async run(ctx, problems) {
      const sockets = Array.from({ length: 200 }, () => openSocket(ctx.url));
      const opened = await Promise.allSettled(sockets.map((s) => s.opened));
      const failed = opened.filter((o) => o.status === 'rejected');
      if (failed.length) problems.push(`${failed.length} sockets did not open: ${failed[0].reason?.message}`);
      for (const s of sockets) if (s.socket.readyState === 1) s.send({ type: 'connection_init', payload: {} });
      await Promise.allSettled(sockets.map((s) => s.until((x) => x.messages.some((m) => m.type === 'connection_ack'), 5000, 'ack')));
      const acked = sockets.filter((s) => s.messages.some((m) => m.type === 'connection_ack')).length;
      if (acked !== 200) problems.push(`${acked} of 200 acknowledged`);
      for (const s of sockets) for (const text of s.raw) problems.push(...leaks(text));
      for (const s of sockets) s.socket.terminate();
      return `${acked} acknowledged, then dropped`;
    },
  },
].map((c) => ({ area: 'websocket', ...c }));
