using GraphQL.Builders;
using GraphQL.Types;

namespace NewsGraph.GraphQL.Paging;

public static class PagingArgumentExtensions
{
    /// <summary>Hot Chocolate's <c>first</c>, <c>after</c>, <c>last</c>, <c>before</c>, with its descriptions.</summary>
    public static FieldBuilder<TSource, TReturn> PagingArguments<TSource, TReturn>(this FieldBuilder<TSource, TReturn> field)
        => field
            .Argument<IntGraphType>("first", "Returns the first _n_ elements from the list.")
            .Argument<StringGraphType>("after", "Returns the elements in the list that come after the specified cursor.")
            .Argument<IntGraphType>("last", "Returns the last _n_ elements from the list.")
            .Argument<StringGraphType>("before", "Returns the elements in the list that come before the specified cursor.");
}
