using System.Collections.Immutable;

namespace ReportGen.Typesetting;

/// <summary>The script a language is written in: which faces set it, how its lines break, which runs are foreign to it.</summary>
public enum WritingScript { Latin, Han, Cyrillic, Arabic }

/// <summary>Numerals that label chapters and second-level sub-items: I, II, III; 一, 二, 三; Arabic ordinal adverbs (أولا، ثانيا) for chapters and Western digits (’1‘) for sub-items.</summary>
public enum Numerals { Roman, Chinese, Arabic }

/// <summary>The letters of first-level sub-items: (a), (b), (c) or, in Arabic, (أ), (ب), (ج) in the abjad order.</summary>
public enum Letters { Latin, Arabic }

/// <summary>How a language's lines break: between words, with hyphenation, or between characters under the kinsoku rules.</summary>
public enum LineBreaking { Words, Characters }

/// <summary>The family of a language's number, date and list wording (the formatter that writes them).</summary>
public enum NumberStyle { English, Chinese,
    /// <summary>Every word and pattern from the profile (<see cref="NumberFormats.Words"/>): French and Spanish.</summary>
    Worded,
    /// <summary>Russian's running numbers and abbreviated sums; its dates, lists and ordinals from the profile's words (<see cref="NumberFormats.Words"/>).</summary>
    Russian, Arabic }

/// <summary>What a run of text is set in: the Latin serif, the Song face for Chinese text, the Hei face for Chinese headings, the Arabic face (the PDF's faces, <c>FontSet</c>).</summary>
public enum FontRole { Serif, Song, Hei, Arabic }

/// <summary>The faces a language is set in: PDF roles for body text and headings, Word's font names.</summary>
/// <param name="HeadingLatinInHeadingFace">digits and Latin letters in headings take the heading face (Chinese Hei), not the Latin serif</param>
/// <param name="WordComplex">Word's complex-script face (<c>w:rFonts w:cs</c>): the face of Arabic runs; Times New Roman, which Word would also use, for the others</param>
public sealed record LanguageFonts(FontRole Text, FontRole Heading, bool HeadingLatinInHeadingFace,
    string WordLatin = "Times New Roman", string WordEastAsian = "SimSun", string WordEastAsianHeading = "SimHei", string WordComplex = "Times New Roman");

/// <summary>
/// The language tags a language is written with. <paramref name="Tag"/> is the BCP 47 tag of PDF
/// /Lang and HTML lang. Word carries its own tags, as the editions have always had them (kept so
/// outputs stay byte-identical): <paramref name="Word"/> for the document (core properties),
/// <paramref name="WordLatin"/> for Latin runs and <paramref name="WordEastAsia"/> for Han runs,
/// <paramref name="Chart"/> for DrawingML charts. <paramref name="ForeignRuns"/>: the tag of a run
/// written only in another script (Latin words in a Chinese document are English).
/// <paramref name="WordBidi"/>: <c>w:lang w:bidi</c>, the language of right-to-left (complex-script) runs.
/// </summary>
public sealed record LanguageTags(string Tag, string Word, string WordLatin, string WordEastAsia, string Chart,
    ImmutableArray<(WritingScript Script, string Tag)> ForeignRuns, string WordBidi = "ar-SA");

/// <summary>
/// Numbers, percentages, money and dates as the language's UN editorial rules write them. The
/// formatter of <see cref="Style"/> writes them: the English style from these separators, the
/// percentage and currency patterns ({0} the number), the date pattern (.NET custom format,
/// invariant month names) and <see cref="SmallCountsInWords"/>; the Chinese style states them for
/// reference (its 万 and 亿 scales are its own code).
/// </summary>
/// <param name="CompactPercent">a percentage in tables' and charts' labels ("41%"; French "41 %"), {0} the number</param>
/// <param name="Words">the words of the worded style (<see cref="NumberStyle.Worded"/>): months, list words, counts, ordinals, money scales</param>
/// <param name="Counts">the words a count agrees with its noun by (the <c>count</c> helper; Arabic)</param>
public sealed record NumberFormats(NumberStyle Style, string GroupSeparator, string DecimalSeparator, string Percent,
    string Currency, string Date, bool SmallCountsInWords, string CompactPercent = "{0}%", NumberWords? Words = null, CountWords? Counts = null);

