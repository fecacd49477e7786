using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// A mutation's input type bound to a record: <c>ctx.GetArgument&lt;CreateArticleInput&gt;("input")</c>
/// gives the record that <see cref="Bind"/> makes from the fields the request sent.
/// </summary>
public abstract class InputGraphType<TInput> : InputObjectGraphType<TInput>
{
    /// <summary>The record for the fields GraphQL.NET coerced (nested inputs are already bound).</summary>
    protected abstract TInput Bind(InputFields fields);

    public sealed override object ParseDictionary(IDictionary<string, object?> value) => Bind(new InputFields(value))!;
}
