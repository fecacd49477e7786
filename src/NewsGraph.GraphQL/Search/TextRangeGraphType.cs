using GraphQL.Types;

namespace NewsGraph.GraphQL.Search;

public sealed class TextRangeGraphType : ObjectGraphType<TextRange>
{
    public TextRangeGraphType()
    {
        Name = "TextRange";
        Description = "A span of a text, in UTF-16 code units as JavaScript strings count them.";
        Field<NonNullGraphType<IntGraphType>>("start").Description("Where the span starts, from 0.").Resolve(ctx => ctx.Source.Start);
        Field<NonNullGraphType<IntGraphType>>("length").Description("How long it is.").Resolve(ctx => ctx.Source.Length);
    }
}
