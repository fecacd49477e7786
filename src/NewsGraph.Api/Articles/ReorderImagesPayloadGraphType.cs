using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class ReorderImagesPayloadGraphType() : PayloadGraphType<Article, ArticleGraphType>("article", ErrorUnion.OfVersionedEdit);
