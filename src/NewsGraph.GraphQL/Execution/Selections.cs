using GraphQL.Types;
using GraphQLParser.AST;

namespace NewsGraph.GraphQL.Execution;

/// <summary>What a selection means in a schema, for the rules that walk operations themselves.</summary>
internal static class Selections
{
    /// <summary>The definition of <paramref name="field"/> on <paramref name="parent"/>, meta fields included; null when unknown.</summary>
    public static FieldType? FieldOf(ISchema schema, IGraphType parent, GraphQLField field)
    {
        var name = field.Name.StringValue;
        if (name == "__typename")
            return schema.TypeNameMetaFieldType;
        if (ReferenceEquals(parent, schema.Query))
        {
            if (name == "__schema")
                return schema.SchemaMetaFieldType;
            if (name == "__type")
                return schema.TypeMetaFieldType;
        }
        return (parent as IComplexGraphType)?.GetField(name);
    }

    /// <summary>The type a fragment's condition names, or <paramref name="current"/> without one; null when unknown.</summary>
    public static IGraphType? ConditionType(ISchema schema, GraphQLTypeCondition? condition, IGraphType current)
        => condition is null ? current : schema.AllTypes[condition.Type.Name.StringValue];

    /// <summary>Whether a fragment with <paramref name="condition"/> applies to objects of <paramref name="type"/>.</summary>
    public static bool Applies(ISchema schema, GraphQLTypeCondition? condition, IObjectGraphType type)
        => ConditionType(schema, condition, type) switch
        {
            IObjectGraphType o => ReferenceEquals(o, type),
            IInterfaceGraphType i => type.ResolvedInterfaces.Contains(i),
            UnionGraphType u => u.PossibleTypes.Contains(type),
            _ => false,
        };
}
