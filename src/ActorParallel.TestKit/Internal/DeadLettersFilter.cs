using ActorParallel.Event;

namespace ActorParallel.TestKit.Internal;

/// <summary>
/// Matches dead letters whose message is of <see cref="MessageType"/> (and passes the predicate). The
/// <see cref="TestEventListener"/> turns each <see cref="DeadLetter"/> into a Warning carrying it.
/// </summary>
public sealed class DeadLettersFilter(Type messageType, Func<object, bool>? isMatch, StringMatcher? message, string? source) : EventFilterBase(message, source)
{
    public Type MessageType { get; } = messageType;

    public override bool IsMatch(LogEvent logEvent) =>
        logEvent is Warning { Message: DeadLetter deadLetter }
        && MessageType.IsInstanceOfType(deadLetter.Message)
        && (isMatch is null || isMatch(deadLetter.Message))
        && (Source is null || string.Equals(Source, logEvent.LogSource, StringComparison.Ordinal))
        && (MessageMatcher is null || MessageMatcher.IsMatch(deadLetter.Message.ToString()));

    public override string ToString() => Describe($"DeadLetter of {MessageType.Name}");
}
