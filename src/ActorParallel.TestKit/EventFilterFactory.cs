using System.Text.RegularExpressions;
using ActorParallel.Actor;
using ActorParallel.Event;
using ActorParallel.TestKit.Internal;

namespace ActorParallel.TestKit;

/// <summary>
/// Builds EventFilters: <c>EventFilter.Error(contains: "boom").ExpectOne(() => ...)</c>. Of message,
/// start and contains the first one given is used: message must equal the log message, start must
/// begin it, contains must occur in it (for errors, the cause's message counts as well); source must
/// equal the log source.
/// </summary>
public class EventFilterFactory
{
    private readonly TestKitBase _testKit;
    private readonly ActorSystem _system;
    private readonly IReadOnlyList<EventFilterBase> _previous;

    public EventFilterFactory(TestKitBase testKit)
        : this(testKit, testKit?.Sys!, [])
    {
    }

    public EventFilterFactory(TestKitBase testKit, ActorSystem system)
        : this(testKit, system, [])
    {
    }

    internal EventFilterFactory(TestKitBase testKit, ActorSystem system, IReadOnlyList<EventFilterBase> previous)
    {
        _testKit = testKit ?? throw new ArgumentNullException(nameof(testKit));
        _system = system ?? throw new ArgumentNullException(nameof(system));
        _previous = previous;
    }

    public IEventFilterApplier Error(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Create(new ErrorFilter(StringMatcher.Create(message, start, contains), source));

    public IEventFilterApplier Error(Regex pattern, string? source = null) => Create(new ErrorFilter(StringMatcher.Regex(pattern), source));

    public IEventFilterApplier Warning(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Create(new WarningFilter(StringMatcher.Create(message, start, contains), source));

    public IEventFilterApplier Warning(Regex pattern, string? source = null) => Create(new WarningFilter(StringMatcher.Regex(pattern), source));

    public IEventFilterApplier Info(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Create(new InfoFilter(StringMatcher.Create(message, start, contains), source));

    public IEventFilterApplier Info(Regex pattern, string? source = null) => Create(new InfoFilter(StringMatcher.Regex(pattern), source));

    public IEventFilterApplier Debug(string? message = null, string? start = null, string? contains = null, string? source = null) =>
        Create(new DebugFilter(StringMatcher.Create(message, start, contains), source));

    public IEventFilterApplier Debug(Regex pattern, string? source = null) => Create(new DebugFilter(StringMatcher.Regex(pattern), source));

    /// <summary>Error events whose cause is a <typeparamref name="TException"/> (or a subtype).</summary>
    public IEventFilterApplier Exception<TException>(string? message = null, string? start = null, string? contains = null, string? source = null)
        where TException : Exception => Exception(typeof(TException), message, start, contains, source);

    public IEventFilterApplier Exception<TException>(Regex pattern, string? source = null)
        where TException : Exception => Create(new ErrorFilter(typeof(TException), StringMatcher.Regex(pattern), source));

    public IEventFilterApplier Exception(Type exceptionType, string? message = null, string? start = null, string? contains = null, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(exceptionType);
        if (!typeof(Exception).IsAssignableFrom(exceptionType))
        {
            throw new ArgumentException($"{exceptionType} is not an exception type.", nameof(exceptionType));
        }

        return Create(new ErrorFilter(exceptionType, StringMatcher.Create(message, start, contains), source));
    }

    /// <summary>Log events of <paramref name="logLevel"/>.</summary>
    public IEventFilterApplier ForLogLevel(LogLevel logLevel, string? message = null, string? start = null, string? contains = null, string? source = null) =>
        logLevel switch
        {
            LogLevel.DebugLevel => Debug(message, start, contains, source),
            LogLevel.InfoLevel => Info(message, start, contains, source),
            LogLevel.WarningLevel => Warning(message, start, contains, source),
            LogLevel.ErrorLevel => Error(message, start, contains, source),
            _ => throw new ArgumentOutOfRangeException(nameof(logLevel), logLevel, "Use DebugLevel, InfoLevel, WarningLevel or ErrorLevel."),
        };

    /// <summary>Dead letters of any message.</summary>
    public IEventFilterApplier DeadLetter() => DeadLetter(typeof(object));

    public IEventFilterApplier DeadLetter(Type type, string? source = null) => Create(new DeadLettersFilter(type, null, null, source));

    public IEventFilterApplier DeadLetter<TMessage>(string? source = null) => DeadLetter(typeof(TMessage), source);

    public IEventFilterApplier DeadLetter<TMessage>(Func<TMessage, bool> isMatch, string? source = null)
    {
        ArgumentNullException.ThrowIfNull(isMatch);
        return Create(new DeadLettersFilter(typeof(TMessage), m => isMatch((TMessage)m), null, source));
    }

    /// <summary>Events <paramref name="predicate"/> accepts.</summary>
    public IEventFilterApplier Custom(Predicate<LogEvent> predicate)
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Create(new CustomEventFilter(predicate));
    }

    public IEventFilterApplier Custom<TLogEvent>(Predicate<TLogEvent> predicate)
        where TLogEvent : LogEvent
    {
        ArgumentNullException.ThrowIfNull(predicate);
        return Create(new CustomEventFilter(e => e is TLogEvent typed && predicate(typed)));
    }

    private EventFilterApplier Create(EventFilterBase filter) => new(_testKit, _system, [.. _previous, filter]);
}
