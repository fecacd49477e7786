using GraphQL.Types;

namespace NewsGraph.GraphQL.Filtering;

// Hot Chocolate's operation input types (default convention, v14/v15): same names, operations,
// order and nullability, so `where` arguments written for Hot Chocolate parse unchanged.

/// <summary>An input type that filters one scalar value (<c>eq</c>, <c>in</c>, <c>gt</c>...).</summary>
public abstract class OperationFilterInputType : InputObjectGraphType
{
    protected void Operation<TGraphType>(string name, string? description = null)
        where TGraphType : IGraphType
        => Field<TGraphType>(name).Description(description);
}
