using ActorParallel.Actor;
using ActorParallel.TestKit.Internal;

namespace ActorParallel.TestKit.TestEvent;

/// <summary>Published on the event stream to make the <see cref="TestEventListener"/> intercept events matching these filters.</summary>
public sealed class Mute(IReadOnlyList<EventFilterBase> filters) : INoSerializationVerificationNeeded
{
    public Mute(params EventFilterBase[] filters)
        : this((IReadOnlyList<EventFilterBase>)filters)
    {
    }

    public IReadOnlyList<EventFilterBase> Filters { get; } = filters ?? throw new ArgumentNullException(nameof(filters));
}

/// <summary>Published on the event stream to remove filters added by <see cref="Mute"/>.</summary>
public sealed class UnMute(IReadOnlyList<EventFilterBase> filters) : INoSerializationVerificationNeeded
{
    public UnMute(params EventFilterBase[] filters)
        : this((IReadOnlyList<EventFilterBase>)filters)
    {
    }

    public IReadOnlyList<EventFilterBase> Filters { get; } = filters ?? throw new ArgumentNullException(nameof(filters));
}
