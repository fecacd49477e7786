// HTTP itself: bodies, media types, methods, sizes, credentials, batches, trusted-document ids.
const typename = { query: '{ __typename }' };
const isQuery = (d) => d?.__typename === 'Query';
const KiB = 1024;

export default [
  { name: 'body is not JSON', post: '{"query": "{ __typename }"', expect: { status: 400, code: 'JSON_INVALID' } },
  { name: 'empty body', post: '', expect: { status: 400, code: 'JSON_INVALID' } },
  { name: 'body is JSON null', post: 'null', expect: { status: 400, code: 'REQUEST_INVALID' } },
  { name: 'body is a JSON string', post: '"{ __typename }"', expect: { status: 400, code: 'REQUEST_INVALID' } },
  { name: 'batch of two queries', post: [typename, typename], expect: { status: 400, code: 'BATCHING_NOT_SUPPORTED' } },
  { name: 'batch of 5,000 queries', post: JSON.stringify(Array(5000).fill(typename)), expect: { status: 400, code: 'BATCHING_NOT_SUPPORTED' } },
  { name: 'invalid UTF-8 in the body', post: Buffer.concat([Buffer.from('{"query":"{ __typename } #'), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from('"}')]), expect: { status: 400, code: 'JSON_INVALID' } },
  { name: 'overlong UTF-8 encoding of a quote', post: Buffer.concat([Buffer.from('{"query":"{ __typename }'), Buffer.from([0xc0, 0xa2]), Buffer.from('"}')]), expect: { status: 400, code: 'JSON_INVALID' } },
  { name: 'lone surrogate escape in the query', post: '{"query":"{ __typename } # \\ud800"}', expect: { status: 400, code: 'JSON_INVALID' } },
  { name: 'lone surrogate escape in operationName', post: '{"query":"query Q { __typename }","operationName":"Q\\udc00"}', expect: { status: 400, code: 'JSON_INVALID' } },
  { name: 'lone surrogate escape in a variable', post: '{"query":"query($s: String!) { article(slug: $s) { id } }","variables":{"s":"\\ud800x"}}', expect: { status: 400, code: 'JSON_INVALID' } },
  { name: 'JSON nested 100,000 deep', post: '['.repeat(100_000) + ']'.repeat(100_000), within: 3000, expect: { status: [400, 413], code: ['JSON_INVALID', 'REQUEST_TOO_LARGE'] } },
  { name: 'variables nested 5,000 deep', post: `{"query":"{ __typename }","variables":{"a":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}}`, expect: { status: 400, code: 'JSON_INVALID' } },
  { name: 'body of 300 KiB (over the limit)', post: { query: `{ __typename }${' '.repeat(300 * KiB)}` }, within: 3000, expect: { status: 413, code: 'REQUEST_TOO_LARGE' } },
  {
    name: 'chunked body of 4 MiB',
    raw: (ctx) => `POST ${new URL(ctx.url).pathname} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n`
      + `${(64 * KiB).toString(16)}\r\n${' '.repeat(64 * KiB)}\r\n`.repeat(64) + '0\r\n\r\n',
    within: 5000,
    expect: { status: 413, code: 'REQUEST_TOO_LARGE' },
  },
  {
    name: 'Content-Length of 1 GB, a few bytes sent',
    raw: (ctx) => `POST ${new URL(ctx.url).pathname} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 1000000000\r\n\r\n{"query":`,
    expect: { status: 413, code: 'REQUEST_TOO_LARGE' },
  },
  {
    name: 'Content-Length and Transfer-Encoding together (request smuggling)',
    raw: (ctx) => `POST ${new URL(ctx.url).pathname} HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/json\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n1a\r\n{"query":"{ __typename }"}\r\n0\r\n\r\nGET /graphql?query=%7B__typename%7D HTTP/1.1\r\nHost: localhost\r\n\r\n`,
    expect: { status: [200, 400], data: isQuery },
  },
  { name: 'Content-Type text/plain (a form without preflight)', post: typename, contentType: 'text/plain', expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' } },
  { name: 'Content-Type application/x-www-form-urlencoded', post: 'query=%7B__typename%7D', contentType: 'application/x-www-form-urlencoded', expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' } },
  { name: 'Content-Type multipart/form-data', post: '--x\r\nContent-Disposition: form-data; name="operations"\r\n\r\n{"query":"{ __typename }"}\r\n--x--\r\n', contentType: 'multipart/form-data; boundary=x', expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' } },
  { name: 'no Content-Type', post: typename, contentType: null, expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' } },
  { name: 'JSON in UTF-16', post: Buffer.from(JSON.stringify(typename), 'utf16le'), contentType: 'application/json; charset=utf-16', expect: { status: 415, code: 'UNSUPPORTED_MEDIA_TYPE' } },
  { name: 'Content-Type that does not parse', post: typename, contentType: 'application/json; charset="', expect: { status: [200, 415], code: 'UNSUPPORTED_MEDIA_TYPE' } },
  { name: 'Accept: text/html only', post: typename, headers: { Accept: 'text/html' }, expect: { status: 406, code: 'NOT_ACCEPTABLE' } },
  { name: 'Accept header of 400 media types', post: typename, headers: { Accept: Array.from({ length: 400 }, (_, i) => `application/x-${i};q=0.${i % 9 + 1}`).join(', ') }, expect: { status: 406, code: 'NOT_ACCEPTABLE' } },
  { name: 'PUT', method: 'PUT', post: typename, expect: { status: 405, code: 'METHOD_NOT_ALLOWED' } },
  { name: 'DELETE', method: 'DELETE', post: '', expect: { status: 405, code: 'METHOD_NOT_ALLOWED' } },
  { name: 'query is a number', post: { query: 42 }, expect: { status: 400, code: 'REQUEST_INVALID' } },
  { name: 'variables is a string', post: { query: '{ __typename }', variables: '{"a":1}' }, expect: { status: 400, code: 'REQUEST_INVALID' } },
  { name: 'operationName is an object', post: { query: '{ __typename }', operationName: { a: 1 } }, expect: { status: 400, code: 'REQUEST_INVALID' } },
  { name: 'both a query and a trusted-document id', post: { query: '{ __typename }', id: 'abc' }, expect: { status: 400, code: 'REQUEST_INVALID' } },
  { name: 'no query at all', post: { variables: {} }, expect: { status: 400, code: 'QUERY_MISSING' } },
  { name: 'GET without a query', get: 'variables=%7B%7D', expect: { status: 400, code: 'QUERY_MISSING' } },
  { name: 'GET with variables that are not JSON', get: { query: '{ __typename }', variables: '{a:' }, expect: { status: 400, code: 'JSON_INVALID' } },
  { name: 'GET with a 6 KB query string of parameters', get: Array.from({ length: 600 }, (_, i) => `p${i}=x`).join('&') + '&query=%7B__typename%7D', expect: { status: 200, data: isQuery } },
  { name: 'bearer token that is garbage', post: typename, headers: { Authorization: 'Bearer not.a.token' }, expect: { status: 401, code: 'AUTH_NOT_AUTHENTICATED' } },
  {
    name: 'unsigned token (alg none) claiming the admin role',
    post: typename,
    headers: () => {
      const part = (o) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const now = Math.floor(Date.now() / 1000);
      return { Authorization: `Bearer ${part({ alg: 'none', typ: 'JWT' })}.${part({ sub: 'x', role: 'admin', iss: 'newsgraph', aud: 'newsgraph', exp: now + 3600 })}.` };
    },
    expect: { status: 401, code: 'AUTH_NOT_AUTHENTICATED' },
  },
  { name: 'Basic credentials', post: typename, headers: { Authorization: 'Basic YWRtaW46YWRtaW4=' }, expect: { status: 401, code: 'AUTH_NOT_AUTHENTICATED' } },
  { name: 'trusted-document id that names nothing', get: { id: 'deadbeef' }, expect: { status: 400, code: 'HC0020' } },
  { name: 'trusted-document id with a path', get: { id: '../../../etc/passwd' }, expect: { status: 400, code: ['HC0020', 'REQUEST_INVALID'] } },
  { name: 'trusted-document id of 100 KB', post: { id: 'a'.repeat(100 * KiB) }, expect: { status: 400, code: ['HC0020', 'REQUEST_INVALID'] } },
  { name: 'persisted query hash not known', post: { extensions: { persistedQuery: { version: 1, sha256Hash: 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38' } } }, expect: { status: [200, 400], code: 'HC0020' } },
  // As Hot Chocolate: the query runs, and is not remembered under a hash that is not its own...
  {
    name: 'persisted query whose hash does not match its query',
    post: { query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } },
    expect: { status: 200, data: (d, json) => isQuery(d) && json.extensions?.persistedQuery?.persisted === false },
  },
  // ...so nobody can put a document of their own under the hash of another client's query.
  { name: 'the mismatched hash alone afterwards', post: { extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } }, expect: { status: 400, code: 'HC0020' } },
  { name: 'persisted query of version 99', post: { query: '{ __typename }', extensions: { persistedQuery: { version: 99, sha256Hash: 'x' } } }, expect: { status: 400, code: 'REQUEST_INVALID' } },
].map((c) => ({ area: 'transport', ...c }));
