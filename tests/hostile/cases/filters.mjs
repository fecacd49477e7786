// Filters: LIKE and GLOB wildcards, escapes and full-text syntax must match literally; huge `in`
// lists and nested and/or/not must be answered, right, within the bound. Every case narrows to one
// story (the seed story, or the newest one on another database) by its slug, so the right count is
// known: 1 when the text is in its headline, 0 when a wildcard would have been needed to match.

/** Articles with the context's slug whose `field` passes `{ op: value }`; expects `count` of them. */
function match(name, op, value, count, field = 'headline') {
  return {
    name,
    post: (ctx) => ({
      query: `query($slug: String!, $v: String) { articles(where: { slug: { eq: $slug }, and: [{ ${field}: { ${op}: $v } }] }) { totalCount } }`,
      variables: { slug: ctx.slug, v: typeof value === 'function' ? value(ctx) : value },
    }),
    expect: { status: 200, noErrors: true, data: (d) => d.articles.totalCount === count },
  };
}

/** The headline with the character at `at` (a fraction of its length, moved to the next letter) replaced by `by`. */
function bent(by, at = 0.5) {
  return ({ headline }) => {
    let i = Math.floor(headline.length * at);
    while (i < headline.length - 1 && !/[A-Za-z ]/.test(headline[i])) i++;
    return headline.slice(0, i) + by + headline.slice(i + 1);
  };
}

const word = ({ headline }) => headline.split(' ').find((w) => /^[A-Za-z]{4,}$/.test(w)) ?? headline.slice(0, 5);
const count = (name, where, variables, expected, within) => ({
  name,
  within,
  post: (ctx) => ({ query: `query($slug: String!, $w: [ArticleFilterInput!]) { articles(where: { slug: { eq: $slug }, and: $w }) { totalCount } }`, variables: { slug: ctx.slug, w: where(ctx), ...variables } }),
  expect: { status: 200, noErrors: true, data: (d) => d.articles.totalCount === expected },
});

/** `{ or: [ { or: [ ... { slug: { eq } } ] } ] }`, `depth` levels. */
const nestedOr = (depth, inner) => Array.from({ length: depth }).reduce((acc) => ({ or: [acc, { headline: { eq: '\u0000' } }] }), inner);

