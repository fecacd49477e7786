using GraphQL.Types;
using NewsGraph.GraphQL.Search;

namespace NewsGraph.Api.Search;

public sealed class SearchHighlightGraphType : ObjectGraphType<SearchHighlight>
{
    public SearchHighlightGraphType()
    {
        Name = "SearchHighlight";
        Description = "A snippet of the headline, a paragraph, a caption or a quote that the search matched.";
        Field<NonNullGraphType<SearchFieldGraphType>>("field").Resolve(ctx => ctx.Source.Field);
        Field<IntGraphType>("position")
            .Description("The paragraph's, caption's or quote's place in the story, from 1; null for the headline.")
            .Resolve(ctx => ctx.Source.Position);
        Field<NonNullGraphType<StringGraphType>>("text")
            .Description("The snippet as plain text: all of a headline, else about 240 characters around the first match, `…` where text was left out.")
            .Resolve(ctx => ctx.Source.Snippet.Text);
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<TextRangeGraphType>>>>("matches")
            .Description("Where in `text` the search matched, in order.")
            .Resolve(ctx => ctx.Source.Snippet.Matches);
        Field<NonNullGraphType<StringGraphType>>("html")
            .Description("The snippet as HTML: the text escaped, each match in `<mark>`.")
            .Resolve(ctx => ctx.Source.Snippet.ToHtml());
    }
}
