using GraphQL.Types;

namespace NewsGraph.GraphQL.Filtering;

public sealed class LongOperationFilterInputType() : ComparableOperationFilterInputType<LongGraphType>("LongOperationFilterInput");
