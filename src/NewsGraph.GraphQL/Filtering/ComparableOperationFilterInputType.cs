using GraphQL.Types;

namespace NewsGraph.GraphQL.Filtering;

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
