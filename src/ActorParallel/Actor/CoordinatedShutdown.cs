using System.Collections.Concurrent;
using ActorParallel.Configuration;
using ActorParallel.Event;

namespace ActorParallel.Actor;

/// <summary>
/// Stops the system in ordered phases (<c>actorparallel.coordinated-shutdown.phases</c>, a graph by
/// <c>depends-on</c>). Tasks added to a phase run concurrently; the next phase starts when all are done
/// or the phase timed out. The last phase terminates the actor system.
/// </summary>
public sealed class CoordinatedShutdown : IExtension
{
    public const string PhaseBeforeServiceUnbind = "before-service-unbind";
    public const string PhaseServiceUnbind = "service-unbind";
    public const string PhaseServiceRequestsDone = "service-requests-done";
    public const string PhaseServiceStop = "service-stop";
    public const string PhaseBeforeClusterShutdown = "before-cluster-shutdown";
    public const string PhaseClusterShardingShutdownRegion = "cluster-sharding-shutdown-region";
    public const string PhaseClusterLeave = "cluster-leave";
    public const string PhaseClusterExiting = "cluster-exiting";
    public const string PhaseClusterExitingDone = "cluster-exiting-done";
    public const string PhaseClusterShutdown = "cluster-shutdown";
    public const string PhaseBeforeActorSystemTerminate = "before-actor-system-terminate";
    public const string PhaseActorSystemTerminate = "actor-system-terminate";

    private readonly ConcurrentDictionary<string, ConcurrentQueue<(string Name, Func<Task<Done>> Task)>> _tasks = new();
    private readonly Dictionary<string, Phase> _phases;
    private readonly ILoggingAdapter _log;
    private readonly bool _terminateActorSystem;
    private readonly bool _exitClr;
    private Task<Done>? _run;
    private Reason? _reason;

    internal CoordinatedShutdown(ExtendedActorSystem system)
    {
        System = system;
        var config = system.Settings.Config.GetConfig("actorparallel.coordinated-shutdown");
        var defaultTimeout = config.GetTimeSpan("default-phase-timeout", TimeSpan.FromSeconds(5), allowInfinite: false);
        _terminateActorSystem = config.GetBoolean("terminate-actor-system", true);
        _exitClr = config.GetBoolean("exit-clr");
        _phases = ReadPhases(config.GetConfig("phases"), defaultTimeout);
        OrderedPhases = TopologicalSort(_phases);
        _log = Logging.GetLogger(system, nameof(CoordinatedShutdown));
        if (system is ActorSystemImpl { TerminatedWithoutShutdownRun: true } terminated)
        {
            // Created after ActorSystem.Terminate ran without it (no phase had tasks): report that run as ours, as if
            // it had been created first, rather than run the phases a second time.
            _reason = ActorSystemTerminateReason.Instance;
            _run = terminated.WhenTerminated.ContinueWith(static _ => Done.Instance, CancellationToken.None,
                TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            return;
        }

        if (config.GetBoolean("run-by-clr-shutdown-hook", true))
        {
            AppDomain.CurrentDomain.ProcessExit += OnProcessExit;
            system.RegisterOnTermination(() => AppDomain.CurrentDomain.ProcessExit -= OnProcessExit);
        }
    }

    public ExtendedActorSystem System { get; }

    /// <summary>Phase names in the order they run.</summary>
    public IReadOnlyList<string> OrderedPhases { get; }

    /// <summary>Why shutdown was started; null until <see cref="Run"/> is called.</summary>
    public Reason? ShutdownReason => Volatile.Read(ref _reason);

    public TimeSpan TotalTimeout => _phases.Values.Aggregate(TimeSpan.Zero, (sum, phase) => sum + phase.Timeout);

    /// <summary>
    /// Whether <see cref="ActorSystem.Terminate"/> may stop a system directly when this extension was never created:
    /// true when a run without tasks would do nothing but terminate the system (the last phase is enabled and
    /// terminates the system, and the CLR is not to exit afterwards).
    /// </summary>
    internal static bool CanSkipUnused(Config config) =>
        config.GetBoolean("actorparallel.coordinated-shutdown.terminate-actor-system", true)
        && !config.GetBoolean("actorparallel.coordinated-shutdown.exit-clr")
        && config.GetBoolean("actorparallel.coordinated-shutdown.phases.actor-system-terminate.enabled", true);

    public static CoordinatedShutdown Get(ActorSystem system) => system.WithExtension<CoordinatedShutdown, CoordinatedShutdownExtension>();

    public TimeSpan Timeout(string phase) =>
        _phases.TryGetValue(phase, out var p) ? p.Timeout : throw new ArgumentException($"Unknown phase [{phase}]; known phases: {string.Join(", ", OrderedPhases)}.", nameof(phase));

    /// <summary>Adds a task to a phase; it must complete within the phase's timeout.</summary>
    public void AddTask(string phase, string taskName, Func<Task<Done>> task)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentException.ThrowIfNullOrEmpty(taskName);
        if (!_phases.ContainsKey(phase))
        {
            throw new ConfigurationException($"Unknown phase [{phase}]; known phases: {string.Join(", ", OrderedPhases)}. Define it in 'actorparallel.coordinated-shutdown.phases'.");
        }

        _tasks.GetOrAdd(phase, _ => new ConcurrentQueue<(string, Func<Task<Done>>)>()).Enqueue((taskName, task));
    }

