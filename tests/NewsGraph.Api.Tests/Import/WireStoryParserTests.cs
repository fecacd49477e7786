using System.Text;
using NewsGraph.Api.Articles;
using NewsGraph.Api.Import;
using NewsGraph.Api.Import.Ndjson;
using NewsGraph.Api.Import.WireStories;
using Snapshooter.Xunit;

namespace NewsGraph.Api.Tests.Import;

public sealed class WireStoryParserTests
{
    private static readonly string SeedPage = Path.Combine(AppContext.BaseDirectory, "seeds", "000_42211273ac0188eb.txt");
    private static readonly string StoriesFolder = Path.Combine(AppContext.BaseDirectory, "Import", "WireStories", "Stories");

    // The seed page

    [Fact]
    public async Task Parse_SeedPage_YieldsEveryFactOfThePage()
    {
        var parsed = WireStoryParser.Parse(await File.ReadAllTextAsync(SeedPage));

        Assert.Equal("U.S. space commander calls for deepening security ties with S. Korea in space field", parsed.Headline);
        Assert.Equal("us-space-commander-calls-for-deepening-security-ties-with-s-korea-in-space-field", Slug.From(parsed.Headline));
        Assert.Null(parsed.RevisionLabel);
        Assert.Null(parsed.Genre);
        Assert.False(parsed.IsUrgent);
        Assert.Equal("All News", parsed.Section);
        Assert.Equal(new DateTimeOffset(2020, 11, 23, 15, 52, 0, TimeSpan.FromHours(9)), parsed.PublishedAt);
        Assert.Equal(TimeSpan.FromHours(9), parsed.PublishedAt.Offset);
        Assert.Equal(["Oh Seok-min"], parsed.Bylines);
        Assert.NotNull(parsed.Dateline);
        Assert.Equal(["SEOUL"], parsed.Dateline.Places);
        Assert.Equal("Nov. 23", parsed.Dateline.Date);
        Assert.Equal("Yonhap", parsed.Dateline.Source);

        Assert.Equal(8, parsed.Paragraphs.Count);
        Assert.Equal("The chief of the U.S. Space Operations Command called Monday for closer defense cooperation with South Korea in the domain of space to better cope with emerging threats and boost mutual capacity.", parsed.Paragraphs[0]);
        Assert.StartsWith("Gen. John Raymond made the remarks", parsed.Paragraphs[1], StringComparison.Ordinal);
        Assert.StartsWith("The U.S. commander then stressed", parsed.Paragraphs[4], StringComparison.Ordinal);
        Assert.StartsWith("Defense Minister Suh Wook also delivered", parsed.Paragraphs[6], StringComparison.Ordinal);
        Assert.EndsWith("setting up a system for joint space operations.\"", parsed.Paragraphs[7], StringComparison.Ordinal);
        Assert.DoesNotContain(parsed.Paragraphs, p => p.Contains("(Yonhap)", StringComparison.Ordinal));

        Assert.Equal(2, parsed.Images.Count);
        Assert.Equal("This image shows U.S. Chief of Space Operations John Raymond speaking in his video message for the 2020 Defense Space Power Development Symposium held in Seoul on Nov. 23, 2020.", parsed.Images[0].Caption);
        Assert.Equal(("Yonhap", null, null, false, false, new DateOnly(2020, 11, 23)),
            (parsed.Images[0].Credit, parsed.Images[0].Provider, parsed.Images[0].RightsNote, parsed.Images[0].IsNotForSale, parsed.Images[0].IsFilePhoto, parsed.Images[0].TakenOn));
        Assert.StartsWith("A Falcon 9 Block 5 rocket carrying the Anasis-II satellite", parsed.Images[1].Caption, StringComparison.Ordinal);
        Assert.EndsWith("the administration said on July 31.", parsed.Images[1].Caption, StringComparison.Ordinal);
        Assert.Equal(("Yonhap", "Defense Acquisition Program Administration", "PHOTO NOT FOR SALE", true, true, new DateOnly(2020, 7, 20)),
            (parsed.Images[1].Credit, parsed.Images[1].Provider, parsed.Images[1].RightsNote, parsed.Images[1].IsNotForSale, parsed.Images[1].IsFilePhoto, parsed.Images[1].TakenOn));

        Assert.Equal(
            [("John Raymond", "U.S. Chief of Space Operations", "U.S. Space Operations Command"), ("Suh Wook", "Defense Minister", null)],
            parsed.People.Select(p => (p.Name, p.Title, p.Organization)));
        const string raymond = "U.S. Chief of Space Operations";
        Assert.Equal(
            [
                ("John Raymond", raymond, "Today, space power is a growing source and conduit for national power, prosperity and prestige ... However, access to the domain can no longer be assumed. There is a growing need for security."),
                ("John Raymond", raymond, "In the future, the space force is committed to working with the Republic of Korea to improve our mutual capabilities to build capacity and resilience to emerging threats. Just like we have partnered on land, at sea and in the air, we must expand our cooperation in space."),
                ("John Raymond", raymond, "our collective advantage now to deter a conflict from starting in the first place"),
                ("John Raymond", raymond, "Our relationship is a shining example of why our defense strategy tells us to strengthen alliances and attract new partners. We're clearly stronger together."),
                ("Suh Wook", "Defense Minister", "Our military has made diverse efforts to beef up our defense capabilities in space."),
                ("Suh Wook", "Defense Minister", "We will continue to enhance space capabilities by securing a military reconnaissance satellite and other assets, and setting up a system for joint space operations."),
            ],
            parsed.Quotes.Select(q => (q.SpeakerName!, q.SpeakerTitle!, q.Text)));
        Assert.Equal([1, 2, 3, 4, 5, 6], parsed.Quotes.Select(q => q.Position));
        Assert.False(parsed.HasEndMarker);
    }

