using ActorParallel.Actor;

namespace ActorParallel.Event;

/// <summary>Creates logging adapters.</summary>
public static class Logging
{
    /// <summary>The logger of the current actor; its source is the actor's path.</summary>
    public static ILoggingAdapter GetLogger(this IActorContext context, ILogMessageFormatter? logMessageFormatter = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        var actorType = context is ActorCell { Actor: { } actor } ? actor.GetType() : context.Props.Type;
        return new BusLogging(context.System.EventStream, context.Self.Path.ToString(), actorType,
            logMessageFormatter ?? DefaultLogMessageFormatter.Instance);
    }

    /// <summary>A logger for code outside actors; the source is the object's string form (or its type name).</summary>
    public static ILoggingAdapter GetLogger(ActorSystem system, object logSource, ILogMessageFormatter? logMessageFormatter = null)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(logSource);
        var (source, type) = logSource switch
        {
            string text => (text, typeof(object)),
            Type t => (t.Name, t),
            IActorRef actorRef => (actorRef.Path.ToString(), actorRef.GetType()),
            _ => (logSource.ToString() ?? logSource.GetType().Name, logSource.GetType()),
        };
        return new BusLogging(system.EventStream, source, type, logMessageFormatter ?? DefaultLogMessageFormatter.Instance);
    }

    public static ILoggingAdapter GetLogger(LoggingBus loggingBus, object logSource, ILogMessageFormatter? logMessageFormatter = null) =>
        new BusLogging(loggingBus, logSource.ToString() ?? string.Empty, logSource.GetType(), logMessageFormatter ?? DefaultLogMessageFormatter.Instance);

    public static string StringFor(LogLevel logLevel) => logLevel switch
    {
        LogLevel.DebugLevel => "DEBUG",
        LogLevel.InfoLevel => "INFO",
        LogLevel.WarningLevel => "WARNING",
        _ => "ERROR",
    };
}