    /// <summary>Runs the phases from <paramref name="fromPhase"/> (default: the first). Later calls return the first run's task.</summary>
    public Task<Done> Run(Reason reason, string? fromPhase = null)
    {
        ArgumentNullException.ThrowIfNull(reason);
        Interlocked.CompareExchange(ref _reason, reason, null);
        lock (_phases)
        {
            return _run ??= RunPhases(fromPhase);
        }
    }

    private async Task<Done> RunPhases(string? fromPhase)
    {
        await Task.Yield();
        var started = fromPhase is null;
        foreach (var name in OrderedPhases)
        {
            started |= name == fromPhase;
            if (!started || !_phases[name].Enabled)
            {
                continue;
            }

            var phase = _phases[name];
            var tasks = _tasks.TryGetValue(name, out var queue) ? queue.ToArray() : [];
            var work = tasks.Select(t => RunTask(name, t.Name, t.Task)).ToList();
            if (name == PhaseActorSystemTerminate && _terminateActorSystem && System is ActorSystemImpl impl)
            {
                work.Add(TerminateSystem(impl));
            }

            if (work.Count == 0)
            {
                continue;
            }

            var all = Task.WhenAll(work);
            if (await Task.WhenAny(all, Task.Delay(phase.Timeout)).ConfigureAwait(false) != all)
            {
                _log.Warning("Coordinated shutdown phase [{0}] timed out after {1}.", name, phase.Timeout);
                if (!phase.Recover)
                {
                    break;
                }
            }
        }

        if (_exitClr)
        {
            Environment.Exit(0);
        }

        return Done.Instance;
    }

    private static async Task TerminateSystem(ActorSystemImpl system)
    {
        system.FinalTerminate();
        await system.WhenTerminated.ConfigureAwait(false);
    }

    private async Task RunTask(string phase, string name, Func<Task<Done>> task)
    {
        try
        {
            await task().ConfigureAwait(false);
        }
        catch (Exception cause)
        {
            _log.Warning(cause, "Task [{0}] of coordinated shutdown phase [{1}] failed.", name, phase);
        }
    }

    private void OnProcessExit(object? sender, EventArgs e)
    {
        if (!System.WhenTerminated.IsCompleted)
        {
            Run(ClrExitReason.Instance).Wait(TotalTimeout);
        }
    }

    private static Dictionary<string, Phase> ReadPhases(Config phases, TimeSpan defaultTimeout)
    {
        var result = new Dictionary<string, Phase>(StringComparer.Ordinal);
        foreach (var (name, value) in phases.AsEnumerable())
        {
            if (!value.IsObject())
            {
                throw new ConfigurationException($"'actorparallel.coordinated-shutdown.phases.{name}' must be an object with timeout, recover, enabled and depends-on.");
            }

            var phase = phases.GetConfig(name);
            result[name] = new Phase(
                phase.GetTimeSpan("timeout", defaultTimeout, allowInfinite: false),
                phase.GetBoolean("recover", true),
                phase.GetBoolean("enabled", true),
                [.. phase.GetStringList("depends-on", [])]);
        }

        foreach (var (name, phase) in result)
        {
            foreach (var dependency in phase.DependsOn.Where(d => !result.ContainsKey(d)))
            {
                throw new ConfigurationException($"'actorparallel.coordinated-shutdown.phases.{name}.depends-on' names unknown phase [{dependency}].");
            }
        }

        return result;
    }

    /// <summary>Orders phases so each comes after what it depends on (ties by name, for determinism).</summary>
    private static List<string> TopologicalSort(Dictionary<string, Phase> phases)
    {
        var ordered = new List<string>();
        var state = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var name in phases.Keys.Order(StringComparer.Ordinal))
        {
            Visit(name);
        }

        return ordered;

        void Visit(string name)
        {
            switch (state.GetValueOrDefault(name))
            {
                case 2:
                    return;
                case 1:
                    throw new ConfigurationException($"'actorparallel.coordinated-shutdown.phases': cycle through phase [{name}].");
            }

            state[name] = 1;
            foreach (var dependency in phases[name].DependsOn.Order(StringComparer.Ordinal))
            {
                Visit(dependency);
            }

            state[name] = 2;
            ordered.Add(name);
        }
    }

    private sealed record Phase(TimeSpan Timeout, bool Recover, bool Enabled, string[] DependsOn);

    /// <summary>Why shutdown was started.</summary>
    public class Reason
    {
        protected Reason()
        {
        }
    }

    public sealed class UnknownReason : Reason
    {
        public static UnknownReason Instance { get; } = new();
    }

    public sealed class ActorSystemTerminateReason : Reason
    {
        public static ActorSystemTerminateReason Instance { get; } = new();
    }

    public sealed class ClrExitReason : Reason
    {
        public static ClrExitReason Instance { get; } = new();
    }

    public sealed class ClusterDowningReason : Reason
    {
        public static ClusterDowningReason Instance { get; } = new();
    }

    public sealed class ClusterLeavingReason : Reason
    {
        public static ClusterLeavingReason Instance { get; } = new();
    }

    public sealed class ClusterJoinUnsuccessfulReason : Reason
    {
        public static ClusterJoinUnsuccessfulReason Instance { get; } = new();
    }
}

/// <summary>Extension id of <see cref="CoordinatedShutdown"/>.</summary>
public sealed class CoordinatedShutdownExtension : ExtensionIdProvider<CoordinatedShutdown>
{
    public override CoordinatedShutdown CreateExtension(ExtendedActorSystem system) => new(system);
}
