using System.Collections.Concurrent;
using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Dispatch;

/// <summary>
/// Builds dispatchers from configuration, once per id (the id is the config path of the dispatcher's
/// section, e.g. <c>my-dispatcher</c>). Each section falls back to <c>actorparallel.actor.default-dispatcher</c>.
/// </summary>
public sealed class Dispatchers
{
    public const string DefaultDispatcherId = "actorparallel.actor.default-dispatcher";
    public const string InternalDispatcherId = "actorparallel.actor.internal-dispatcher";
    public const string DefaultBlockingDispatcherId = "actorparallel.actor.default-blocking-io-dispatcher";
    public const string CallingThreadDispatcherId = "actorparallel.actor.calling-thread-dispatcher";
    public const string DefaultForkJoinDispatcherId = "actorparallel.actor.default-fork-join-dispatcher";
    public const string TaskDispatcherId = "actorparallel.actor.task-dispatcher";
    public const string SynchronizedDispatcherId = "actorparallel.actor.synchronized-dispatcher";

    /// <summary>Values accepted by a dispatcher's <c>type</c> key.</summary>
    public static readonly IReadOnlyList<string> KnownTypes =
        ["Dispatcher", "TaskDispatcher", "ForkJoinDispatcher", "PinnedDispatcher", "SynchronizedDispatcher", "CallingThreadDispatcher"];

    /// <summary>Values accepted by a dispatcher's <c>executor</c> key.</summary>
    public static readonly IReadOnlyList<string> KnownExecutors =
        ["default-executor", "thread-pool-executor", "channel-executor", "task-executor", "fork-join-executor", "current-context-executor"];

    private readonly Config _config;
    private readonly Config _defaultConfig;
    private readonly ConcurrentDictionary<string, Lazy<MessageDispatcher>> _dispatchers = new(StringComparer.Ordinal);

    // Created on first use (thread-safe Lazy), so systems without channel-executor dispatchers start no threads.
    private readonly Lazy<ChannelScheduler> _channelScheduler =
        new(() => new ChannelScheduler("channel-executor", Environment.ProcessorCount));

    internal Dispatchers(Config config)
    {
        _config = config;
        _defaultConfig = config.GetConfig(DefaultDispatcherId);
        DefaultGlobalDispatcher = Lookup(DefaultDispatcherId);
    }

    public MessageDispatcher DefaultGlobalDispatcher { get; }

    public bool HasDispatcher(string id) => _dispatchers.ContainsKey(id) || _config.HasPath(id);

    /// <summary>The dispatcher configured at <paramref name="id"/>; a <see cref="ConfigurationException"/> if there is none or it is invalid.</summary>
    public MessageDispatcher Lookup(string id)
    {
        ArgumentException.ThrowIfNullOrEmpty(id);
        if (_dispatchers.TryGetValue(id, out var existing) && existing.IsValueCreated)
        {
            // The common case on every spawn: no allocation, no lock.
            return existing.Value;
        }

        var lazy = _dispatchers.GetOrAdd(id, key => new Lazy<MessageDispatcher>(() => Create(key)));
        try
        {
            return lazy.Value;
        }
        catch
        {
            // Do not cache a failure: a later, fixed lookup should be able to succeed.
            _dispatchers.TryRemove(id, out _);
            throw;
        }
    }

