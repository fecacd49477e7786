using GraphQL.Types;

namespace NewsGraph.GraphQL.Paging;

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
