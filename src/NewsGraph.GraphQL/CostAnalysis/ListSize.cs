using System.Collections;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;

namespace NewsGraph.GraphQL.CostAnalysis;

/// <summary>A field's <c>@listSize</c>, read back from the schema.</summary>
internal sealed record ListSize(int? AssumedSize, IReadOnlyList<string> SlicingArguments, int? SlicingArgumentDefaultValue, IReadOnlyList<string> SizedFields)
{
    public static ListSize? Of(FieldType field)
    {
        if (field.FindAppliedDirective(ListSizeDirective.DirectiveName) is not { } directive)
            return null;
        return new ListSize(
            directive.FindArgument("assumedSize")?.Value as int?,
            Strings(directive.FindArgument("slicingArguments")?.Value),
            directive.FindArgument("slicingArgumentDefaultValue")?.Value as int?,
            Strings(directive.FindArgument("sizedFields")?.Value));
    }

    /// <summary>
    /// The largest slicing argument given (negative ones count as 0); without one, the slicing
    /// default, then the assumed size, then 1.
    /// </summary>
    public double SizeFor(IDictionary<string, ArgumentValue>? arguments)
    {
        double? largest = null;
        var given = false;
        foreach (var name in SlicingArguments)
        {
            if (arguments?.TryGetValue(name, out var argument) != true)
                continue;
            given |= argument.Source != ArgumentSource.FieldDefault;
            if (argument.Value is int value)
                largest = Math.Max(largest ?? 0, Math.Max(0, value));
        }
        if (largest is { } size && (given || SlicingArgumentDefaultValue is null))
            return size;
        return SlicingArgumentDefaultValue ?? AssumedSize ?? largest ?? 1;
    }

    private static string[] Strings(object? value)
        => value is IEnumerable items and not string ? [.. items.OfType<string>()] : [];
}
