using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.GraphQL.Fields;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.People;

public static class PersonQueries
{
    public static void AddPersonQueries(this ObjectGraphType query)
    {
        query.QueryField("people").Connection<PeopleConnectionGraphType, Person>()
            .Description("People, by name unless `order` says otherwise.")
            .Filtering<PersonFilterInputType>()
            .Sorting<PersonSortInputType>()
            .DefaultOrder(p => p.Name)
            .ResponseKeys(_ => [PersonCacheKeys.List])
            .Resolve<NewsDbContext>((db, _) => db.People);

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
