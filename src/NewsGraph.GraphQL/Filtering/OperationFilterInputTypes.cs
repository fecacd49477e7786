using GraphQL.Types;
using NewsGraph.GraphQL.Scalars;

namespace NewsGraph.GraphQL.Filtering;

// Hot Chocolate's operation input types (default convention, v14/v15): same names, operations,
// order and nullability, so `where` arguments written for Hot Chocolate parse unchanged.

/// <summary>An input type that filters one scalar value (<c>eq</c>, <c>in</c>, <c>gt</c>...).</summary>
public abstract class OperationFilterInputType : InputObjectGraphType
{
    protected void Operation<TGraphType>(string name, string? description = null)
        where TGraphType : IGraphType
        => Field<TGraphType>(name).Description(description);
}

public sealed class StringOperationFilterInputType : OperationFilterInputType
{
    public StringOperationFilterInputType()
    {
        Name = "StringOperationFilterInput";
        Operation<ListGraphType<NonNullGraphType<StringOperationFilterInputType>>>("and");
        Operation<ListGraphType<NonNullGraphType<StringOperationFilterInputType>>>("or");
        Operation<StringGraphType>("eq");
        Operation<StringGraphType>("neq");
        Operation<StringGraphType>("contains");
        Operation<StringGraphType>("ncontains");
        Operation<ListGraphType<StringGraphType>>("in");
        Operation<ListGraphType<StringGraphType>>("nin");
        Operation<StringGraphType>("startsWith");
        Operation<StringGraphType>("nstartsWith");
        Operation<StringGraphType>("endsWith");
        Operation<StringGraphType>("nendsWith");
        // Additions to Hot Chocolate's set: case-insensitive matching, which its users keep asking for.
        Operation<StringGraphType>("ieq", "Equal, ignoring case (ASCII letters). A NewsGraph addition.");
        Operation<StringGraphType>("icontains", "Contains, ignoring case (ASCII letters). A NewsGraph addition.");
        Operation<StringGraphType>("istartsWith", "Starts with, ignoring case (ASCII letters). A NewsGraph addition.");
    }
}

public sealed class BooleanOperationFilterInputType : OperationFilterInputType
{
    public BooleanOperationFilterInputType()
    {
        Name = "BooleanOperationFilterInput";
        Operation<BooleanGraphType>("eq");
        Operation<BooleanGraphType>("neq");
    }
}

/// <summary>Global IDs, decoded before the predicate runs.</summary>
public sealed class IdOperationFilterInputType : OperationFilterInputType
{
    public IdOperationFilterInputType()
    {
        Name = "IdOperationFilterInput";
        Operation<IdGraphType>("eq");
        Operation<IdGraphType>("neq");
        Operation<ListGraphType<IdGraphType>>("in");
        Operation<ListGraphType<IdGraphType>>("nin");
    }
}

public sealed class EnumOperationFilterInputType<TEnumGraphType> : OperationFilterInputType
    where TEnumGraphType : EnumerationGraphType, new()
{
    public EnumOperationFilterInputType()
    {
        Name = new TEnumGraphType().Name + "OperationFilterInput";
        Operation<TEnumGraphType>("eq");
        Operation<TEnumGraphType>("neq");
        Operation<ListGraphType<NonNullGraphType<TEnumGraphType>>>("in");
        Operation<ListGraphType<NonNullGraphType<TEnumGraphType>>>("nin");
    }
}

/// <summary>eq neq in nin gt ngt gte ngte lt nlt lte nlte over one comparable scalar.</summary>
public abstract class ComparableOperationFilterInputType<TScalarGraphType> : OperationFilterInputType
    where TScalarGraphType : ScalarGraphType
{
    protected ComparableOperationFilterInputType(string name)
    {
        Name = name;
        Operation<TScalarGraphType>("eq");
        Operation<TScalarGraphType>("neq");
        Operation<ListGraphType<TScalarGraphType>>("in");
        Operation<ListGraphType<TScalarGraphType>>("nin");
        Operation<TScalarGraphType>("gt");
        Operation<TScalarGraphType>("ngt");
        Operation<TScalarGraphType>("gte");
        Operation<TScalarGraphType>("ngte");
        Operation<TScalarGraphType>("lt");
        Operation<TScalarGraphType>("nlt");
        Operation<TScalarGraphType>("lte");
        Operation<TScalarGraphType>("nlte");
    }
}

public sealed class IntOperationFilterInputType() : ComparableOperationFilterInputType<IntGraphType>("IntOperationFilterInput");

public sealed class LongOperationFilterInputType() : ComparableOperationFilterInputType<LongGraphType>("LongOperationFilterInput");

public sealed class FloatOperationFilterInputType() : ComparableOperationFilterInputType<FloatGraphType>("FloatOperationFilterInput");

public sealed class DecimalOperationFilterInputType() : ComparableOperationFilterInputType<DecimalGraphType>("DecimalOperationFilterInput");

public sealed class DateTimeOperationFilterInputType() : ComparableOperationFilterInputType<DateTimeType>("DateTimeOperationFilterInput");

public sealed class DateOperationFilterInputType() : ComparableOperationFilterInputType<DateType>("DateOperationFilterInput");

public sealed class UuidOperationFilterInputType() : ComparableOperationFilterInputType<UuidType>("UuidOperationFilterInput");

/// <summary>A list of scalars (<c>ListStringOperationFilterInput</c>): all, none, some, any.</summary>
public sealed class ListOperationFilterInputType<TOperationType> : InputObjectGraphType, IListFilterInputType
    where TOperationType : OperationFilterInputType, new()
{
    public ListOperationFilterInputType()
    {
        Name = "List" + new TOperationType().Name;
        Field<TOperationType>("all");
        Field<TOperationType>("none");
        Field<TOperationType>("some");
        Field<BooleanGraphType>("any");
    }
}

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

/// <summary>Marks the list filters, whose operations apply to elements.</summary>
public interface IListFilterInputType;
