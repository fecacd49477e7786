#!/usr/bin/env node
// Checks of two NewsGraph instances on one PostgreSQL and one Redis, one subcommand each, run by
// .ci/two-instances.sh (which starts, kills and restarts the processes):
//
//   node check.mjs published-everywhere A B TOKEN     a story published on A reaches a subscriber on B within 1 s
//   node check.mjs one-rate-limit A B                 one reader's feedback counts against one limit on A and B
//   node check.mjs apq-shared A B                     a query registered on A by its hash (Apollo APQ) runs on B by hash alone
//   node check.mjs embargo-once A B TOKEN             a due embargo is published once: one event at each instance, one revision
//   node check.mjs load A B SECONDS FILE              mixed reads and writes on both; acknowledged feedback written to FILE
//   node check.mjs stored TOKEN URL FILE              every feedback listed in FILE is stored
//   node check.mjs outage URL... -- SECONDS           while a dependency is away: every answer a coded 503 (or data), none a 500
//   node check.mjs answers URL... -- SECONDS          every instance answers a query within SECONDS
//   node check.mjs live-subscription-ends URL SECONDS  a live subscription ends with SUBSCRIPTIONS_UNAVAILABLE (when Redis goes)
//   node check.mjs subscriptions-recover A B TOKEN    a new subscription works (after Redis came back)
//   node check.mjs reader-tokens KEY COUNT             COUNT readers' bearer tokens (JSON), signed with the base64 KEY
//
// A and B are GraphQL URLs (http://127.0.0.1:port/graphql); TOKEN is an editor's bearer token.
// Each prints what it saw and exits non-zero when the check fails.
import { readFileSync, writeFileSync } from 'node:fs';
import { createHash, createHmac, randomUUID } from 'node:crypto';
import { setTimeout as delay } from 'node:timers/promises';
import WebSocket from 'ws';

const [command, ...args] = process.argv.slice(2);

function fail(message) {
  console.error(`FAIL ${command}: ${message}`);
  process.exit(1);
}

async function post(url, query, variables, token) {
  const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' };
  if (token) headers.Authorization = `Bearer ${token}`;
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query, variables }), signal: AbortSignal.timeout(10_000) });
  const text = await response.text();
  let body;
  try { body = JSON.parse(text); } catch { body = { raw: text }; }
  return { status: response.status, body };
}

async function mutate(url, token, query, variables) {
  const { status, body } = await post(url, query, variables, token);
  if (status !== 200 || body.errors) fail(`${status} ${JSON.stringify(body)}`);
  return body.data;
}

/** Creates a draft, then publishes it; `onPublishing` is called as the publish mutation is sent. */
async function createStory(url, token, headline, publishAt, onPublishing = () => {}) {
  const created = await mutate(url, token,
    'mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id version } errors { __typename } } }',
    { input: { headline, section: 'World', paragraphs: ['Written by the two-instance check.'] } });
  const { id, version } = created.createArticle.article;
  const input = publishAt ? { id, version, publishAt } : { id, version };
  onPublishing();
  await mutate(url, token, 'mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { status } errors { __typename } } }', { input });
  return id;
}

/** A graphql-transport-ws subscription; `events` fills as results arrive. */
async function subscribe(url, query, token) {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const events = [];
  const errors = [];
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
  const acked = new Promise((resolve) => {
    socket.on('message', (raw) => {
      const message = JSON.parse(raw.toString());
      if (message.type === 'connection_ack') resolve();
      else if (message.type === 'next') events.push({ at: Date.now(), payload: message.payload });
      else if (message.type === 'error') errors.push(message.payload);
    });
  });
  socket.send(JSON.stringify({ type: 'connection_init', payload: token ? { Authorization: `Bearer ${token}` } : {} }));
  const timeout = new AbortController();
  await Promise.race([acked, delay(5000, null, { signal: timeout.signal }).then(() => fail(`no connection_ack from ${url}`), () => {})]);
  timeout.abort(); // the timer would otherwise fail the check after it passed
  socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query } }));
  await delay(500); // registered before anything is published
  return { events, errors, close: () => socket.close() };
}

