using Spectre.Console;

namespace ActorParallel.Cli.Bench;

/// <summary>Renders a <see cref="BenchReport"/> as a table: each figure beside its in-run baseline, the ratio and the goal.</summary>
public static class BenchReportRenderer
{
    public static readonly IReadOnlyList<string> Columns =
        ["Figure", "Value", "In-run baseline", "Ratio", "Goal", "Met?", "Detail"];

    /// <summary>The cells of one row, as plain text; shared by the table and the Markdown output.</summary>
    public static string[] Cells(BenchFigure figure)
    {
        ArgumentNullException.ThrowIfNull(figure);
        return
        [
            figure.Name,
            Format.Value(figure.Value, figure.Unit),
            figure.Baseline is { } b ? $"{Format.Value(b, figure.Unit)} ({figure.BaselineName})" : "-",
            figure.Ratio is { } r ? Format.Fixed(r) + "x" + (figure.Direction == Better.Lower ? " (lower is better)" : "") : "-",
            figure.Goal?.Text ?? "-",
            figure.GoalMet switch { true => "yes", false => "no", null => "-" },
            figure.Detail ?? "",
        ];
    }

    /// <summary>A Spectre.Console table written to <paramref name="output"/>; no colours, so files and pipes stay readable.</summary>
    public static void WriteTable(BenchReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
            Out = new AnsiConsoleOutput(output),
            Interactive = InteractionSupport.No,
        });
        console.Profile.Width = 240;
        var table = new Table().Border(TableBorder.Ascii2);
        foreach (var column in Columns)
        {
            table.AddColumn(new TableColumn(column));
        }

        foreach (var figure in report.Figures)
        {
            table.AddRow([.. Cells(figure).Select(cell => new Text(cell))]);
        }

        console.Write(table);
        WriteFooter(report, output);
    }

    /// <summary>The same rows as a Markdown table (for the README).</summary>
    public static void WriteMarkdown(BenchReport report, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        output.WriteLine("| " + string.Join(" | ", Columns) + " |");
        output.WriteLine("|" + string.Concat(Columns.Select(_ => "---|")));
        foreach (var figure in report.Figures)
        {
            output.WriteLine("| " + string.Join(" | ", Cells(figure).Select(c => c.Replace("|", "\\|", StringComparison.Ordinal))) + " |");
        }

        WriteFooter(report, output);
    }

    private static void WriteFooter(BenchReport report, TextWriter output)
    {
        var goals = report.Figures.Count(f => f.Goal is not null);
        var met = report.Figures.Count(f => f.GoalMet == true);
        output.WriteLine();
        output.WriteLine($"Machine: {report.Machine.Describe()}; load at end {report.LoadAverageAtEnd ?? "n/a"}");
        output.WriteLine($"Mode: {report.Mode}, {report.ElapsedSeconds:F1} s. Goals met: {met} of {goals}. Ratio = value / baseline, measured one after the other in this process.");
    }
}
