// A frontend's view of NewsGraph: urql over HTTP for queries and mutations, graphql-ws
// (graphql-transport-ws) for subscriptions, against a running server.
//
//   NEWSGRAPH_URL           the GraphQL endpoint (default http://127.0.0.1:5080/graphql);
//                           the WebSocket URL is the same with ws:// or wss://
//   NEWSGRAPH_EDITOR_TOKEN  a bearer token for an editor (feedbackSubmitted is editors only)

import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { Client, fetchExchange, subscriptionExchange, gql } from '@urql/core';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';

const HTTP_URL = process.env.NEWSGRAPH_URL || 'http://127.0.0.1:5080/graphql';
const WS_URL = (() => {
  const u = new URL(HTTP_URL);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
})();
const EDITOR_TOKEN = process.env.NEWSGRAPH_EDITOR_TOKEN || '';
const WAIT_MS = 10_000;

const SEED_SLUG = 'us-space-commander-calls-for-deepening-security-ties-with-s-korea-in-space-field';

// ---------------------------------------------------------------------------------------------
// Clients

const disposers = [];
after(async () => {
  for (const dispose of disposers.reverse()) await dispose();
});

/**
 * An urql client the way a web app sets one up: fetch for queries and mutations, graphql-ws for
 * subscriptions. With a token, HTTP requests carry it as a header and the socket sends it in
 * connection_init. No cache exchange, so every operation reaches the server.
 */
function makeClient({ token } = {}) {
  let resolveConnected;
  const connected = new Promise((resolve) => { resolveConnected = resolve; });
  const ws = createWsClient({
    url: WS_URL,
    webSocketImpl: WebSocket,
    connectionParams: token ? { Authorization: `Bearer ${token}` } : undefined,
    retryAttempts: 0, // fail the test rather than reconnect quietly
    on: { connected: () => resolveConnected() },
  });
  const client = new Client({
    url: HTTP_URL,
    requestPolicy: 'network-only',
    fetchOptions: () => (token ? { headers: { Authorization: `Bearer ${token}` } } : {}),
    exchanges: [
      fetchExchange,
      subscriptionExchange({
        forwardSubscription(request) {
          const input = { ...request, query: request.query || '' };
          return {
            subscribe(sink) {
              const unsubscribe = ws.subscribe(input, sink);
              return { unsubscribe };
            },
          };
        },
      }),
    ],
  });
  disposers.push(() => ws.dispose());
  return { client, ws, connected };
}

/**
 * Rejects after `ms` so that a missing event fails the test instead of hanging it.
 * `what` names what was awaited: a string, or a function called when the time is up.
 */
function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => {
      const label = typeof what === 'function' ? what() : what;
      reject(new Error(`timed out after ${ms} ms waiting for ${label}`));
    }, ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Fails with the server's errors spelled out. */
function assertNoError(result, what) {
  assert.equal(result.error, undefined, `${what}: ${result.error && JSON.stringify(result.error.graphQLErrors ?? result.error.message)}`);
  assert.ok(result.data, `${what}: no data`);
}

// ---------------------------------------------------------------------------------------------
// Operations, as a frontend would write them against schema/schema.graphql: one file each in
// operations/, which CI also registers as trusted documents (`documents add`).

const OPERATIONS = new URL('./operations/', import.meta.url);

/** The text of operations/<name>.graphql. */
function operationText(name) {
  return readFileSync(new URL(`${name}.graphql`, OPERATIONS), 'utf8');
}

function operation(name) {
  return gql(operationText(name));
}

const FRONT_PAGE = operation('FrontPage');

const ARTICLE_PAGE = operation('ArticlePage');

const SUBMIT_FEEDBACK = operation('SubmitFeedback');

const FEEDBACK_SUBMITTED = operation('FeedbackSubmitted');

// The article page's result, for the feedback test (which loads it itself when run alone).
let seedArticle;
async function loadSeedArticle(client) {
  const result = await client.query(ARTICLE_PAGE, { slug: SEED_SLUG }).toPromise();
  assertNoError(result, 'article page');
  assert.ok(result.data.article, `article(slug: "${SEED_SLUG}") is null`);
  seedArticle = result.data.article;
  return seedArticle;
}

// ---------------------------------------------------------------------------------------------
// Tests

