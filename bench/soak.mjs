#!/usr/bin/env node
// The traffic of bench/soak.sh: varied reads, feedback writes and live subscriptions at a steady
// rate for the whole run, and the hostile corpus (tests/hostile) replayed at a low rate in every
// other window, so the normal traffic's latency is measured with and without it under the same
// background. Samples the server's resident memory, counts 5xx, and checks afterwards that every
// feedback the server acknowledged is stored. Prints a report and exits 1 when a goal is missed.
//
//   node bench/soak.mjs --url URL --pid PID --token EDITOR_TOKEN --bodies DIR [--minutes 10] [--warmup 30]
//        [--rate 120] [--window 20] [--hostile-every 1] [--subscribers 20] [--publish-every 15]
//
// The warm-up (JIT, caches) carries the normal traffic and is not measured; MINUTES are measured
// after it.
//
// DIR holds front.ndjson, article.ndjson and search.ndjson (request bodies, one per line, from
// ../shared/tools/peers/varied/make-bodies.py) and feedback.json (the submitFeedback request).
import http from 'node:http';
import { readFileSync } from 'node:fs';
import { setTimeout as delay } from 'node:timers/promises';
import { cases } from '../tests/hostile/cases/index.mjs';
import { runCase, context } from '../tests/hostile/lib/run.mjs';
import { WebSocket } from '../tests/hostile/lib/net.mjs';

const args = process.argv.slice(2);
const arg = (name, fallback) => { const i = args.indexOf(`--${name}`); return i >= 0 ? args[i + 1] : fallback; };
const url = arg('url');
const pid = Number(arg('pid'));
const token = arg('token');
const bodies = arg('bodies');
const minutes = Number(arg('minutes', 10));
const warmup = Number(arg('warmup', 30));
const rate = Number(arg('rate', 120));                 // normal requests a second, sent on a fixed schedule
const windowSeconds = Number(arg('window', 20));       // windows alternate: without, then with hostile requests
const hostileEvery = Number(arg('hostile-every', 1));  // seconds between two hostile cases
const subscriberCount = Number(arg('subscribers', 20));
const publishEvery = Number(arg('publish-every', 15)); // seconds between two stories published by an editor
if (!url || !pid || !token || !bodies) {
  console.error('usage: node bench/soak.mjs --url URL --pid PID --token EDITOR_TOKEN --bodies DIR [--minutes 10] ...');
  process.exit(2);
}
if (!/^http:\/\/(127\.|localhost[:/]|\[::1\])/.test(url)) {
  console.error(`refusing a target that is not on this machine: ${url}`);
  process.exit(2);
}

const lines = (file) => readFileSync(`${bodies}/${file}`, 'utf8').split('\n').filter(Boolean);
const reads = [
  { kind: 'front', weight: 3, bodies: lines('front.ndjson') },
  { kind: 'article', weight: 5, bodies: lines('article.ndjson') },
  { kind: 'search', weight: 2, bodies: lines('search.ndjson') },
];
const feedbackTemplate = JSON.parse(readFileSync(`${bodies}/feedback.json`, 'utf8'));
const run = `soak-${Date.now().toString(36)}`;

const agent = new http.Agent({ keepAlive: true, maxSockets: 128 });
function post(body, { auth, timeout = 30_000 } = {}) {
  const started = performance.now();
  return new Promise((resolve) => {
    const headers = { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' };
    if (auth) headers.Authorization = `Bearer ${auth}`;
    const req = http.request(url, { method: 'POST', headers, agent, timeout }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode, text: Buffer.concat(chunks).toString('utf8'), ms: performance.now() - started }));
      res.on('error', (e) => resolve({ status: 0, text: e.message, ms: performance.now() - started }));
    });
    req.on('timeout', () => req.destroy(new Error('timeout')));
    req.on('error', (e) => resolve({ status: 0, text: e.message, ms: performance.now() - started }));
    req.end(typeof body === 'string' ? body : JSON.stringify(body));
  });
}

