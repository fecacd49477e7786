using GraphQL.Types;

namespace NewsGraph.GraphQL.Relay;

/// <summary>Relay's <c>Node</c>: every type with a global ID implements it.</summary>
public sealed class NodeInterfaceGraphType : InterfaceGraphType
{
    public NodeInterfaceGraphType()
    {
        Name = "Node";
        Description = "The node interface is implemented by entities that have a global unique identifier.";
        Field<NonNullGraphType<IdGraphType>>("id");
    }
}
