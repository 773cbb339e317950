using ActorParallel.Event;

namespace ActorParallel.TestKit.Internal;

/// <summary>Matches <see cref="Event.Warning"/> events.</summary>
public sealed class WarningFilter(StringMatcher? message, string? source) : EventFilterBase(message, source)
{
    public override bool IsMatch(LogEvent logEvent) => logEvent is Warning && logEvent.Message is not DeadLetter && MatchesSourceAndMessage(logEvent);

    public override string ToString() => Describe("Warning");
}
