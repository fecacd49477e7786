using NewsGraph.GraphQL.Scalars;

namespace NewsGraph.GraphQL.Filtering;

public sealed class UuidOperationFilterInputType() : ComparableOperationFilterInputType<UuidType>("UuidOperationFilterInput");
