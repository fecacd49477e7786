using GraphQL.Types;

namespace NewsGraph.Api.Search;

public sealed class SearchFieldGraphType : EnumerationGraphType<SearchField>
{
    public SearchFieldGraphType()
    {
        Name = "SearchField";
        Description = "Where in a story a highlight is.";
    }
}
