#!/usr/bin/env node
// The hostile corpus: requests meant to hurt a GraphQL server, sent one at a time to a running
// NewsGraph. Each case must be answered within its bound with a coded error or correct data, no
// 5xx, no stack trace or type name in what comes back, and `{ __typename }` must be answered
// within 1 s after it.
//
//   node hostile.mjs URL [--area AREA] [--only TEXT] [--list]
//
// URL is the GraphQL endpoint (http://127.0.0.1:5080/graphql; or $NEWSGRAPH_URL, for `npm test`). Prints one line per case and
// "N passed, M failed"; exits 1 when any case failed. The cases are in cases/, one module per area.
import { cases } from './cases/index.mjs';
import { runCase, healthy, context } from './lib/run.mjs';

const args = process.argv.slice(2);
const option = (name) => { const i = args.indexOf(name); return i >= 0 ? args.splice(i, 2)[1] : undefined; };
const area = option('--area');
const only = option('--only');
const list = args.includes('--list');
const url = args.find((a) => !a.startsWith('--')) ?? process.env.NEWSGRAPH_URL;

const selected = cases.filter((c) => (!area || c.area === area) && (!only || c.name.includes(only)));
if (list) {
  const byArea = new Map();
  for (const c of selected) byArea.set(c.area, (byArea.get(c.area) ?? 0) + 1);
  for (const [name, count] of byArea) console.log(`${name}: ${count}`);
  console.log(`${selected.length} cases`);
  process.exit(0);
}
if (!url) {
  console.error('usage: node hostile.mjs URL [--area AREA] [--only TEXT] [--list]');
  process.exit(2);
}
if (!/^http:\/\/(127\.|localhost[:/]|\[::1\])/.test(url)) {
  console.error(`refusing a target that is not on this machine: ${url}`);
  process.exit(2);
}

const ctx = await context(url);
let passed = 0;
let failed = 0;
const width = Math.max(...selected.map((c) => c.area.length));
for (const c of selected) {
  const result = await runCase(c, ctx);
  const health = await healthy(ctx);
  if (health) result.problems.push(health);
  const ok = result.problems.length === 0;
  if (ok) passed++;
  else failed++;
  const line = `${ok ? 'ok  ' : 'FAIL'} ${c.area.padEnd(width)}  ${c.name} (${Math.round(result.ms)} ms: ${result.summary})`;
  const problems = result.problems.map((p) => p.replace(/\s+/g, ' ').slice(0, 300));
  console.log(ok ? line : `${line}\n       ${problems.join('\n       ')}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
