using GraphQL;
using NewsGraph.GraphQL.DataLoader;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.People;

public static class PeopleServiceCollectionExtensions
{
    /// <summary>People: their DataLoader and their <c>node</c> lookup.</summary>
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<PersonByIdDataLoader>();
        services.AddSingleton(new NodeResolver(PersonErrors.Person.TypeName, (ctx, id) => ctx.DataLoader<PersonByIdDataLoader>().LoadAsync(id).Then(p => (object?)p)));
        return services;
    }
}
