#!/usr/bin/env node
// Publishes stories as an editor, one every INTERVAL ms, so subscription checks have events to see:
//   node .ci/publish-stories.mjs GRAPHQL_URL TOKEN COUNT INTERVAL_MS
const [url, token, count = '10', interval = '1000'] = process.argv.slice(2);
if (!url || !token) {
  console.error('usage: node publish-stories.mjs GRAPHQL_URL TOKEN [COUNT] [INTERVAL_MS]');
  process.exit(2);
}

async function graphql(query, variables) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/graphql-response+json', Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

for (let i = 1; i <= Number(count); i++) {
  const headline = `CI live story ${process.pid}-${i}`;
  const created = await graphql(
    'mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id } errors { __typename ... on Error { message } } } }',
    { input: { headline, section: 'World', paragraphs: ['Published by the CI subscription check.'] } });
  if (created.createArticle.errors) throw new Error(JSON.stringify(created.createArticle.errors));
  const { id } = created.createArticle.article;
  const published = await graphql(
    'mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { status } errors { __typename ... on Error { message } } } }',
    { input: { id, version: 1 } });
  if (published.publishArticle.errors) throw new Error(JSON.stringify(published.publishArticle.errors));
  console.log(`published ${headline}`);
  await new Promise((resolve) => setTimeout(resolve, Number(interval)));
}
