using System.Text.Json;
using ActorParallel.Configuration;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// Parsing and resolving a reference-style HOCON document, against System.Text.Json parsing the
/// same tree rendered as compact JSON (the idea of HoconBenchmarks, here in the harness).
/// </summary>
public sealed class HoconParseScenario : IBenchScenario
{
    public string Id => "hocon";

    public IReadOnlyList<BenchFigure> Run(BenchSizes sizes, IProgress<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);
        var hocon = HoconInput.Generate(sizes.HoconChars);
        var json = HoconConfigFactory.ParseString(hocon).ToJson(indented: false);
        var parses = sizes.HoconParses;
        var hoconUs = Measure.Median(sizes.Warmups + 1, sizes.Repeats, () => Measure.Milliseconds(() =>
        {
            for (var i = 0; i < parses; i++)
            {
                HoconConfigFactory.ParseString(hocon);
            }
        }) * 1000 / parses);
        var jsonUs = Measure.Median(sizes.Warmups + 1, sizes.Repeats, () => Measure.Milliseconds(() =>
        {
            for (var i = 0; i < parses; i++)
            {
                using var document = JsonDocument.Parse(json);
            }
        }) * 1000 / parses);
        progress.Report($"  HOCON {Format.Fixed(hoconUs)} us, JSON {Format.Fixed(jsonUs)} us for {hocon.Length / 1024} KB");
        return
        [
            new BenchFigure(Id, $"HOCON parse + resolve, {hocon.Length / 1024} KB", "us", hoconUs, Better.Lower,
                jsonUs, "System.Text.Json, same tree"),
        ];
    }
}
