using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class DetachImagePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType>("article", ErrorUnion.OfVersionedEdit);
