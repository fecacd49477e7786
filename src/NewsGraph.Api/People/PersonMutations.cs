using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Data;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.Api.People;

public static class PersonMutations
{
    public static void AddPersonMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreatePersonPayloadGraphType>>("createPerson")
            .Description("Adds a person. Editors only.")
            .Argument<NonNullGraphType<CreatePersonInputGraphType>>("input")
            .Authorize(Roles.Editors)
            .ResolveAsync(async ctx =>
            {
                var input = Input(ctx);
                var person = new Person { Name = "" };
                var errors = new List<MutationError>();
                Apply(person, input, errors);
                if (errors.Count > 0)
                    return Payload.Failure<Person>([.. errors]);
                await using var db = await ctx.CreateDbContextAsync();
                db.People.Add(person);
                await db.SaveChangesAsync(ctx.CancellationToken);
                return Payload.Success(person);
            });

        mutation.Field<NonNullGraphType<UpdatePersonPayloadGraphType>>("updatePerson")
            .Description("Changes a person's name, title or organisation. Editors only.")
            .Argument<NonNullGraphType<UpdatePersonInputGraphType>>("input")
            .Authorize(Roles.Editors)
            .ResolveAsync(async ctx =>
            {
                var input = Input(ctx);
                var errors = new List<MutationError>();
                var id = input.Id("id", "Person", errors);
                if (id is null)
                    return Payload.Failure<Person>([.. errors]);
                await using var db = await ctx.CreateDbContextAsync();
                var person = await db.People.FirstOrDefaultAsync(p => p.Id == id, ctx.CancellationToken);
                if (person is null)
                    return Payload.Failure<Person>(NotFound(id.Value));
                var version = input.Number("version")!.Value;
                if (person.Version != version)
                    return Payload.Failure<Person>(Conflict(version, person.Version));
                Apply(person, input, errors);
                if (errors.Count > 0)
                    return Payload.Failure<Person>([.. errors]);
                return await SaveAsync(db, person, version, ctx.CancellationToken);
            });

        mutation.Field<NonNullGraphType<MergePeoplePayloadGraphType>>("mergePeople")
            .Description("Makes duplicates one person: their bylines and quotes move to the person kept and they are deleted. Admins only.")
            .Argument<NonNullGraphType<MergePeopleInputGraphType>>("input")
            .Authorize(Roles.Admin)
            .ResolveAsync(async ctx =>
            {
                var input = Input(ctx);
                var errors = new List<MutationError>();
                var keepId = input.Id("id", "Person", errors);
                var mergeIds = input.Ids("mergeIds", "Person", errors).Where(m => m != keepId).Distinct().ToList();
                if (keepId is null || errors.Count > 0)
                    return Payload.Failure<Person>([.. errors]);
                if (mergeIds.Count == 0)
                    return Payload.Failure<Person>(new InvalidInputError("Name at least one other person to merge.", "mergeIds"));
                await using var db = await ctx.CreateDbContextAsync();
                var people = await db.People.Where(p => p.Id == keepId || mergeIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ctx.CancellationToken);
                if (!people.TryGetValue(keepId.Value, out var kept))
                    return Payload.Failure<Person>(NotFound(keepId.Value));
                if (mergeIds.FirstOrDefault(m => !people.ContainsKey(m)) is var missing and > 0)
                    return Payload.Failure<Person>(NotFound(missing));
                var version = input.Number("version")!.Value;
                if (kept.Version != version)
                    return Payload.Failure<Person>(Conflict(version, kept.Version));

                var bylines = await db.Bylines.Where(b => mergeIds.Contains(b.PersonId) || b.PersonId == keepId).ToListAsync(ctx.CancellationToken);
                var keptArticles = bylines.Where(b => b.PersonId == keepId).Select(b => b.ArticleId).ToHashSet();
                foreach (var byline in bylines.Where(b => b.PersonId != keepId))
                {
                    // The key holds the person, so a moved byline is a new row.
                    db.Bylines.Remove(byline);
                    if (keptArticles.Add(byline.ArticleId))
                        db.Bylines.Add(new Byline { ArticleId = byline.ArticleId, PersonId = kept.Id, Position = byline.Position, Role = byline.Role });
                }
                foreach (var quote in await db.Quotes.Where(q => q.SpeakerId != null && mergeIds.Contains(q.SpeakerId.Value)).ToListAsync(ctx.CancellationToken))
                    quote.SpeakerId = kept.Id;
                db.People.RemoveRange(mergeIds.Select(m => people[m]));
                return await SaveAsync(db, kept, version, ctx.CancellationToken);
            });
    }

    private static MutationInput Input(IResolveFieldContext context) => new(context.GetArgument<Dictionary<string, object?>>("input"));

    private static async Task<Payload<Person>> SaveAsync(NewsDbContext db, Person person, int version, CancellationToken cancellationToken)
    {
        if (db.ChangeTracker.HasChanges())
            person.Version++;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return Payload.Failure<Person>(Conflict(version, version + 1));
        }
        return Payload.Success(person);
    }

    private static void Apply(Person person, MutationInput input, List<MutationError> errors)
    {
        if (input.Has("name"))
        {
            if (input.Text("name") is { Length: <= 200 } name)
                person.Name = name;
            else
                errors.Add(new InvalidInputError("`name` must have between 1 and 200 characters.", "name"));
        }
        foreach (var (field, assign) in new (string, Action<string?>)[] { ("title", v => person.Title = v), ("organization", v => person.Organization = v) })
        {
            if (!input.Has(field))
                continue;
            if (input.Text(field) is { Length: > 200 })
                errors.Add(new InvalidInputError($"`{field}` must have at most 200 characters.", field));
            else
                assign(input.Text(field));
        }
    }

    private static NotFoundError NotFound(int id) => new($"There is no person with the ID `{GlobalId.Format("Person", id)}`.", GlobalId.Format("Person", id));

    private static VersionConflictError Conflict(int expected, int current)
        => new($"The person was changed since version {expected}; it is at version {current} now.", expected, current);
}

