using Akka.Actor;

namespace ActorParallel.Simulation.Cluster;

/// <summary>
/// The largest message Akka.Remote carries: <c>akka.remote.dot-netty.tcp.maximum-frame-size</c> (the lab sets 16 MiB in
/// lab-cluster.conf; Akka's default is 128000 bytes). Akka drops a larger message with an error in the sender's log, and
/// the job would wait for it forever, so the lab checks sizes itself: tasks before the job starts (the driver), results
/// before they are sent (the worker nodes).
/// </summary>
public static class TransportLimits
{
    /// <summary>Room left in a frame for Akka's envelope around our payload: the recipient's and sender's paths, the manifest, ids.</summary>
    public const int EnvelopeAllowance = 1024;

    /// <summary>The largest payload of ours that fits the system's frame, or null without remoting.</summary>
    public static long? MaxPayloadBytes(ActorSystem system)
    {
        ArgumentNullException.ThrowIfNull(system);
        var config = system.Settings.Config;
        if (!config.HasPath("akka.remote.dot-netty.tcp.maximum-frame-size"))
            return null;
        var frame = config.GetByteSize("akka.remote.dot-netty.tcp.maximum-frame-size", 128000) ?? 128000;
        return Math.Max(1, frame - EnvelopeAllowance);
    }

    /// <summary>Bytes as a reader would say them: 3.9 MB, 125 KB.</summary>
    public static string Describe(long bytes) => bytes switch
    {
        >= 1_000_000 => $"{bytes / 1e6:0.#} MB ({bytes} bytes)",
        >= 1_000 => $"{bytes / 1e3:0.#} KB ({bytes} bytes)",
        _ => $"{bytes} bytes",
    };
}