/// <summary>
/// The number words of a language whose counts agree with their noun in gender (Arabic), indexed by
/// the number, for a masculine and for a feminine noun: what the <c>count</c> helper writes
/// (docs/arabic.md, "Counts"). Arabic: one and two follow the noun ("مشروع واحد"; two is the dual
/// alone), three to ten precede the plural with the gender reversed ("ثلاث نتائج", "ستة مجالات"),
/// eleven and up are figures with the noun the plural rule chooses (<see cref="Plurals"/>).
/// </summary>
/// <param name="Masculine">the word with a masculine noun, from zero to <see cref="InWordsTo"/> ("", "واحد", "", "ثلاثة" … "عشرة"); an empty entry: the noun's own form carries the number (the dual)</param>
/// <param name="Feminine">the word with a feminine noun ("", "واحدة", "", "ثلاث" … "عشر")</param>
/// <param name="FollowsNoun">the numbers whose word follows the noun, as an adjective (Arabic: one)</param>
/// <param name="DefiniteMasculine">after a definite masculine plural, as its adjective, from zero ("المجالات الأربعة", "الاثنا عشر"), by case where the word declines: nominative, then accusative and genitive (an entry "الاثنا عشر|الاثني عشر")</param>
/// <param name="DefiniteFeminine">after a definite feminine plural ("النتائج الثلاث", "الاثنتا عشرة|الاثنتي عشرة")</param>
/// <param name="DefiniteOne">after a definite singular, for one ("الوحيد", "الوحيدة": masculine, feminine)</param>
/// <param name="DefiniteFigure">a definite count beyond the words, {0} the figure ("الـ {0}")</param>
/// <param name="PrefixBeforeFigure">a one-letter preposition the template gives (prefix="ب") before a figure, {0} the letter ("بـ 11 نتيجة"); before a word it is joined ("بثماني نتائج")</param>
/// <param name="SpacedPrefixes">prefixes set apart from a figure by a space alone, as lists write them ("و 12 نتيجة")</param>
public sealed record CountWords(
    ImmutableArray<string> Masculine, ImmutableArray<string> Feminine, ImmutableArray<int> FollowsNoun,
    ImmutableArray<string> DefiniteMasculine, ImmutableArray<string> DefiniteFeminine, (string Masculine, string Feminine) DefiniteOne,
    string DefiniteFigure, string PrefixBeforeFigure = "{0}ـ ", ImmutableArray<string> SpacedPrefixes = default)
{
    /// <summary>The last number written in words before an indefinite noun (ten in Arabic).</summary>
    public int InWordsTo => Masculine.Length - 1;
}

/// <summary>
/// The words a language writes numbers, dates and lists with: the worded formatter (French, Spanish)
/// writes every word from them, and the Russian one its dates, lists and ordinals. A language that
/// writes like these is a profile with its own words, not a formatter.
/// </summary>
/// <param name="Months">January to December, as a date writes them ("octubre"; Russian in the genitive, "октября")</param>
/// <param name="DateLink">between day, month and year ("4 de octubre de 2021": " de "; French " ")</param>
/// <param name="And">the list word before the last item ("y"), and the link of two consecutive days ("15 y 16 de noviembre")</param>
/// <param name="AndBefore">the list word before an item whose sound would merge with <paramref name="And"/>, and the starts that call for it ("e" before "i…", "hi…" but not "hie…": <see cref="AndBeforeStarts"/>, <see cref="AndBeforeUnless"/>); none: <paramref name="And"/> with no starts</param>
/// <param name="Through">the link of a range of days ("5 a 9 de mayo", "5–9 mai")</param>
/// <param name="Cardinals">counts in words, from zero; an empty entry is written in figures (one, whose word takes its noun's gender: "un proyecto", "una región")</param>
/// <param name="Ordinals">ordinals in words, from zero, in the form the documents use them (before a masculine noun: "primer año", "tercer año"; French "deuxième année"); an empty entry is a figure with <paramref name="OrdinalSuffix"/></param>
/// <param name="OrdinalSuffix">what follows the figures of a higher ordinal ("11.º", "11e", "11-й")</param>
/// <param name="Scales">money scales, largest first: the unit and the words for one and for more ("millón de", "millones de"), chosen by the profile's plural rule ("1,3 millones de dólares" in Spanish, "1,3 million de dollars" in French)</param>
public sealed record NumberWords(
    ImmutableArray<string> Months, string DateLink, string And, string AndBefore,
    ImmutableArray<string> AndBeforeStarts, ImmutableArray<string> AndBeforeUnless, string Through,
    ImmutableArray<string> Cardinals, ImmutableArray<string> Ordinals, string OrdinalSuffix,
    ImmutableArray<(double Unit, string One, string Many)> Scales)
{
    /// <summary>The first day of a month, where the language writes it as an ordinal (French "1er août"); none: the figure.</summary>
    public string? FirstDay { get; init; }
    /// <summary>The link of a range across months or years ("30 марта — 3 апреля"); none: <see cref="Through"/>.</summary>
    public string? ThroughMonths { get; init; }
    /// <summary>What follows a date's year ("2021 года"); none by default.</summary>
    public string YearWord { get; init; } = "";
    /// <summary>Percentages group their digits by thousands, as the language's sums ("1 800 %"); otherwise "1800%".</summary>
    public bool GroupsPercentages { get; init; }
}