    // Fixtures: one invented story per combination of markers, bylines, datelines, photos and quotes

    [Fact]
    public void Parse_LeadStory_ReadsRevisionTwoBylinesProvidedPhotoAndMinistersQuotes()
    {
        var story = ParseStory("lead_red_cross_talks");

        Assert.Equal("Seoul proposes Red Cross talks with N. Korea on separated families", story.Headline);
        Assert.Equal("LEAD", story.RevisionLabel);
        Assert.Null(story.Genre);
        Assert.False(story.IsUrgent);
        Assert.Equal("North Korea", story.Section);
        Assert.Equal(new DateTimeOffset(2021, 3, 15, 11, 20, 0, TimeSpan.FromHours(9)), story.PublishedAt);
        Assert.Equal(["Kim Soo-yeon", "Park Ji-hoon"], story.Bylines);
        Assert.Equal(new ParsedStory.DatelineFacts(["SEOUL"], "March 15", "Yonhap"), story.Dateline, DatelineComparer);
        Assert.Equal(7, story.Paragraphs.Count);
        Assert.StartsWith("South Korea on Monday proposed holding Red Cross talks", story.Paragraphs[0], StringComparison.Ordinal);
        Assert.Equal("He added that the government is ready to hold the reunions by video link if the North remains concerned about the coronavirus.", story.Paragraphs[3]);
        var photo = Assert.Single(story.Images);
        Assert.Equal(
            "Unification Minister Han Seung-woo speaks during a briefing at the government complex in Seoul on March 15, 2021, in this photo provided by the Unification Ministry.",
            photo.Caption);
        Assert.Equal(("Yonhap", "Unification Ministry", "PHOTO NOT FOR SALE", true, false, new DateOnly(2021, 3, 15)),
            (photo.Credit, photo.Provider, photo.RightsNote, photo.IsNotForSale, photo.IsFilePhoto, photo.TakenOn));
        Assert.Equal([new ParsedStory.PersonFacts("Han Seung-woo", "Unification Minister", null)], story.People);
        AssertQuotes(story,
            ("Han Seung-woo", "Unification Minister", "We propose that the Red Cross societies of the South and the North meet at the truce village of Panmunjom in the second week of April."),
            ("Han Seung-woo", "Unification Minister", "There is no time to lose."),
            ("Han Seung-woo", "Unification Minister", "The door for dialogue is always open."),
            ("Han Seung-woo", "Unification Minister", "at the earliest possible date."));
        Assert.True(story.HasEndMarker);
    }

