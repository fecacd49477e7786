using GraphQL;

namespace NewsGraph.Api.People;

public static class PersonErrors
{
    public const string NotFoundCode = "PERSON_NOT_FOUND";

    public static ExecutionError NotFound(string id) => new($"No person has the ID `{id}`.")
    {
        Code = NotFoundCode,
        Extensions = new() { ["id"] = id },
    };
}
