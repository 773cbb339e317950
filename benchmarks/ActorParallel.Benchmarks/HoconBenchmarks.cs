using System.Text.Json;
using ActorParallel.Cli.Bench.Scenarios;
using ActorParallel.Configuration;
using BenchmarkDotNet.Attributes;

namespace ActorParallel.Benchmarks;

/// <summary>
/// Parsing and resolving a ~40 KB reference-style HOCON document, against System.Text.Json parsing
/// the same tree rendered as compact JSON (the baseline, measured in the same run). The indented
/// rendering (what <c>config render --json</c> prints, about the size of the HOCON text) is measured too.
/// </summary>
[MemoryDiagnoser]
public class HoconBenchmarks
{
    private string _hocon = string.Empty;
    private string _json = string.Empty;
    private string _jsonIndented = string.Empty;

    [GlobalSetup]
    public void Setup()
    {
        _hocon = HoconInput.Generate(40 * 1024);
        var config = HoconConfigFactory.ParseString(_hocon);
        _json = config.ToJson(indented: false);
        _jsonIndented = config.ToJson(indented: true);
        Console.WriteLine($"// HOCON input {_hocon.Length} chars; JSON of the same tree {_json.Length} chars compact, {_jsonIndented.Length} indented");
    }

    [Benchmark(Baseline = true, Description = "System.Text.Json JsonDocument.Parse (same tree, compact)")]
    public int JsonDocumentParse()
    {
        using var doc = JsonDocument.Parse(_json);
        return doc.RootElement.GetPropertyCount();
    }

    [Benchmark(Description = "System.Text.Json JsonDocument.Parse (same tree, indented)")]
    public int JsonDocumentParseIndented()
    {
        using var doc = JsonDocument.Parse(_jsonIndented);
        return doc.RootElement.GetPropertyCount();
    }

    [Benchmark(Description = "HOCON HoconParser.Parse only (no resolution)")]
    public HoconRoot HoconParseOnly() => HoconParser.Parse(_hocon);

    [Benchmark(Description = "HOCON ParseString + resolve")]
    public bool HoconParseAndResolve() => HoconConfigFactory.ParseString(_hocon).IsEmpty;
}
