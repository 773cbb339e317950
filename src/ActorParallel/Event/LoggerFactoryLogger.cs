using ActorParallel.Actor;
using Microsoft.Extensions.Logging;
using MelLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace ActorParallel.Event;

/// <summary>
/// A logger actor that forwards events to Microsoft.Extensions.Logging. Register the factory with
/// <see cref="LoggerFactorySetup"/> in the system's setup and list
/// <c>"ActorParallel.Event.LoggerFactoryLogger, ActorParallel"</c> in <c>actorparallel.loggers</c>.
/// Each event goes to the category of its source (the actor path).
/// </summary>
public sealed class LoggerFactoryLogger : ActorBase
{
    private readonly ILoggerFactory _factory;
    private readonly Dictionary<string, ILogger> _loggers = new(StringComparer.Ordinal);

    public LoggerFactoryLogger()
    {
        _factory = ((ActorSystemImpl)Context.System).Settings.Setup.Get<LoggerFactorySetup>()?.LoggerFactory
            ?? throw new ActorInitializationException(
                "LoggerFactoryLogger needs an ILoggerFactory: add a LoggerFactorySetup to the ActorSystemSetup.");
    }

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case InitializeLogger:
                Sender.Tell(LoggerInitialized.Instance, Self);
                return true;
            case LogEvent logEvent:
                Forward(logEvent);
                return true;
            default:
                return false;
        }
    }

    private void Forward(LogEvent logEvent)
    {
        if (!_loggers.TryGetValue(logEvent.LogSource, out var logger))
        {
            logger = _factory.CreateLogger(logEvent.LogSource);
            _loggers[logEvent.LogSource] = logger;
        }

        var level = logEvent.LogLevel() switch
        {
            LogLevel.DebugLevel => MelLogLevel.Debug,
            LogLevel.InfoLevel => MelLogLevel.Information,
            LogLevel.WarningLevel => MelLogLevel.Warning,
            _ => MelLogLevel.Error,
        };
        if (logger.IsEnabled(level))
        {
#pragma warning disable CA1848, CA2254 // The message is already formatted by the actor that logged it.
            logger.Log(level, logEvent.Cause, "{LogMessage}", logEvent.Message.ToString());
#pragma warning restore CA1848, CA2254
        }
    }
}
