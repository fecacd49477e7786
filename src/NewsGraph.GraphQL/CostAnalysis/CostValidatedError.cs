using GraphQL.Validation;

namespace NewsGraph.GraphQL.CostAnalysis;

/// <summary>Stops a <c>GraphQL-Cost: validate</c> request after its cost is known; the transport answers with the cost alone.</summary>
public sealed class CostValidatedError() : ValidationError("The operation's cost was computed; it was not executed.");