const checks = {
  async 'reader-tokens'(key, count) {
    // The claims of the server's own `token` command (Auth:Issuer and Auth:Audience at their defaults).
    const encode = (value) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const now = Math.floor(Date.now() / 1000);
    const tokens = Array.from({ length: Number(count) }, (_, i) => {
      const unsigned = `${encode({ alg: 'HS256', typ: 'JWT' })}.${encode({ sub: `load-reader-${i}`, role: 'reader', iss: 'newsgraph', aud: 'newsgraph', iat: now, nbf: now, exp: now + 3600 })}`;
      return `${unsigned}.${createHmac('sha256', Buffer.from(key, 'base64')).update(unsigned).digest('base64url')}`;
    });
    console.log(JSON.stringify(tokens));
  },

  async 'published-everywhere'(a, b, token) {
    const headline = `Two-instance story ${randomUUID()}`;
    const onB = await subscribe(b, 'subscription { articlePublished { headline } }');
    let started = Date.now();
    await createStory(a, token, headline, null, () => { started = Date.now(); });
    while (Date.now() - started < 5000 && !onB.events.some((e) => e.payload.data?.articlePublished?.headline === headline)) await delay(20);
    onB.close();
    const event = onB.events.find((e) => e.payload.data?.articlePublished?.headline === headline);
    if (!event) fail(`the story published on A never reached B (${JSON.stringify(onB.events)} ${JSON.stringify(onB.errors)})`);
    const ms = event.at - started;
    console.log(`published on A, seen on B ${ms} ms after the publish mutation was sent`);
    if (ms > 1000) fail(`${ms} ms is over 1 s`);
  },

  async 'one-rate-limit'(a, b) {
    // Anonymous readers are limited per address, and both instances see the check as 127.0.0.1.
    const outcomes = [];
    for (let i = 0; i < 8; i++) {
      const url = i % 2 === 0 ? a : b;
      const { body } = await post(url, 'mutation($m: String!) { submitFeedback(input: { message: $m }) { errors { __typename } } }', { m: `rate check ${i} ${randomUUID()}` });
      outcomes.push(body.data?.submitFeedback?.errors?.[0]?.__typename ?? (body.errors ? 'error' : 'accepted'));
    }
    console.log(`alternating A and B: ${outcomes.join(', ')}`);
    const accepted = outcomes.filter((o) => o === 'accepted').length;
    if (accepted > 5 || outcomes.slice(5).some((o) => o !== 'RateLimitedError')) fail('the limit (5 a minute) was not shared by A and B');
  },

  async 'apq-shared'(a, b) {
    const query = `query TwoInstanceApq${randomUUID().replaceAll('-', '')} { articles(first: 1) { totalCount } }`;
    const sha256Hash = createHash('sha256').update(query).digest('hex');
    const extensions = { persistedQuery: { version: 1, sha256Hash } };
    const registered = await fetch(a, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ query, extensions }) });
    if (registered.status !== 200) fail(`registering on A: ${registered.status} ${await registered.text()}`);
    const url = `${b}?extensions=${encodeURIComponent(JSON.stringify(extensions))}`;
    const byHash = await fetch(url, { headers: { Accept: 'application/graphql-response+json' } });
    const body = await byHash.json();
    console.log(`by hash on B: ${byHash.status} ${JSON.stringify(body)}`);
    if (byHash.status !== 200 || typeof body.data?.articles?.totalCount !== 'number') fail('B did not know the query A registered');
  },

  async 'embargo-once'(a, b, token) {
    const headline = `Embargoed two-instance story ${randomUUID()}`;
    const query = 'subscription { articlePublished { headline } }';
    const [onA, onB] = await Promise.all([subscribe(a, query), subscribe(b, query)]);
    const publishAt = new Date(Date.now() + 3000).toISOString();
    const id = await createStory(a, token, headline, publishAt);
    await delay(3000 + 4000); // due, then a few embargo checks of both instances
    onA.close();
    onB.close();
    const count = (s) => s.events.filter((e) => e.payload.data?.articlePublished?.headline === headline).length;
    const { body } = await post(a, 'query($id: ID!) { node(id: $id) { ... on Article { status revisions { action } } } }', { id }, token);
    const published = (body.data?.node?.revisions ?? []).filter((r) => r.action === 'published').length;
    console.log(`events: ${count(onA)} at A, ${count(onB)} at B; status ${body.data?.node?.status}; ${published} 'published' revision(s)`);
    if (count(onA) !== 1 || count(onB) !== 1 || published !== 1 || body.data?.node?.status !== 'PUBLISHED') fail('the embargo was not lifted exactly once');
  },

  async load(a, b, seconds, file) {
    const deadline = Date.now() + Number(seconds) * 1000;
    const acknowledged = [];
    const failures = { a: 0, b: 0 };
    const answered = { a: 0, b: 0 };
    async function worker(n) {
      while (Date.now() < deadline) {
        const [name, url] = n % 2 === 0 ? ['a', a] : ['b', b];
        try {
          if (Math.random() < 0.3) {
            const message = `load ${n} ${randomUUID()}`;
            // A signed-in reader each, so the rate limit (per reader) does not refuse the load.
            const { status, body } = await post(url, 'mutation($m: String!) { submitFeedback(input: { message: $m }) { feedback { id } errors { __typename } } }', { m: message }, readerTokens[acknowledged.length % readerTokens.length]);
            if (status === 200 && body.data?.submitFeedback?.feedback?.id) acknowledged.push(message);
          } else {
            const { status } = await post(url, '{ articles(first: 5) { nodes { headline authors { name } } } }');
            if (status !== 200) throw new Error(String(status));
          }
          answered[name]++;
        } catch {
          failures[name]++;
          await delay(20);
        }
      }
    }
    const readerTokens = JSON.parse(process.env.READER_TOKENS ?? '[]');
    if (readerTokens.length === 0) fail('READER_TOKENS is not set');
    await Promise.all(Array.from({ length: 8 }, (_, n) => worker(n)));
    writeFileSync(file, acknowledged.join('\n'));
    console.log(`answered A ${answered.a}, B ${answered.b}; failed A ${failures.a}, B ${failures.b}; ${acknowledged.length} feedback acknowledged`);
    if (answered.b === 0) fail('B answered nothing');
  },

  async stored(token, url, file) {
    const messages = readFileSync(file, 'utf8').split('\n').filter(Boolean);
    let missing = 0;
    for (let i = 0; i < messages.length; i += 50) {
      const batch = messages.slice(i, i + 50);
      const { body } = await post(url, 'query($m: [String]) { feedback(first: 50, where: { message: { in: $m } }) { totalCount } }', { m: batch }, token);
      const count = body.data?.feedback?.totalCount;
      if (typeof count !== 'number') fail(JSON.stringify(body));
      missing += batch.length - count;
    }
    console.log(`${messages.length} acknowledged, ${messages.length - missing} stored`);
    if (missing !== 0) fail(`${missing} acknowledged feedback missing`);
  },

  async outage(...rest) {
    const split = rest.indexOf('--');
    const urls = rest.slice(0, split);
    const deadline = Date.now() + Number(rest[split + 1]) * 1000;
    const seen = {};
    while (Date.now() < deadline) {
      for (const url of urls) {
        const started = Date.now();
        let outcome;
        try {
          const { status, body } = await post(url, '{ articles(first: 1) { nodes { headline } } }');
          const code = body.errors?.[0]?.extensions?.code;
          outcome = status === 200 && !body.errors ? '200' : `${status} ${code ?? 'no code'}`;
          if (status >= 500 && status !== 503) fail(`${url}: ${status} ${JSON.stringify(body)}`);
          if (status === 503 && !code) fail(`${url}: a 503 without a code`);
        } catch (error) {
          outcome = `no answer (${error.name})`;
        }
        if (Date.now() - started > 5000) fail(`${url} took ${Date.now() - started} ms to answer`);
        seen[outcome] = (seen[outcome] ?? 0) + 1;
      }
      await delay(100);
    }
    console.log(`answers meanwhile: ${JSON.stringify(seen)}`);
    if (Object.keys(seen).some((o) => o.startsWith('no answer'))) fail('an instance did not answer');
  },

  async answers(...rest) {
    const split = rest.indexOf('--');
    const urls = rest.slice(0, split);
    const started = Date.now();
    const deadline = started + Number(rest[split + 1]) * 1000;
    for (const url of urls) {
      for (;;) {
        try {
          const { status } = await post(url, '{ articles(first: 1) { nodes { headline } } }');
          if (status === 200) break;
        } catch { /* not yet */ }
        if (Date.now() > deadline) fail(`${url} did not answer within ${rest[split + 1]} s`);
        await delay(100);
      }
    }
    console.log(`every instance answered ${Date.now() - started} ms after the dependency returned`);
  },

  async 'live-subscription-ends'(url, seconds) {
    const live = await subscribe(url, 'subscription { articlePublished { headline } }');
    const deadline = Date.now() + Number(seconds) * 1000;
    while (Date.now() < deadline && live.errors.length === 0) await delay(50);
    live.close();
    const code = live.errors[0]?.[0]?.extensions?.code;
    console.log(`the live subscription ended with ${code ?? 'nothing'}`);
    if (code !== 'SUBSCRIPTIONS_UNAVAILABLE') fail(`no SUBSCRIPTIONS_UNAVAILABLE within ${seconds} s (${JSON.stringify(live.errors)})`);
  },

  async 'subscriptions-recover'(a, b, token) {
    for (let attempt = 0; attempt < 20; attempt++) {
      const headline = `After the Redis outage ${randomUUID()}`;
      const onB = await subscribe(b, 'subscription { articlePublished { headline } }');
      await createStory(a, token, headline);
      await delay(1500);
      onB.close();
      if (onB.events.some((e) => e.payload.data?.articlePublished?.headline === headline)) {
        console.log(`subscriptions work again (attempt ${attempt + 1})`);
        return;
      }
      console.log(`attempt ${attempt + 1}: not yet (${JSON.stringify(onB.errors)})`);
      await delay(500);
    }
    fail('subscriptions did not recover');
  },
};

if (!checks[command]) {
  console.error(`usage: node check.mjs ${Object.keys(checks).join('|')} ...`);
  process.exit(2);
}
await checks[command](...args);