test('section front page: the newest articles with section, authors and images', async () => {
  const { client } = makeClient();
  // The seed story's section, so stories other tests publish elsewhere do not push it off the page.
  const result = await client.query(FRONT_PAGE, { section: 'all-news', first: 10 }).toPromise();
  assertNoError(result, 'front page');

  const { articles } = result.data;
  assert.ok(articles, 'articles is null');
  assert.equal(typeof articles.totalCount, 'number');
  assert.ok(articles.totalCount >= 1, `totalCount ${articles.totalCount}`);
  assert.equal(typeof articles.pageInfo.hasNextPage, 'boolean');
  assert.equal(typeof articles.pageInfo.hasPreviousPage, 'boolean');
  assert.ok(articles.nodes.length >= 1 && articles.nodes.length <= 10, `${articles.nodes.length} nodes`);
  assert.equal(articles.pageInfo.hasNextPage, articles.totalCount > articles.nodes.length);

  // newest first
  const times = articles.nodes.map((a) => Date.parse(a.publishedAt));
  assert.deepEqual(times, [...times].sort((a, b) => b - a), 'not ordered by publishedAt DESC');

  const seed = articles.nodes.find((a) => a.slug === SEED_SLUG);
  assert.ok(seed, `seed story not on its section's front page: ${articles.nodes.map((a) => a.slug).join(', ')}`);
  assert.ok(seed.headline.startsWith('U.S. space commander'), seed.headline);
  assert.ok(seed.publishedAt.endsWith('+09:00'), `publishedAt ${seed.publishedAt}`);
  assert.equal(seed.publishedAt.slice(0, 16), '2020-11-23T15:52');
  assert.equal(seed.section.name, 'All News');
  assert.ok(seed.authors.length > 0, 'no authors');
  assert.deepEqual(seed.authors[0], { name: 'Oh Seok-min', organization: 'Yonhap' });
  assert.equal(seed.images.length, 2);
  assert.ok(seed.images.some((i) => i.isNotForSale === true), 'no image is marked not for sale');
  assert.ok(seed.images.every((i) => i.credit === 'Yonhap'));
});

test('article page: paragraphs, dateline, quotes with speakers, images and the feedback form', async () => {
  const { client } = makeClient();
  const article = await loadSeedArticle(client);

  assert.equal(article.slug, SEED_SLUG);
  assert.equal(article.headline, 'U.S. space commander calls for deepening security ties with S. Korea in space field');
  assert.equal(typeof article.id, 'string');
  assert.ok(article.publishedAt.endsWith('+09:00'), `publishedAt ${article.publishedAt}`);
  assert.deepEqual(article.dateline, { text: 'SEOUL, Nov. 23 (Yonhap)', places: ['SEOUL'], date: 'Nov. 23', source: 'Yonhap' });
  assert.deepEqual(article.section, { name: 'All News', slug: 'all-news' });
  assert.deepEqual(article.authors, [{ name: 'Oh Seok-min', organization: 'Yonhap' }]);

  // The body, without the dateline and without the photo captions.
  assert.ok(article.paragraphs.length > 3, `${article.paragraphs.length} paragraphs`);
  assert.equal(article.paragraphs.length, 8);
  assert.ok(article.paragraphs[0].startsWith('The chief of the U.S. Space Operations Command called Monday'), article.paragraphs[0]);
  assert.ok(!article.paragraphs[0].includes('(Yonhap) --'), 'dateline left in the first paragraph');
  assert.ok(article.paragraphs.every((p) => !p.startsWith('This image shows')), 'a photo caption among the paragraphs');
  assert.ok(article.paragraphs.at(-1).includes('joint space operations'), article.paragraphs.at(-1));

  // Photos, in story order: the second is a file photo, not for sale.
  assert.equal(article.images.length, 2);
  assert.ok(article.images[0].caption.startsWith('This image shows U.S. Chief of Space Operations John Raymond'), article.images[0].caption);
  assert.equal(article.images[0].isNotForSale, false);
  assert.ok(article.images[1].caption.startsWith('A Falcon 9 Block 5 rocket carrying the Anasis-II satellite'), article.images[1].caption);
  assert.equal(article.images[1].isNotForSale, true);
  assert.equal(article.images[1].isFilePhoto, true);
  assert.equal(article.images[1].rightsNote, 'PHOTO NOT FOR SALE');
  assert.ok(!article.images[1].caption.includes('(Yonhap)'), 'credit left in the caption');

  // Quotes in story order, with their speakers.
  assert.ok(article.quotes.length >= 2, `${article.quotes.length} quotes`);
  assert.deepEqual(article.quotes.map((q) => q.position), article.quotes.map((_, i) => i + 1));
  const raymond = article.quotes.find((q) => q.text.startsWith('Today, space power is a growing source'));
  assert.ok(raymond, 'the "Today, space power ..." quote is missing');
  assert.equal(raymond.speaker?.name, 'John Raymond');
  assert.equal(raymond.speakerTitle, 'U.S. Chief of Space Operations');
  const suh = article.quotes.find((q) => q.text.startsWith('Our military has made diverse efforts'));
  assert.ok(suh, 'the "Our military has made diverse efforts ..." quote is missing');
  assert.equal(suh.speaker?.name, 'Suh Wook');
  assert.equal(suh.speakerTitle, 'Defense Minister');

  assert.deepEqual(article.feedbackForm, {
    title: 'Send Feedback',
    prompt: 'How can we improve?',
    thankYouMessage: 'Thanks for your feedback!',
  });
});

