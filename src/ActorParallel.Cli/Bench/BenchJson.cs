using System.Text;
using System.Text.Json;

namespace ActorParallel.Cli.Bench;

/// <summary>A <see cref="BenchReport"/> as one JSON object; absent values are null, never omitted.</summary>
public static class BenchJson
{
    public static string Write(BenchReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            json.WriteString("mode", report.Mode);
            json.WriteString("started", report.Started);
            json.WriteNumber("elapsedSeconds", Math.Round(report.ElapsedSeconds, 3));
            json.WriteStartObject("machine");
            json.WriteString("name", report.Machine.Machine);
            json.WriteString("cpu", report.Machine.Cpu);
            json.WriteString("commit", report.Machine.Commit);
            json.WriteNumber("cores", report.Machine.Cores);
            json.WriteString("gc", report.Machine.GcMode);
            json.WriteBoolean("concurrentGc", report.Machine.ConcurrentGc);
            json.WriteString("runtime", report.Machine.Runtime);
            json.WriteString("os", report.Machine.Os);
            json.WriteString("architecture", report.Machine.Architecture);
            json.WriteString("akka", report.Machine.Akka);
            WriteStringOrNull(json, "loadAverageAtStart", report.Machine.LoadBefore);
            WriteStringOrNull(json, "loadAverageAtEnd", report.LoadAverageAtEnd);
            json.WriteEndObject();
            json.WriteStartArray("figures");
            foreach (var figure in report.Figures)
            {
                json.WriteStartObject();
                json.WriteString("scenario", figure.Scenario);
                json.WriteString("name", figure.Name);
                json.WriteString("unit", figure.Unit);
                json.WriteString("better", figure.Direction == Better.Higher ? "higher" : "lower");
                json.WriteNumber("value", figure.Value);
                WriteNumberOrNull(json, "baseline", figure.Baseline);
                WriteStringOrNull(json, "baselineName", figure.BaselineName);
                WriteNumberOrNull(json, "ratio", figure.Ratio);
                WriteStringOrNull(json, "detail", figure.Detail);
                WriteStringOrNull(json, "goal", figure.Goal?.Text);
                WriteStringOrNull(json, "goalOf", figure.Goal is { } goal ? (goal.Of == GoalOf.Ratio ? "ratio" : "value") : null);
                WriteNumberOrNull(json, "goalThreshold", figure.Goal?.Threshold);
                if (figure.GoalMet is { } met)
                {
                    json.WriteBoolean("goalMet", met);
                }
                else
                {
                    json.WriteNull("goalMet");
                }

                json.WriteEndObject();
            }

            json.WriteEndArray();
            json.WriteNumber("goals", report.Figures.Count(f => f.Goal is not null));
            json.WriteNumber("goalsMet", report.Figures.Count(f => f.GoalMet == true));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v && double.IsFinite(v))
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static void WriteStringOrNull(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }
}