    private MessageDispatcher Create(string id)
    {
        if (!_config.HasPath(id))
        {
            throw new ConfigurationException(
                $"Dispatcher [{id}] not configured: add a section '{id} {{ type = Dispatcher }}' " +
                $"(type is one of {string.Join(", ", KnownTypes)}), or use '{DefaultDispatcherId}'.");
        }

        var config = _config.GetConfig(id).WithFallback(_defaultConfig);
        var type = config.GetString("type", "Dispatcher")!;
        var throughput = config.GetInt("throughput", 30);
        if (throughput <= 0)
        {
            throw new ConfigurationException($"'{id}.throughput = {throughput}': must be a positive number of messages.");
        }

        var deadline = config.GetTimeSpan("throughput-deadline-time", TimeSpan.Zero, allowInfinite: false);
        return type switch
        {
            "Dispatcher" or "TaskDispatcher" => CreateDispatcher(id, config, throughput, deadline),
            "ForkJoinDispatcher" => new ForkJoinDispatcher(id, throughput, deadline,
                ThreadCount(id, config.GetInt("dedicated-thread-pool.thread-count", 3)), IsBackground(id, config)),
            "PinnedDispatcher" => new PinnedDispatcher(id, throughput, deadline),
            "SynchronizedDispatcher" => new SynchronizedDispatcher(id, throughput, deadline, CurrentContext(id)),
            "CallingThreadDispatcher" or "ActorParallel.TestKit.CallingThreadDispatcherConfigurator, ActorParallel.TestKit" =>
                new CallingThreadDispatcher(id),
            _ => throw new ConfigurationException(
                $"'{id}.type = {type}' is not a known dispatcher type; use one of {string.Join(", ", KnownTypes)}."),
        };
    }

    private MessageDispatcher CreateDispatcher(string id, Config config, int throughput, TimeSpan deadline)
    {
        var executor = config.GetString("executor", "default-executor")!;
        switch (executor)
        {
            case "channel-executor":
                var priority = config.GetString("channel-executor.priority", "normal") switch
                {
                    "high" => ChannelPriority.High,
                    "normal" => ChannelPriority.Normal,
                    "low" => ChannelPriority.Low,
                    var other => throw new ConfigurationException($"'{id}.channel-executor.priority = {other}': use high, normal or low."),
                };
                return new ChannelDispatcher(id, throughput, deadline, _channelScheduler.Value, priority);
            case "default-executor" or "thread-pool-executor" or "task-executor":
                return new Dispatcher(id, throughput, deadline);
            case "current-context-executor":
                return new SynchronizedDispatcher(id, throughput, deadline, CurrentContext(id));
            case "fork-join-executor":
                var min = config.GetInt("fork-join-executor.parallelism-min", 8);
                var factor = config.GetDouble("fork-join-executor.parallelism-factor", 1.0);
                var max = config.GetInt("fork-join-executor.parallelism-max", 64);
                var threads = Math.Clamp((int)Math.Ceiling(Environment.ProcessorCount * factor), min, Math.Max(min, max));
                return new ForkJoinDispatcher(id, throughput, deadline, ThreadCount(id, threads), background: true);
            default:
                throw new ConfigurationException(
                    $"'{id}.executor = {executor}' is not a known executor; use one of {string.Join(", ", KnownExecutors)}.");
        }
    }

    /// <summary>
    /// The synchronization context of the thread looking the dispatcher up (Akka.NET captures it the same way,
    /// through <c>TaskScheduler.FromCurrentSynchronizationContext</c>, and fails when there is none).
    /// </summary>
    private static SynchronizationContext CurrentContext(string id) => SynchronizationContext.Current ?? throw new ConfigurationException(
        $"Dispatcher [{id}] runs actors on the current SynchronizationContext (SynchronizedDispatcher / current-context-executor), " +
        "but the thread that first used it has none: create the first actor on it from the UI (or other context-owning) thread, " +
        "or use another dispatcher.");

    private static int ThreadCount(string id, int count) =>
        count > 0 ? count : throw new ConfigurationException($"'{id}.dedicated-thread-pool.thread-count = {count}': must be at least 1.");

    private static bool IsBackground(string id, Config config) => config.GetString("dedicated-thread-pool.threadtype", "background") switch
    {
        "background" => true,
        "foreground" => false,
        var other => throw new ConfigurationException(
            $"'{id}.dedicated-thread-pool.threadtype = {other}': use background or foreground."),
    };

    internal void Shutdown()
    {
        if (_channelScheduler.IsValueCreated)
        {
            _channelScheduler.Value.Dispose();
        }

        // Enumerating the dictionary itself takes no locks (`.Values` takes them all and builds the
        // concurrent-collections EventSource, ~3 ms at the first terminate in a process).
        foreach (var (_, lazy) in _dispatchers)
        {
            if (lazy.IsValueCreated)
            {
                lazy.Value.Shutdown();
            }
        }
    }
}