/// <summary>
/// The spaces a language sets at punctuation, as one rule over the whole composed text
/// (<c>Formatter.Space</c>): a space already typed before a mark of <paramref name="Before"/>, after
/// one of <paramref name="After"/>, or between a digit and "%" becomes the no-break space given.
/// French: U+202F before ; ! ? » and after «, U+00A0 before a colon, U+202F in "41 %"; Russian: U+00A0 in "41 %".
/// </summary>
public sealed record PunctuationSpacing(
    ImmutableArray<(char Mark, char Space)> Before, ImmutableArray<(char Mark, char Space)> After, char? BeforePercent)
{
    /// <summary>Words a number is never parted from at a line's end: a space typed between a digit and one of them becomes <see cref="BeforePercent"/>'s no-break space (Russian "2020 году", "2020–2023 годов").</summary>
    public ImmutableArray<string> UnitWords { get; init; } = [];
}

/// <summary>The masthead as the language's edition prints it; its words are the templates' front matter.</summary>
/// <param name="DateLanguage">the language of the date line (UN Chinese editions keep it, distribution and language lines in English)</param>
/// <param name="EnglishLines">the masthead lines that stay in English, by their front-matter key (the templates write them; stated here for the translator and the next language)</param>
/// <param name="SpacedUnitedNations">"United Nations" set with a space between its characters (联 合 国)</param>
public sealed record MastheadStyle(string DateLanguage, ImmutableArray<string> EnglishLines, bool SpacedUnitedNations);

/// <summary>A phrase and a sentence in the language's own script (with the language line and an annex label), for the writers' warm-up: only faces a real document uses are opened.</summary>
public sealed record Specimen(string Words, string Sentence, string LanguageLine, string Annex);