test('feedback: a reader submits it and an editor receives it over the WebSocket', async () => {
  assert.ok(EDITOR_TOKEN, 'NEWSGRAPH_EDITOR_TOKEN is not set');
  const reader = makeClient();
  const article = seedArticle ?? (await loadSeedArticle(reader.client));
  const message = `Frontend test ${new Date().toISOString()} ${randomUUID()}`;

  // The editor subscribes first.
  const editor = makeClient({ token: EDITOR_TOKEN });
  let onEvent;
  const received = new Promise((resolve, reject) => { onEvent = { resolve, reject }; });
  const events = [];
  const subscription = editor.client.subscription(FEEDBACK_SUBMITTED, {}).subscribe((result) => {
    if (result.error) {
      onEvent.reject(new Error(`feedbackSubmitted: ${JSON.stringify(result.error.graphQLErrors ?? result.error.message)}`));
      return;
    }
    const feedback = result.data?.feedbackSubmitted;
    events.push(feedback);
    if (feedback?.message === message) onEvent.resolve(feedback);
  });
  received.catch(() => {}); // handled below; keeps an early rejection from being reported as unhandled
  try {
    await withTimeout(editor.connected, WAIT_MS, 'the editor socket to be acknowledged');
    await delay(500); // let the server register the subscription before the feedback is sent

    // A reader (no token) sends feedback on the article.
    const result = await reader.client
      .mutation(SUBMIT_FEEDBACK, { input: { articleId: article.id, message, rating: 5 } })
      .toPromise();
    assertNoError(result, 'submitFeedback');
    const payload = result.data.submitFeedback;
    assert.ok(payload.errors == null || payload.errors.length === 0, `submitFeedback errors: ${JSON.stringify(payload.errors)}`);
    assert.equal(payload.thankYouMessage, 'Thanks for your feedback!');
    assert.equal(payload.feedback?.message, message);

    // ...and the editor is told.
    const event = await withTimeout(received, WAIT_MS,
      () => `feedbackSubmitted with "${message}"; received instead: ${JSON.stringify(events)}`);
    assert.equal(event.message, message);
    assert.equal(event.rating, 5);
    assert.equal(event.article?.slug, SEED_SLUG);
    assert.equal(typeof event.id, 'string');
    if (payload.feedback?.id) assert.equal(event.id, payload.feedback.id);
  } finally {
    subscription.unsubscribe();
  }
});

test('authorization over the socket: an anonymous feedbackSubmitted subscription is refused', async () => {
  const anonymous = makeClient();
  let subscription;
  const first = new Promise((resolve) => {
    subscription = anonymous.client.subscription(FEEDBACK_SUBMITTED, {}).subscribe(resolve);
  });
  try {
    const result = await withTimeout(first, WAIT_MS, 'an answer to the anonymous subscription');
    assert.ok(result.error, `no error; got ${JSON.stringify(result.data)}`);
    assert.equal(result.data?.feedbackSubmitted ?? null, null, 'anonymous client got feedback');
    const codes = (result.error.graphQLErrors ?? []).map((e) => e.extensions?.code);
    assert.ok(codes.includes('AUTH_NOT_AUTHENTICATED'), `error codes ${JSON.stringify(codes)}: ${result.error.message}`);
  } finally {
    subscription?.unsubscribe();
  }
});

test('trusted documents: the front page by its id, as a CDN-friendly GET', async () => {
  // The server knows operations/ as trusted documents (`documents add tests/frontend/operations`).
  const id = createHash('sha256').update(operationText('FrontPage'), 'utf8').digest('hex');
  const variables = JSON.stringify({ section: 'all-news', first: 3 });
  const response = await fetch(`${HTTP_URL}?id=${id}&variables=${encodeURIComponent(variables)}`, {
    headers: { Accept: 'application/graphql-response+json' },
  });
  const body = await response.json();

  assert.equal(response.status, 200, `${JSON.stringify(body)} (were the operations registered with \`documents add\`?)`);
  assert.equal(body.errors, undefined, JSON.stringify(body.errors));
  assert.ok(body.data.articles.nodes.some((a) => a.slug === SEED_SLUG), JSON.stringify(body.data));
});
