using ReportGen.Audit;

namespace ReportGen.Tests.Audit;

/// <summary>Reworded paragraphs shown as the sentences that changed, marked inside, readably.</summary>
public sealed class SentenceDiffTests
{
    [Fact]
    public void Sentences_end_at_stops_not_inside_numbers_abbreviations_or_before_lower_case()
    {
        Assert.Equal(["Outcomes 1.3, 2.2 and 4.3 are underfunded. ", "Six of 12 outcomes received 41 per cent. ", "See e.g. annex I; ", "it lists them!"],
            SentenceDiff.Split("Outcomes 1.3, 2.2 and 4.3 are underfunded. Six of 12 outcomes received 41 per cent. See e.g. annex I; it lists them!"));
        Assert.Equal(["2021 年审查的项目中有 41% 涵盖全部 4 个变革领域。", "“其余”项目；", "见附件一。"], SentenceDiff.Split("2021 年审查的项目中有 41% 涵盖全部 4 个变革领域。“其余”项目；见附件一。"));
        Assert.Equal(["Funding reached USD 64.5 million in 2021"], SentenceDiff.Split("Funding reached USD 64.5 million in 2021"));
    }

    [Fact]
    public void Only_the_changed_sentence_is_shown_with_the_changed_words_marked_inside()
    {
        string before = "The portfolio grew. Six outcomes were underfunded in 2021, against four in 2020. The trend continues.";
        string after = "The portfolio grew. Seven outcomes were underfunded in 2021, against four in 2020. The trend continues.";
        var change = Assert.Single(SentenceDiff.Changes(before, after));
        Assert.Equal("Six outcomes were underfunded in 2021, against four in 2020. ", change.Old);
        Assert.Equal([("removed", "Six"), ("added", "Seven"), ("same", " outcomes were underfunded in 2021, against four in 2020. ")], change.Diff.Select(d => (d.Op, d.Text)));
        // The whole paragraph's pieces rebuild both texts.
        var pieces = SentenceDiff.Pieces(before, after);
        Assert.Equal(before, string.Concat(pieces.Where(p => p.Op != "added").Select(p => p.Text)));
        Assert.Equal(after, string.Concat(pieces.Where(p => p.Op != "removed").Select(p => p.Text)));
    }

    [Fact]
    public void A_rewording_reads_as_old_phrase_then_new_phrase_not_word_by_word()
    {
        var diff = SentenceDiff.Inside("Funding for the outcome fell short of the budget by a wide margin in 2021.",
            "Funding for the outcome met most of its budget by a wide margin in 2021.");
        Assert.Equal([("same", "Funding for the outcome "), ("removed", "fell short of the"), ("added", "met most of its"), ("same", " budget by a wide margin in 2021.")],
            diff.Select(d => (d.Op, d.Text)));
        // A sentence rewritten through and through is shown whole, old then new.
        var rewritten = SentenceDiff.Inside("Six outcomes were underfunded.", "Most outcomes received less than half their budget.");
        Assert.Equal(["removed", "added"], rewritten.Select(d => d.Op));
        // Chinese by character.
        var zh = SentenceDiff.Inside("有六个成果资金不足。", "有七个成果资金不足。");
        Assert.Equal([("same", "有"), ("removed", "六"), ("added", "七"), ("same", "个成果资金不足。")], zh.Select(d => (d.Op, d.Text)));
    }

    [Fact]
    public void An_added_sentence_is_shown_as_added_and_the_rest_left_out()
    {
        var changes = SentenceDiff.Changes("First. Second.", "First. New one. Second.");
        var added = Assert.Single(changes);
        Assert.Null(added.Old);
        Assert.Equal("New one. ", added.New);
    }
}