/// <summary>
/// Everything that makes a language's edition differ, other than its templates' words and its
/// workbook columns (<c>name_&lt;code&gt;</c>): the one home of a language's rules. Every stage reads
/// its language here (<see cref="LanguageProfiles.For"/>); adding a language is a profile, a
/// templates folder and workbook columns (docs/languages.md).
/// </summary>
public sealed record LanguageProfile
{
    /// <summary>The code of folders, file names, workbook columns and --lang: "en".</summary>
    public required string Code { get; init; }
    /// <summary>The language in English, as problems and the glossary name it: "English".</summary>
    public required string Name { get; init; }
    /// <summary>The review page's heading for the language's column: "中文 (Chinese)".</summary>
    public required string ReviewName { get; init; }
    public required LanguageTags Tags { get; init; }
    public required WritingScript Script { get; init; }
    /// <summary>
    /// The language is written right to left: Word paragraphs carry <c>w:bidi</c>, tables <c>w:bidiVisual</c>,
    /// runs <c>w:rtl</c> with the complex-script face and size, the section its gutter mirrored; the HTML
    /// <c>dir="rtl"</c>. Text is always stored in logical order.
    /// </summary>
    public bool RightToLeft { get; init; }
    public required NumberFormats Numbers { get; init; }
    /// <summary>Opening and closing quotation marks, outer then inner.</summary>
    public required (string Open, string Close, string InnerOpen, string InnerClose) Quotes { get; init; }
    /// <summary>A sentence's full stop and a sub-item's semicolon, which house style puts at the end of sub-items.</summary>
    public required string Stop { get; init; }
    public required string Semicolon { get; init; }
    /// <summary>Between a label and its figure ("Total: 88"; "总数：88").</summary>
    public required string Colon { get; init; }
    /// <summary>Chapters: numeral and what follows it ("I." / "一、").</summary>
    public required Numerals ChapterNumerals { get; init; }
    public required string ChapterEnd { get; init; }
    /// <summary>A numbered body paragraph's label, {0} its number (digits): "{0}." ("1.") by default; UN Arabic "{0} -" ("1 -"). The PDF, Word (its numbering level's text) and the plain text all write it.</summary>
    public string ParagraphNumber { get; init; } = "{0}.";
    /// <summary>Second-level sub-items: (i), (ii) or (一), (二); the first level is always lettered.</summary>
    public required Numerals SubItemNumerals { get; init; }
    /// <summary>How a sub-item's letter or numeral is set off, {0} the letter: "({0})" (English, Chinese: "(a)"), "{0})" (French: "a)").</summary>
    public string SubItemLabel { get; init; } = "({0})";
    /// <summary>The second level's, when it differs from the first's: Arabic "’{0}‘" (’1‘, ’2‘ for (i), (ii)); null: <see cref="SubItemLabel"/>.</summary>
    public string? SubItemLabel2 { get; init; }
    /// <summary>
    /// An agenda item with a sub-item: {0} its number, {1} the sub-item's label (<see cref="SubItemLabel"/>
    /// and <see cref="SubItemLetters"/>): "{0} {1}" ("item 6 (a)", "point 6 a)", "البند 6 (أ)"); Chinese
    /// "{0}{1}" ("项目 6(a)", the label joined to its number, as UN Chinese documents write it).
    /// </summary>
    public string AgendaItem { get; init; } = "{0} {1}";
    /// <summary>
    /// A region's name after the words "the region" in running text, {0} the name, where the workbook
    /// gives no <c>name_of_&lt;code&gt;</c> form: "{0}" (English "the Africa region" is the templates' own
    /// order; French apposition "la région Afrique"), Spanish "de {0}" ("la región de África").
    /// </summary>
    public string RegionOf { get; init; } = "{0}";
    /// <summary>The letters of first-level sub-items: Latin (a), (b) or Arabic (أ), (ب).</summary>
    public Letters SubItemLetters { get; init; } = Letters.Latin;
    /// <summary>The word of a chart's caption, before its number ("Chart II", "图二"); in running text, lower case ("chart IV", "charts I and II").</summary>
    public required string ChartWord { get; init; }
    /// <summary>The caption's word in a document that calls its charts figures (<c>chart_label: figure</c>: "Figure I"); none: <see cref="ChartWord"/>.</summary>
    public string? FigureWord { get; init; }
    /// <summary>The word between the first and last chart of a range of references ("charts III to VIII", "图三至图八"); none: the language's formatter words its references itself.</summary>
    public string? ChartRangeWord { get; init; }
    /// <summary>The review page's label of a chart's data table.</summary>
    public required string DataLabel { get; init; }
    public required MastheadStyle Masthead { get; init; }
    /// <summary>House-style sizes of the PDF and the Word styles.</summary>
    public required TypeSizes Type { get; init; }
    public required LanguageFonts Fonts { get; init; }
    public required LineBreaking LineBreaking { get; init; }
    /// <summary>
    /// A chart's vertical axis title stands upright, one character under the other (UN Chinese charts), rather than turned a
    /// quarter left along the axis; the Word writer stacks it (DrawingML <c>vert="wordArtVert"</c>).
    /// </summary>
    public bool StacksVerticalTitles { get; init; }
    /// <summary>Han and Latin text are set a quarter em apart (<see cref="MixedSpacing"/>): the whole text is spaced by that rule.</summary>
    public bool SpacesHanAndLatin { get; init; }
    /// <summary>
    /// The hyphenation patterns of the language (a resource name); none: its words are never
    /// hyphenated. Latin words in a language of another script are English (<see cref="LanguageTags.ForeignRuns"/>) and take English's.
    /// </summary>
    public string? HyphenationPatterns { get; init; }
    /// <summary>A compound of lower-case words may break after its hyphen, which ends the line ("штаб-" / "квартиры"): Russian typography allows it; English keeps its compounds whole.</summary>
    public bool BreaksAfterHyphen { get; init; }
    /// <summary>
    /// The Word file turns on Word's automatic hyphenation (<c>w:autoHyphenation</c>, at most two hyphenated lines in a row,
    /// never a word in capitals), so its justified lines are as tight as the PDF's: French, Spanish, Russian. English stays
    /// unhyphenated in Word, as the UN's English Word documents are.
    /// </summary>
    public bool HyphenatesInWord { get; init; }
    /// <summary>
    /// The fewest letters a hyphen may leave before and after it, and the shortest word that is
    /// hyphenated at all (TeX's <c>\lefthyphenmin</c> and <c>\righthyphenmin</c>, with a word minimum):
    /// TeX's 2 and 3 by default; English as UN English documents hyphenate, three and three, and no
    /// word of fewer than eight letters ("disease", "longest" stay whole).
    /// </summary>
    public HyphenationMinimums HyphenMinimums { get; init; } = HyphenationMinimums.TeX;
    /// <summary>The no-break spaces set at punctuation over the whole text (French, Russian); none: spaces as written.</summary>
    public PunctuationSpacing? Spacing { get; init; }
    /// <summary>How nouns agree with a number (the <c>plural</c> helper's forms, <see cref="Plurals"/>).</summary>
    public PluralRule Plural { get; init; } = PluralRule.OneOther;
    public required Specimen Specimen { get; init; }
    /// <summary>Built when neither --lang nor the Settings sheet names the languages.</summary>
    public bool ByDefault { get; init; }
}

