using GraphQL.Types;

namespace NewsGraph.Api.Articles;

public sealed class QuoteAttributionGraphType : EnumerationGraphType<QuoteAttribution>
{
    public QuoteAttributionGraphType()
    {
        Name = "QuoteAttribution";
        Description = "How a quote's speaker was found: a rule of the importer's attribution sieve (in the order they are tried), an editor, or none.";
    }
}
