using NewsGraph.Api.People;
using NewsGraph.GraphQL.Sorting;

namespace NewsGraph.Api.Articles;

public sealed class QuoteSortInputType : SortInputType<Quote>
{
    public QuoteSortInputType()
    {
        Field("position", q => q.Position);
        Field("text", q => q.Text);
        Field("speakerTitle", q => q.SpeakerTitle);
        ObjectField<PersonSortInputType, Person>("speaker", q => q.Speaker);
    }
}
