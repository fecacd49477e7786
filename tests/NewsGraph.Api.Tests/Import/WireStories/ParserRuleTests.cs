using NewsGraph.Api.Articles;
using NewsGraph.Api.Import.WireStories;
using static NewsGraph.Api.Tests.Import.WireStories.WireStoryPages;

namespace NewsGraph.Api.Tests.Import.WireStories;

/// <summary>The parser's rules, each on a small page.</summary>
public sealed class ParserRuleTests
{
    [Fact]
    public void Parse_SeveralGenreMarkers_JoinsThemAndKeepsRevisionAndUrgency()
    {
        var story = WireStoryParser.Parse(Page(headline: "(2nd LD) (URGENT) (News Focus) (Yonhap Interview) Allies hold talks", "SEOUL, Nov. 23 (Yonhap) -- Talks were held."));

        Assert.Equal("Allies hold talks", story.Headline);
        Assert.Equal("2nd LD", story.RevisionLabel);
        Assert.True(story.IsUrgent);
        Assert.Equal("News Focus, Yonhap Interview", story.Genre);
    }


    [Fact]
    public void Parse_ParagraphOverSeveralLines_JoinsTheLinesWithSpaces()
    {
        var story = WireStoryParser.Parse(Page(paragraphs: "SEOUL, Nov. 23 (Yonhap) -- The first line\nand the second line.\n\nAnother paragraph."));

        Assert.Equal(["The first line and the second line.", "Another paragraph."], story.Paragraphs);
    }

    [Fact]
    public void Parse_EndMarkerAfterTheLastSentence_IsTakenOffAndTheRestIgnored()
    {
        var story = WireStoryParser.Parse(Page(paragraphs: "SEOUL, Nov. 23 (Yonhap) -- Talks were held. (END)\n\nRelated stories: more talks."));

        Assert.True(story.HasEndMarker);
        Assert.Equal(["Talks were held."], story.Paragraphs);
    }

    [Fact]
    public void Parse_FirstParagraphStartingWithBy_IsBodyNotByline()
    {
        var story = WireStoryParser.Parse(Page(paragraphs: "By 2030, the country plans to launch five more satellites."));

        Assert.Empty(story.Bylines);
        Assert.Null(story.Dateline);
        Assert.Equal(["By 2030, the country plans to launch five more satellites."], story.Paragraphs);
    }

    [Theory]
    [InlineData("Gen. John Raymond", "John Raymond", "Gen.")]
    [InlineData("Defense Minister Suh Wook", "Suh Wook", "Defense Minister")]
    [InlineData("U.S. Chief of Space Operations John Raymond", "John Raymond", "U.S. Chief of Space Operations")]
    [InlineData("President Moon Jae-in", "Moon Jae-in", "President")]
    [InlineData("Foreign Minister Kang Kyung-wha", "Kang Kyung-wha", "Foreign Minister")]
    [InlineData("Unification Minister Lee In-young", "Lee In-young", "Unification Minister")]
    [InlineData("Deputy Secretary of State Thomas Harmon", "Thomas Harmon", "Deputy Secretary of State")]
    public void Parse_TitleBeforeName_FindsThePersonWithThatTitle(string phrase, string name, string title)
    {
        var story = WireStoryParser.Parse(Page(paragraphs: $"SEOUL, Nov. 23 (Yonhap) -- {phrase} attended the ceremony on Monday."));

        Assert.Equal([new ParsedStory.PersonFacts(name, title, null)], story.People);
    }

    [Fact]
    public void Parse_TwoTitledPeopleJoinedByAnd_FindsBothInOrder()
    {
        var story = WireStoryParser.Parse(Page(paragraphs: "Foreign Minister Kang Kyung-wha and Unification Minister Lee In-young attended the meeting."));

        Assert.Equal(["Kang Kyung-wha", "Lee In-young"], story.People.Select(p => p.Name));
    }

    [Fact]
    public void Parse_PronounAfterANameInsideAQuote_PointsToTheSpeakerNotTheQuotedName()
    {
        var story = WireStoryParser.Parse(Page(paragraphs:
            "Foreign Minister Cha Eun-hye met reporters in Seoul.\n\n\"I told Prime Minister Kenji Arai that we want progress,\" she said."));

        var quote = Assert.Single(story.Quotes);
        Assert.Equal(("Cha Eun-hye", "I told Prime Minister Kenji Arai that we want progress."), (quote.SpeakerName, quote.Text));
    }

    [Fact]
    public void Parse_QuoteAttributedToAnInstitution_HasNoSpeaker()
    {
        var story = WireStoryParser.Parse(Page(paragraphs:
            "Defense Minister Suh Wook visited the unit.\n\n\"The situation is under control,\" the ministry said."));

        var quote = Assert.Single(story.Quotes);
        Assert.Equal((null, null, "The situation is under control."), (quote.SpeakerName, quote.SpeakerTitle, quote.Text));
    }

    [Fact]
    public void Parse_ReporterNamedInTheByline_IsNotAPerson()
    {
        var story = WireStoryParser.Parse(Page(byline: "By Oh Seok-min", paragraphs: "Defense Minister Suh Wook thanked correspondent Oh Seok-min."));

        Assert.Equal(["Oh Seok-min"], story.Bylines);
        Assert.Equal(["Suh Wook"], story.People.Select(p => p.Name));
    }

