using ActorParallel.Event;

namespace ActorParallel.TestKit.Internal;

/// <summary>Matches <see cref="Event.Info"/> events.</summary>
public sealed class InfoFilter(StringMatcher? message, string? source) : EventFilterBase(message, source)
{
    public override bool IsMatch(LogEvent logEvent) => logEvent is Info && MatchesSourceAndMessage(logEvent);

    public override string ToString() => Describe("Info");
}
