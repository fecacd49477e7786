// Varnish in front of NewsGraph (.ci/run): an article page fetched by trusted-document id is a hit
// the second time; after correctArticle, that page and its section's front page show the
// correction within a second, while another section's front page is still a hit.
//
//   node tests/varnish/check.mjs VARNISH_GRAPHQL_URL EDITOR_TOKEN OPERATIONS_FOLDER
//
// The operations (tests/frontend/operations) must be registered as trusted documents. Prints one
// line per check and "N passed, M failed"; exits 1 when any failed.
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";

const [url, token, operations] = process.argv.slice(2);
if (!url || !token || !operations) {
  console.error("usage: check.mjs VARNISH_GRAPHQL_URL EDITOR_TOKEN OPERATIONS_FOLDER");
  process.exit(2);
}
const idOf = (name) => createHash("sha256").update(readFileSync(join(operations, name + ".graphql"), "utf8")).digest("hex");
const articlePage = idOf("ArticlePage");
const frontPage = idOf("FrontPage");
const accept = "application/graphql-response+json";
let passed = 0, failed = 0;

function check(ok, what, detail = "") {
  if (ok) passed++; else failed++;
  console.log(`${ok ? "ok" : "FAIL"}  ${what}${detail ? `  (${detail})` : ""}`);
}

async function get(id, variables) {
  const response = await fetch(`${url}?id=${id}&variables=${encodeURIComponent(JSON.stringify(variables))}`, { headers: { Accept: accept } });
  return { status: response.status, cache: response.headers.get("x-cache"), body: await response.json() };
}

async function editor(query, variables) {
  const response = await fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/json", Accept: accept, Authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = await response.json();
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data;
}

async function publish(headline, section) {
  const created = await editor("mutation($input: CreateArticleInput!) { createArticle(input: $input) { article { id slug version } } }",
    { input: { headline, section, paragraphs: ["Checked through Varnish."] } });
  const article = created.createArticle.article;
  const published = await editor("mutation($input: PublishArticleInput!) { publishArticle(input: $input) { article { version } } }",
    { input: { id: article.id, version: article.version } });
  return { ...article, version: published.publishArticle.article.version };
}

const headlines = (page) => (page.body.data?.articles?.nodes ?? []).map((n) => n.headline);

const run = Date.now();
const story = await publish(`Varnish check story ${run}`, "Business");
await publish(`Varnish check neighbour ${run}`, "Politics");
const page = { slug: story.slug };
const business = { section: "business", first: 10 };
const politics = { section: "politics", first: 10 };

const first = await get(articlePage, page);
const second = await get(articlePage, page);
check(first.status === 200 && first.body.data?.article?.headline === `Varnish check story ${run}`, "the article page answers through Varnish", first.cache);
check(second.cache === "HIT", "the second request for the article page is a hit", `X-Cache: ${second.cache}`);
await get(frontPage, business);
check((await get(frontPage, business)).cache === "HIT", "the business front page is cached");
await get(frontPage, politics);
check((await get(frontPage, politics)).cache === "HIT", "the politics front page is cached");

const corrected = `Varnish check story ${run}, corrected`;
await editor("mutation($input: CorrectArticleInput!) { correctArticle(input: $input) { article { version } } }",
  { input: { id: story.id, version: story.version, notice: "The headline was wrong.", headline: corrected } });
const changedAt = Date.now();

async function freshWithin(ms, fetchPage, isFresh) {
  for (;;) {
    const answer = await fetchPage();
    const elapsed = Date.now() - changedAt;
    if (isFresh(answer) || elapsed > ms) return { answer, elapsed, fresh: isFresh(answer) };
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pageAfter = await freshWithin(1000, () => get(articlePage, page), (a) => a.body.data?.article?.headline === corrected);
check(pageAfter.fresh, "the article page shows the correction within 1 s", `${pageAfter.elapsed} ms, X-Cache: ${pageAfter.answer.cache}`);
const frontAfter = await freshWithin(1000, () => get(frontPage, business), (a) => headlines(a).includes(corrected));
check(frontAfter.fresh, "its section's front page shows the correction within 1 s", `${frontAfter.elapsed} ms, X-Cache: ${frontAfter.answer.cache}`);
const other = await get(frontPage, politics);
check(other.cache === "HIT", "another section's front page is still a hit", `X-Cache: ${other.cache}`);

console.log(`${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
