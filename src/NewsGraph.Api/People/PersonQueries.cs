using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Data;
using NewsGraph.Api.GraphQL;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.People;

public static class PersonQueries
{
    public static void AddPersonQueries(this ObjectGraphType query)
    {
        query.Field<NonNullGraphType<ListGraphType<NonNullGraphType<PersonGraphType>>>>("people")
            .Description("People, by name.")
            .Argument<IntGraphType>("first", arg => arg.DefaultValue = ListLimits.DefaultPageSize)
            .ResolveAsync(async ctx =>
            {
                var first = ListLimits.First(ctx);
                await using var db = await ctx.CreateDbContextAsync();
                return await db.People.AsNoTracking().OrderBy(p => p.Name).ThenBy(p => p.Id).Take(first).ToListAsync(ctx.CancellationToken);
            });

        query.Field<PersonGraphType>("person")
            .Description("A person by ID; null, with a PERSON_NOT_FOUND error, when there is none.")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(ctx =>
            {
                var id = ctx.GetIntId("id", "Person");
                return ctx.DataLoader<PersonByIdDataLoader>().LoadAsync(id)
                    .Then(person => person ?? throw PersonErrors.NotFound(ctx.GetArgument<string>("id")));
            });
    }
}
