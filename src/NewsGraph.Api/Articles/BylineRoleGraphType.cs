using GraphQL.Types;

namespace NewsGraph.Api.Articles;

public sealed class BylineRoleGraphType : EnumerationGraphType<BylineRole>
{
    public BylineRoleGraphType()
    {
        Name = "BylineRole";
    }
}
