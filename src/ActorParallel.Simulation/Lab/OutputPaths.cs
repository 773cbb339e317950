using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Lab;

/// <summary>
/// Checks the files and folders a command will write before any work starts, so that a typo in a path costs
/// a second rather than the whole job. Errors are <see cref="WorkloadParameterException"/>s naming the option.
/// </summary>
public static class OutputPaths
{
    /// <summary>The picture formats <c>--image</c> writes, chosen by the file's extension.</summary>
    public static readonly IReadOnlyList<string> ImageExtensions = [".png", ".pgm"];

    /// <summary>Creates the folder if needed and proves it writable by creating and deleting a probe file in it.</summary>
    public static void EnsureWritableFolder(string folder, string option)
    {
        ArgumentNullException.ThrowIfNull(folder);
        try
        {
            Directory.CreateDirectory(folder);
            Probe(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
        {
            throw new WorkloadParameterException($"{option} '{folder}': cannot write there ({Reason(e)}); choose a folder you can write to");
        }
    }

    /// <summary>Checks the extension (<c>.png</c> or <c>.pgm</c>) and that the file's folder exists and is writable.</summary>
    public static void CheckImageFile(string file, string option)
    {
        ArgumentNullException.ThrowIfNull(file);
        var extension = Path.GetExtension(file);
        if (!ImageExtensions.Contains(extension, StringComparer.OrdinalIgnoreCase))
        {
            var got = extension.Length == 0 ? "no extension" : $"extension '{extension}'";
            throw new WorkloadParameterException($"{option} '{file}' has {got}; supported: {string.Join(", ", ImageExtensions)} (the extension picks the format)");
        }

        CheckFile(file, option);
    }

    /// <summary>Checks that the file's folder exists and is writable, and that the file is not a folder.</summary>
    public static void CheckFile(string file, string option)
    {
        ArgumentNullException.ThrowIfNull(file);
        string folder;
        try
        {
            folder = Path.GetDirectoryName(Path.GetFullPath(file)) ?? ".";
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw new WorkloadParameterException($"{option} '{file}' is not a valid path ({e.Message})");
        }

        if (!Directory.Exists(folder))
            throw new WorkloadParameterException($"{option} '{file}': folder '{folder}' does not exist; create it first or choose another path");
        if (Directory.Exists(file))
            throw new WorkloadParameterException($"{option} '{file}' is a folder; give a file name in it");
        try
        {
            Probe(folder);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new WorkloadParameterException($"{option} '{file}': cannot write to folder '{folder}' ({Reason(e)}); choose a folder you can write to");
        }
    }

    private static void Probe(string folder)
    {
        var probe = Path.Combine(folder, $".actorparallel-probe-{Environment.ProcessId}-{Guid.NewGuid():N}");
        using (File.Create(probe, 1, FileOptions.DeleteOnClose))
        {
        }
    }

    private static string Reason(Exception e) => e is UnauthorizedAccessException ? "permission denied" : e.Message.TrimEnd('.');
}
