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

/// <summary><c>XEdge</c>: <c>cursor</c> and <c>node</c>.</summary>
public abstract class EdgeGraphType<TNodeType> : ObjectGraphType<Edge>
    where TNodeType : IGraphType
{
    protected EdgeGraphType()
    {
        Description = "An edge in a connection.";
        Field<NonNullGraphType<StringGraphType>>("cursor").Description("A cursor for use in pagination.").Resolve(ctx => ctx.Source.Cursor);
        Field<NonNullGraphType<TNodeType>>("node").Description("The item at the end of the edge.").Resolve(ctx => ctx.Source.Node);
    }
}

public sealed class PageInfoGraphType : ObjectGraphType<PageInfo>
{
    public PageInfoGraphType()
    {
        Name = "PageInfo";
        Description = "Information about pagination in a connection.";
        Field<NonNullGraphType<BooleanGraphType>>("hasNextPage")
            .Description("Indicates whether more edges exist following the set defined by the clients arguments.")
            .Resolve(ctx => ctx.Source.HasNextPage);
        Field<NonNullGraphType<BooleanGraphType>>("hasPreviousPage")
            .Description("Indicates whether more edges exist prior the set defined by the clients arguments.")
            .Resolve(ctx => ctx.Source.HasPreviousPage);
        Field<StringGraphType>("startCursor").Description("When paginating backwards, the cursor to continue.").Resolve(ctx => ctx.Source.StartCursor);
        Field<StringGraphType>("endCursor").Description("When paginating forwards, the cursor to continue.").Resolve(ctx => ctx.Source.EndCursor);
    }
}

/// <summary>Marks connection types, whose nodes sit under <c>nodes</c> and <c>edges.node</c>.</summary>
public interface IConnectionGraphType;
