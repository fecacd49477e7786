// Server-sent events: a refused document is a JSON 4xx before any stream; a refused subscription
// is `next` with the coded error, then `complete`; many streams dropped at once leave nothing behind.
import { eventStream } from '../lib/net.mjs';

const completed = (events) => events.some((e) => e.event === 'complete');
const fragmentBomb = `subscription { ...F0 } ${Array.from({ length: 30 }, (_, j) => `fragment F${j} on Subscription { ${j < 29 ? `...F${j + 1} ...F${j + 1}` : 'articlePublished { headline }'} }`).join(' ')}`;

export default [
  { name: 'a fragment explosion as a stream', sse: { post: { query: fragmentBomb } }, expect: { status: 400, code: 'MAX_FRAGMENT_VISITS_EXCEEDED' } },
  { name: 'a document that does not parse', sse: { post: { query: 'subscription { articlePublished { ' } }, expect: { status: 400, code: 'SYNTAX_ERROR' } },
  { name: 'body that is not JSON', sse: { post: '{"query": ' }, expect: { status: 400, code: 'JSON_INVALID' } },
  { name: 'articleUpdated with a garbage ID', sse: { post: { query: 'subscription { articleUpdated(id: "garbage") { kind } }' }, until: completed }, expect: { status: [200, 400], code: 'NODE_ID_INVALID', events: (e) => e.length === 0 || completed(e) } },
  { name: 'articleUpdated with a person\'s ID', sse: { post: (ctx) => ({ query: 'subscription($id: ID!) { articleUpdated(id: $id) { kind } }', variables: { id: ctx.personId } }), until: completed }, expect: { status: [200, 400], code: ['NODE_ID_INVALID', 'ARTICLE_NOT_FOUND'] } },
  { name: 'articlePublished in a section that does not exist', sse: { post: { query: 'subscription { articlePublished(section: "%_[nope]") { headline } }' }, until: completed }, expect: { status: 200, code: 'SECTION_NOT_FOUND', events: completed } },
  { name: 'feedbackSubmitted as anonymous', sse: { post: { query: 'subscription { feedbackSubmitted { message } }' }, until: completed }, expect: { status: [200, 401], code: ['AUTH_NOT_AUTHENTICATED', 'AUTH_NOT_AUTHORIZED'] } },
  { name: 'a mutation asked for as a stream over GET', sse: { get: { query: 'mutation { submitFeedback(input: { message: "via GET" }) { thankYouMessage } }' } }, expect: { status: 405, code: 'OPERATION_NOT_ALLOWED' } },
  { name: 'a query asked for as a stream', sse: { post: (ctx) => ({ query: `{ article(slug: "${ctx.slug}") { headline } }` }), until: completed }, expect: { status: 200, events: (e) => e.length === 2 && JSON.parse(e[0].data).data.article.headline.length > 0 && completed(e) } },
  { name: 'a subscription held open for 1 s, then dropped', sse: { post: { query: 'subscription { articlePublished { headline } }' }, hold: 1000 }, expect: { status: 200, events: (e) => e.length === 0 } },
  {
    name: '300 streams opened at once, then dropped',
    within: 8000,
    async run(ctx, problems) {
      const streams = await Promise.allSettled(Array.from({ length: 300 }, () => eventStream(ctx.url, {
        body: JSON.stringify({ query: 'subscription { articlePublished { headline } }' }), timeout: 1500,
      })));
      const failed = streams.filter((s) => s.status === 'rejected' || s.value.status !== 200);
      if (failed.length) problems.push(`${failed.length} of 300 streams failed: ${failed[0].reason?.message ?? failed[0].value?.status}`);
      return `${300 - failed.length} streams opened and dropped`;
    },
  },
].map((c) => ({ area: 'sse', within: 2000, ...c }));
