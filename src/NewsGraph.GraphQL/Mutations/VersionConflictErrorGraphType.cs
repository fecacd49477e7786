using GraphQL.Types;

namespace NewsGraph.GraphQL.Mutations;

public sealed class VersionConflictErrorGraphType : ErrorGraphType<VersionConflictError>
{
    public VersionConflictErrorGraphType()
    {
        Description = "Someone saved a newer version since the one the change was based on; nothing was overwritten.";
        Field<NonNullGraphType<IntGraphType>>("expectedVersion").Resolve(ctx => ctx.Source.ExpectedVersion);
        Field<NonNullGraphType<IntGraphType>>("currentVersion").Resolve(ctx => ctx.Source.CurrentVersion);
    }
}
