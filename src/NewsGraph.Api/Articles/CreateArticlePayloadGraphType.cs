using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class CreateArticlePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType>("article", typeof(InvalidInputErrorGraphType), typeof(NotFoundErrorGraphType));
