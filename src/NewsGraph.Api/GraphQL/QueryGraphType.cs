using GraphQL.Types;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Feedback;
using NewsGraph.Api.Images;
using NewsGraph.Api.People;
using NewsGraph.Api.Search;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.GraphQL;

/// <summary>The root query type, composed from each feature's <c>*Queries</c>.</summary>
public sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";
        this.AddNodeFields();
        this.AddArticleQueries();
        this.AddPersonQueries();
        this.AddImageQueries();
        this.AddFeedbackQueries();
        this.AddSearchQueries();
    }
}
