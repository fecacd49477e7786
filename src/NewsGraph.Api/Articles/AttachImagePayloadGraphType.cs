using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class AttachImagePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType>("article", ErrorUnion.OfVersionedEdit);
