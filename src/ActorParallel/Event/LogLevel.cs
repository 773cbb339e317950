namespace ActorParallel.Event;

/// <summary>Severity of a log event, lowest first.</summary>
public enum LogLevel
{
    DebugLevel = 0,
    InfoLevel = 1,
    WarningLevel = 2,
    ErrorLevel = 3,
}
