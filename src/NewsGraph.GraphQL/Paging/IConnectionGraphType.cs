using GraphQL.Types;

namespace NewsGraph.GraphQL.Paging;

/// <summary>Marks connection types, whose nodes sit under <c>nodes</c> and <c>edges.node</c>.</summary>
public interface IConnectionGraphType;
