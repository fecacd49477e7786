using NewsGraph.Api.Import.WireStories;
using static NewsGraph.Api.Tests.Import.WireStories.WireStoryPages;

namespace NewsGraph.Api.Tests.Import.WireStories;

/// <summary>Invented stories, one per combination of markers, bylines, datelines, photos and quotes, checked in detail.</summary>
public sealed class StoryFixtureParserTests
{
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
}
