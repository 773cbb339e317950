using ActorParallel.Actor;

namespace ActorParallel.Event;

/// <summary>The default logger actor (<c>actorparallel.loggers</c>): prints events to standard out.</summary>
public class DefaultLogger : ActorBase
{
    protected override bool Receive(object message)
    {
        switch (message)
        {
            case InitializeLogger:
                Sender.Tell(LoggerInitialized.Instance, Self);
                return true;
            case LogEvent logEvent:
                Print(logEvent);
                return true;
            default:
                return false;
        }
    }

    protected virtual void Print(LogEvent logEvent) => StandardOutLogger.PrintLogEvent(logEvent);
}
