using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>The <c>XError</c> union of a mutation's payload and the <c>[XError!]</c> list type that carries it.</summary>
public static class ErrorUnion
{
    /// <summary>The common errors of a change to an existing, versioned object.</summary>
    public static readonly Type[] OfVersionedEdit = [typeof(InvalidInputErrorGraphType), typeof(NotFoundErrorGraphType), typeof(VersionConflictErrorGraphType)];

    /// <summary><c>CreateArticlePayload</c> → <c>CreateArticleError</c>.</summary>
    public static string NameFor(string payloadName)
        => (payloadName.EndsWith("Payload", StringComparison.Ordinal) ? payloadName[..^"Payload".Length] : payloadName) + "Error";

    /// <summary><c>[name!]</c> over a union of <paramref name="errorTypes"/> (error graph types, in the order the schema lists them).</summary>
    public static ListGraphType ListOf(string name, IReadOnlyList<Type> errorTypes)
    {
        var union = new UnionGraphType { Name = name };
        foreach (var type in errorTypes)
            union.Type(type);
        return new ListGraphType(new NonNullGraphType(union));
    }
}
