using GraphQL.Types;

namespace NewsGraph.GraphQL.Filtering;

/// <summary>A list of objects (<c>ListFilterInputTypeOfImageFilterInput</c>): all, none, some, any.</summary>
public sealed class ListFilterInputType<TFilterInputType> : InputObjectGraphType, IListFilterInputType
    where TFilterInputType : InputObjectGraphType, IFilterInputType, new()
{
    public ListFilterInputType()
    {
        Name = "ListFilterInputTypeOf" + new TFilterInputType().Name;
        Field<TFilterInputType>("all");
        Field<TFilterInputType>("none");
        Field<TFilterInputType>("some");
        Field<BooleanGraphType>("any");
    }
}