    [Fact]
    public void Parse_UrgentStoryWithoutBylineOrPhotos_ReadsTheBodyAlone()
    {
        var story = ParseStory("urgent_exports");

        Assert.Equal("S. Korea's exports jump 14.2 pct in March on chip demand", story.Headline);
        Assert.True(story.IsUrgent);
        Assert.Null(story.RevisionLabel);
        Assert.Null(story.Genre);
        Assert.Equal("Economy", story.Section);
        Assert.Equal(DateTimeOffset.Parse("2021-04-01T09:01:00+09:00", System.Globalization.CultureInfo.InvariantCulture), story.PublishedAt);
        Assert.Empty(story.Bylines);
        Assert.Equal(new ParsedStory.DatelineFacts(["SEOUL"], "April 1", "Yonhap"), story.Dateline, DatelineComparer);
        Assert.Equal(
            [
                "South Korea's exports rose 14.2 percent on-year in March on robust demand for semiconductors and autos, data showed Thursday.",
                "Outbound shipments came to US$51.7 billion last month, with imports increasing 17.3 percent to $48.9 billion, according to the data from the trade ministry.",
            ],
            story.Paragraphs);
        Assert.Empty(story.Images);
        Assert.Empty(story.People);
        Assert.Empty(story.Quotes);
        Assert.True(story.HasEndMarker);
    }

    [Fact]
    public void Parse_SecondLeadFromTwoCapitals_ReadsThreeBylinesAgencyFilePhotosAndAccordingToQuotes()
    {
        var story = ParseStory("2nd_ld_cost_sharing_talks");

        Assert.Equal("2nd LD", story.RevisionLabel);
        Assert.Equal("S. Korea, U.S. agree to resume defense cost talks in Washington", story.Headline);
        Assert.Equal(["Lee Min-ji", "Choi Dong-hyun", "Yoon Ha-na"], story.Bylines);
        Assert.Equal(new ParsedStory.DatelineFacts(["WASHINGTON", "SEOUL"], "Feb. 7", "Yonhap"), story.Dateline, DatelineComparer);
        Assert.Equal(7, story.Paragraphs.Count);
        Assert.All(story.Paragraphs, p => Assert.DoesNotContain("file photo", p, StringComparison.Ordinal));
        Assert.Equal(2, story.Images.Count);
        Assert.Equal(("AFP-Yonhap", "U.S. Department of Defense", null, true, new DateOnly(2020, 8, 18)),
            (story.Images[0].Credit, story.Images[0].Provider, story.Images[0].RightsNote, story.Images[0].IsFilePhoto, story.Images[0].TakenOn));
        Assert.Equal(("Reuters-Yonhap", null, true, new DateOnly(2019, 6, 4)),
            (story.Images[1].Credit, story.Images[1].Provider, story.Images[1].IsFilePhoto, story.Images[1].TakenOn));
        Assert.EndsWith("in this file photo taken on June 4, 2019.", story.Images[1].Caption, StringComparison.Ordinal);
        Assert.Equal(
            [
                new ParsedStory.PersonFacts("Thomas Harmon", "Deputy Secretary of State", null),
                new ParsedStory.PersonFacts("Seo Ji-ho", "senior diplomat", "Foreign Ministry"),
            ],
            story.People);
        AssertQuotes(story,
            ("Thomas Harmon", "Deputy Secretary of State", "as soon as possible."),
            ("Thomas Harmon", "Deputy Secretary of State", "We value our alliance with the Republic of Korea, and a fair agreement will make it stronger."),
            ("Seo Ji-ho", "senior diplomat", "The two sides will make efforts to conclude the talks at an early date."),
            (null, null, "a chance to reaffirm the alliance"),
            ("Seo Ji-ho", "senior diplomat", "Both governments want this done before the summer."));
        Assert.False(story.HasEndMarker);
    }

    [Fact]
    public void Parse_LeadNewsFocus_ReadsBothMarkersAndAttributesAnalystOfficialAndMinister()
    {
        var story = ParseStory("lead_news_focus_chip_outlook");

        Assert.Equal("Chipmakers brace for slower year as memory prices slide", story.Headline);
        Assert.Equal("LEAD", story.RevisionLabel);
        Assert.Equal("News Focus", story.Genre);
        Assert.Equal(["Jang Woo-jin"], story.Bylines);
        Assert.Equal(8, story.Paragraphs.Count);
        Assert.Empty(story.Images);
        Assert.Equal(
            [
                new ParsedStory.PersonFacts("Noh Ji-eun", "senior analyst", "Hanbit Securities"),
                new ParsedStory.PersonFacts("Bae Sung-hoon", "Trade Minister", null),
            ],
            story.People);
        AssertQuotes(story,
            ("Noh Ji-eun", "senior analyst", "The downturn is likely to be shorter than in 2019, as server demand remains solid."),
            ("Noh Ji-eun", "senior analyst", "as early as the third quarter"),
            (null, null, "Customers are still sitting on high inventories, and we do not expect orders to pick up soon."),
            ("Bae Sung-hoon", "Trade Minister", "Semiconductors remain our biggest export item, and we will not let the industry lose its edge."));
    }

