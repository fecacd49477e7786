using GraphQL.Types;
using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Scalars;

namespace NewsGraph.Api.Images;

/// <summary>The input types that carry <see cref="ImageFieldsInput"/>: create and update.</summary>
public abstract class ImageFieldsInputGraphType<TInput> : InputGraphType<TInput>
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

    protected static ImageFieldsInput BindImageFields(InputFields fields) => new(
        fields.OptionalText("caption"),
        fields.OptionalText("url"),
        fields.OptionalText("altText"),
        fields.OptionalText("credit"),
        fields.OptionalText("provider"),
        fields.OptionalText("rightsNote"),
        fields.OptionalValue<bool?>("isNotForSale"),
        fields.OptionalValue<bool?>("isFilePhoto"),
        fields.OptionalValue<DateOnly?>("takenOn"));
}
