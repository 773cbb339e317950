using System.Collections.Immutable;
using System.Globalization;

namespace ActorParallel.Simulation.Workloads;

/// <summary>
/// What a job computes: problem size, number of tasks, seed for generated data, and
/// workload-specific options (for example <c>max-iter</c> for mandelbrot).
/// </summary>
public sealed record WorkloadParameters(long Size, int Tasks, int Seed = 42)
{
    public ImmutableDictionary<string, string> Options { get; init; } =
        ImmutableDictionary<string, string>.Empty.WithComparers(StringComparer.OrdinalIgnoreCase);

    /// <summary>Returns a copy with one option set.</summary>
    public WorkloadParameters With(string option, string value) => this with { Options = Options.SetItem(option, value) };

    public string GetString(string option, string fallback) => Options.TryGetValue(option, out var v) ? v : fallback;

    public int GetInt(string option, int fallback) =>
        Options.TryGetValue(option, out var v) ? Parse(option, v, "an integer", s => int.Parse(s, NumberStyles.Integer, CultureInfo.InvariantCulture)) : fallback;

    public double GetDouble(string option, double fallback) =>
        Options.TryGetValue(option, out var v) ? Parse(option, v, "a number", s => double.Parse(s, NumberStyles.Float, CultureInfo.InvariantCulture)) : fallback;

    public override string ToString()
    {
        var options = string.Join(", ", Options.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => $"{o.Key}={o.Value}"));
        return $"size={Size}, tasks={Tasks}, seed={Seed}" + (options.Length > 0 ? ", " + options : "");
    }

    private static T Parse<T>(string option, string text, string expected, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new WorkloadParameterException($"option '{option}' = '{text}' is not {expected}; write for example {option}=10");
        }
    }
}
