using GraphQL;

namespace NewsGraph.GraphQL.Relay;

public static class GlobalIdArguments
{
    public const string InvalidIdCode = "NODE_ID_INVALID";

    /// <summary>
    /// The integer key behind an <c>ID</c> argument that must name a <paramref name="typeName"/>;
    /// any other value is a field error with code NODE_ID_INVALID.
    /// </summary>
    public static int GetIntId(this IResolveFieldContext context, string argumentName, string typeName)
    {
        var value = context.GetArgument<string>(argumentName);
        if (GlobalId.TryParseInt(value, typeName, out var id))
            return id.Value;
        var message = GlobalId.TryParse(value, out var actualType, out _) && actualType != typeName
            ? $"The node id type name `{actualType}` does not match the expected type name `{typeName}`."
            : "The node ID string has an invalid format.";
        throw new ExecutionError(message)
        {
            Code = InvalidIdCode,
            Extensions = new() { ["argument"] = argumentName, ["originalValue"] = value },
        };
    }
}
