using GraphQL.Types;

namespace NewsGraph.GraphQL.Paging;

/// <summary>
/// <c>XConnection</c> as Hot Chocolate names and describes it. Subclass it once per connection
/// name, which comes from the field: <c>ArticlesConnectionGraphType : ConnectionGraphType&lt;ArticleGraphType,
/// ArticlesEdgeGraphType&gt;</c> is published as <c>ArticlesConnection</c>.
/// </summary>
public abstract class ConnectionGraphType<TNodeType, TEdgeType> : ObjectGraphType<Connection>, IConnectionGraphType
    where TNodeType : IGraphType
    where TEdgeType : IGraphType
{
    protected ConnectionGraphType()
    {
        Description = "A connection to a list of items.";
        Field<NonNullGraphType<PageInfoGraphType>>("pageInfo").Description("Information to aid in pagination.").Resolve(ctx => ctx.Source.PageInfo);
        Field<ListGraphType<NonNullGraphType<TEdgeType>>>("edges").Description("A list of edges.").Resolve(ctx => ctx.Source.Edges);
        Field<ListGraphType<NonNullGraphType<TNodeType>>>("nodes").Description("A flattened list of the nodes.").Resolve(ctx => ctx.Source.Nodes);
        Field<NonNullGraphType<IntGraphType>>("totalCount")
            .Description("Identifies the total count of items in the connection.")
            .Resolve(ctx => ctx.Source.TotalCount ?? throw new InvalidOperationException("totalCount was selected but not counted."));
    }
}