public sealed class CreatePersonInputGraphType : InputObjectGraphType
{
    public CreatePersonInputGraphType()
    {
        Name = "CreatePersonInput";
        Field<NonNullGraphType<StringGraphType>>("name");
        Field<StringGraphType>("title");
        Field<StringGraphType>("organization");
    }
}

public sealed class UpdatePersonInputGraphType : InputObjectGraphType
{
    public UpdatePersonInputGraphType()
    {
        Name = "UpdatePersonInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("version");
        Field<StringGraphType>("name");
        Field<StringGraphType>("title");
        Field<StringGraphType>("organization");
    }
}

public sealed class MergePeopleInputGraphType : InputObjectGraphType
{
    public MergePeopleInputGraphType()
    {
        Name = "MergePeopleInput";
        Field<NonNullGraphType<IdGraphType>>("id").Description("The person kept.");
        Field<NonNullGraphType<IntGraphType>>("version").Description("The kept person's version the merge is based on.");
        Field<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("mergeIds").Description("The duplicates, merged into the kept person and deleted.");
    }
}

public sealed class CreatePersonPayloadGraphType() : PayloadGraphType<Person, PersonGraphType, CreatePersonErrorGraphType>("person");

public sealed class CreatePersonErrorGraphType : UnionGraphType
{
    public CreatePersonErrorGraphType()
    {
        Type<InvalidInputErrorGraphType>();
    }
}

public sealed class UpdatePersonPayloadGraphType() : PayloadGraphType<Person, PersonGraphType, UpdatePersonErrorGraphType>("person");

public sealed class UpdatePersonErrorGraphType : UnionGraphType
{
    public UpdatePersonErrorGraphType()
    {
        Type<InvalidInputErrorGraphType>();
        Type<NotFoundErrorGraphType>();
        Type<VersionConflictErrorGraphType>();
    }
}

public sealed class MergePeoplePayloadGraphType() : PayloadGraphType<Person, PersonGraphType, MergePeopleErrorGraphType>("person");

public sealed class MergePeopleErrorGraphType : UnionGraphType
{
    public MergePeopleErrorGraphType()
    {
        Type<InvalidInputErrorGraphType>();
        Type<NotFoundErrorGraphType>();
        Type<VersionConflictErrorGraphType>();
    }
}
