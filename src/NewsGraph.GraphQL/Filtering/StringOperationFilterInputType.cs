using GraphQL.Types;

namespace NewsGraph.GraphQL.Filtering;

public sealed class StringOperationFilterInputType : OperationFilterInputType
{
    public StringOperationFilterInputType()
    {
        Name = "StringOperationFilterInput";
        Operation<ListGraphType<NonNullGraphType<StringOperationFilterInputType>>>("and");
        Operation<ListGraphType<NonNullGraphType<StringOperationFilterInputType>>>("or");
        Operation<StringGraphType>("eq");
        Operation<StringGraphType>("neq");
        Operation<StringGraphType>("contains");
        Operation<StringGraphType>("ncontains");
        Operation<ListGraphType<StringGraphType>>("in");
        Operation<ListGraphType<StringGraphType>>("nin");
        Operation<StringGraphType>("startsWith");
        Operation<StringGraphType>("nstartsWith");
        Operation<StringGraphType>("endsWith");
        Operation<StringGraphType>("nendsWith");
        // Additions to Hot Chocolate's set: case-insensitive matching, which its users keep asking for.
        Operation<StringGraphType>("ieq", "Equal, ignoring case (ASCII letters). A NewsGraph addition.");
        Operation<StringGraphType>("icontains", "Contains, ignoring case (ASCII letters). A NewsGraph addition.");
        Operation<StringGraphType>("istartsWith", "Starts with, ignoring case (ASCII letters). A NewsGraph addition.");
    }
}
