using NewsGraph.GraphQL.Scalars;

namespace NewsGraph.GraphQL.Filtering;

public sealed class DateOperationFilterInputType() : ComparableOperationFilterInputType<DateType>("DateOperationFilterInput");
