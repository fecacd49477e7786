namespace NewsGraph.GraphQL.CostAnalysis;

/// <summary>What an operation costs: resolving its fields, and the objects its response can hold.</summary>
public sealed record OperationCost(double FieldCost, double TypeCost);
