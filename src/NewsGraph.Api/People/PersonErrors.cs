using GraphQL;
using NewsGraph.GraphQL.Mutations;

namespace NewsGraph.Api.People;

/// <summary>The errors of the People feature.</summary>
public static class PersonErrors
{
    public const string NotFoundCode = "PERSON_NOT_FOUND";

    /// <summary>People, as mutations name them in not-found and version-conflict errors.</summary>
    public static readonly EntityKind Person = new("Person", "person");

    public static ExecutionError NotFound(string id) => new($"No person has the ID `{id}`.")
    {
        Code = NotFoundCode,
        Extensions = new() { ["id"] = id },
    };

    public static InvalidInputError NothingToMerge() => new("Name at least one other person to merge.", "mergeIds");
}
