using System.Collections.Concurrent;
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

    /// <summary>Every (subscriber, channel) pair. Guarded by <see cref="_gate"/>.</summary>
    private readonly List<(IActorRef Subscriber, Type Channel)> _subscriptions = [];

    /// <summary>Event type to its subscribers; cleared under <see cref="_gate"/> whenever subscriptions change.</summary>
    private readonly ConcurrentDictionary<Type, IActorRef[]> _cache = new();

    private static readonly Type[] LevelTypes = [typeof(Debug), typeof(Info), typeof(Warning), typeof(Error)];

    private readonly List<IActorRef> _loggers = [];

    public LogLevel LogLevel { get; private set; } = LogLevel.WarningLevel;

    public bool Subscribe(IActorRef subscriber, Type channel)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        ArgumentNullException.ThrowIfNull(channel);
        lock (_gate)
        {
            if (_subscriptions.Contains((subscriber, channel)))
            {
                return false;
            }

            _subscriptions.Add((subscriber, channel));
            _cache.Clear();
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
        lock (_gate)
        {
            var removed = _subscriptions.RemoveAll(s => s.Subscriber.Equals(subscriber) && channel.IsAssignableFrom(s.Channel)) > 0;
            _cache.Clear();
            return removed;
        }
    }

    public bool Unsubscribe(IActorRef subscriber)
    {
        ArgumentNullException.ThrowIfNull(subscriber);
        lock (_gate)
        {
            var removed = _subscriptions.RemoveAll(s => s.Subscriber.Equals(subscriber)) > 0;
            _cache.Clear();
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
            var result = _subscriptions
                .Where(s => s.Channel.IsAssignableFrom(type))
                .Select(s => s.Subscriber)
                .Distinct()
                .ToArray();
            _cache[type] = result;
            return result;
        }
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
