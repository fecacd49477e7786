// Global IDs: every form Hot Chocolate accepts names exactly one node; anything else names none,
// with NODE_ID_INVALID, and never another story.
const b64 = (s) => Buffer.from(s, 'latin1').toString('base64');
const NODE = 'query($id: ID!) { node(id: $id) { __typename id } }';

/** node(id:) with the ID `make(ctx)` must be null with NODE_ID_INVALID. */
const invalid = (name, make) => ({
  name,
  post: (ctx) => ({ query: NODE, variables: { id: make(ctx) } }),
  expect: { status: 200, code: 'NODE_ID_INVALID', data: (d) => d.node === null },
});

/** node(id:) with the ID `make(ctx)` must be the story itself. */
const found = (name, make) => ({
  name,
  post: (ctx) => ({ query: NODE, variables: { id: make(ctx) } }),
  expect: { status: 200, noErrors: true, data: (d, _, ctx) => d.node?.__typename === 'Article' && d.node.id === ctx.articleId },
});

export default [
  found('the story\'s own ID (control)', (c) => c.articleId),
  found('legacy Hot Chocolate form with the i tag', (c) => b64(`Article\ni${c.articleKey}`)),
  found('URL-safe base64 without padding', (c) => c.articleId.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_')),
  invalid('legacy form with an unknown tag', (c) => b64(`Article\nx${c.articleKey}`)),
  invalid('legacy form with the key followed by garbage', (c) => b64(`Article\ni${c.articleKey}abc`)),
  invalid('not base64', () => '!!!!not*base64!!!!'),
  invalid('base64 of binary garbage', () => Buffer.from([0xff, 0xfe, 0x00, 0x13, 0x37, 0x80]).toString('base64')),
  invalid('base64 with non-zero padding bits', (c) => { const id = c.articleId.replace(/=+$/, ''); const last = id.at(-1); const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'; return id.slice(0, -1) + alphabet[alphabet.indexOf(last) ^ 1]; }),
  invalid('a type that does not exist', () => b64('Secret:1')),
  invalid('the type name in lower case', (c) => b64(`article:${c.articleKey}`)),
  invalid('a key of 40 digits (overflow)', () => b64(`Article:${'9'.repeat(40)}`)),
  invalid('a key of 2^63', () => b64('Article:9223372036854775808')),
  invalid('a negative key', () => b64('Article:-1')),
  invalid('a key with a leading zero', (c) => b64(`Article:0${c.articleKey}`)),
  invalid('a key with a plus sign', (c) => b64(`Article:+${c.articleKey}`)),
  invalid('a key followed by a space', (c) => b64(`Article:${c.articleKey} `)),
  invalid('a key with SQL after it', (c) => b64(`Article:${c.articleKey} OR 1=1`)),
  invalid('no key', () => b64('Article:')),
  invalid('an empty ID', () => ''),
  { name: 'an Int literal as the ID', post: { query: '{ node(id: 1) { id } }' }, expect: { status: 200, code: 'NODE_ID_INVALID', data: (d) => d.node === null } },
  { name: 'a person\'s ID in an article filter', post: (ctx) => ({ query: 'query($id: ID) { articles(where: { id: { eq: $id } }) { totalCount } }', variables: { id: ctx.personId } }), expect: { status: 200, code: 'NODE_ID_INVALID' } },
  { name: 'nodes() with valid, foreign and broken IDs mixed', post: (ctx) => ({ query: 'query($ids: [ID!]!) { nodes(ids: $ids) { __typename } }', variables: { ids: [ctx.articleId, b64(`Article\nx${ctx.articleKey}`), 'garbage', ctx.personId] } }), expect: { status: 200, code: 'NODE_ID_INVALID', data: (d) => d.nodes[0]?.__typename === 'Article' && d.nodes[1] === null && d.nodes[2] === null && d.nodes[3]?.__typename === 'Person' } },
].map((c) => ({ area: 'ids', ...c }));
