namespace NewsGraph.GraphQL.CostAnalysis;

/// <summary>Hot Chocolate's cost analysis defaults, bound from the <c>GraphQL:Cost</c> configuration section.</summary>
public sealed class CostOptions
{
    public const string SectionName = "GraphQL:Cost";

    /// <summary>Highest accepted field cost: what resolving the operation costs (HC0047).</summary>
    public double MaxFieldCost { get; set; } = 1_000;

    /// <summary>Highest accepted type cost: how many objects the response may hold (HC0047).</summary>
    public double MaxTypeCost { get; set; } = 1_000;

    /// <summary>Refuse operations over the limits; off, costs are still computed and reported on request.</summary>
    public bool EnforceCostLimits { get; set; } = true;

    /// <summary>Weight of a field that runs a resolver (a database query, a DataLoader).</summary>
    public double DefaultResolverCost { get; set; } = 10;

    /// <summary>Weight of a <c>where</c> argument and of each filter operation.</summary>
    public double DefaultFilterCost { get; set; } = 10;

    /// <summary>Weight of the string operations that cannot use an index (<c>contains</c>, <c>startsWith</c>, <c>endsWith</c> and their negations).</summary>
    public double DefaultExpensiveFilterCost { get; set; } = 20;

    /// <summary>Weight of an <c>order</c> argument and of each sort field.</summary>
    public double DefaultSortCost { get; set; } = 10;
}