/// <summary>
/// Where a word may be hyphenated: at least <paramref name="Before"/> letters before the hyphen and
/// <paramref name="After"/> after it, in words of at least <paramref name="Word"/> letters.
/// </summary>
public sealed record HyphenationMinimums(int Before, int After, int Word)
{
    /// <summary>TeX's <c>\lefthyphenmin</c> 2 and <c>\righthyphenmin</c> 3 (French, Spanish, Russian), any word long enough for both.</summary>
    public static HyphenationMinimums TeX { get; } = new(2, 3, 5);
}

/// <summary>
/// The registry of languages, in build order. Tests add a language for one test's flow
/// (<see cref="Add"/>): the registry everybody else sees stays en and zh.
/// </summary>
public static class LanguageProfiles
{
    public static readonly LanguageProfile English = new()
    {
        Code = "en", Name = "English", ReviewName = "English",
        Tags = new("en", "en-US", "en-US", "zh-CN", "en-GB", [(WritingScript.Han, "zh-CN")]),
        Script = WritingScript.Latin,
        Numbers = new(NumberStyle.English, ",", ".", "{0} per cent", "USD {0}", "d MMMM yyyy", SmallCountsInWords: true),
        Quotes = ("“", "”", "‘", "’"),
        Stop = ".", Semicolon = ";", Colon = ": ",
        ChapterNumerals = Numerals.Roman, ChapterEnd = ".", SubItemNumerals = Numerals.Roman,
        ChartWord = "Chart", FigureWord = "Figure", ChartRangeWord = "to", DataLabel = "Data",
        Masthead = new("en", [], SpacedUnitedNations: false),
        Type = TypeSizes.En,
        Fonts = new(FontRole.Serif, FontRole.Serif, HeadingLatinInHeadingFace: false),
        LineBreaking = LineBreaking.Words,
        HyphenationPatterns = "ReportGen.hyph_en_US.dic",
        HyphenMinimums = new(Before: 3, After: 3, Word: 8),
        Specimen = new("United Nations Human Settlements Programme", "This report presents the portfolio analysis of 2021, with 88 projects.", "", "Annex I"),
        ByDefault = true,
    };

    public static readonly LanguageProfile Chinese = new()
    {
        Code = "zh", Name = "Chinese", ReviewName = "中文 (Chinese)",
        Tags = new("zh-CN", "zh-CN", "en-US", "zh-CN", "zh-CN", [(WritingScript.Latin, "en")]),
        Script = WritingScript.Han,
        // Running text does not group digits; tables do (one column of sums reads the same in both editions).
        Numbers = new(NumberStyle.Chinese, ",", ".", "{0}%", "{0} 万美元", "yyyy 年 M 月 d 日", SmallCountsInWords: false),
        Quotes = ("“", "”", "‘", "’"),
        Stop = "。", Semicolon = "；", Colon = "：",
        ChapterNumerals = Numerals.Chinese, ChapterEnd = "、", SubItemNumerals = Numerals.Chinese, AgendaItem = "{0}{1}",
        ChartWord = "图", ChartRangeWord = "至", DataLabel = "数据",
        Masthead = new("en", ["distribution", "language_line", "original"], SpacedUnitedNations: true),
        Type = TypeSizes.Zh,
        Fonts = new(FontRole.Song, FontRole.Hei, HeadingLatinInHeadingFace: true),
        LineBreaking = LineBreaking.Characters,
        SpacesHanAndLatin = true,
        StacksVerticalTitles = true,
        Plural = PluralRule.Invariable,
        Specimen = new("联合国人类住区规划署执行局", "本报告说明人居署如何从数量和内容两方面分析其规范活动与业务活动之间的联系（2021 年：88 个项目）。", "Chinese", "附件一"),
        ByDefault = true,
    };

