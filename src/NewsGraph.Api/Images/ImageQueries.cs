using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Data;
using NewsGraph.Api.GraphQL;

namespace NewsGraph.Api.Images;

public static class ImageQueries
{
    public static void AddImageQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<ImageGraphType>>>>("images")
            .Description("Images, newest first.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = ListLimits.DefaultPageSize)
            .ResolveAsync(async ctx =>
            {
                var first = ListLimits.First(ctx);
                await using var db = await ctx.CreateDbContextAsync();
                return await db.Images.AsNoTracking().OrderByDescending(i => i.Id).Take(first).ToListAsync(ctx.CancellationToken);
            });
    }
}
