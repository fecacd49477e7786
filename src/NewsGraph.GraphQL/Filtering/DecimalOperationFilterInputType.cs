using GraphQL.Types;

namespace NewsGraph.GraphQL.Filtering;

public sealed class DecimalOperationFilterInputType() : ComparableOperationFilterInputType<DecimalGraphType>("DecimalOperationFilterInput");
