using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Auth;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Purging;

namespace NewsGraph.Api.People;

public static class PersonMutations
{
    public static void AddPersonMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreatePersonPayloadGraphType, CreatePersonInputGraphType>("createPerson", "Adds a person. Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<CreatePersonInput, Payload<Person>>(CreateAsync);

        mutation.Mutation<UpdatePersonPayloadGraphType, UpdatePersonInputGraphType>("updatePerson", "Changes a person's name, title or organisation. Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<UpdatePersonInput, Payload<Person>>(async (ctx, input) =>
            {
                var payload = await EditAsync(ctx, input.Id, input.Version, (db, person, check) =>
                {
                    input.Fields.ApplyTo(person, check);
                    return Task.FromResult(db.ChangeTracker.HasChanges());
                });
                if (payload is { Succeeded: true, Result: { } person } && person.Version != input.Version)
                    await PurgeAsync(ctx, [PersonCacheKeys.Person(person.Id), PersonCacheKeys.List], $"person {person.Id} updated");
                return payload;
            });

        mutation.Mutation<MergePeoplePayloadGraphType, MergePeopleInputGraphType>("mergePeople",
                "Makes duplicates one person: their bylines and quotes move to the person kept and they are deleted. Admins only.")
            .Authorize(Roles.Admin)
            .ResolveInputAsync<MergePeopleInput, Payload<Person>>(MergeAsync);
    }

    private static async Task<Payload<Person>> CreateAsync(IResolveFieldContext ctx, CreatePersonInput input)
    {
        var person = new Person { Name = "" };
        var check = new InputValidator();
        input.Fields.ApplyTo(person, check);
        if (check.HasErrors)
            return Payload.Failure<Person>(check.Errors);
        await using var db = await ctx.CreateDbContextAsync();
        db.People.Add(person);
        await db.SaveChangesAsync(ctx.CancellationToken);
        await PurgeAsync(ctx, [PersonCacheKeys.List], $"person {person.Id} created");
        return Payload.Success(person);
    }

    private static Task<Payload<Person>> MergeAsync(IResolveFieldContext ctx, MergePeopleInput input)
    {
        var check = new InputValidator();
        var keepId = check.Id(input.Id, "id", PersonErrors.Person.TypeName);
        var mergeIds = check.Ids(input.MergeIds, "mergeIds", PersonErrors.Person.TypeName).Where(m => m != keepId).Distinct().ToList();
        if (check.HasErrors)
            return Task.FromResult(Payload.Failure<Person>(check.Errors));
        if (mergeIds.Count == 0)
            return Task.FromResult(Payload.Failure<Person>(PersonErrors.NothingToMerge()));
        return MergedAsync(ctx, input.Version, mergeIds,
            EditAsync(ctx, input.Id, input.Version, (db, kept, found) => MoveToAsync(db, kept, mergeIds, found, ctx.CancellationToken)));
    }

    /// <summary>After a merge: every response showing one of the people, and every list of stories (their bylines moved).</summary>
    private static async Task<Payload<Person>> MergedAsync(IResolveFieldContext ctx, int version, List<int> mergeIds, Task<Payload<Person>> merge)
    {
        var payload = await merge;
        if (payload is { Succeeded: true, Result: { } kept } && kept.Version != version)
        {
            await PurgeAsync(ctx, [PersonCacheKeys.Person(kept.Id), .. mergeIds.Select(PersonCacheKeys.Person), PersonCacheKeys.List, ArticleCacheKeys.Lists],
                $"people {string.Join(", ", mergeIds)} merged into {kept.Id}");
        }
        return payload;
    }

    /// <summary>The change is saved: purge even when the editor has gone.</summary>
    private static Task PurgeAsync(IResolveFieldContext ctx, IEnumerable<string> keys, string reason)
        => ctx.RequestServices!.GetRequiredService<CachePurger>().PurgeAsync(keys, reason, CancellationToken.None);

    /// <summary>Moves the bylines and quotes of <paramref name="mergeIds"/> to <paramref name="kept"/> and deletes those people.</summary>
    private static async Task<bool> MoveToAsync(NewsDbContext db, Person kept, List<int> mergeIds, InputValidator check, CancellationToken cancellationToken)
    {
        var merged = await db.People.Where(p => mergeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
        if (mergeIds.FirstOrDefault(m => !merged.ContainsKey(m)) is var missing and > 0)
        {
            check.Add(PersonErrors.Person.NotFound(missing));
            return false;
        }
        var bylines = await db.Bylines.Where(b => mergeIds.Contains(b.PersonId) || b.PersonId == kept.Id).ToListAsync(cancellationToken);
        var keptArticles = bylines.Where(b => b.PersonId == kept.Id).Select(b => b.ArticleId).ToHashSet();
        foreach (var byline in bylines.Where(b => b.PersonId != kept.Id))
        {
            // The key holds the person, so a moved byline is a new row.
            db.Bylines.Remove(byline);
            if (keptArticles.Add(byline.ArticleId))
                db.Bylines.Add(new Byline { ArticleId = byline.ArticleId, PersonId = kept.Id, Position = byline.Position, Role = byline.Role });
        }
        foreach (var quote in await db.Quotes.Where(q => q.SpeakerId != null && mergeIds.Contains(q.SpeakerId.Value)).ToListAsync(cancellationToken))
            quote.SpeakerId = kept.Id;
        db.People.RemoveRange(merged.Values);
        return true;
    }

    private static async Task<Payload<Person>> EditAsync(
        IResolveFieldContext ctx, string personId, int version, Func<NewsDbContext, Person, InputValidator, Task<bool>> change)
    {
        var check = new InputValidator();
        if (check.Id(personId, "id", PersonErrors.Person.TypeName) is not { } id)
            return Payload.Failure<Person>(check.Errors);
        await using var db = await ctx.CreateDbContextAsync();
        return await new VersionedEdit<Person>(db, PersonErrors.Person, id, version)
            .ApplyAsync(db.People, (person, found) => change(db, person, found), ctx.CancellationToken);
    }
}
