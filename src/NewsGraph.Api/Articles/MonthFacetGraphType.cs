using GraphQL.Types;

namespace NewsGraph.Api.Articles;

public sealed class MonthFacetGraphType : ObjectGraphType<MonthFacet>
{
    public MonthFacetGraphType()
    {
        Name = "MonthFacet";
        Description = "A month and how many of the stories were published in it.";
        Field(f => f.Month).Description("The year and month, `2020-11`, as the stories' own publication times give them.");
        Field(f => f.Count).Description("Stories published in the month.");
    }
}