    [Fact]
    public void Parse_YonhapInterview_AttributesSplitAndPronounQuotesToTheEnvoy()
    {
        var story = ParseStory("interview_norwegian_envoy");

        Assert.Equal("Yonhap Interview", story.Genre);
        Assert.Null(story.RevisionLabel);
        Assert.Equal("Norwegian envoy sees hydrogen as next pillar of ties with S. Korea", story.Headline);
        Assert.Equal("All News", story.Section);
        Assert.Equal(["Choi Hye-rin"], story.Bylines);
        Assert.Equal([new ParsedStory.PersonFacts("Ingrid Haugland", "Norwegian Ambassador to South Korea", null)], story.People);
        AssertQuotes(story,
            ("Ingrid Haugland", "Norwegian Ambassador to South Korea", "Korea builds the best ships in the world, and Norway knows the sea."),
            ("Ingrid Haugland", "Norwegian Ambassador to South Korea", "Together, we can make shipping clean."),
            ("Ingrid Haugland", "Norwegian Ambassador to South Korea", "We are not here only to sell."),
            ("Ingrid Haugland", "Norwegian Ambassador to South Korea", "but to build things together."),
            ("Ingrid Haugland", "Norwegian Ambassador to South Korea", "all efforts for lasting peace"));
        Assert.Equal(2, story.Images.Count);
        Assert.Equal(("Yonhap", null, null, false, new DateOnly(2021, 6, 8)),
            (story.Images[0].Credit, story.Images[0].Provider, story.Images[0].RightsNote, story.Images[0].IsNotForSale, story.Images[0].TakenOn));
        Assert.Equal(
            ("A hydrogen-powered ferry sails off the coast of Norway in this photo courtesy of the Norwegian Embassy in Seoul.", "Norwegian Embassy", "PHOTO NOT FOR SALE", true, (DateOnly?)null),
            (story.Images[1].Caption, story.Images[1].Provider, story.Images[1].RightsNote, story.Images[1].IsNotForSale, story.Images[1].TakenOn));
    }

