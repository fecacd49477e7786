using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

/// <summary><c>interface Error { message: String! }</c></summary>
public sealed class ErrorInterfaceGraphType : InterfaceGraphType
{
    public ErrorInterfaceGraphType()
    {
        Name = "Error";
        Description = "An error a mutation reports in its payload.";
        Field<NonNullGraphType<StringGraphType>>("message");
    }
}
