using NewsGraph.GraphQL.Paging;

namespace NewsGraph.Api.Articles;

// Connection types take their names from the fields (Hot Chocolate's convention): `articles`
// gives ArticlesConnection and ArticlesEdge, on Query and on Person alike.

public sealed class ArticlesConnectionGraphType : ConnectionGraphType<ArticleGraphType, ArticlesEdgeGraphType>;