    [Fact]
    public void Parse_PronounAfterASentenceNamingTwoMen_IsAmbiguousAndGivesNoSpeakerButTheReason()
    {
        var story = WireStoryParser.Parse(Page(paragraphs:
            "Defense Minister Shin Won-sik met Foreign Minister Park Jin on Monday.\n\n\"We agreed on the next steps,\" he said."));

        var quote = Assert.Single(story.Quotes);
        Assert.Equal((null, QuoteAttribution.Unattributed), (quote.SpeakerName, quote.Attribution));
        Assert.Contains("could be", quote.UnattributedReason, StringComparison.Ordinal);
        Assert.Contains("Shin Won-sik", quote.UnattributedReason, StringComparison.Ordinal);
        Assert.Contains("Park Jin", quote.UnattributedReason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_PronounAfterOnePersonIsNamed_GoesToThatPersonNotThePreviousSpeaker()
    {
        var story = WireStoryParser.Parse(Page(paragraphs:
            "\"Talks will go on,\" Defense Minister Shin Won-sik said.\n\nForeign Minister Park Jin arrived later.\n\n\"I am hopeful,\" he said."));

        Assert.Equal([("Shin Won-sik", QuoteAttribution.Name), ("Park Jin", QuoteAttribution.Pronoun)], story.Quotes.Select(q => (q.SpeakerName, q.Attribution)));
    }

    [Fact]
    public void Parse_QuoteGivenToAnAnonymousOfficial_KeepsTheSourceAndNamesNoOne()
    {
        var story = WireStoryParser.Parse(Page(paragraphs: "Seoul, Nov. 23 -- Talks ended.\n\n\"We expect a deal soon,\" a senior government official said on condition of anonymity."));

        var quote = Assert.Single(story.Quotes);
        Assert.Equal((null, QuoteAttribution.Source, "a senior government official"), (quote.SpeakerName, quote.Attribution, quote.Source));
    }

    [Fact]
    public void Parse_SpeechWithNoSpeakerAnywhere_IsAQuoteWithoutSpeakerAndItsReason()
    {
        var story = WireStoryParser.Parse(Page(paragraphs: "Talks ended on Monday.\n\n\"Nobody expected the talks to end this way, and nobody is happy.\""));

        var quote = Assert.Single(story.Quotes);
        Assert.Equal(QuoteAttribution.Unattributed, quote.Attribution);
        Assert.False(string.IsNullOrWhiteSpace(quote.UnattributedReason));
    }

    [Fact]
    public void Parse_NoteToEditorsBeforeTheByline_IsANoteAndLeavesBylineAndDatelineWhole()
    {
        var story = WireStoryParser.Parse(Page(byline: "(ATTN: ADDS photo; UPDATES with quotes in paras 3-4)\n\nBy Kim Soo-yeon",
            paragraphs: "SEOUL, Nov. 23 (Yonhap) -- Talks were held."));

        Assert.Equal(["ATTN: ADDS photo; UPDATES with quotes in paras 3-4"], story.Notes);
        Assert.Equal(["Kim Soo-yeon"], story.Bylines);
        Assert.Equal(["SEOUL"], story.Dateline!.Places);
        Assert.Equal(["Talks were held."], story.Paragraphs);
    }

    [Fact]
    public void Parse_EditorialPage_TakesTheTitleAfterTheTimeLineAndKeepsTheMarkerAsGenre()
    {
        var page = Page(headline: "(EDITORIAL from The Korea Herald on Nov. 23)", paragraphs: "A fair deal\n\nBoth allies must compromise.");

        var story = WireStoryParser.Parse(page);

        Assert.Equal(("A fair deal", "EDITORIAL from The Korea Herald on Nov. 23"), (story.Headline, story.Genre));
        Assert.Equal(["Both allies must compromise."], story.Paragraphs);
    }

    [Theory]
    [InlineData("(Pool photo) (Yonhap)", "Yonhap", "Pool")]
    [InlineData("(AP-Yonhap)", "AP-Yonhap", null)]
    [InlineData("(Pool photo)", "Pool photo", null)]
    public void Parse_CaptionCredit_IsReadFromItsTrailingParentheses(string credits, string credit, string? provider)
    {
        var story = WireStoryParser.Parse(Page(paragraphs: $"Talks were held.\n\nPresident Yoon Suk Yeol (L) shakes hands with a guest in Seoul. {credits}"));

        var image = Assert.Single(story.Images);
        Assert.Equal(("President Yoon Suk Yeol (L) shakes hands with a guest in Seoul.", credit, provider), (image.Caption, image.Credit, image.Provider));
    }

    [Fact]
    public void Parse_NoteToEditorsWrappedOverTwoLines_IsOneNoteAndTheSectionLineFollows()
    {
        var page = Page(headline: "(LEAD) Talks resume\n\n(ATTN: UPDATES with details in paras 3-5;\nADDS photo)", paragraphs: "SEOUL, Nov. 23 (Yonhap) -- Talks were held.");

        var story = WireStoryParser.Parse(page);

        Assert.Equal(["ATTN: UPDATES with details in paras 3-5; ADDS photo"], story.Notes);
        Assert.Equal(("Talks resume", "LEAD", "All News"), (story.Headline, story.RevisionLabel, story.Section));
    }
}
