using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class UpdateArticlePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType>("article", ErrorUnion.OfVersionedEdit);
