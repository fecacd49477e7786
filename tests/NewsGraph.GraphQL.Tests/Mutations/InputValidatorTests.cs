using NewsGraph.GraphQL.Mutations;
using NewsGraph.GraphQL.Relay;

namespace NewsGraph.GraphQL.Tests.Mutations;

public sealed class InputValidatorTests
{
    [Fact]
    public void Text_IsTrimmed_AndBlankIsNull()
    {
        var check = new InputValidator();

        Assert.Equal(("Budget", null), (check.Text("  Budget ", "headline", 10), check.Text("   ", "genre", 10)));
        Assert.False(check.HasErrors);
    }

    [Theory]
    [InlineData("", true, "`headline` must have between 1 and 5 characters.")]
    [InlineData("toolong", false, "`headline` must have at most 5 characters.")]
    public void Text_ThatCannotBeUsed_IsAnErrorNamingTheField(string value, bool required, string message)
    {
        var check = new InputValidator();

        Assert.Null(check.Text(value, "headline", 5, required));

        var error = Assert.IsType<InvalidInputError>(Assert.Single(check.Errors));
        Assert.Equal(("headline", "INVALID_INPUT", message), (error.Field, error.Code, error.Message));
        Assert.True(check.Rejected("headline"));
    }

    [Fact]
    public void OptionalText_LeftOutStaysLeftOut_NullStaysSet_AndARejectedOneIsLeftOut()
    {
        var check = new InputValidator();

        var leftOut = check.Text(default(Optional<string?>), "title", 5);
        var cleared = check.Text(new Optional<string?>(true, null), "title", 5);
        var rejected = check.Text(new Optional<string?>(true, "far too long"), "name", 5);

        Assert.False(leftOut.IsSet);
        Assert.Equal((true, (string?)null), (cleared.IsSet, cleared.Value));
        Assert.False(rejected.IsSet);
        Assert.Equal("name", Assert.IsType<InvalidInputError>(Assert.Single(check.Errors)).Field);
    }

    [Fact]
    public void Ids_StopAtTheFirstThatIsNotOne_AndSayWhich()
    {
        var check = new InputValidator();

        var ids = check.Ids([GlobalId.Format("Person", 1), "nope", GlobalId.Format("Person", 3)], "authorIds", "Person");

        Assert.Equal([1], ids);
        var error = Assert.IsType<InvalidInputError>(Assert.Single(check.Errors));
        Assert.Equal(("authorIds", "INVALID_ID"), (error.Field, error.Code));
    }

    [Fact]
    public void EntityKind_MakesNotFoundAndConflictsInOneWording()
    {
        var story = new EntityKind("Article", "story");

        var notFound = story.NotFound(7, "articleId");
        var conflict = story.VersionConflict(1, 2);

        Assert.Equal((GlobalId.Format("Article", 7), "NOT_FOUND"), (notFound.Id, notFound.Code));
        Assert.Equal($"There is no story with the ID `{GlobalId.Format("Article", 7)}` (articleId).", notFound.Message);
        Assert.Equal((1, 2, "VERSION_CONFLICT"), (conflict.ExpectedVersion, conflict.CurrentVersion, conflict.Code));
    }
}
