namespace ActorParallel.Simulation.Lab;

/// <summary>What <c>run --out DIR</c> saves: <c>run.json</c> (as <c>--json</c> prints it) and <c>run.txt</c> (the text report).</summary>
public static class RunFiles
{
    public const string JsonFile = "run.json";

    public const string TextFile = "run.txt";

    /// <summary>Writes both files into <paramref name="directory"/> (created if needed) and returns their paths.</summary>
    public static IReadOnlyList<string> Write(RunRecord record, string directory)
    {
        ArgumentNullException.ThrowIfNull(record);
        Directory.CreateDirectory(directory);
        var json = Path.Combine(directory, JsonFile);
        var text = Path.Combine(directory, TextFile);
        File.WriteAllText(json, RunJson.Run(record) + "\n");
        File.WriteAllText(text, LabRenderer.Run(record));
        return [json, text];
    }
}
