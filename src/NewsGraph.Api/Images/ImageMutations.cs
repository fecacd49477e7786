using GraphQL;
using GraphQL.Types;
using Microsoft.EntityFrameworkCore;
using NewsGraph.Api.Auth;
using NewsGraph.Api.Data;
using NewsGraph.GraphQL.Authorization;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Scalars;

namespace NewsGraph.Api.Images;

public static class ImageMutations
{
    public static void AddImageMutations(this ObjectGraphType mutation)
    {
        mutation.Field<NonNullGraphType<CreateImagePayloadGraphType>>("createImage")
            .Description("Adds a photo to the library; `attachImage` places it in a story. Editors only.")
            .Argument<NonNullGraphType<CreateImageInputGraphType>>("input")
            .Authorize(Roles.Editors)
            .ResolveAsync(async ctx =>
            {
                var input = new MutationInput(ctx.GetArgument<Dictionary<string, object?>>("input"));
                var image = new Image { Caption = "" };
                var errors = new List<MutationError>();
                Apply(image, input, errors);
                if (errors.Count > 0)
                    return Payload.Failure<Image>([.. errors]);
                await using var db = await ctx.CreateDbContextAsync();
                db.Images.Add(image);
                await db.SaveChangesAsync(ctx.CancellationToken);
                return Payload.Success(image);
            });

        mutation.Field<NonNullGraphType<UpdateImagePayloadGraphType>>("updateImage")
            .Description("Changes a photo's caption, credit or rights. Editors only.")
            .Argument<NonNullGraphType<UpdateImageInputGraphType>>("input")
            .Authorize(Roles.Editors)
            .ResolveAsync(async ctx =>
            {
                var input = new MutationInput(ctx.GetArgument<Dictionary<string, object?>>("input"));
                var errors = new List<MutationError>();
                var id = input.Id("id", "Image", errors);
                if (id is null)
                    return Payload.Failure<Image>([.. errors]);
                await using var db = await ctx.CreateDbContextAsync();
                var image = await db.Images.FirstOrDefaultAsync(i => i.Id == id, ctx.CancellationToken);
                if (image is null)
                    return Payload.Failure<Image>(ImageErrors.NotFound(id.Value));
                var version = input.Number("version")!.Value;
                if (image.Version != version)
                    return Payload.Failure<Image>(Conflict(version, image.Version));
                Apply(image, input, errors);
                if (errors.Count > 0)
                    return Payload.Failure<Image>([.. errors]);
                if (db.ChangeTracker.HasChanges())
                    image.Version++;
                try
                {
                    await db.SaveChangesAsync(ctx.CancellationToken);
                }
                catch (DbUpdateConcurrencyException)
                {
                    return Payload.Failure<Image>(Conflict(version, version + 1));
                }
                return Payload.Success(image);
            });
    }

    private static VersionConflictError Conflict(int expected, int current)
        => new($"The image was changed since version {expected}; it is at version {current} now.", expected, current);

    private static void Apply(Image image, MutationInput input, List<MutationError> errors)
    {
        string? Text(string field, int max, bool required)
        {
            var value = input.Text(field);
            if ((required && value is null) || value?.Length > max)
                errors.Add(new InvalidInputError($"`{field}` must have {(required ? "between 1 and" : "at most")} {max} characters.", field));
            return value;
        }
        if (input.Has("caption") && Text("caption", 4000, required: true) is { } caption)
            image.Caption = caption;
        if (input.Has("url"))
        {
            var url = Text("url", 2000, required: false);
            if (url is not null && !Uri.TryCreate(url, UriKind.Absolute, out _))
                errors.Add(new InvalidInputError("`url` must be an absolute URL.", "url"));
            image.Url = url;
        }
        if (input.Has("altText"))
            image.AltText = Text("altText", 1000, required: false);
        if (input.Has("credit"))
            image.Credit = Text("credit", 200, required: false);
        if (input.Has("provider"))
            image.Provider = Text("provider", 200, required: false);
        if (input.Has("rightsNote"))
            image.RightsNote = Text("rightsNote", 100, required: false);
        if (input.Has("isNotForSale"))
            image.IsNotForSale = input.Bool("isNotForSale") ?? false;
        if (input.Has("isFilePhoto"))
            image.IsFilePhoto = input.Bool("isFilePhoto") ?? false;
        if (input.Has("takenOn"))
            image.TakenOn = input.Value<DateOnly?>("takenOn");
    }
}

public abstract class ImageFieldsInputGraphType : InputObjectGraphType
{
    protected void ImageFields(bool captionRequired)
    {
        if (captionRequired)
            Field<NonNullGraphType<StringGraphType>>("caption");
        else
            Field<StringGraphType>("caption");
        Field<StringGraphType>("url");
        Field<StringGraphType>("altText");
        Field<StringGraphType>("credit");
        Field<StringGraphType>("provider");
        Field<StringGraphType>("rightsNote");
        Field<BooleanGraphType>("isNotForSale");
        Field<BooleanGraphType>("isFilePhoto");
        Field<DateType>("takenOn");
    }
}

public sealed class CreateImageInputGraphType : ImageFieldsInputGraphType
{
    public CreateImageInputGraphType()
    {
        Name = "CreateImageInput";
        ImageFields(captionRequired: true);
    }
}

public sealed class UpdateImageInputGraphType : ImageFieldsInputGraphType
{
    public UpdateImageInputGraphType()
    {
        Name = "UpdateImageInput";
        Field<NonNullGraphType<IdGraphType>>("id");
        Field<NonNullGraphType<IntGraphType>>("version");
        ImageFields(captionRequired: false);
    }
}

public sealed class CreateImagePayloadGraphType() : PayloadGraphType<Image, ImageGraphType, CreateImageErrorGraphType>("image");

public sealed class CreateImageErrorGraphType : UnionGraphType
{
    public CreateImageErrorGraphType()
    {
        Type<InvalidInputErrorGraphType>();
    }
}

public sealed class UpdateImagePayloadGraphType() : PayloadGraphType<Image, ImageGraphType, UpdateImageErrorGraphType>("image");

public sealed class UpdateImageErrorGraphType : UnionGraphType
{
    public UpdateImageErrorGraphType()
    {
        Type<InvalidInputErrorGraphType>();
        Type<NotFoundErrorGraphType>();
        Type<VersionConflictErrorGraphType>();
    }
}
