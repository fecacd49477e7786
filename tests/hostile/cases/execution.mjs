// Valid documents that ask for too much or for what the caller may not see; the seed story's page
// must still come back whole.
const ids = (n, make) => Array.from({ length: n }, (_, i) => make(i));
const b64 = (s) => Buffer.from(s).toString('base64');

export default [
  {
    name: 'the seed story, as the article page asks for it',
    post: (ctx) => ({ query: 'query($slug: String!) { article(slug: $slug) { headline section { name } authors { name } paragraphs } }', variables: { slug: ctx.slug } }),
    expect: { status: 200, noErrors: true, data: (d, _, ctx) => d.article.headline === ctx.headline && d.article.paragraphs.length > 0 },
  },
  { name: 'slug of 200 KB in a variable', post: { query: 'query($s: String!) { article(slug: $s) { id } }', variables: { s: 'x'.repeat(200_000) } }, expect: { status: 200, code: 'ARTICLE_NOT_FOUND', data: (d) => d.article === null } },
  { name: 'slug with SQL in it', post: { query: 'query($s: String!) { article(slug: $s) { id } }', variables: { s: "x' OR '1'='1" } }, expect: { status: 200, code: 'ARTICLE_NOT_FOUND', data: (d) => d.article === null } },
  { name: 'nodes() with 51 IDs (over the batch limit)', post: (ctx) => ({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: ids(51, () => ctx.articleId) } }), expect: { status: [200, 400], code: 'HC0076' } },
  { name: 'nodes() with 10,000 IDs', post: (ctx) => ({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: ids(10_000, () => ctx.articleId) } }), expect: { status: [200, 400], code: 'HC0076' } },
  { name: 'nodes() with 50 garbage IDs', post: { query: 'query($ids: [ID!]!) { nodes(ids: $ids) { id } }', variables: { ids: ids(50, (i) => `garbage-${i}`) } }, expect: { status: 200, code: 'NODE_ID_INVALID', data: (d) => d.nodes.length === 50 && d.nodes.every((n) => n === null) } },
  { name: 'editors-only list as anonymous', post: { query: '{ feedback(first: 50) { totalCount nodes { message contactEmail } } }' }, expect: { status: 200, code: ['AUTH_NOT_AUTHENTICATED', 'AUTH_NOT_AUTHORIZED'], data: (d) => d === null || d.feedback === null } },
  { name: 'editor notes of the seed story as anonymous', post: (ctx) => ({ query: `{ article(slug: "${ctx.slug}") { headline editorNotes revisions { editor } } }` }), expect: { status: 200, data: (d) => d.article.headline.length > 0 && d.article.editorNotes === null && d.article.revisions === null } },
  { name: 'delete a story as anonymous', post: (ctx) => ({ query: 'mutation($id: ID!) { deleteArticle(input: { id: $id, version: 1 }) { article { id } } }', variables: { id: ctx.articleId } }), expect: { status: [200, 401], code: ['AUTH_NOT_AUTHENTICATED', 'AUTH_NOT_AUTHORIZED'] } },
  {
    // The honeypot comes before the rate limit, so this costs the machine's reader nothing.
    name: 'feedback from a bot (honeypot filled): thanked, nothing stored',
    post: { query: 'mutation { submitFeedback(input: { message: "Buy cheap watches", website: "http://spam.example" }) { thankYouMessage feedback { id } } }' },
    expect: { status: 200, noErrors: true, data: (d) => typeof d.submitFeedback.thankYouMessage === 'string' && d.submitFeedback.feedback === null },
  },
  { name: 'feedback with a 200 KB message (refused)', post: { query: 'mutation($m: String!) { submitFeedback(input: { message: $m }) { feedback { id } errors { ... on InvalidInputError { code field } ... on RateLimitedError { code } } } }', variables: { m: 'spam '.repeat(40_000) } }, expect: { status: 200, data: (d) => d.submitFeedback.feedback === null && ['INVALID_INPUT', 'RATE_LIMITED'].includes(d.submitFeedback.errors[0].code) } },
  { name: 'the same field under 1,000 aliases of the seed story', post: (ctx) => ({ query: `{ ${ids(1000, (i) => `a${i}: article(slug: "${ctx.slug}") { id }`).join(' ')} }` }), within: 3000, expect: { status: 400, code: ['HC0047', 'HC0107'] } },
  { name: 'person with an article\'s ID', post: (ctx) => ({ query: 'query($id: ID!) { person(id: $id) { name } }', variables: { id: ctx.articleId } }), expect: { status: 200, code: ['NODE_ID_INVALID', 'PERSON_NOT_FOUND'], data: (d) => d.person === null } },
  { name: 'DateTime filter that is not a date', post: { query: '{ articles(where: { publishedAt: { gt: "yesterday; DROP TABLE Articles" } }) { totalCount } }' }, expect: { status: 400, code: ['ARGUMENTS_OF_CORRECT_TYPE', 'INVALID_VALUE'] } },
  { name: 'DateTime filter in the year 99999', post: { query: 'query($t: DateTime) { articles(where: { publishedAt: { gt: $t } }) { totalCount } }', variables: { t: '99999-12-31T00:00:00Z' } }, expect: { status: 400, code: 'INVALID_VALUE' } },
  { name: 'DateTime filter at the smallest offset date', post: { query: 'query($t: DateTime) { articles(where: { publishedAt: { gt: $t } }) { totalCount } }', variables: { t: '0001-01-01T00:00:00+14:00' } }, expect: { status: [200, 400], code: 'INVALID_VALUE' } },
  { name: 'Date filter of an impossible day', post: { query: '{ images(where: { takenOn: { eq: "2024-02-30" } }) { totalCount } }' }, expect: { status: 400, code: ['ARGUMENTS_OF_CORRECT_TYPE', 'INVALID_VALUE'] } },
  { name: 'articleUpdated with a person\'s ID over plain POST', post: (ctx) => ({ query: 'subscription($id: ID!) { articleUpdated(id: $id) { kind } }', variables: { id: ctx.personId } }), expect: { status: [400, 405] } },
  { name: 'ID of 100 KB', post: { query: 'query($id: ID!) { node(id: $id) { id } }', variables: { id: b64('Article:1'.padEnd(75_000, '0')) } }, expect: { status: 200, code: 'NODE_ID_INVALID', data: (d) => d.node === null } },
].map((c) => ({ area: 'execution', ...c }));
