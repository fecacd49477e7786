namespace NewsGraph.GraphQL.Filtering;

/// <summary>Implemented by the entity filters (<see cref="FilterInputType{T}"/>).</summary>
public interface IFilterInputType
{
    Type EntityType { get; }
}
