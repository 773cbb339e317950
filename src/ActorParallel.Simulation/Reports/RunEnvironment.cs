using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using Akka.Actor;

namespace ActorParallel.Simulation.Reports;

/// <summary>
/// What a measurement ran on, for the first line of every report: machine, CPU, cores, .NET, GC mode, Akka.NET,
/// commit, date, and the load average before and after (how busy the machine was, so how noisy the figures are).
/// Capture it before the work starts and call <see cref="WithLoadAfter"/> when it ends.
/// </summary>
public sealed record RunEnvironment(
    string Machine,
    string Cpu,
    int Cores,
    string Os,
    string Architecture,
    string Runtime,
    string GcMode,
    bool ConcurrentGc,
    string Akka,
    string Commit,
    DateTimeOffset Date,
    string? LoadBefore)
{
    private static readonly Lazy<string> CachedCommit = new(ReadCommit);

    /// <summary>The 1, 5 and 15 minute load averages when the work ended; null until <see cref="WithLoadAfter"/>, or where unknown.</summary>
    public string? LoadAfter { get; init; }

    /// <summary>Reads the environment now (the load average is the "before" one).</summary>
    public static RunEnvironment Capture() => new(
        Environment.MachineName,
        ReadCpuModel() ?? RuntimeInformation.ProcessArchitecture.ToString(),
        Environment.ProcessorCount,
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        RuntimeInformation.FrameworkDescription,
        GCSettings.IsServerGC ? "server" : "workstation",
        // Batch latency is what the runtime reports when background GC is off (by runtimeconfig or DOTNET_gcConcurrent=0).
        GCSettings.LatencyMode != GCLatencyMode.Batch,
        ReadAkkaVersion(),
        CachedCommit.Value,
        DateTimeOffset.UtcNow,
        ReadLoadAverage());

    /// <summary>This environment with the load average read now as <see cref="LoadAfter"/>.</summary>
    public RunEnvironment WithLoadAfter() => this with { LoadAfter = ReadLoadAverage() };

    /// <summary>One line for the top of a text report or under a chart's title.</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Machine}: {Cpu}, {Cores} cores, {Runtime}, {GcMode} GC{(ConcurrentGc ? " (concurrent)" : " (non-concurrent)")}, Akka.NET {Akka}, {Os} {Architecture}, "
        + $"commit {Commit}, {Date:yyyy-MM-dd HH:mm} UTC, load {LoadBefore ?? "n/a"}{(LoadAfter is null ? "" : $" before, {LoadAfter} after")}");

    /// <summary>The Akka.NET package version the actors run on (its informational version, without a source-control suffix).</summary>
    public static string ReadAkkaVersion()
    {
        var assembly = typeof(ActorSystem).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    /// <summary>The 1, 5 and 15 minute load averages from /proc/loadavg (Linux); null elsewhere.</summary>
    public static string? ReadLoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 3 ? string.Join(' ', parts[..3]) : null;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>The CPU's model name from /proc/cpuinfo (Linux); null elsewhere.</summary>
    private static string? ReadCpuModel()
    {
        try
        {
            var line = File.ReadLines("/proc/cpuinfo").FirstOrDefault(l => l.StartsWith("model name", StringComparison.Ordinal));
            var colon = line?.IndexOf(':', StringComparison.Ordinal) ?? -1;
            return colon < 0 ? null : string.Join(' ', line![(colon + 1)..].Split(' ', StringSplitOptions.RemoveEmptyEntries));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// The commit of the repository the program was built in (<c>git rev-parse</c> from the program's folder, then
    /// the working folder), or "unknown" without git or outside a repository. Bounded: git gets 3 s.
    /// </summary>
    private static string ReadCommit()
    {
        foreach (var folder in new[] { AppContext.BaseDirectory, Environment.CurrentDirectory })
        {
            try
            {
                var info = new ProcessStartInfo("git")
                {
                    RedirectStandardOutput = true,
                    RedirectStandardError = true,
                    UseShellExecute = false,
                };
                foreach (var arg in new[] { "-C", folder, "rev-parse", "--short=12", "HEAD" })
                    info.ArgumentList.Add(arg);
                using var git = Process.Start(info);
                if (git is null)
                    continue;
                var read = git.StandardOutput.ReadToEndAsync();
                if (!git.WaitForExit(3000))
                {
                    git.Kill(entireProcessTree: true);
                    continue;
                }

                var commit = read.GetAwaiter().GetResult().Trim();
                if (git.ExitCode == 0 && commit.Length > 0)
                    return commit;
            }
            catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException or IOException)
            {
                return "unknown";
            }
        }

        return "unknown";
    }
}
