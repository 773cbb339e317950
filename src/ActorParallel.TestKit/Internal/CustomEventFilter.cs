using ActorParallel.Event;

namespace ActorParallel.TestKit.Internal;

/// <summary>Matches whatever its predicate accepts.</summary>
public sealed class CustomEventFilter(Predicate<LogEvent> predicate) : EventFilterBase(null, null)
{
    public override bool IsMatch(LogEvent logEvent) => predicate(logEvent);

    public override string ToString() => "Custom filter";
}