// --- what is counted -------------------------------------------------------------------------
const latencies = { quiet: [], hostile: [] };   // normal requests' latencies (ms), by the window they were sent in
const windows = new Map();                      // window number -> { hostile, latencies, others (CPU % of other processes) }
const counts = { sent: 0, ok: 0, errors: 0, failed: 0, fivexx: 0, backlog: 0, byKind: {} };
const feedback = { sent: 0, accepted: 0, refused: 0 };
const hostile = { run: 0, passed: 0, fivexx: 0, failures: new Map(), rises: [] };
const memory = [];                              // { t (s), rss (kB) }
let hostileWindow = false;
let inFlight = 0;

/** The window a request is sent in (null during the warm-up), opened with a snapshot of the machine's CPU use. */
function currentWindow() {
  if (seconds() < 0) return null;
  const n = Math.floor(seconds() / windowSeconds);
  if (!windows.has(n)) windows.set(n, { hostile: n % 2 === 1, latencies: [], cpu: cpuSnapshot() });
  return windows.get(n);
}

function record(kind, answer, sentIn) {
  counts.byKind[kind] = (counts.byKind[kind] ?? 0) + 1;
  if (sentIn) {
    (sentIn.hostile ? latencies.hostile : latencies.quiet).push(answer.ms);
    sentIn.latencies.push(answer.ms);
  }
  if (answer.status >= 500) counts.fivexx++;
  if (answer.status !== 200) { counts.failed++; return null; }
  let json;
  try { json = JSON.parse(answer.text); } catch { counts.failed++; return null; }
  if (json.errors) counts.errors++;
  else counts.ok++;
  return json;
}

let next = 0;
const total = reads.reduce((s, r) => s + r.weight, 0);
function nextRead() {
  let pick = (next++ * 7919) % total;
  const read = reads.find((r) => (pick -= r.weight) < 0);
  read.at = ((read.at ?? Math.floor(Math.random() * read.bodies.length)) + 1) % read.bodies.length;
  return { kind: read.kind, body: read.bodies[read.at] };
}

// One in ten normal requests is a feedback submission with a message of its own.
async function sendOne(n) {
  const sentIn = currentWindow();
  inFlight++;
  counts.sent++;
  try {
    if (n % 10 === 9) {
      feedback.sent++;
      const body = { ...feedbackTemplate, variables: { input: { ...feedbackTemplate.variables.input, message: `${run}-${n}: the chart does not load on mobile.` } } };
      const json = record('feedback', await post(body), sentIn);
      if (json?.data?.submitFeedback?.feedback?.id) feedback.accepted++;
      else feedback.refused++;
    } else {
      const { kind, body } = nextRead();
      record(kind, await post(body), sentIn);
    }
  } finally {
    inFlight--;
  }
}

// --- live subscriptions ----------------------------------------------------------------------
const published = [];
const subscribers = [];
async function subscribe(i) {
  const socket = new WebSocket(url.replace(/^http/, 'ws'), 'graphql-transport-ws');
  const state = { events: new Set(), closed: null };
  socket.on('message', (raw) => {
    const m = JSON.parse(raw.toString());
    if (m.type === 'connection_ack') socket.send(JSON.stringify({ id: `s${i}`, type: 'subscribe', payload: { query: 'subscription { articlePublished { headline } }' } }));
    if (m.type === 'next' && m.payload?.data?.articlePublished) state.events.add(m.payload.data.articlePublished.headline);
  });
  socket.on('close', (code) => { state.closed = code; });
  await new Promise((resolve, reject) => { socket.once('open', resolve); socket.once('error', reject); });
  socket.send(JSON.stringify({ type: 'connection_init', payload: {} }));
  state.socket = socket;
  subscribers.push(state);
}

