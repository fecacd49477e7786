namespace NewsGraph.GraphQL.Sorting;

public interface ISortInputType
{
    Type EntityType { get; }
}
