// Documents that parse but would cost without end to validate or run: fragment explosions, deep
// selections, introspection abuse, costly lists, and every kind of type confusion.

/** `count` fragments on `type`, each spreading the next twice (`spread` gives the two spreads). */
function fragmentBomb(count, { type = 'Query', root = '{ ...F0 }', leaf = '__typename', spread = (next) => `...${next} ...${next}` } = {}) {
  const fragments = Array.from({ length: count }, (_, i) =>
    `fragment F${i} on ${type} { ${i + 1 < count ? spread(`F${i + 1}`) : leaf} }`);
  return `${root}\n${fragments.join('\n')}`;
}

/** `moreFromSection { ... }` nested `depth` times under the seed story. */
const deepArticle = (slug, depth) => `{ article(slug: "${slug}") { ${'moreFromSection(first: 1) { '.repeat(depth)}id${' }'.repeat(depth)} } }`;

const FRAGMENTS = ['MAX_FRAGMENT_VISITS_EXCEEDED'];

export default [
  { name: 'fragment explosion: 30 fragments each spreading the next twice', post: { query: fragmentBomb(30) }, expect: { status: 400, code: FRAGMENTS } },
  { name: 'fragment explosion: 200 fragments', post: { query: fragmentBomb(200) }, expect: { status: 400, code: FRAGMENTS } },
  { name: 'fragment explosion with aliased fields', post: { query: fragmentBomb(30, { spread: (n) => `a: __typename b: __typename ...${n} ...${n}` }) }, expect: { status: 400, code: FRAGMENTS } },
  { name: 'fragment explosion through inline fragments', post: { query: fragmentBomb(30, { spread: (n) => `... on Query { ...${n} } ... @include(if: true) { ...${n} }` }) }, expect: { status: 400, code: FRAGMENTS } },
  { name: 'fragment explosion ten times wide', post: { query: fragmentBomb(12, { spread: (n) => Array(10).fill(`...${n}`).join(' ') }) }, expect: { status: 400, code: FRAGMENTS } },
  { name: 'fragment explosion over introspection types', post: { query: fragmentBomb(30, { type: '__Type', root: '{ __schema { types { ...F0 } } }', leaf: 'name', spread: (n) => `name ...${n} ofType { ...${n} }` }) }, expect: { status: 400, code: [...FRAGMENTS, 'HC0107', 'MAX_DEPTH_EXCEEDED', 'HC0086'] } },
  { name: 'fragment explosion on articles', post: { query: fragmentBomb(30, { type: 'Article', root: '{ articles(first: 1) { nodes { ...F0 } } }', leaf: 'headline', spread: (n) => `headline ...${n} ...${n}` }) }, expect: { status: 400, code: FRAGMENTS } },
  { name: 'chain of 3,000 fragments', post: { query: fragmentBomb(3000, { spread: (n) => `...${n}` }) }, within: 3000, expect: { status: 400, code: FRAGMENTS } },
  { name: 'fragment that spreads itself', post: { query: '{ ...F } fragment F on Query { __typename ...F }' }, expect: { status: 400, code: ['NO_FRAGMENT_CYCLES'] } },
  { name: 'cycle through 500 fragments', post: { query: `{ ...F0 } ${Array.from({ length: 500 }, (_, i) => `fragment F${i} on Query { ...F${(i + 1) % 500} }`).join(' ')}` }, expect: { status: 400, code: ['NO_FRAGMENT_CYCLES', ...FRAGMENTS] } },
  { name: 'a field repeated 2,000 times (merge comparisons)', post: { query: `{ ${'__typename '.repeat(2000)}}` }, expect: { status: [200, 400], code: ['HC0107'] } },
  { name: '1,000 same-named fields with different arguments', post: { query: `{ ${Array.from({ length: 1000 }, (_, i) => `article(slug: "s${i}") { id }`).join(' ')} }` }, within: 3000, expect: { status: 400, code: ['HC0107', 'FIELDS_IN_SET_CAN_MERGE', 'HC0047'] } },
  { name: '100 aliases of __schema', post: { query: `{ ${Array.from({ length: 100 }, (_, i) => `s${i}: __schema { queryType { name } }`).join(' ')} }` }, expect: { status: 400, code: ['MAX_INTROSPECTION_FIELDS_EXCEEDED', 'HC0046'] } },
  { name: 'ofType nested 40 deep', post: { query: `{ __type(name: "Query") { ${'ofType { '.repeat(40)}name${' }'.repeat(40)} } }` }, expect: { status: 400, code: ['HC0086', 'MAX_DEPTH_EXCEEDED', 'HC0046'] } },
  { name: 'introspection fields under fields under fields', post: { query: '{ __schema { types { fields { type { fields { type { fields { name } } } } } } } }' }, expect: { status: 400, code: ['HC0086', 'HC0046'] } },
  { name: 'selection 30 deep (moreFromSection)', post: (ctx) => ({ query: deepArticle(ctx.slug, 30) }), expect: { status: 400, code: ['MAX_DEPTH_EXCEEDED', 'HC0087'] } },
  { name: 'selection 15 deep through people and articles', post: { query: `{ people(first: 1) { nodes { ${'articles(first: 1) { nodes { authors { '.repeat(5)}name${' } } }'.repeat(5)} } } }` }, expect: { status: 400, code: ['MAX_DEPTH_EXCEEDED', 'HC0087', 'HC0047'] } },
  { name: 'nested lists of 50 (cost)', post: { query: '{ articles(first: 50) { nodes { moreFromSection(first: 50) { authors { articles(first: 50) { nodes { headline } } } } } } }' }, expect: { status: 400, code: ['HC0047'] } },
  { name: 'totalCount under 50 people', post: { query: '{ people(first: 50) { nodes { articles(first: 50) { totalCount nodes { images { caption } quotes { text } } } } } }' }, expect: { status: 400, code: ['HC0047'] } },
  { name: 'cost check only (GraphQL-Cost: validate) of a costly query', post: { query: '{ articles(first: 50) { nodes { moreFromSection(first: 50) { headline } } } }' }, headers: { 'GraphQL-Cost': 'validate' }, expect: { status: [200, 400] } },
  { name: 'unknown field', post: { query: '{ passwords { hash } }' }, expect: { status: 400, code: 'FIELDS_ON_CORRECT_TYPE' } },
  { name: 'unknown argument', post: { query: '{ articles(limit: 1000000) { totalCount } }' }, expect: { status: 400, code: 'KNOWN_ARGUMENT_NAMES' } },
  { name: 'unknown directive', post: { query: '{ __typename @sql(q: "DROP TABLE Articles") }' }, expect: { status: 400, code: 'KNOWN_DIRECTIVES' } },
  { name: 'variable of the wrong type (Int for a String!)', post: { query: 'query($s: Int) { article(slug: $s) { id } }', variables: { s: 1 } }, expect: { status: 400, code: 'VARIABLES_IN_ALLOWED_POSITION' } },
  { name: 'variable value an object where a String! is wanted', post: (ctx) => ({ query: 'query($s: String!) { article(slug: $s) { id } }', variables: { s: { slug: ctx.slug } } }), expect: { status: 400, code: 'INVALID_VALUE' } },
  { name: 'variable value a list where an Int is wanted', post: { query: 'query($n: Int) { articles(first: $n) { totalCount } }', variables: { n: [1, 2] } }, expect: { status: 400, code: 'INVALID_VALUE' } },
  { name: 'Int variable of 2^53', post: { query: 'query($n: Int) { articles(first: $n) { totalCount } }', variables: { n: 2 ** 53 } }, expect: { status: 400, code: 'INVALID_VALUE' } },
  { name: 'Int variable as a string', post: { query: 'query($n: Int) { articles(first: $n) { totalCount } }', variables: { n: '10' } }, expect: { status: 400, code: 'INVALID_VALUE' } },
  { name: 'Int variable of 1e308', post: '{"query":"query($n: Int) { articles(first: $n) { totalCount } }","variables":{"n":1e308}}', expect: { status: 400, code: 'INVALID_VALUE' } },
  { name: 'variable used but not declared', post: { query: '{ article(slug: $s) { id } }', variables: { s: 'x' } }, expect: { status: 400, code: 'NO_UNDEFINED_VARIABLES' } },
  { name: 'non-null variable sent as null', post: { query: 'query($s: String!) { article(slug: $s) { id } }', variables: { s: null } }, expect: { status: 400, code: 'INVALID_VALUE' } },
  { name: 'enum variable with an unknown value', post: { query: 'query($o: SortEnumType) { articles(order: [{ publishedAt: $o }]) { totalCount } }', variables: { o: 'RANDOM()' } }, expect: { status: 400, code: 'INVALID_VALUE' } },
  { name: 'input object variable with an unknown field', post: { query: 'query($w: ArticleFilterInput) { articles(where: $w) { totalCount } }', variables: { w: { sql: '1=1' } } }, expect: { status: 400, code: 'INVALID_VALUE' } },
  { name: 'mutation over GET', get: { query: 'mutation { submitFeedback(input: { message: "via GET" }) { thankYouMessage } }' }, expect: { status: 405, code: 'OPERATION_NOT_ALLOWED' } },
  { name: 'mutation chosen by operationName over GET', get: { query: 'query Q { __typename } mutation M { submitFeedback(input: { message: "via GET" }) { thankYouMessage } }', operationName: 'M' }, expect: { status: 405, code: 'OPERATION_NOT_ALLOWED' } },
  { name: 'subscription over plain POST', post: { query: 'subscription { articlePublished { headline } }' }, expect: { status: [400, 405] } },
  { name: 'mutation of an editor as anonymous', post: { query: 'mutation { createArticle(input: { headline: "Hostile", paragraphs: ["x"] }) { article { id } } }' }, expect: { status: [200, 401], code: ['AUTH_NOT_AUTHENTICATED', 'AUTH_NOT_AUTHORIZED'] } },
  { name: 'feedback input with wrongly typed fields', post: { query: 'mutation { submitFeedback(input: { message: 42, rating: "five" }) { thankYouMessage } }' }, expect: { status: 400, code: ['ARGUMENTS_OF_CORRECT_TYPE', 'INVALID_VALUE'] } },
  { name: 'feedback rating of 2^31', post: { query: 'mutation { submitFeedback(input: { message: "x", rating: 2147483648 }) { thankYouMessage } }' }, expect: { status: 400, code: ['ARGUMENTS_OF_CORRECT_TYPE', 'INVALID_VALUE'] } },
].map((c) => ({ area: 'validation', ...c }));