async function publishStory(n) {
  const headline = `${run} story ${n}`;
  const created = JSON.parse((await post({
    query: 'mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id version } errors { __typename } } }',
    variables: { input: { headline, section: 'World', paragraphs: ['Published by the soak run.'] } },
  }, { auth: token })).text);
  const article = created.data?.createArticle?.article;
  if (!article) return void console.error(`could not create a story: ${JSON.stringify(created).slice(0, 300)}`);
  const done = JSON.parse((await post({
    query: 'mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { status } errors { __typename } } }',
    variables: { input: { id: article.id, version: article.version } },
  }, { auth: token })).text);
  if (done.data?.publishArticle?.article?.status === 'PUBLISHED') published.push(headline);
  else console.error(`could not publish a story: ${JSON.stringify(done).slice(0, 300)}`);
}

// --- the machine -----------------------------------------------------------------------------
// Other tenants of a shared machine set the tail latency as much as the server does: each window
// records the CPU that neither the server nor this driver used (in % of one core).
function cpuSnapshot() {
  const busy = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  let server = 0;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    server = Number(fields[11]) + Number(fields[12]);
  } catch {
    // the server is gone; the report says so elsewhere
  }
  const own = process.cpuUsage();
  return {
    at: performance.now(),
    busy: busy[0] + busy[1] + busy[2] + busy[5] + busy[6] + busy[7],
    server,
    driver: (own.user + own.system) / 10_000, // microseconds to clock ticks (100 a second)
  };
}

function othersPercent(from, to) {
  return ((to.busy - from.busy) - (to.server - from.server) - (to.driver - from.driver)) / ((to.at - from.at) / 1000);
}

function serverPercent(from, to) {
  return (to.server - from.server) / ((to.at - from.at) / 1000);
}

// --- memory ----------------------------------------------------------------------------------
function rss() {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
  } catch {
    return NaN;
  }
}

// --- the run ---------------------------------------------------------------------------------
const ctx = await context(url);
// Not the 10 s connection_init timeout; in an order that visits every area early (a stride through the list).
const replayable = cases.filter((c) => (c.within ?? 2000) <= 5000);
const stride = [97, 89, 83, 79].find((s) => replayable.length % s !== 0);
const replayed = replayable.map((_, i) => replayable[(i * stride) % replayable.length]);
for (let i = 0; i < subscriberCount; i++) await subscribe(i);
await delay(1000);

const begun = performance.now();
const started = begun + warmup * 1000;              // measuring starts after the warm-up
const end = started + minutes * 60_000;
const seconds = () => (performance.now() - started) / 1000;
console.log(`${run}: ${warmup} s warm-up, then ${minutes} min at ${rate} normal requests/s (one in ten a feedback), ${subscriberCount} subscribers, `
  + `a story every ${publishEvery} s, ${windowSeconds} s windows alternating without and with a hostile case every ${hostileEvery} s `
  + `(${replayed.length} cases in turn)`);

