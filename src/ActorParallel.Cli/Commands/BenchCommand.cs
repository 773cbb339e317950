using System.CommandLine;
using ActorParallel.Cli.Bench;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Commands;

/// <summary>
/// <c>bench [--quick] [--json] [--markdown] [--only ID,...]</c>: runs the benchmark scenarios and their
/// baselines one after the other in this process and prints each figure beside its baseline.
/// </summary>
internal static class BenchCommand
{
    public static Command Build()
    {
        var quick = new Option<bool>("--quick") { Description = "Smaller sizes and fewer repeats: finishes in under 40 s on 2 cores (the full run takes about two minutes)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of the table: the machine, then every figure with its unit, value, baseline, ratio and goal." };
        var markdown = new Option<bool>("--markdown") { Description = "Print a Markdown table (for the README) instead of the console table." };
        var jsonFile = new Option<FileInfo?>("--json-file") { Description = "Also save the JSON object to this file." };
        var markdownFile = new Option<FileInfo?>("--markdown-file") { Description = "Also save the Markdown table to this file." };
        var only = new Option<string[]>("--only")
        {
            Description = "Run only these scenarios: " + string.Join(", ", BenchRunner.AllScenarios().Select(s => s.Id)) + ".",
            AllowMultipleArgumentsPerToken = true,
        };

        // Tiny sizes for the tests: every scenario runs in a second or two and the figures are meaningless.
        var tiny = new Option<bool>("--tiny") { Hidden = true };
        var command = new Command("bench",
            "Measure what a user of the lab pays, each figure beside a baseline measured in the same run: the lab's farm "
            + "per task (empty tasks at W = 1 and 2) against a bare Akka.NET farm, a Channel<T> farm and Parallel.For, "
            + "bytes per task; every workload's speedup on actors against the TPL's at W = 2; Akka.NET ping-pong against "
            + "Channel<T>; ActorSystem create + terminate; HOCON parsing; the lab serializer against Akka's JSON on a batch of tasks.")
        {
            quick,
            json,
            markdown,
            jsonFile,
            markdownFile,
            only,
            tiny,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var sizes = result.GetValue(tiny) ? BenchSizes.Tiny : result.GetValue(quick) ? BenchSizes.Quick : BenchSizes.Full;
            var format = result.GetValue(json) ? OutputFormat.Json : result.GetValue(markdown) ? OutputFormat.Markdown : OutputFormat.Table;
            var files = new SaveFiles(result.GetValue(jsonFile)?.FullName, result.GetValue(markdownFile)?.FullName);
            var (output, error) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);

            // The scenarios do not take a token: on Ctrl+C the guard says "cancelled" and System.CommandLine exits 130.
            return new CommandGuard(output, error, result.GetValue(json)).RunAsync(
                () => Task.FromResult(Run(sizes, format, result.GetValue(only) ?? [], files, output, error)), cancellationToken);
        });
        return command;
    }

    /// <summary>Where to save copies of the report besides what is printed; null for none.</summary>
    internal sealed record SaveFiles(string? Json, string? Markdown)
    {
        public static SaveFiles None { get; } = new(null, null);
    }

    internal enum OutputFormat
    {
        Table,
        Json,
        Markdown,
    }

    /// <summary>Runs the chosen scenarios; progress goes to <paramref name="error"/> so that the JSON on <paramref name="output"/> stays clean.</summary>
    internal static int Run(BenchSizes sizes, OutputFormat format, IReadOnlyCollection<string> only, SaveFiles files, TextWriter output, TextWriter error)
    {
        // Under --json a failure is also the error object on stdout, as for every command that takes --json.
        var asJson = format == OutputFormat.Json;
        var all = BenchRunner.AllScenarios();
        var wanted = only.SelectMany(o => o.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
        var unknown = wanted.Where(id => all.All(s => s.Id != id)).ToList();
        if (unknown.Count > 0)
        {
            return CommandGuard.Fail(output, error, asJson, ExitCodes.BadInput, $"unknown scenario '{unknown[0]}' in --only; known scenarios: {string.Join(", ", all.Select(s => s.Id))}");
        }

        try
        {
            // Before the run, not after two minutes of it.
            if (files.Json is { } json)
                Simulation.Lab.OutputPaths.CheckFile(json, "--json-file");
            if (files.Markdown is { } md)
                Simulation.Lab.OutputPaths.CheckFile(md, "--markdown-file");
        }
        catch (WorkloadParameterException ex)
        {
            return CommandGuard.Fail(output, error, asJson, ExitCodes.BadInput, ex.Message);
        }

        var scenarios = wanted.Count == 0 ? all : [.. all.Where(s => wanted.Contains(s.Id))];
        BenchReport report;
        try
        {
            report = BenchRunner.Run(sizes, scenarios, new Progress(error));
        }
        catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or AggregateException or JobFailedException or WorkloadParameterException)
        {
            return CommandGuard.Fail(output, error, asJson, ExitCodes.JobFailed, ex.Message);
        }

        try
        {
            if (files.Json is { } jsonPath)
            {
                File.WriteAllText(jsonPath, BenchJson.Write(report) + Environment.NewLine);
            }

            if (files.Markdown is { } markdownPath)
            {
                using var writer = new StreamWriter(markdownPath);
                BenchReportRenderer.WriteMarkdown(report, writer);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return CommandGuard.Fail(output, error, asJson, ExitCodes.BadInput, "could not save the report: " + ex.Message);
        }

        switch (format)
        {
            case OutputFormat.Json:
                output.WriteLine(BenchJson.Write(report));
                break;
            case OutputFormat.Markdown:
                BenchReportRenderer.WriteMarkdown(report, output);
                break;
            default:
                BenchReportRenderer.WriteTable(report, output);
                break;
        }

        return 0;
    }

    /// <summary>Writes progress lines synchronously (unlike <see cref="Progress{T}"/>, which posts them to the thread pool).</summary>
    private sealed class Progress(TextWriter error) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine("bench: " + value);
    }
}
