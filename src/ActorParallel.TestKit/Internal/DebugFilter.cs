using ActorParallel.Event;

namespace ActorParallel.TestKit.Internal;

/// <summary>Matches <see cref="Event.Debug"/> events.</summary>
public sealed class DebugFilter(StringMatcher? message, string? source) : EventFilterBase(message, source)
{
    public override bool IsMatch(LogEvent logEvent) => logEvent is Debug && MatchesSourceAndMessage(logEvent);

    public override string ToString() => Describe("Debug");
}
