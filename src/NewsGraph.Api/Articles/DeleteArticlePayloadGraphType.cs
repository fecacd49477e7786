using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class DeleteArticlePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType>("article", ErrorUnion.OfVersionedEdit);
