using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class PublishArticlePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType>("article", ErrorUnion.OfVersionedEdit);
