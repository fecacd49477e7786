using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class SetQuoteSpeakerPayloadGraphType() : PayloadGraphType<Article, ArticleGraphType>("article", ErrorUnion.OfVersionedEdit);
