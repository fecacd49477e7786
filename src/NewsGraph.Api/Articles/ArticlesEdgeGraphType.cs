using NewsGraph.GraphQL.Paging;

namespace NewsGraph.Api.Articles;

public sealed class ArticlesEdgeGraphType : EdgeGraphType<ArticleGraphType>;
