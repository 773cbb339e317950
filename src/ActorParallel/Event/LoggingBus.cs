using ActorParallel.Actor;

namespace ActorParallel.Event;

/// <summary>
/// Publish/subscribe by type: a subscriber to a type receives every event of that type or a subtype,
/// once. Subscriptions change rarely and publishing is frequent, so subscriptions are kept under a
/// lock and each event type's subscriber array is cached until the next change.
/// </summary>
public class LoggingBus
{
    private readonly Lock _gate = new();

    /// <summary>
    /// Every (subscriber, channel) pair. Guarded by <see cref="_gate"/>. Entries are a small class, not a value
    /// tuple: List&lt;T&gt; over a reference type is code the runtime ships precompiled, while a tuple instantiation
    /// (and its default equality comparer, built by reflection) is JIT work at every process's first system.
    /// </summary>
    private readonly List<Subscription> _subscriptions = [];

    /// <summary>
    /// Event type to its subscribers. Never mutated once published: <see cref="Publish"/> reads it without the lock,
    /// and a change of subscriptions or a newly computed type publishes a new dictionary (under <see cref="_gate"/>).
    /// Replacing beats <c>ConcurrentDictionary.Clear</c>, which takes every lock and, on a process's first call,
    /// constructs the concurrent collections' EventSource by reflection (a few ms of every cold start).
    /// </summary>
    private volatile Dictionary<Type, IActorRef[]> _cache = [];

    private static readonly Type[] LevelTypes = [typeof(Debug), typeof(Info), typeof(Warning), typeof(Error)];

    private readonly List<IActorRef> _loggers = [];

    public LogLevel LogLevel { get; private set; } = LogLevel.WarningLevel;

    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            foreach (var existing in _subscriptions)
            {
                if (existing.Channel == channel && existing.Subscriber.Equals(subscriber))
                {
                    return false;
                }
            }

            _subscriptions.Add(new Subscription(subscriber, channel));
            _cache = [];
        }

        // Outside the lock: publishing takes it again to compute subscribers.
        if (this is EventStream { Debug: true } && !typeof(LogEvent).IsAssignableFrom(channel))
        {
            Publish(new Debug(GetType().Name, GetType(), $"subscribing {subscriber} to channel {channel}"));
        }

        return true;
    }

    public bool Unsubscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            var removed = RemoveWhere(subscriber, channel);
            _cache = [];
            return removed;
        }
    }

    public bool Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_gate)
        {
            var removed = RemoveWhere(subscriber, channel: null);
            _cache = [];
            return removed;
        }
    }

    public void Publish(object @event)
    {
        ArgumentNullException.ThrowIfNull(@event);
        var type = @event.GetType();
        if (!_cache.TryGetValue(type, out var subscribers))
        {
            subscribers = Compute(type);
        }

        foreach (var subscriber in subscribers)
        {
            if (subscriber is IInternalActorRef { IsTerminated: true })
            {
                // A stopped subscriber never unsubscribed: drop it rather than feeding dead letters forever.
                Unsubscribe(subscriber);
                continue;
            }

            subscriber.Tell(@event, ActorRefs.NoSender);
        }
    }

    private IActorRef[] Compute(Type type)
    {
        lock (_gate)
        {
            var result = new List<IActorRef>();
            foreach (var subscription in _subscriptions)
            {
                if (subscription.Channel.IsAssignableFrom(type) && !result.Contains(subscription.Subscriber))
                {
                    result.Add(subscription.Subscriber);
                }
            }

            var subscribers = result.ToArray();
            _cache = new Dictionary<Type, IActorRef[]>(_cache) { [type] = subscribers };
            return subscribers;
        }
    }

    /// <summary>Removes the subscriber's subscriptions to <paramref name="channel"/> and its subtypes (all, if null). Under the gate.</summary>
    private bool RemoveWhere(IActorRef subscriber, Type? channel)
    {
        var removed = false;
        for (var i = _subscriptions.Count - 1; i >= 0; i--)
        {
            var subscription = _subscriptions[i];
            if (subscription.Subscriber.Equals(subscriber) && (channel is null || channel.IsAssignableFrom(subscription.Channel)))
            {
                _subscriptions.RemoveAt(i);
                removed = true;
            }
        }

        return removed;
    }

    private sealed class Subscription(IActorRef subscriber, Type channel)
    {
        public IActorRef Subscriber { get; } = subscriber;

        public Type Channel { get; } = channel;
    }

    /// <summary>Changes the level: each logger is subscribed exactly to the levels at or above it.</summary>
    public void SetLogLevel(LogLevel logLevel)
    {
        LogLevel = logLevel;
        IActorRef[] loggers;
        lock (_gate)
        {
            loggers = [.. _loggers];
        }

        foreach (var logger in loggers)
        {
            SubscribeLogger(logger, logLevel);
        }
    }

    internal void AddLogger(IActorRef logger)
    {
        lock (_gate)
        {
            _loggers.Add(logger);
        }

        SubscribeLogger(logger, LogLevel);
    }

    internal void RemoveLogger(IActorRef logger)
    {
        lock (_gate)
        {
            _loggers.Remove(logger);
        }

        Unsubscribe(logger);
    }

    internal IReadOnlyList<IActorRef> Loggers
    {
        get
        {
            lock (_gate)
            {
                return [.. _loggers];
            }
        }
    }

    private void SubscribeLogger(IActorRef logger, LogLevel level)
    {
        for (var i = 0; i < LevelTypes.Length; i++)
        {
            if (i >= (int)level)
            {
                Subscribe(logger, LevelTypes[i]);
            }
            else
            {
                Unsubscribe(logger, LevelTypes[i]);
            }
        }
    }

    public bool IsEnabled(LogLevel level) => level >= LogLevel;

    /// <summary>Parses <c>DEBUG</c>, <c>INFO</c>, <c>WARNING</c>, <c>ERROR</c> (case-insensitive); <c>OFF</c> gives null.</summary>
    public static LogLevel? LogLevelFor(string name) => name.ToUpperInvariant() switch
    {
        "DEBUG" => Event.LogLevel.DebugLevel,
        "INFO" => Event.LogLevel.InfoLevel,
        "WARNING" or "WARN" => Event.LogLevel.WarningLevel,
        "ERROR" => Event.LogLevel.ErrorLevel,
        "OFF" => null,
        _ => throw new ArgumentException($"Unknown log level [{name}]; use DEBUG, INFO, WARNING, ERROR or OFF.", nameof(name)),
    };
}
