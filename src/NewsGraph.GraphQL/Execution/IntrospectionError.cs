using GraphQL.Validation;
using GraphQLParser.AST;
using NewsGraph.GraphQL.Errors;

namespace NewsGraph.GraphQL.Execution;

public sealed class IntrospectionError : ValidationError
{
    public IntrospectionError(ValidationContext context, GraphQLField field)
        : base(context.Document.Source, null!, "Introspection is not allowed for the current request.", field)
    {
        Code = ErrorCodes.IntrospectionNotAllowed;
        Extensions = new() { ["field"] = field.Name.StringValue };
    }
}
