using Akka.Actor;
using Akka.Dispatch;
using Akka.Event;

namespace ActorParallel.Simulation.Cluster;

/// <summary>
/// The console logger of lab cluster nodes (<c>akka.loggers</c>, set in hocon/reference/lab-cluster.conf). Akka.NET
/// logs a peer that left or died as an ERROR "Disassociated" with a stack trace, and a refused or gated association as
/// a WARNING with one: expected events in a lab where nodes come and go. This logger demotes those to DEBUG (shown
/// only with <c>akka.loglevel = DEBUG</c>) and prints everything else on one line, with the exception's message;
/// stack traces only at DEBUG.
/// </summary>
public sealed class LabLogger : ReceiveActor, IRequiresMessageQueue<ILoggerMessageQueueSemantics>
{
    private readonly LogLevel _level;

    public LabLogger()
    {
        _level = Logging.LogLevelFor(Context.System.Settings.LogLevel);
        Receive<InitializeLogger>(_ => Sender.Tell(new LoggerInitialized()));
        Receive<LogEvent>(Print);
    }

    /// <summary>True for the events Akka.NET logs as failures that are expected when nodes leave, die or restart.</summary>
    public static bool IsExpectedRemoteEvent(LogEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        for (var cause = e.Cause; cause is not null; cause = cause.InnerException)
        {
            // Akka.Remote's own exception types for these are internal: match them by name.
            if (cause.GetType().Name is "EndpointDisassociatedException" or "ShutDownAssociation" or "InvalidAssociation"
                or "InvalidAssociationException" or nameof(System.Net.Sockets.SocketException))
                return true;
        }

        var text = e.Message?.ToString() ?? "";
        return Expected.Any(p => text.Contains(p, StringComparison.Ordinal));
    }

    /// <summary>
    /// Messages of expected events: a peer gone or refusing connections, the membership changes the node prints itself
    /// (unreachable, downed by the split-brain resolver), and a join retried while the seed starts.
    /// </summary>
    private static readonly string[] Expected =
    [
        "Disassociated", "Association with remote system", "address is now gated", "Is now gated", "Shut down address",
        "Tried to associate with unreachable remote address", "Marking node(s) as UNREACHABLE", "Marking node(s) as REACHABLE",
        "Marking node as UNREACHABLE", "Marking node as REACHABLE", "SBR took decision", "SBR found", "Couldn't join seed nodes",
        "Leader can currently not perform its duties",
    ];

    private void Print(LogEvent e)
    {
        var level = IsExpectedRemoteEvent(e) ? LogLevel.DebugLevel : e.LogLevel();
        if (level < _level)
            return;
        var cause = e.Cause is null ? "" : level == LogLevel.DebugLevel ? $"\n{e.Cause}" : $" ({e.Cause.GetType().Name}: {e.Cause.Message})";
        var line = $"[{Name(level)}] {DateTime.Now:HH:mm:ss.fff} {e.LogSource}: {e.Message}{cause}";
        // Standard error, all of it: standard output is the command's own (a node's membership lines, `run --json`).
        Console.Error.WriteLine(line);
    }

    private static string Name(LogLevel level) => level switch
    {
        LogLevel.DebugLevel => "DEBUG",
        LogLevel.InfoLevel => "INFO",
        LogLevel.WarningLevel => "WARNING",
        _ => "ERROR",
    };
}
