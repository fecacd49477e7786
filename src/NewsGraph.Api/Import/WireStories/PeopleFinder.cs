using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace NewsGraph.Api.Import.WireStories;

/// <summary>
/// Finds the people a story names with a title, in the body and in captions: "Defense Minister Suh Wook",
/// "U.S. Chief of Space Operations John Raymond", "Kim Yong-hyun, a professor at Dongguk University".
/// </summary>
internal static partial class PeopleFinder
{
    private static readonly FrozenSet<string> Connectors = FrozenSet.Create(StringComparer.Ordinal, "of", "for", "to", "the");

    private static readonly FrozenSet<string> Weekdays = FrozenSet.Create(
        StringComparer.Ordinal, "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday");

    /// <summary>Everyone named with a title, reporters excepted, in order of first appearance.</summary>
    public static IReadOnlyList<NamedPerson> Find(IReadOnlyList<StoryBlock> blocks, IReadOnlyCollection<string> reporters)
    {
        var people = new List<NamedPerson>();
        foreach (var block in blocks)
        {
            foreach (var sighting in SightingsIn(block.Text))
            {
                if (reporters.Contains(sighting.Name))
                    continue;
                var person = people.Find(p => p.Name == sighting.Name);
                if (person is null)
                    people.Add(person = new NamedPerson(sighting.Name));
                foreach (var title in sighting.Titles)
                    person.AddTitle(title);
                if (sighting.Organization is { } organization)
                    person.StateOrganization(organization);
            }
        }
        LinkAnonymousLede(blocks.Where(b => !b.IsCaption).Select(b => b.Text).Take(2).ToList(), people);
        return people;
    }

    private sealed record Sighting(int Start, string Name, IReadOnlyList<string> Titles, string? Organization);

    private readonly record struct Word(string Core, int Start, bool OpensClause, bool ClosesClause);

    private static IEnumerable<Sighting> SightingsIn(string text)
        => TitleRuns(text).Select(ReadTitledName).OfType<Sighting>()
            .Concat(Appositives(text))
            .Concat(UntitledNames(text))
            .OrderBy(s => s.Start);

    /// <summary>
    /// Names without a title: a Korean name ("Kang Soon-ja": a known surname and a hyphenated given name), or a
    /// name a speech verb stands beside ("said Michael O'Donnell", "Enrico Palermo said").
    /// </summary>
    private static IEnumerable<Sighting> UntitledNames(string text)
    {
        foreach (Match match in KoreanName().Matches(text))
        {
            if (PersonWords.IsKoreanName(match.Value))
                yield return new Sighting(match.Index, match.Value, [], null);
        }
        foreach (var match in SpeakerNameAfterVerb().Matches(text).Concat(SpeakerNameBeforeVerb().Matches(text)))
        {
            var name = match.Groups["name"];
            var words = name.Value.Split(' ');
            if (words.Length is 2 or 3 && words.All(PersonWords.IsNameWord) && !(match.Index > 0 && text[..match.Index].TrimEnd().EndsWith(" of", StringComparison.Ordinal)))
                yield return new Sighting(name.Index, name.Value, [], null);
        }
    }

    /// <summary>
    /// Runs of capitalized words, title nouns and the connectors between them ("U.S. Chief of Space
    /// Operations John Raymond"), broken by punctuation, quotes and other lower-case words.
    /// </summary>
    private static IEnumerable<List<Word>> TitleRuns(string text)
    {
        var run = new List<Word>();
        foreach (Match token in Token().Matches(text))
        {
            var word = WordOf(token);
            if (word.OpensClause && run.Count > 0)
            {
                yield return run;
                run = [];
            }
            if (run.Count > 0 ? CanContinueRun(word.Core) : CanStartRun(word.Core))
            {
                run.Add(word);
            }
            else
            {
                if (run.Count > 0)
                    yield return run;
                run = CanStartRun(word.Core) ? [word] : [];
            }
            if (word.ClosesClause && run.Count > 0)
            {
                yield return run;
                run = [];
            }
        }
        if (run.Count > 0)
            yield return run;
    }

    private static Word WordOf(Match token)
    {
        var text = token.Value;
        var core = text.TrimStart('"', '\u201C', '\u2018', '(');
        var leading = text.Length - core.Length;
        core = core.TrimEnd('"', '\u201D', '\u2019', ')', ',', ';', ':', '!', '?');
        var closes = leading + core.Length < text.Length;
        if (core.EndsWith('.') && !Sentences.IsAbbreviation(core))
        {
            core = core[..^1];
            closes = true;
        }
        if (core.EndsWith("'s", StringComparison.Ordinal) || core.EndsWith("\u2019s", StringComparison.Ordinal))
        {
            core = core[..^2];
            closes = true;
        }
        return new Word(core, token.Index + leading, leading > 0, closes);
    }

