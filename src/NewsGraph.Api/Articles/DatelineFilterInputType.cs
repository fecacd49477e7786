using NewsGraph.GraphQL.Filtering;

namespace NewsGraph.Api.Articles;

public sealed class DatelineFilterInputType : FilterInputType<Article>
{
    public DatelineFilterInputType()
    {
        Field("places", a => a.DatelinePlaces);
        Field("date", a => a.DatelineDate);
        Field("source", a => a.DatelineSource);
    }
}