const loops = [];
// Normal traffic on a fixed schedule: a request is due every 1/rate s whether or not the last one
// has been answered (up to 256 in flight), so a slow server is not given a rest.
loops.push((async () => {
  let n = 0;
  while (performance.now() < end) {
    hostileWindow = seconds() >= 0 && Math.floor(seconds() / windowSeconds) % 2 === 1;
    const due = begun + (n * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await delay(wait);
    if (inFlight >= 256) { counts.backlog++; n++; continue; }
    sendOne(n++);
  }
})());
loops.push((async () => {
  let i = 0;
  while (performance.now() < end) {
    // Only cases that can end within their window, so the quiet windows stay quiet.
    const left = windowSeconds - (seconds() % windowSeconds);
    if (!hostileWindow || left < 6) { await delay(250); continue; }
    const c = replayed[i++ % replayed.length];
    const before = rss();
    const result = await runCase(c, ctx);
    hostile.rises.push({ name: `${c.area}: ${c.name}`, t: seconds(), mb: (rss() - before) / 1024 });
    hostile.run++;
    if (result.ok) hostile.passed++;
    else hostile.failures.set(c.name, result.problems[0]);
    if (result.problems.some((p) => /^HTTP 5\d\d/.test(p))) hostile.fivexx++;
    await delay(hostileEvery * 1000);
  }
})());
loops.push((async () => {
  let n = 0;
  while (performance.now() < end) {
    await delay(publishEvery * 1000);
    if (performance.now() < end - 5000) await publishStory(n++);
  }
})());
loops.push((async () => {
  while (performance.now() < end) {
    memory.push({ t: seconds(), rss: rss() });
    await delay(5000);
  }
  memory.push({ t: seconds(), rss: rss() });
})());
await Promise.all(loops);
while (inFlight > 0) await delay(100);
await delay(2000); // the last events reach the subscribers

// --- afterwards ------------------------------------------------------------------------------
const stored = JSON.parse((await post({
  query: 'query($p: String!) { feedback(where: { message: { startsWith: $p } }) { totalCount } }', variables: { p: `${run}-` },
}, { auth: token })).text).data?.feedback?.totalCount ?? -1;
for (const s of subscribers) s.socket.close(1000);

const p = (values, q) => {
  if (!values.length) return NaN;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.ceil((q / 100) * sorted.length) - 1)];
};
const ms = (v) => `${v.toFixed(1)} ms`;
const mb = (kb) => `${(kb / 1024).toFixed(0)} MB`;
// Resident memory breathes with the garbage collector (tens of MB between two samples 5 s apart),
// so each figure is the median of a minute of samples (shorter in runs under 4 minutes): the
// minute around the half, then each minute of the second half.
const medianOf = (from, to) => p(memory.filter((m) => m.t >= from && m.t <= to).map((m) => m.rss), 50);
const halfAt = minutes * 30;
const slices = Math.max(1, Math.floor(minutes / 2));
const slice = halfAt / slices;
const half = { rss: medianOf(halfAt - slice / 2, halfAt + slice / 2) };
const minutesAfter = Array.from({ length: slices }, (_, i) => medianOf(halfAt + i * slice, halfAt + (i + 1) * slice)).filter((v) => !Number.isNaN(v));
const raw = memory.filter((m) => m.t >= halfAt).map((m) => m.rss);
const low = Math.min(...minutesAfter);
const high = Math.max(...minutesAfter);
const drift = Math.max(Math.abs(high - half.rss), Math.abs(low - half.rss)) / half.rss;
const p99 = { quiet: p(latencies.quiet, 99), hostile: p(latencies.hostile, 99) };
// Each window's p99 and the CPU others used in it (measured up to the next window's start).
const ordered = [...windows.entries()].sort(([a], [b]) => a - b).map(([, w]) => w);
ordered.forEach((w, i) => {
  const next = ordered[i + 1]?.cpu ?? cpuSnapshot();
  w.p99 = p(w.latencies, 99);
  w.others = othersPercent(w.cpu, next);
  w.server = serverPercent(w.cpu, next);
});
const byKind = (hostileShare) => ordered.filter((w) => w.hostile === hostileShare);
const windowP99 = { quiet: p(byKind(false).map((w) => w.p99), 50), hostile: p(byKind(true).map((w) => w.p99), 50) };
const others = { quiet: p(byKind(false).map((w) => w.others), 50), hostile: p(byKind(true).map((w) => w.others), 50) };
const serverCpu = { quiet: p(byKind(false).map((w) => w.server), 50), hostile: p(byKind(true).map((w) => w.server), 50) };
const delivered = subscribers.reduce((s, x) => s + published.filter((h) => x.events.has(h)).length, 0);
const expected = published.length * subscribers.length;
const fivexx = counts.fivexx + hostile.fivexx;

console.log(`\nnormal requests: ${counts.sent} sent (${Object.entries(counts.byKind).map(([k, v]) => `${k} ${v}`).join(', ')}); `
  + `${counts.ok} answered with data, ${counts.errors} with errors, ${counts.failed} failed, ${counts.backlog} not sent (256 in flight)`);
