// What a frontend does with the typed documents: every field it reads is checked against the
// types generated from schema/schema.graphql, so a renamed or retyped field fails `tsc`.
import type { Client } from '@urql/core';
import { ArticlePageDocument, FrontPageDocument, SubmitFeedbackDocument } from './gql/graphql';

export interface Teaser {
  slug: string;
  headline: string;
  section: string;
  byline: string;
  publishedAt: Date | null;
  photoForSale: boolean;
}

export async function frontPage(client: Client, section: string): Promise<Teaser[]> {
  const { data, error } = await client.query(FrontPageDocument, { section, first: 10 }).toPromise();
  if (error) throw error;
  return (data?.articles?.nodes ?? []).map((node) => ({
    slug: node.slug,
    headline: node.headline,
    section: node.section.name,
    byline: node.authors.map((author) => author.name).join(', '),
    publishedAt: node.publishedAt ? new Date(node.publishedAt) : null,
    photoForSale: node.images.every((image) => !image.isNotForSale),
  }));
}

export async function quotedPeople(client: Client, slug: string): Promise<string[]> {
  const { data, error } = await client.query(ArticlePageDocument, { slug }).toPromise();
  if (error) throw error;
  return (data?.article?.quotes ?? []).flatMap((quote) => (quote.speaker ? [`${quote.speaker.name}: ${quote.text}`] : []));
}

/** The thank-you text, or the first problem (with the seconds to wait when rate limited). */
export async function sendFeedback(client: Client, message: string, rating: number): Promise<string> {
  const { data, error } = await client.mutation(SubmitFeedbackDocument, { input: { message, rating } }).toPromise();
  if (error) throw error;
  const problem = data?.submitFeedback.errors?.[0];
  if (problem?.__typename === 'RateLimitedError') return `${problem.message} (retry in ${problem.retryAfterSeconds} s)`;
  if (problem) return problem.message;
  return data?.submitFeedback.thankYouMessage ?? '';
}
