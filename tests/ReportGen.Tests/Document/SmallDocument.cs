using ReportGen.Document;

namespace ReportGen.Tests.Document;

/// <summary>A small document built in code, with one block of every kind, for the resolver and the writers.</summary>
public static class SmallDocument
{
    public static readonly FigureRef Share = new("portfolio.share", 0.41, "41");

    public static Doc Build(bool withSecondChart = true)
    {
        var star = new Footnote("*", Inlines.Of("HSP/EB.2021/12."));
        var note = new Footnote(null, Inlines.Of("A numbered note."));
        var masthead = new Masthead("HSP/EB.2021/19", "Distr.: General", "4 October 2021", "", "Original: English",
            "Executive Board of the United Nations Human Settlements Programme", "Second session of 2021", "Nairobi, 15 November 2021",
            "Item 6 of the provisional agenda", "", star, "Implementation of the strategic plan", "A small report",
            "Report of the Executive Director", [], "United Nations", "HSP/EB.2021/19") { Date = new DateOnly(2021, 10, 4) };
        ChartSlot Chart(string number, string title) => new("bars", number, title, null,
            new ChartData(ChartKind.ClusteredBars, ["1.1", "1.2"], [new ChartSeries("2021", [3, 5])], "Outcome", "Projects",
                [new Headline("Total number of projects", "8")], [], "Projects by outcome"),
            new Table([[new TableCell(Inlines.Of("Outcome")), new TableCell(Inlines.Of("2021"))]], [[new TableCell(Inlines.Of("1.1")), new TableCell(Inlines.Of("3"))]], [1, 1]));
        var body = new List<Block>
        {
            new Heading(1, "I.", Inlines.Of("Introduction")),
            // The same figure object twice: two occurrences, two bookmarks.
            new Paragraph(true, [new Text("A share of "), Share, new Text(" per cent."), new FootnoteRef(note)]),
            new Heading(2, "A.", Inlines.Of("Scope")),
            new Paragraph(true, Inlines.Of("The work covers:")),
            new SubItems(1,
            [
                new SubItem([new Paragraph(false, [new Text("cities, at "), Share, new Text(" per cent;")])]),
                new SubItem([new Paragraph(false, Inlines.Of("regions:")), new SubItems(2, [new SubItem([new Paragraph(false, Inlines.Of("rural ones."))])])]),
            ]),
            new Heading(1, "II.", Inlines.Of("Results")),
            new Paragraph(true, Inlines.Of("The charts show the projects.")),
            Chart("I", "Projects in 2021"),
        };
        if (withSecondChart) body.Add(Chart("II", "Projects in 2022"));
        body.Add(new Paragraph(true, Inlines.Of("The end of the body.")));
        body.Add(new Annex("Annex I", "Data", [
            new Paragraph(false, Inlines.Of("An unnumbered paragraph.")),
            new Table([[new TableCell(Inlines.Of("Outcome")), new TableCell(Inlines.Of("Projects"))]],
                [[new TableCell(Inlines.Of("1.1")), new TableCell([new FigureRef("portfolio.count", 3, "3")], Alignment.Right)]], [2, 1]),
        ]));
        return new Doc(masthead, body, "en");
    }
}