    private static bool CanStartRun(string word)
        => word.Length > 0 && ((char.IsUpper(word[0]) && !Weekdays.Contains(word)) || PersonWords.IsTitleWord(word));

    private static bool CanContinueRun(string word) => CanStartRun(word) || Connectors.Contains(word);

    /// <summary>A title followed by a name in one run; the name follows the run's last title word.</summary>
    private static Sighting? ReadTitledName(List<Word> run)
    {
        var words = run.SkipWhile(w => PersonWords.IsSentenceOpener(w.Core) || Connectors.Contains(w.Core)).ToList();
        var lastTitleWord = words.FindLastIndex(w => PersonWords.IsTitleWord(w.Core));
        if (lastTitleWord < 0 || NameAfter(words, lastTitleWord + 1) is not var (start, length))
            return null;
        var name = string.Join(' ', words.Skip(start).Take(length).Select(w => w.Core));
        var title = words.Take(start).Select(w => w.Core).ToList();
        return new Sighting(words[0].Start, name, TitlesOf(title), OrganizationIn(title));
    }

    /// <summary>
    /// The name after a title word: right after it ("President Moon Jae-in of ..."), or at the end of a
    /// title that goes on with "of" ("Chief of Space Operations John Raymond").
    /// </summary>
    private static (int Start, int Length)? NameAfter(List<Word> words, int from)
    {
        var firstConnector = words.FindIndex(from, w => Connectors.Contains(w.Core));
        var beforeConnector = (firstConnector < 0 ? words.Count : firstConnector) - from;
        if (beforeConnector is 2 or 3 && AreNameWords(words, from, beforeConnector))
            return (from, beforeConnector);
        if (firstConnector < 0)
            return null;
        var afterLastConnector = words.Count - words.FindLastIndex(w => Connectors.Contains(w.Core)) - 1;
        var length = afterLastConnector >= 4 && PersonWords.IsInitial(words[^2].Core) ? 3 : 2;
        // What follows "of" must hold more than the name: "Ambassador to South Korea" names no one.
        return afterLastConnector > length && AreNameWords(words, words.Count - length, length)
            ? (words.Count - length, length)
            : null;
    }

    private static bool AreNameWords(List<Word> words, int start, int count)
        => words.Skip(start).Take(count).All(w => PersonWords.IsNameWord(w.Core));

    /// <summary>"Chairman of the Joint Chiefs of Staff Gen." gives two titles: the office and the rank.</summary>
    private static IReadOnlyList<string> TitlesOf(List<string> title)
    {
        var honorifics = title.AsEnumerable().Reverse().TakeWhile(PersonWords.IsHonorific).Count();
        return honorifics > 0 && honorifics < title.Count
            ? [string.Join(' ', title[..^honorifics]), string.Join(' ', title[^honorifics..])]
            : [string.Join(' ', title)];
    }

    /// <summary>"Unification Ministry" in "Unification Ministry spokesperson"; "National Intelligence Service" in "Director of the National Intelligence Service".</summary>
    private static string? OrganizationIn(List<string> title)
    {
        var beforeTitleWord = title.TakeWhile(w => !PersonWords.IsTitleWord(w)).ToList();
        if (beforeTitleWord.Any(PersonWords.IsOrganizationWord))
            return string.Join(' ', beforeTitleWord);
        var match = OrganizationAfterPreposition().Match(string.Join(' ', title));
        return match.Success && match.Groups["organization"].Value.Split(' ').Any(PersonWords.IsOrganizationWord)
            ? match.Groups["organization"].Value
            : null;
    }

