using NewsGraph.GraphQL.Scalars;

namespace NewsGraph.GraphQL.Filtering;

public sealed class DateTimeOperationFilterInputType() : ComparableOperationFilterInputType<DateTimeType>("DateTimeOperationFilterInput");
