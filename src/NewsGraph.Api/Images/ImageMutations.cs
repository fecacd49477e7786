using GraphQL;
using GraphQL.Types;
using NewsGraph.Api.Auth;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Purging;

namespace NewsGraph.Api.Images;

public static class ImageMutations
{
    public static void AddImageMutations(this ObjectGraphType mutation)
    {
        mutation.Mutation<CreateImagePayloadGraphType, CreateImageInputGraphType>("createImage",
                "Adds a photo to the library; `attachImage` places it in a story. Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<CreateImageInput, Payload<Image>>(CreateAsync);

        mutation.Mutation<UpdateImagePayloadGraphType, UpdateImageInputGraphType>("updateImage", "Changes a photo's caption, credit or rights. Editors only.")
            .Authorize(Roles.Editors)
            .ResolveInputAsync<UpdateImageInput, Payload<Image>>(UpdateAsync);
    }

    private static async Task<Payload<Image>> CreateAsync(IResolveFieldContext ctx, CreateImageInput input)
    {
        var image = new Image { Caption = "" };
        var check = new InputValidator();
        input.Fields.ApplyTo(image, check);
        if (check.HasErrors)
            return Payload.Failure<Image>(check.Errors);
        await using var db = await ctx.CreateDbContextAsync();
        db.Images.Add(image);
        await db.SaveChangesAsync(ctx.CancellationToken);
        await PurgeAsync(ctx, [ImageCacheKeys.List], $"image {image.Id} created");
        return Payload.Success(image);
    }

    private static async Task<Payload<Image>> UpdateAsync(IResolveFieldContext ctx, UpdateImageInput input)
    {
        var check = new InputValidator();
        if (check.Id(input.Id, "id", ImageErrors.Image.TypeName) is not { } id)
            return Payload.Failure<Image>(check.Errors);
        await using var db = await ctx.CreateDbContextAsync();
        var payload = await new VersionedEdit<Image>(db, ImageErrors.Image, id, input.Version).ApplyAsync(db.Images, (image, found) =>
        {
            input.Fields.ApplyTo(image, found);
            return Task.FromResult(db.ChangeTracker.HasChanges());
        }, ctx.CancellationToken);
        if (payload is { Succeeded: true, Result: { } saved } && saved.Version != input.Version)
            await PurgeAsync(ctx, [ImageCacheKeys.Image(saved.Id), ImageCacheKeys.List], $"image {saved.Id} updated");
        return payload;
    }

    /// <summary>The change is saved: purge even when the editor has gone.</summary>
    private static Task PurgeAsync(IResolveFieldContext ctx, IEnumerable<string> keys, string reason)
        => ctx.RequestServices!.GetRequiredService<CachePurger>().PurgeAsync(keys, reason, CancellationToken.None);
}