    /// <summary>"Kim Yong-hyun, a professor of North Korean studies at Dongguk University, said ..."</summary>
    private static IEnumerable<Sighting> Appositives(string text)
    {
        foreach (Match match in NameThenAppositive().Matches(text))
        {
            // The name is the last three or two words: "Lt. Gen. Park Sang-woo, the commander ..." is Park Sang-woo.
            var words = match.Groups["name"].Value.Split(' ');
            var nameLength = EndsWithName(words, 3) ? 3 : EndsWithName(words, 2) ? 2 : 0;
            if (nameLength == 0)
                continue;
            var start = match.Index + match.Length;
            var comma = text.IndexOf(',', start);
            var end = Math.Min(Sentences.EndAfter(text, start), comma < 0 ? text.Length : comma);
            var appositive = text[start..end].TrimEnd('.');
            if (!appositive.Split(' ').Any(w => !PersonWords.IsHonorific(w) && PersonWords.IsTitleWord(w)))
                continue;
            var name = string.Join(' ', words[^nameLength..]);
            var nameStart = match.Groups["name"].Index + match.Groups["name"].Length - name.Length;
            var split = TitleAtOrganization().Match(appositive);
            yield return split.Success
                ? new Sighting(nameStart, name, [split.Groups["title"].Value], split.Groups["organization"].Value)
                : new Sighting(nameStart, name, [appositive], null);
        }
    }

    private static bool EndsWithName(string[] words, int length)
        => length <= words.Length && words[^length..].All(PersonWords.IsNameWord);

    /// <summary>
    /// The wire's anonymous lede: "The chief of the U.S. Space Operations Command called Monday ..." followed
    /// by "Gen. John Raymond made the remarks ...", which tells whose role and organization the lede gave.
    /// </summary>
    private static void LinkAnonymousLede(List<string> firstParagraphs, List<NamedPerson> people)
    {
        if (firstParagraphs.Count < 2)
            return;
        var lede = AnonymousLede().Match(firstParagraphs[0]);
        if (!lede.Success || !PersonWords.IsTitleWord(lede.Groups["role"].Value) || !RemarksBackReference().IsMatch(firstParagraphs[1]))
            return;
        if (SightingsIn(firstParagraphs[1]).FirstOrDefault() is not { Start: 0 } opener
            || people.Find(p => p.Name == opener.Name) is not { } person)
            return;
        var organization = lede.Groups["organization"].Value;
        person.BeLedeSubject(lede.Groups["role"].Value, organization.Split(' ').Any(PersonWords.IsOrganizationWord) ? organization : null);
    }

    [GeneratedRegex(@"\S+")]
    private static partial Regex Token();

    [GeneratedRegex(@"\b(?:of|at) (?:the )?(?<organization>[A-Z].*)$")]
    private static partial Regex OrganizationAfterPreposition();

    [GeneratedRegex(@"\b(?<name>[A-Z][A-Za-z'-]*\.?(?: [A-Z][A-Za-z'-]*\.?){1,3}), (?:(?:a|an|the) |(?=(?:head|chief|chairman|chairwoman|director|president|spokesperson|spokesman|spokeswoman|minister|professor|leader|founder|CEO|ambassador|envoy|deputy|vice) ))")]
    private static partial Regex NameThenAppositive();

    [GeneratedRegex(@"\b[A-Z][a-z]{0,3} [A-Z][a-z]+-[a-z]+\b")]
    private static partial Regex KoreanName();

    [GeneratedRegex(@"\b(?:said|says|told|added|asked|according to) (?<name>[A-Z][A-Za-z'.-]*(?: [A-Z][A-Za-z'.-]*){1,2})(?=,|\.|$| who\b)")]
    private static partial Regex SpeakerNameAfterVerb();

    [GeneratedRegex(@"(?:^|[.,;""\u201D] )(?<name>[A-Z][A-Za-z'-]*(?: [A-Z][A-Za-z'-]*){1,2}) (?:also |then )?(?:said|says|told|added|asked|stressed|noted)\b")]
    private static partial Regex SpeakerNameBeforeVerb();

    [GeneratedRegex(@"^(?<title>.+?) (?:at|of) (?:the )?(?<organization>[A-Z][^ ]*(?: (?:[A-Z][^ ]*|of|for|and|on))*(?<! of| for| and| on))$")]
    private static partial Regex TitleAtOrganization();

    [GeneratedRegex(@"^The (?:(?:top|new|former|chief|senior|U\.S\.|[A-Z][a-z]+(?:an|ese|ish|i)) ){0,3}(?<role>[a-z]+) (?:of|for|at|in) (?:the )?(?<organization>[A-Z][^ ]*(?: (?:[A-Z][^ ]*|of|for|and))*(?<! of| for| and))")]
    private static partial Regex AnonymousLede();

    [GeneratedRegex(@"\bmade the (?:remarks?|comments?|call|proposal|announcement|statement|pledge|speech)\b")]
    private static partial Regex RemarksBackReference();
}