export default [
  match('contains: the headline itself (control)', 'contains', (c) => c.headline, 1),
  match('contains: % in place of a letter', 'contains', bent('%'), 0),
  match('contains: _ in place of a letter', 'contains', bent('_'), 0),
  match('contains: \\ before a letter', 'contains', (c) => `\\${word(c)}`, 0),
  match('contains: \\% (an escaped wildcard)', 'contains', (c) => `${word(c)}\\%`, 0),
  match('contains: [ ] around a letter (a character class)', 'contains', (c) => { const w = word(c); return `[${w[0]}]${w.slice(1)}`; }, 0),
  match('contains: * and ? (GLOB)', 'contains', (c) => `${word(c).slice(0, 2)}*${word(c).slice(3)}?`, 0),
  match('contains: % alone', 'contains', '%', 0),
  match('contains: _ alone', 'contains', '_', 0),
  match('contains: a double quote in a word (full-text phrase syntax)', 'contains', (c) => `"${word(c)}`, 0),
  match('contains: full-text operators (OR, NEAR, *)', 'contains', (c) => `${word(c)} OR NEAR(${word(c)}*)`, 0),
  match('contains: a NUL character', 'contains', (c) => `${word(c)}\u0000`, 0),
  match('startsWith: the first six characters (control)', 'startsWith', (c) => c.headline.slice(0, 6), 1),
  match('startsWith: % after two characters', 'startsWith', (c) => `${c.headline.slice(0, 2)}%`, 0),
  match('startsWith: _ in place of the second character', 'startsWith', (c) => `${c.headline[0]}_${c.headline.slice(2, 6)}`, 0),
  match('startsWith: [ ] around the first character', 'startsWith', (c) => `[${c.headline[0]}]${c.headline.slice(1, 6)}`, 0),
  match('endsWith: the last five characters (control)', 'endsWith', (c) => c.headline.slice(-5), 1),
  match('endsWith: % before the last four', 'endsWith', (c) => `%${c.headline.slice(-4)}`, 0),
  match('ncontains: % (the headline does not hold one)', 'ncontains', '%', 1),
  match('icontains: _ in place of a letter', 'icontains', bent('_', 0.3), 0),
  match('istartsWith: % after one character', 'istartsWith', (c) => `${c.headline[0]}%`, 0),
  match('ieq: the headline in upper case (control)', 'ieq', (c) => c.headline.toUpperCase(), 1),
  match('ieq: _ in place of a letter', 'ieq', bent('_', 0.7), 0),
  match('slug contains _ (would match every -)', 'contains', '_', 0, 'slug'),
  match('slug endsWith _ and the last word', 'endsWith', (c) => `_${c.slug.split('-').at(-1)}`, 0, 'slug'),
  count('slug in a list of 20,000 (the slug among them)', (c) => [{ slug: { in: [...Array.from({ length: 20_000 }, (_, i) => `s${i}`), c.slug] } }], {}, 1, 5000),
  count('version in a list of 30,000 numbers', () => [{ version: { in: Array.from({ length: 30_000 }, (_, i) => i) } }], {}, 1, 5000),
  count('nin a list of 20,000 headlines', () => [{ headline: { nin: Array.from({ length: 20_000 }, (_, i) => `h${i}`) } }], {}, 1, 5000),
  count('or nested 45 deep', (c) => [nestedOr(45, { slug: { eq: c.slug } })], {}, 1, 3000),
  count('not nested 60 deep (an even number)', (c) => [Array.from({ length: 60 }).reduce((acc) => ({ not: acc }), { slug: { eq: c.slug } })], {}, 1, 3000),
  {
    name: 'or of 3,000 headline conditions',
    post: (ctx) => ({ query: 'query($slug: String!, $w: [ArticleFilterInput!]) { articles(where: { slug: { eq: $slug }, or: $w }) { totalCount } }', variables: { slug: ctx.slug, w: Array.from({ length: 3000 }, (_, i) => ({ headline: { contains: `w${i}` } })) } }),
    within: 5000,
    expect: { status: [200, 400], code: 'HC0047' },
  },
  { name: 'and/or nested 40 deep in the document', post: { query: `{ articles(where: ${'{ or: [{ and: ['.repeat(40)}{ isUrgent: { eq: true } }${'] }] }'.repeat(40)}) { totalCount } }` }, within: 3000, expect: { status: 400, code: ['PARSER_DEPTH_EXCEEDED', 'HC0047'] } },
  { name: 'authors: some name contains %', post: (ctx) => ({ query: 'query($slug: String!) { articles(where: { slug: { eq: $slug }, authors: { some: { name: { contains: "%" } } } }) { totalCount } }', variables: { slug: ctx.slug } }), expect: { status: 200, noErrors: true, data: (d) => d.articles.totalCount === 0 } },
  { name: 'id filter with a garbage ID', post: { query: '{ articles(where: { id: { eq: "garbage" } }) { totalCount } }' }, expect: { status: 200, code: 'NODE_ID_INVALID' } },
  { name: 'id in a list of 5,000 garbage IDs', post: { query: 'query($ids: [ID]) { articles(where: { id: { in: $ids } }) { totalCount } }', variables: { ids: Array.from({ length: 5000 }, (_, i) => `g${i}`) } }, within: 3000, expect: { status: 200, code: 'NODE_ID_INVALID' } },
  { name: 'in: null', post: { query: '{ articles(where: { slug: { in: null } }) { totalCount } }' }, expect: { status: [200, 400] } },
].map((c) => ({ area: 'filters', ...c }));