    /// <summary>
    /// French as UN French documents write it, written by the worded formatter from these words. Spacing
    /// (the one rule, <see cref="LanguageProfile.Spacing"/>, and the numbers): a narrow no-break space (U+202F) as the thousands separator,
    /// before % ; ! ? » and after «; a full no-break space (U+00A0) before a colon. Counts from two
    /// to nine are words (0 and 1 figures: un/une would need the noun's gender); sub-items a), i);
    /// words are hyphenated with the French patterns (LibreOffice's hyph_fr.dic), under the house rules of English.
    /// </summary>
    public static readonly LanguageProfile French = English with
    {
        Code = "fr", Name = "French", ReviewName = "Français (French)",
        Tags = new("fr", "fr-FR", "fr-FR", "zh-CN", "fr-FR", [(WritingScript.Han, "zh-CN")]),
        Numbers = new(NumberStyle.Worded, "\u202F", ",", "{0}\u202F%", "{0} dollars", "d MMMM yyyy", SmallCountsInWords: true, CompactPercent: "{0}\u202F%",
            Words: new(
                Months: ["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"],
                DateLink: " ", And: " et ", AndBefore: " et ", AndBeforeStarts: [], AndBeforeUnless: [], Through: "–",
                // Two to nine in words; 0 and 1 stay figures (un, une: the noun's gender).
                Cardinals: ["", "", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf"],
                // The documents' ordinals qualify "année" (la deuxième année du plan).
                Ordinals: ["zéroième", "première", "deuxième", "troisième", "quatrième", "cinquième", "sixième", "septième", "huitième", "neuvième", "dixième"],
                OrdinalSuffix: "e",
                // The scale takes the plural from two (the French plural rule): "1,3 million de dollars", "64 millions de dollars".
                Scales: [(1e9, "milliard de", "milliards de"), (1e6, "million de", "millions de")])
            {
                FirstDay = "1er", GroupsPercentages = true,
            }),
        Spacing = new(
            Before: [(':', '\u00A0'), (';', '\u202F'), ('!', '\u202F'), ('?', '\u202F'), ('»', '\u202F')],
            After: [('«', '\u202F')], BeforePercent: '\u202F'),
        Quotes = ("«\u202F", "\u202F»", "“", "”"),
        Semicolon = "\u202F;", Colon = "\u00A0: ",
        SubItemLabel = "{0})",
        ChartWord = "Graphique", FigureWord = "Figure", ChartRangeWord = "à", DataLabel = "Données",
        Masthead = new("fr", [], SpacedUnitedNations: false),
        HyphenationPatterns = "ReportGen.hyph_fr.dic",
        HyphenMinimums = HyphenationMinimums.TeX,
        HyphenatesInWord = true,
        Plural = PluralRule.French,
        Specimen = new("Programme des Nations Unies pour les établissements humains", "Le présent rapport expose l’analyse du portefeuille de 2021, qui compte 88\u202Fprojets\u00A0: « État ».", "Français", "Annexe I"),
        ByDefault = false,
    };

    /// <summary>
    /// Spanish as the UN's Spanish Translation Service writes it (its Manual del Traductor; docs/languages.md):
    /// figures grouped by a point with a decimal comma ("1.234,5"), "41%" with no space, "1,3 millones
    /// de dólares", "4 de octubre de 2021", "a, b y c" ("e" before i-, hi-), double quotation marks
    /// “ ” with ‘ ’ inside, counts from two to ten in words (one in figures: "un/una" would need
    /// the noun's gender), sub-items a), i); hyphenated with Spanish patterns (hyph_es.dic).
    /// </summary>
    public static readonly LanguageProfile Spanish = English with
    {
        Code = "es", Name = "Spanish", ReviewName = "Español (Spanish)",
        Tags = new("es", "es-ES", "es-ES", "zh-CN", "es-ES", [(WritingScript.Han, "zh-CN")]),
        Numbers = new(NumberStyle.Worded, ".", ",", "{0}%", "{0} dólares", "d 'de' MMMM 'de' yyyy", SmallCountsInWords: true, CompactPercent: "{0}%",
            Words: new(
                Months: ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre", "octubre", "noviembre", "diciembre"],
                DateLink: " de ", And: " y ", AndBefore: " e ", AndBeforeStarts: ["i", "í", "hi", "hí"], AndBeforeUnless: ["hia", "hie", "hio", "hiu"], Through: " a ",
                // The manual writes one to ten in words; one stays a figure (un, una: the noun's gender).
                Cardinals: ["", "", "dos", "tres", "cuatro", "cinco", "seis", "siete", "ocho", "nueve", "diez"],
                Ordinals: ["", "primer", "segundo", "tercer", "cuarto", "quinto", "sexto", "séptimo", "octavo", "noveno", "décimo"],
                OrdinalSuffix: ".º",
                // English billions are thousands of millions in Spanish ("1.200 millones de dólares"): one scale.
                Scales: [(1e6, "millón de", "millones de")])),
        Quotes = ("“", "”", "‘", "’"),
        SubItemLabel = "{0})", RegionOf = "de {0}",
        ChartWord = "Gráfico", FigureWord = "Figura", ChartRangeWord = "a", DataLabel = "Datos",
        Masthead = new("es", [], SpacedUnitedNations: false),
        HyphenationPatterns = "ReportGen.hyph_es.dic",
        HyphenMinimums = HyphenationMinimums.TeX,
        HyphenatesInWord = true,
        Specimen = new("Programa de las Naciones Unidas para los Asentamientos Humanos", "En el presente informe se expone el análisis de la cartera de 2021, que comprende 88 proyectos: “Situación”.", "Español", "Anexo I"),
        ByDefault = false,
    };

    /// <summary>
    /// Russian as UN Russian documents write it: figures grouped by a no-break space with a decimal
    /// comma ("9 800 000", "1,5"), four-digit numbers in running text ungrouped ("9800"), "41 %",
    /// "1,3 млн долл. США", "4 октября 2021 года", "a, b и c", quotation marks « » („ “ inside),
    /// sub-items a), i). Counts stay figures (Russian numerals decline by case and gender); nouns agree
    /// with them by the East Slavic plural rule (1 проект, 2 проекта, 5 проектов). The masthead's
    /// distribution, date, language and original lines stay in English, as on UN Russian documents.
    /// </summary>
    public static readonly LanguageProfile Russian = English with
    {
        Code = "ru", Name = "Russian", ReviewName = "Русский (Russian)",
        Tags = new("ru", "ru-RU", "ru-RU", "zh-CN", "ru-RU", [(WritingScript.Latin, "en"), (WritingScript.Han, "zh-CN")]),
        Script = WritingScript.Cyrillic,
        Numbers = new(NumberStyle.Russian, "\u00A0", ",", "{0}\u00A0%", "{0}\u00A0долл.\u00A0США", "d MMMM yyyy 'года'", SmallCountsInWords: false, CompactPercent: "{0}\u00A0%",
            Words: new(
                // In the genitive, as a date writes them ("4 октября 2021 года").
                Months: ["января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября", "ноября", "декабря"],
                DateLink: " ", And: " и ", AndBefore: " и ", AndBeforeStarts: [], AndBeforeUnless: [], Through: "–",
                // Counts stay figures: a Russian numeral in words declines by case and gender.
                Cardinals: [],
                // The documents' ordinals qualify "год" (второй год осуществления плана): masculine nominative.
                Ordinals: ["нулевой", "первый", "второй", "третий", "четвертый", "пятый", "шестой", "седьмой", "восьмой", "девятый", "десятый"],
                OrdinalSuffix: "-й",
                // Abbreviated scales do not decline: "1,3 млн долл. США", "64 млн долл. США".
                Scales: [(1e9, "млрд", "млрд"), (1e6, "млн", "млн")])
            {
                ThroughMonths = " — ", YearWord = " года",
            }),
        // A year is never parted from its word (Russian typesetting): "в 2020 году", "2020–2023 годов".
        Spacing = new(Before: [], After: [], BeforePercent: '\u00A0') { UnitWords = ["год", "года", "году", "годом", "годе", "годы", "годов", "годам", "годах"] },
        Quotes = ("«", "»", "„", "“"),
        SubItemLabel = "{0})",
        ChartWord = "Диаграмма", FigureWord = "Диаграмма", ChartRangeWord = "–", DataLabel = "Данные",
        Masthead = new("en", ["distribution", "language_line", "original"], SpacedUnitedNations: false),
        HyphenationPatterns = "ReportGen.hyph_ru_RU.dic",
        HyphenMinimums = HyphenationMinimums.TeX,
        HyphenatesInWord = true,
        BreaksAfterHyphen = true,
        Plural = PluralRule.EastSlavic,
        Specimen = new("Программа Организации Объединенных Наций по населенным пунктам", "В настоящем докладе излагаются результаты анализа портфеля проектов за 2021 год (88 проектов): «Хабитат».", "Russian", "Приложение I"),
        ByDefault = false,
    };

    /// <summary>
    /// Arabic as UN Arabic documents write it (docs/arabic.md, "The Arabic edition"): right to left,
    /// Western digits, "41 في المائة", "1.3 مليون دولار", "4 تشرين الأول/أكتوبر 2021", « », "و" before the
    /// last item, chapters أولا - , ثانيا - , sub-items (أ), (ب) then ’1‘, ’2‘; the masthead's date,
    /// distribution, language and original lines in English, as UN Arabic editions print them.
    /// Word sets Arabic runs in Simplified Arabic (the UN's Arabic face); the PDF in FontRole.Arabic.
    /// </summary>
    public static readonly LanguageProfile Arabic = English with
    {
        Code = "ar", Name = "Arabic", ReviewName = "العربية (Arabic)",
        Tags = new("ar", "ar-SA", "en-US", "zh-CN", "ar-SA", [(WritingScript.Latin, "en"), (WritingScript.Han, "zh-CN")], WordBidi: "ar-SA"),
        Script = WritingScript.Arabic,
        RightToLeft = true,
        // A no-break space groups thousands: one number to the bidi algorithm (a common separator), never broken at a line's end.
        // A no-break space also binds a figure to its unit words ("75 في المائة", "64 مليون دولار"): no line ends between them.
        Numbers = new(NumberStyle.Arabic, " ", ".", "{0}\u00A0في المائة", "{0}\u00A0دولار", "d MMMM yyyy", SmallCountsInWords: false,
            // One to ten in words agreeing with the noun (three to ten with the gender reversed), eleven and up in figures (docs/arabic.md, "Counts").
            Counts: new(
                Masculine: ["", "واحد", "", "ثلاثة", "أربعة", "خمسة", "ستة", "سبعة", "ثمانية", "تسعة", "عشرة"],
                Feminine: ["", "واحدة", "", "ثلاث", "أربع", "خمس", "ست", "سبع", "ثماني", "تسع", "عشر"],
                FollowsNoun: [1],
                DefiniteMasculine: ["", "", "", "الثلاثة", "الأربعة", "الخمسة", "الستة", "السبعة", "الثمانية", "التسعة", "العشرة",
                    "الأحد عشر", "الاثنا عشر|الاثني عشر", "الثلاثة عشر", "الأربعة عشر", "الخمسة عشر", "الستة عشر", "السبعة عشر", "الثمانية عشر", "التسعة عشر"],
                DefiniteFeminine: ["", "", "", "الثلاث", "الأربع", "الخمس", "الست", "السبع", "الثماني", "التسع", "العشر",
                    "الإحدى عشرة", "الاثنتا عشرة|الاثنتي عشرة", "الثلاث عشرة", "الأربع عشرة", "الخمس عشرة", "الست عشرة", "السبع عشرة", "الثماني عشرة", "التسع عشرة"],
                DefiniteOne: ("الوحيد", "الوحيدة"),
                DefiniteFigure: "الـ {0}", SpacedPrefixes: ["و"])),
        // A space typed between a figure and its unit words in a template or the workbook becomes a no-break space too ("100 في المائة").
        Spacing = new(Before: [], After: [], BeforePercent: '\u00A0') { UnitWords = ["في المائة", "مليون", "ملايين", "بليون", "بلايين", "دولار"] },
        Quotes = ("«", "»", "“", "”"),
        Stop = ".", Semicolon = "؛", Colon = ": ",
        ChapterNumerals = Numerals.Arabic, ChapterEnd = " -", SubItemNumerals = Numerals.Arabic,
        SubItemLetters = Letters.Arabic, SubItemLabel2 = "’{0}‘", ParagraphNumber = "{0} -",
        ChartWord = "الشكل", FigureWord = "الشكل", DataLabel = "البيانات",
        Masthead = new("en", ["distribution", "language_line", "original"], SpacedUnitedNations: false),
        Fonts = new(FontRole.Arabic, FontRole.Arabic, HeadingLatinInHeadingFace: false, WordComplex: "Simplified Arabic"),
        HyphenationPatterns = null,
        Plural = PluralRule.Arabic,
        Specimen = new("برنامج الأمم المتحدة للمستوطنات البشرية", "يعرض هذا التقرير تحليل حافظة المشاريع لعام 2021، وهي تضم 88 مشروعا.", "Arabic", "المرفق الأول"),
        ByDefault = false,
    };

    private static readonly ImmutableArray<LanguageProfile> Registered = [English, Chinese, French, Spanish, Russian, Arabic];

    /// <summary>Languages added for the current flow only (a test's made-up language); flows to the threads and tasks it starts.</summary>
    private static readonly AsyncLocal<ImmutableArray<LanguageProfile>> Added = new();

    /// <summary>Every language, in build order.</summary>
    public static IReadOnlyList<LanguageProfile> All
    {
        get
        {
            var added = Added.Value;
            return added.IsDefaultOrEmpty ? Registered : [.. Registered, .. added];
        }
    }

    public static LanguageProfile? Find(string language)
    {
        foreach (var profile in All)
            if (profile.Code == language) return profile;
        return null;
    }

    /// <summary>The profile of a registered language; an unknown code is a programming error (user input is checked against <see cref="All"/> first).</summary>
    public static LanguageProfile For(string language) =>
        Find(language) ?? throw new ArgumentOutOfRangeException(nameof(language), language, $"languages are {string.Join(", ", All.Select(p => p.Code))}");

    /// <summary>Adds a language for the calling flow until the result is disposed: how a test builds a made-up language.</summary>
    public static IDisposable Add(LanguageProfile profile)
    {
        if (Find(profile.Code) is not null) throw new ArgumentException($"language '{profile.Code}' is registered already", nameof(profile));
        var before = Added.Value;
        Added.Value = before.IsDefault ? [profile] : before.Add(profile);
        return new Restore(before);
    }

    private sealed class Restore(ImmutableArray<LanguageProfile> before) : IDisposable
    {
        public void Dispose() => Added.Value = before;
    }
}
