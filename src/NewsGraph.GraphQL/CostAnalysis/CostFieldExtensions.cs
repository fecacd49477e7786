using System.Globalization;
using GraphQL;
using GraphQL.Builders;
using GraphQL.Types;

namespace NewsGraph.GraphQL.CostAnalysis;

/// <summary>How a field declares what it costs beyond <see cref="CostDefaults"/>.</summary>
public static class CostFieldExtensions
{
    internal const string ResolverCostKey = "cost:resolver";

    /// <summary>The field runs a resolver that reaches the database (a DataLoader, a query): it costs <see cref="CostOptions.DefaultResolverCost"/>.</summary>
    public static FieldBuilder<TSource, TReturn> ResolverCost<TSource, TReturn>(this FieldBuilder<TSource, TReturn> builder)
        => builder.WithMetadata(ResolverCostKey, true);

    /// <inheritdoc cref="ResolverCost{TSource, TReturn}(FieldBuilder{TSource, TReturn})"/>
    public static FieldType ResolverCost(this FieldType field)
    {
        field.Metadata[ResolverCostKey] = true;
        return field;
    }

    /// <summary><c>@cost(weight:)</c> on the field.</summary>
    public static FieldBuilder<TSource, TReturn> Cost<TSource, TReturn>(this FieldBuilder<TSource, TReturn> builder, double weight)
        => builder.ApplyDirective(CostDirective.DirectiveName, "weight", weight.ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// <c>@listSize</c> on a list field: its length is at most <paramref name="assumedSize"/>, or
    /// the value of the first of <paramref name="slicingArguments"/> given.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> ListSize<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> builder, int assumedSize, params string[] slicingArguments)
        => builder.ListSize(assumedSize, slicingArgumentDefaultValue: null, slicingArguments);

    /// <summary>
    /// <c>@listSize</c> on a list field whose slicing argument has a default in code: without it, the
    /// list holds <paramref name="slicingArgumentDefaultValue"/> items, not <paramref name="assumedSize"/>.
    /// </summary>
    public static FieldBuilder<TSource, TReturn> ListSize<TSource, TReturn>(
        this FieldBuilder<TSource, TReturn> builder, int assumedSize, int? slicingArgumentDefaultValue, params string[] slicingArguments)
        => builder.ApplyDirective(ListSizeDirective.DirectiveName, directive =>
        {
            directive.AddArgument(new DirectiveArgument("assumedSize") { Value = assumedSize });
            if (slicingArguments.Length > 0)
            {
                directive.AddArgument(new DirectiveArgument("slicingArguments") { Value = slicingArguments });
                if (slicingArgumentDefaultValue is { } defaultValue)
                    directive.AddArgument(new DirectiveArgument("slicingArgumentDefaultValue") { Value = defaultValue });
                directive.AddArgument(new DirectiveArgument("requireOneSlicingArgument") { Value = false });
            }
        });
}
