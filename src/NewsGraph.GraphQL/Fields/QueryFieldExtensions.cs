using GraphQL.Types;
using NewsGraph.GraphQL.Paging;

namespace NewsGraph.GraphQL.Fields;

public static class QueryFieldExtensions
{
    /// <summary>Starts a field answered from a database query: <c>.QueryField("articles").Connection&lt;...&gt;()</c>.</summary>
    public static QueryFieldStart<TSource> QueryField<TSource>(this ObjectGraphType<TSource> type, string name) => new(type, name);
}
