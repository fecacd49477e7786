using Microsoft.EntityFrameworkCore;

namespace NewsGraph.GraphQL.Mutations;

/// <summary>
/// The one way a versioned object is changed: load it, check the version the change was based on,
/// apply the change, raise the version, save, and answer a conflict when someone saved in between
/// (the version is the concurrency token, so the second of two simultaneous saves matches no row).
/// Not found and conflicts come from <see cref="EntityKind"/>.
/// </summary>
public sealed class VersionedEdit<T>(DbContext db, EntityKind kind, int id, int expectedVersion)
    where T : class, IVersioned
{
    /// <summary>
    /// Loads the object from <paramref name="source"/> (tracked, with what the change needs included) and
    /// applies <paramref name="change"/>, which reports problems to the validator and returns whether it changed
    /// anything (nothing is saved otherwise). <paramref name="stamp"/> runs after the version is raised,
    /// before saving (a time stamp, a revision row).
    /// </summary>
    public async Task<Payload<T>> ApplyAsync(
        IQueryable<T> source, Func<T, InputValidator, Task<bool>> change, CancellationToken cancellationToken, Action<T>? stamp = null)
    {
        var entity = await LoadAsync(source, cancellationToken);
        if (Check(entity) is { } refused)
            return refused;
        var validator = new InputValidator();
        var changed = await change(entity!, validator);
        if (validator.HasErrors)
            return Payload.Failure<T>(validator.Errors);
        if (!changed)
            return Payload.Success(entity!);
        entity!.Version++;
        stamp?.Invoke(entity);
        return await SaveAsync(entity, cancellationToken);
    }

    /// <summary>Loads the object and deletes it, if it is still at the expected version.</summary>
    public async Task<Payload<T>> DeleteAsync(IQueryable<T> source, CancellationToken cancellationToken)
    {
        var entity = await LoadAsync(source, cancellationToken);
        if (Check(entity) is { } refused)
            return refused;
        db.Remove(entity!);
        return await SaveAsync(entity!, cancellationToken);
    }

    private Task<T?> LoadAsync(IQueryable<T> source, CancellationToken cancellationToken)
        => source.FirstOrDefaultAsync(e => EF.Property<int>(e, nameof(IVersioned.Id)) == id, cancellationToken);

    private Payload<T>? Check(T? entity)
        => entity is null ? Payload.Failure<T>(kind.NotFound(id))
            : entity.Version != expectedVersion ? Payload.Failure<T>(kind.VersionConflict(expectedVersion, entity.Version))
            : null;

    private async Task<Payload<T>> SaveAsync(T entity, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return Payload.Success(entity);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Someone saved (or deleted it) between our read and our write.
            var current = await db.Set<T>().AsNoTracking()
                .Where(e => EF.Property<int>(e, nameof(IVersioned.Id)) == id)
                .Select(e => (int?)EF.Property<int>(e, nameof(IVersioned.Version)))
                .FirstOrDefaultAsync(cancellationToken);
            return Payload.Failure<T>(current is { } version ? kind.VersionConflict(expectedVersion, version) : kind.NotFound(id));
        }
    }
}