console.log(`p50 / p99 without hostile requests: ${ms(p(latencies.quiet, 50))} / ${ms(p99.quiet)} (${latencies.quiet.length} requests)`);
console.log(`p50 / p99 with hostile requests:    ${ms(p(latencies.hostile, 50))} / ${ms(p99.hostile)} (${latencies.hostile.length} requests)`);
console.log(`median of the windows' p99: without ${ms(windowP99.quiet)} (${byKind(false).length} windows), with ${ms(windowP99.hostile)} (${byKind(true).length} windows); `
  + `CPU, median of the windows without / with: the server ${serverCpu.quiet.toFixed(0)}% / ${serverCpu.hostile.toFixed(0)}%, `
  + `other processes ${others.quiet.toFixed(0)}% / ${others.hostile.toFixed(0)}% of a core`);
console.log('p99 by window (ms; h = with hostile requests; other processes\' CPU %): '
  + ordered.map((w) => `${w.hostile ? 'h' : ''}${w.p99.toFixed(0)}(${w.others.toFixed(0)}%)`).join(' '));
console.log(`hostile cases: ${hostile.run} replayed, ${hostile.passed} as the corpus expects`
  + (hostile.failures.size ? `; not as expected: ${[...hostile.failures].map(([n, why]) => `${n} (${why.replace(/\s+/g, ' ').slice(0, 120)})`).join('; ')}` : ''));
console.log('largest rises of resident memory during a hostile case: ' + hostile.rises.sort((a, b) => b.mb - a.mb).slice(0, 5)
  .map((r) => `+${r.mb.toFixed(0)} MB at ${(r.t / 60).toFixed(1)} min (${r.name})`).join('; '));
console.log(`subscriptions: ${published.length} stories published, ${delivered} of ${expected} events delivered to ${subscribers.length} subscribers`
  + `${subscribers.some((s) => s.closed !== null && s.closed !== 1000) ? ' (some sockets closed early)' : ''}`);
console.log(`feedback: ${feedback.sent} sent, ${feedback.accepted} acknowledged, ${stored} stored, ${Math.max(0, feedback.accepted - stored)} lost`);
console.log('resident memory (MB) every 30 s, by minute of the run: ' + memory.filter((m, i) => i % 6 === 0 || i === memory.length - 1)
  .map((m) => `${(m.t / 60).toFixed(1)}:${(m.rss / 1024).toFixed(0)}`).join(' '));
console.log(`resident memory at the half ${mb(half.rss)}; minutes of the second half ${minutesAfter.map(mb).join(', ')} (at most ${(drift * 100).toFixed(1)}% from the half); `
  + `single samples of the second half ${mb(Math.min(...raw))}–${mb(Math.max(...raw))}`);

const goals = [
  ['no 5xx', fivexx === 0, `${fivexx} (normal ${counts.fivexx}, hostile ${hostile.fivexx})`],
  ['no lost feedback', stored >= feedback.accepted && feedback.accepted > 0, `${feedback.accepted} acknowledged, ${stored} stored`],
  ['p99 with hostile requests within 1.5x of without (all requests of each kind of window)', p99.hostile <= 1.5 * p99.quiet, `${(p99.hostile / p99.quiet).toFixed(2)}x`],
  ['... and as the median of the windows\' p99', windowP99.hostile <= 1.5 * windowP99.quiet, `${(windowP99.hostile / windowP99.quiet).toFixed(2)}x`],
  ['resident memory in the second half within 10% of the half (medians of a minute)', drift <= 0.10, `${(drift * 100).toFixed(1)}%`],
  ['every subscriber got every story', delivered === expected && expected > 0, `${delivered} of ${expected}`],
];
console.log('');
for (const [name, ok, figure] of goals) console.log(`${ok ? 'ok  ' : 'MISS'} ${name}: ${figure}`);
process.exit(goals.every(([, ok]) => ok) ? 0 : 1);
