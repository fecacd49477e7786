using GraphQL.Types;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.Articles;

/// <summary>The opening of a story: <c>SEOUL, Nov. 23 (Yonhap) --</c>.</summary>
public sealed class DatelineGraphType : ObjectGraphType<Article>
{
    public DatelineGraphType()
    {
        Name = "Dateline";
        Description = "Where and when a story was filed, and by which agency.";
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<StringGraphType>>>>("places")
            .Description("Places in order, as in `WASHINGTON/SEOUL`.")
            .Resolve(ctx => ctx.Source.DatelinePlaces);
        Field<StringGraphType>("date").Description("The date as written: `Nov. 23`.").Resolve(ctx => ctx.Source.DatelineDate);
        Field<StringGraphType>("source").Description("The agency: `Yonhap`.").Resolve(ctx => ctx.Source.DatelineSource);
        Field<NonNullGraphType<StringGraphType>>("text")
            .Description("The dateline as printed: `SEOUL, Nov. 23 (Yonhap)`.")
            .Resolve(ctx => Format(ctx.Source));
    }

    private static string Format(Article article)
    {
        var text = string.Join('/', article.DatelinePlaces);
        if (article.DatelineDate is { } date)
            text = text.Length > 0 ? $"{text}, {date}" : date;
        if (article.DatelineSource is { } source)
            text = text.Length > 0 ? $"{text} ({source})" : source;
        return text;
    }
}