    [Fact]
    public void Parse_XinhuaStoryWithoutByline_ReadsTheOtherAgencysDatelineAndEpaPhoto()
    {
        var story = ParseStory("xinhua_ocean_satellite");

        Assert.Equal("China sends new ocean observation satellite into orbit", story.Headline);
        Assert.Equal("World", story.Section);
        Assert.Equal(new DateTimeOffset(2023, 9, 12, 13, 40, 0, TimeSpan.FromHours(9)), story.PublishedAt);
        Assert.Empty(story.Bylines);
        Assert.Equal(new ParsedStory.DatelineFacts(["BEIJING"], "Sept. 12", "Xinhua"), story.Dateline, DatelineComparer);
        Assert.StartsWith("China successfully launched", story.Paragraphs[0], StringComparison.Ordinal);
        var photo = Assert.Single(story.Images);
        Assert.Equal(("EPA-Yonhap", new DateOnly(2023, 9, 12)), (photo.Credit, photo.TakenOn));
        Assert.Equal([new ParsedStory.PersonFacts("Zhou Lina", "spokesperson for the administration", null)], story.People);
        AssertQuotes(story,
            ("Zhou Lina", "spokesperson for the administration", "The satellite will greatly improve our ability to track marine disasters."),
            ("Zhou Lina", "spokesperson for the administration", "Data from the satellite will be shared with other countries in the region."));
        Assert.False(story.HasEndMarker);
        Assert.DoesNotContain(story.Paragraphs, p => p.Contains("feedback", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void Parse_NorthKoreaStory_ReadsKcnaRightsNotesFilePhotoAndRoleNounQuotes()
    {
        var story = ParseStory("premier_harvest_kcna");

        Assert.Equal("N. Korean premier calls for bumper harvest amid food shortages", story.Headline);
        Assert.Null(story.RevisionLabel);
        Assert.Null(story.Genre);
        Assert.False(story.IsUrgent);
        Assert.Equal(["Kwon Tae-ho"], story.Bylines);
        Assert.Equal(8, story.Paragraphs.Count);
        Assert.Equal(2, story.Images.Count);
        Assert.All(story.Images, image =>
        {
            Assert.Equal("Korean Central News Agency", image.Provider);
            Assert.Equal("For Use Only in the Republic of Korea. No Redistribution", image.RightsNote);
            Assert.False(image.IsNotForSale);
        });
        Assert.Equal((false, (DateOnly?)null), (story.Images[0].IsFilePhoto, story.Images[0].TakenOn));
        Assert.Equal((true, (DateOnly?)new DateOnly(2022, 5, 20)), (story.Images[1].IsFilePhoto, story.Images[1].TakenOn));
        Assert.Equal(
            [
                new ParsedStory.PersonFacts("Ri Song-chol", "Premier", null),
                new ParsedStory.PersonFacts("Nam Ji-won", "Unification Ministry spokesperson", "Unification Ministry"),
            ],
            story.People);
        AssertQuotes(story,
            ("Ri Song-chol", "Premier", "Farming is the most important task this year."),
            ("Ri Song-chol", "Premier", "not a single grain is wasted."),
            ("Ri Song-chol", "Premier", "Water is life for our farms."),
            ("Nam Ji-won", "Unification Ministry spokesperson", "We are ready to provide humanitarian aid if the North wants it."));
    }

    [Fact]
    public void Parse_AnonymousLede_GivesItsRoleAndOrganizationToTheCommanderNamedNext()
    {
        var story = ParseStory("3rd_ld_usfk_drills");

        Assert.Equal("3rd LD", story.RevisionLabel);
        Assert.Equal("National", story.Section);
        Assert.Equal(new ParsedStory.DatelineFacts(["PYEONGTAEK"], "Aug. 26", "Yonhap"), story.Dateline, DatelineComparer);
        Assert.Equal(["Song Min-kyu", "Baek Seo-yeon"], story.Bylines);
        var photo = Assert.Single(story.Images);
        Assert.Equal(("Yonhap", "USFK", "PHOTO NOT FOR SALE", true, new DateOnly(2021, 8, 26)),
            (photo.Credit, photo.Provider, photo.RightsNote, photo.IsNotForSale, photo.TakenOn));
        Assert.Equal(
            [
                new ParsedStory.PersonFacts("Daniel Whitcomb", "USFK Commander", "U.S. Forces Korea"),
                new ParsedStory.PersonFacts("Park Sang-woo", "commander", "Ground Operations Command"),
            ],
            story.People);
        AssertQuotes(story,
            ("Daniel Whitcomb", "USFK Commander", "ironclad"),
            ("Daniel Whitcomb", "USFK Commander", "Our alliance has never been stronger, and we stand ready to defend the Republic of Korea."),
            ("Daniel Whitcomb", "USFK Commander", "realistic, scenario-based training"),
            ("Park Sang-woo", "commander", "Our soldiers trained hard despite the heat and the pandemic."),
            ("Park Sang-woo", "commander", "learned a great deal from each other."),
            (null, null, "security crisis"));
        Assert.DoesNotContain(story.Quotes, q => q.Text == "computer-simulated");
    }

    [Fact]
    public void Parse_TwoMinistersWithOneTitle_RoleNounPointsToTheOneNamedLast()
    {
        var story = ParseStory("foreign_ministers_meeting");

        Assert.Equal("Top diplomats of S. Korea, Japan agree to speed up talks on wartime labor issue", story.Headline);
        Assert.Null(story.RevisionLabel);
        Assert.Null(story.Genre);
        Assert.Equal(new ParsedStory.DatelineFacts(["TOKYO"], "Dec. 2", "Yonhap"), story.Dateline, DatelineComparer);
        Assert.Empty(story.Images);
        Assert.Equal(
            [
                new ParsedStory.PersonFacts("Cha Eun-hye", "Foreign Minister", null),
                new ParsedStory.PersonFacts("Haruto Mizuki", "Foreign Minister", null),
            ],
            story.People);
        AssertQuotes(story,
            ("Cha Eun-hye", "Foreign Minister", "We had a candid and productive discussion."),
            ("Cha Eun-hye", "Foreign Minister", "Both sides recognize that the issue should not hold back our future-oriented relations."),
            ("Cha Eun-hye", "Foreign Minister", "We will keep working until we find a solution acceptable to the victims."),
            ("Haruto Mizuki", "Foreign Minister", "a meaningful step forward."),
            ("Haruto Mizuki", "Foreign Minister", "Cooperation among the three neighbors is essential for regional stability."),
            ("Haruto Mizuki", "Foreign Minister", "We hope to make the meeting a regular event."));
    }

    // Rules, on small pages

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
    public void Parse_OffsetInOptions_KeepsTheLocalTimeAtThatOffset()
    {
        var options = new WireStoryParserOptions { DefaultOffset = TimeSpan.FromHours(-5) };

        var story = WireStoryParser.Parse(File.ReadAllText(SeedPage), options);

        Assert.Equal(new DateTimeOffset(2020, 11, 23, 15, 52, 0, TimeSpan.FromHours(-5)), story.PublishedAt);
    }

    [Fact]
    public void Parse_OffsetBeyondFourteenHours_IsRefusedAsAnArgument()
    {
        var options = new WireStoryParserOptions { DefaultOffset = TimeSpan.FromHours(15) };

        Assert.Throws<ArgumentOutOfRangeException>(() => WireStoryParser.Parse(File.ReadAllText(SeedPage), options));
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

    // Texts that are not stories

    [Fact]
    public void Parse_Readme_ThrowsAtTheLineWhereTheSectionLineShouldBe()
    {
        const string readme = "# NewsGraph\n\nA GraphQL content backend for a news organisation.\n\n```sh\ndotnet test\n```\n";

        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(readme));

        Assert.Equal(3, error.Line);
        Assert.Contains("section and time line", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  \n\n \t\n")]
    public void Parse_EmptyText_ThrowsAtLineOne(string text)
    {
        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(text));

        Assert.Equal(1, error.Line);
        Assert.Contains("empty", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OnlyPageChrome_ThrowsSayingTheHeadlineIsMissing()
    {
        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(
            "Go to Contents Go to Navigation\n\n\nSend Feedback\nHow can we improve?\nThanks for your feedback!"));

        Assert.Equal(6, error.Line);
        Assert.Contains("headline", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("All News 15:52 Novem")]
    [InlineData("All News 15:52")]
    [InlineData("All News 15:52 November 23,")]
    public void Parse_TruncatedDateLine_ThrowsAtThatLine(string truncated)
    {
        var text = File.ReadAllText(SeedPage).Replace("All News 15:52 November 23, 2020", truncated, StringComparison.Ordinal);

        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(text));

        Assert.Equal(5, error.Line);
        Assert.Contains("no complete date", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("All News 25:52 November 23, 2020")]
    [InlineData("All News 15:52 November 31, 2020")]
    [InlineData("All News 15:52 Novembre 23, 2020")]
    public void Parse_ImpossibleTimeOrDate_ThrowsAtThatLine(string impossible)
    {
        var text = File.ReadAllText(SeedPage).Replace("All News 15:52 November 23, 2020", impossible, StringComparison.Ordinal);

        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(text));

        Assert.Equal(5, error.Line);
        Assert.Contains("not a valid time and date", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SectionLineInPlaceOfTheHeadline_ThrowsAtThatLine()
    {
        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(
            "Go to Contents Go to Navigation\n\nAll News 15:52 November 23, 2020\n\nBy Oh Seok-min\n"));

        Assert.Equal(3, error.Line);
        Assert.Contains("headline", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_HeadlineOfMarkersOnly_ThrowsAtTheHeadline()
    {
        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(Page(headline: "(LEAD) (URGENT)", "Text.")));

        Assert.Equal(3, error.Line);
    }

    [Fact]
    public void Parse_BinaryFileDecodedAsText_ThrowsAtLineOne()
    {
        var bytes = new byte[4096];
        new Random(42).NextBytes(bytes);
        JpegStart.CopyTo(bytes, 0);

        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(Encoding.UTF8.GetString(bytes)));

        Assert.Equal(1, error.Line);
        Assert.Contains("not a wire story", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(5)]
    [InlineData(11)]
    public void Parse_GarbageBytesInPlaceOfALine_ThrowsAtThatLine(int line)
    {
        var lines = File.ReadAllText(SeedPage).Split('\n');
        lines[line - 1] = Encoding.UTF8.GetString(JpegStart);

        var error = Assert.Throws<WireStoryFormatException>(() => WireStoryParser.Parse(string.Join('\n', lines)));

        Assert.Equal(line, error.Line);
    }

    [Fact]
    public void Parse_Null_ThrowsArgumentNull()
        => Assert.Throws<ArgumentNullException>(() => WireStoryParser.Parse(null!));

    [Fact]
    public void Parse_TruncatedAndMutatedStories_FailOnlyWithWireStoryFormatExceptionOnALineOfTheText()
    {
        var random = new Random(20201123);
        var stories = Directory.GetFiles(StoriesFolder, "*.txt").Append(SeedPage).Select(File.ReadAllText).ToList();
        var variants = stories.SelectMany(story => Truncations(story).Concat(Enumerable.Range(0, 150).Select(_ => Mutated(story, random))));
        var parsed = 0;

        foreach (var variant in variants)
        {
            try
            {
                WireStoryParser.Parse(variant);
                parsed++;
            }
            catch (WireStoryFormatException error)
            {
                Assert.InRange(error.Line, 1, Math.Max(1, variant.Split('\n').Length));
            }
        }

        Assert.InRange(parsed, 1, int.MaxValue);
    }

    [Fact]
    public void Parse_SeedPage_MatchesSnapshot()
    {
        var parsed = WireStoryParser.Parse(File.ReadAllText(SeedPage));

        Snapshot.Match(parsed);
    }

    private static readonly byte[] JpegStart = [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10, 0x4A, 0x46, 0x49, 0x46, 0x00, 0x01];

    private static ParsedStory ParseStory(string name)
        => WireStoryParser.Parse(File.ReadAllText(Path.Combine(StoriesFolder, name + ".txt")));

    /// <summary>A small page in the wire layout around <paramref name="paragraphs"/>.</summary>
    private static string Page(string headline = "A headline", string paragraphs = "", string byline = "")
        => $"Go to Contents Go to Navigation\n\n{headline}\n\nAll News 15:52 November 23, 2020\n\n{byline}\n\n{paragraphs}\n\n\nSend Feedback\nHow can we improve?\nThanks for your feedback!";

    private static void AssertQuotes(ParsedStory story, params (string? Speaker, string? Title, string Text)[] expected)
    {
        Assert.Equal(expected, story.Quotes.Select(q => (q.SpeakerName, q.SpeakerTitle, q.Text)));
        Assert.Equal(Enumerable.Range(1, expected.Length), story.Quotes.Select(q => q.Position));
    }

    private static readonly IEqualityComparer<ParsedStory.DatelineFacts?> DatelineComparer = EqualityComparer<ParsedStory.DatelineFacts?>.Create(
        (a, b) => a is not null && b is not null && a.Places.SequenceEqual(b.Places) && a.Date == b.Date && a.Source == b.Source);

    private static readonly string[] WireFragments = ["\"", "(", ")", " -- ", ",", ".", "(END)", "By ", " (Yonhap)", " said", "Gen. ", "\u201C"];

    private static IEnumerable<string> Truncations(string story)
        => Enumerable.Range(0, story.Length / 7).Select(i => story[..(i * 7)]);

    private static string Mutated(string story, Random random)
    {
        var lines = story.Split('\n').ToList();
        for (var changes = random.Next(1, 4); changes > 0; changes--)
        {
            var at = random.Next(lines.Count);
            switch (random.Next(5))
            {
                case 0:
                    lines.RemoveAt(at);
                    break;
                case 1:
                    lines.Insert(at, lines[random.Next(lines.Count)]);
                    break;
                case 2:
                    var line = lines[at];
                    var position = random.Next(line.Length + 1);
                    lines[at] = line.Insert(position, WireFragments[random.Next(WireFragments.Length)]);
                    break;
                case 3:
                    lines[at] = new string(lines[at].Where((_, i) => random.Next(10) > 0).ToArray());
                    break;
                default:
                    lines[at] = string.Concat(Enumerable.Range(0, random.Next(1, 40)).Select(_ => (char)random.Next(32, 0x3000)));
                    break;
            }
            if (lines.Count == 0)
                lines.Add(string.Empty);
        }
        return string.Join('\n', lines);
    }
}
