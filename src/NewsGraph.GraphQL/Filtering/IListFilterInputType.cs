namespace NewsGraph.GraphQL.Filtering;

/// <summary>Marks the list filters, whose operations apply to elements.</summary>
public interface IListFilterInputType;
