// Documents that are expensive or impossible to parse, and enormous tokens.
const isQuery = (d) => d?.__typename === 'Query';

export default [
  { name: 'selection nested 10,000 deep', post: { query: `${'{ a '.repeat(10_000)}${'}'.repeat(10_000)}` }, expect: { status: 400, code: 'PARSER_DEPTH_EXCEEDED' } },
  { name: 'list value nested 50,000 deep', post: { query: `{ article(slug: ${'['.repeat(50_000)}${']'.repeat(50_000)}) { id } }` }, expect: { status: 400, code: 'PARSER_DEPTH_EXCEEDED' } },
  { name: 'object value nested 20,000 deep', post: { query: `{ articles(where: ${'{ not: '.repeat(20_000)}{}${' }'.repeat(20_000)}) { totalCount } }` }, within: 3000, expect: { status: 400, code: 'PARSER_DEPTH_EXCEEDED' } },
  { name: '10,000 aliases of one field', post: { query: `{ ${Array.from({ length: 10_000 }, (_, i) => `a${i}: __typename`).join(' ')} }` }, expect: { status: 400, code: 'MAX_FIELDS_EXCEEDED' } },
  { name: '10,000 @include(if: true) on one field', post: { query: `{ __typename ${'@include(if: true) '.repeat(10_000)}}` }, expect: { status: 400, code: 'MAX_DIRECTIVES_PER_LOCATION_EXCEEDED' } },
  { name: '5,000 fields each with @include(if: true)', post: { query: `{ ${Array.from({ length: 5000 }, (_, i) => `a${i}: __typename @include(if: true)`).join(' ')} }` }, expect: { status: 400, code: 'MAX_FIELDS_EXCEEDED' } },
  { name: '250,000 commas between two braces', post: { query: `{ __typename ${','.repeat(250_000)}}` }, expect: { status: 200, data: isQuery } },
  { name: 'unterminated string', post: { query: '{ article(slug: "abc) { id } }' }, expect: { status: 400, code: 'SYNTAX_ERROR' } },
  // GraphQL-Parser's error message once cost the square of the error's column: 15 s of CPU for these.
  { name: 'unterminated string at the end of a 250 KB line', post: { query: `{ article(slug: "${'x'.repeat(250_000)}) { id } }` }, expect: { status: 400, code: 'SYNTAX_ERROR' } },
  { name: 'a stray ) after 250,000 spaces', post: { query: `{ __typename${' '.repeat(250_000)}) }` }, expect: { status: 400, code: 'SYNTAX_ERROR' } },
  { name: 'unterminated block string of 200 KB', post: { query: `{ article(slug: """${'x'.repeat(200_000)}) { id } }` }, expect: { status: 400, code: 'SYNTAX_ERROR' } },
  { name: 'NUL and control characters in the document', post: { query: '{ __typename \u0000\u0001\u0007 }' }, expect: { status: 400, code: 'SYNTAX_ERROR' } },
  { name: 'a comment and nothing else', post: { query: '# nothing here' }, expect: { status: 400, code: ['SYNTAX_ERROR', 'NO_OPERATION'] } },
  { name: 'integer literal of 400 digits', post: { query: `{ articles(first: ${'9'.repeat(400)}) { totalCount } }` }, expect: { status: 400, code: ['ARGUMENTS_OF_CORRECT_TYPE', 'SYNTAX_ERROR', 'INVALID_VALUE'] } },
  { name: 'float literal 1e999999', post: { query: '{ articles(first: 1e999999) { totalCount } }' }, expect: { status: 400, code: ['ARGUMENTS_OF_CORRECT_TYPE', 'SYNTAX_ERROR', 'INVALID_VALUE'] } },
  { name: 'string literal of 200 KB as a slug', post: { query: `{ article(slug: "${'a'.repeat(200_000)}") { id } }` }, expect: { status: 200, code: 'ARTICLE_NOT_FOUND', data: (d) => d.article === null } },
  { name: 'string of 30,000 unicode escapes', post: { query: `{ article(slug: "${'\\u00e9'.repeat(30_000)}") { id } }` }, expect: { status: 200, code: 'ARTICLE_NOT_FOUND' } },
  { name: 'lone surrogate escape inside a GraphQL string', post: { query: '{ article(slug: "\\ud800") { id } }' }, expect: { status: [200, 400], code: ['ARTICLE_NOT_FOUND', 'SYNTAX_ERROR'] } },
  { name: '2,000 operations in one document without operationName', post: { query: Array.from({ length: 2000 }, (_, i) => `query Q${i} { __typename }`).join('\n') }, expect: { status: 400, code: 'NO_OPERATION_NAME' } },
  { name: '2,000 operations, the last one asked for', post: { query: Array.from({ length: 2000 }, (_, i) => `query Q${i} { __typename }`).join('\n'), operationName: 'Q1999' }, expect: { status: 200, data: isQuery } },
  { name: 'operationName that names no operation', post: { query: 'query A { __typename }', operationName: 'B' }, expect: { status: 400 } },
  { name: '5,000 unused fragments', post: { query: `{ __typename } ${Array.from({ length: 5000 }, (_, i) => `fragment F${i} on Query { __typename }`).join(' ')}` }, within: 3000, expect: { status: 400, code: ['NO_UNUSED_FRAGMENTS', 'MAX_FIELDS_EXCEEDED'] } },
  { name: '3,000 variables declared', post: { query: `query(${Array.from({ length: 3000 }, (_, i) => `$v${i}: Int`).join(' ')}) { __typename }` }, within: 3000, expect: { status: [200, 400] } },
  { name: '10,000 variables sent, none declared', post: { query: '{ __typename }', variables: Object.fromEntries(Array.from({ length: 10_000 }, (_, i) => [`v${i}`, i])) }, expect: { status: 200, data: isQuery } },
  { name: 'byte order mark before the document', post: { query: '\ufeff{ __typename }' }, expect: { status: 200, data: isQuery } },
].map((c) => ({ area: 'parsing', ...c }));
