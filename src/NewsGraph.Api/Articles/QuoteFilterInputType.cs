using NewsGraph.Api.People;
using NewsGraph.GraphQL.Filtering;

namespace NewsGraph.Api.Articles;

public sealed class QuoteFilterInputType : FilterInputType<Quote>
{
    public QuoteFilterInputType()
    {
        Field("text", q => q.Text);
        Field("position", q => q.Position);
        Field("speakerTitle", q => q.SpeakerTitle);
        EnumField<QuoteAttributionGraphType, QuoteAttribution>("attribution", q => q.Attribution);
        ObjectField<PersonFilterInputType, Person>("speaker", q => q.Speaker);
    }
}
