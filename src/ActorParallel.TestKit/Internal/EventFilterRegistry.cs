using ActorParallel.Actor;
using ActorParallel.Event;

namespace ActorParallel.TestKit.Internal;

/// <summary>
/// The filters active in one actor system. EventFilter appliers add theirs here synchronously, before
/// running the code under test, so no event can slip past a filter that is still in a mailbox; the
/// <see cref="TestEventListener"/> (and the xunit output logger) consult it for every event.
/// </summary>
public sealed class EventFilterRegistry : IExtension
{
    private readonly Lock _gate = new();

    /// <summary>Active filters; replaced (copy on write) under <see cref="_gate"/>, read without locking.</summary>
    private volatile EventFilterBase[] _filters = [];

    public static EventFilterRegistry Get(ActorSystem system) => ExtensionId.Instance.Get(system);

    public void Add(IEnumerable<EventFilterBase> filters)
    {
        lock (_gate)
        {
            _filters = [.. _filters, .. filters];
        }
    }

    public void Remove(IEnumerable<EventFilterBase> filters)
    {
        lock (_gate)
        {
            var removed = filters.ToHashSet();
            _filters = [.. _filters.Where(f => !removed.Contains(f))];
        }
    }

    /// <summary>Counts <paramref name="logEvent"/> in the first active filter that matches; true if one did.</summary>
    public bool Apply(LogEvent logEvent)
    {
        foreach (var filter in _filters)
        {
            if (filter.Apply(logEvent))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>True if an active filter matches <paramref name="logEvent"/>; counts nothing.</summary>
    public bool IsMuted(LogEvent logEvent) => _filters.Any(f => f.IsMatch(logEvent));

    private sealed class ExtensionId : ExtensionIdProvider<EventFilterRegistry>
    {
        public static readonly ExtensionId Instance = new();

        public override EventFilterRegistry CreateExtension(ExtendedActorSystem system) => new();
    }
}
