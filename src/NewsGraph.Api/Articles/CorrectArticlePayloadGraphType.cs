using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class CorrectArticlePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType>("article", ErrorUnion.OfVersionedEdit);
