using System.Globalization;
using System.Reflection;
using System.Runtime;
using System.Runtime.InteropServices;
using Akka.Actor;

namespace ActorParallel.Cli.Bench;

/// <summary>What the figures were measured on (and with which Akka.NET); load averages say how noisy they are.</summary>
public sealed record MachineInfo(
    int Cores,
    string GcMode,
    bool ConcurrentGc,
    string Runtime,
    string Os,
    string Architecture,
    string Akka,
    string? LoadAverage)
{
    public static MachineInfo Current() => new(
        Environment.ProcessorCount,
        GCSettings.IsServerGC ? "server" : "workstation",
        // Batch latency is what the runtime reports when background GC is off (by runtimeconfig or DOTNET_gcConcurrent=0).
        GCSettings.LatencyMode != GCLatencyMode.Batch,
        RuntimeInformation.FrameworkDescription,
        RuntimeInformation.OSDescription,
        RuntimeInformation.ProcessArchitecture.ToString(),
        ReadAkkaVersion(),
        ReadLoadAverage());

    /// <summary>The Akka.NET package version the actors run on (its informational version, without a source-control suffix).</summary>
    public static string ReadAkkaVersion()
    {
        var assembly = typeof(ActorSystem).Assembly;
        var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
            ?? assembly.GetName().Version?.ToString() ?? "unknown";
        var plus = version.IndexOf('+', StringComparison.Ordinal);
        return plus < 0 ? version : version[..plus];
    }

    /// <summary>The 1, 5 and 15 minute load averages on Linux; null elsewhere.</summary>
    public static string? ReadLoadAverage()
    {
        try
        {
            var parts = File.ReadAllText("/proc/loadavg").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return parts.Length >= 3 ? string.Join(' ', parts[..3]) : null;
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }

    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"{Cores} cores, {GcMode} GC{(ConcurrentGc ? " (concurrent)" : "")}, {Runtime}, Akka.NET {Akka}, {Os} {Architecture}, load {LoadAverage ?? "n/a"}");
}
