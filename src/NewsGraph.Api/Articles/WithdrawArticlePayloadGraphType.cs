using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.Articles;

public sealed class WithdrawArticlePayloadGraphType() : PayloadGraphType<Article, ArticleGraphType>("article", ErrorUnion.OfVersionedEdit);
