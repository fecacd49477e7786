// Page sizes and cursors a reader never sends.
import { request } from '../lib/net.mjs';
import { leaks } from '../lib/run.mjs';

const page = (args) => ({ query: `{ articles(${args}) { totalCount edges { cursor node { slug } } pageInfo { hasNextPage endCursor } } }` });
const b64 = (s) => Buffer.from(s).toString('base64');
const PAGE_SIZE = ['HC0051'];
const CURSOR = ['HC0078'];

export default [
  { name: 'first: 100000', post: page('first: 100000'), expect: { status: [200, 400], code: [...PAGE_SIZE, 'HC0047'] } },
  { name: 'first: -1', post: page('first: -1'), expect: { status: [200, 400], code: ['HC0079'] } },
  { name: 'last: 100000', post: page('last: 100000'), expect: { status: [200, 400], code: [...PAGE_SIZE, 'HC0047'] } },
  { name: 'last: -2147483648', post: page('last: -2147483648'), expect: { status: [200, 400], code: ['HC0079'] } },
  { name: 'first: 2147483647 in a variable', post: { query: 'query($n: Int) { articles(first: $n) { totalCount } }', variables: { n: 2147483647 } }, expect: { status: [200, 400], code: [...PAGE_SIZE, 'HC0047'] } },
  { name: 'first and last together', post: page('first: 5, last: 5'), expect: { status: [200, 400], code: ['HC0082'] } },
  { name: 'moreFromSection(first: 100000)', post: (ctx) => ({ query: `{ article(slug: "${ctx.slug}") { moreFromSection(first: 100000) { id } } }` }), expect: { status: [200, 400], code: [...PAGE_SIZE, 'HC0047'] } },
  { name: 'moreFromSection(first: -5)', post: (ctx) => ({ query: `{ article(slug: "${ctx.slug}") { moreFromSection(first: -5) { id } } }` }), expect: { status: [200, 400], code: ['HC0079'] } },
  { name: 'cursor that is not base64', post: page('first: 5, after: "%%%not-a-cursor%%%"'), expect: { status: 200, code: CURSOR } },
  { name: 'cursor of base64 garbage', post: page(`first: 5, after: "${b64('\u0000\u00ff garbage \u0001')}"`), expect: { status: 200, code: CURSOR } },
  { name: 'cursor holding SQL', post: page(`first: 5, after: "${b64("1' OR 1=1; --")}"`), expect: { status: 200, code: CURSOR } },
  { name: 'cursor of 100 KB', post: page(`first: 5, before: "${b64('x'.repeat(75_000))}"`), expect: { status: 200, code: CURSOR } },
  {
    name: 'cursor of another connection (people) on articles',
    async run(ctx, problems) {
      const post = (body) => request(ctx.url, { headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' }, body: JSON.stringify(body) });
      const people = JSON.parse((await post({ query: '{ people(first: 1) { edges { cursor } } }' })).body);
      const cursor = people.data?.people?.edges?.[0]?.cursor;
      if (!cursor) return void problems.push(`no cursor: ${JSON.stringify(people)}`);
      const answer = await post({ query: 'query($c: String) { articles(first: 2, after: $c) { edges { node { slug } } } }', variables: { c: cursor } });
      problems.push(...leaks(answer.body));
      const codes = (JSON.parse(answer.body).errors ?? []).map((e) => e.extensions?.code);
      if (answer.status !== 200 || !codes.includes('HC0078')) problems.push(`HTTP ${answer.status} ${answer.body.slice(0, 200)}, expected HC0078`);
      return `${answer.status} ${codes.join(',')}`;
    },
  },
  {
    // A real cursor, then the same cursor with one character changed in each position class.
    name: 'tampered cursors: every byte of a real one changed in turn',
    within: 8000,
    async run(ctx, problems) {
      const post = (body) => request(ctx.url, { headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json' }, body: JSON.stringify(body) });
      const first = JSON.parse((await post({ query: '{ articles(first: 1, order: [{ publishedAt: DESC }]) { edges { cursor } } }' })).body);
      const cursor = first.data?.articles?.edges?.[0]?.cursor;
      if (!cursor) return void problems.push(`no cursor: ${JSON.stringify(first)}`);
      const raw = Buffer.from(cursor, 'base64');
      const codes = new Set();
      for (let i = 0; i < raw.length; i++) {
        const bent = Buffer.from(raw);
        bent[i] ^= 0x5a;
        const answer = await post({ query: 'query($c: String) { articles(first: 2, after: $c, order: [{ publishedAt: DESC }]) { edges { node { slug } } } }', variables: { c: bent.toString('base64') } });
        if (answer.status >= 500) problems.push(`byte ${i}: HTTP ${answer.status}`);
        problems.push(...leaks(answer.body));
        const json = JSON.parse(answer.body);
        for (const e of json.errors ?? []) {
          if (!e.extensions?.code) problems.push(`byte ${i}: error without code`);
          codes.add(e.extensions?.code);
        }
        if (!json.errors && !json.data?.articles) problems.push(`byte ${i}: neither data nor errors`);
      }
      return `${raw.length} cursors, codes ${[...codes].join(',') || 'none'}`;
    },
  },
].map((c) => ({ area: 'paging', ...c }));
