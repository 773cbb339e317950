using ActorParallel.Actor.Setup;
using Microsoft.Extensions.Logging;

namespace ActorParallel.Event;

/// <summary>Hands an <see cref="ILoggerFactory"/> to <see cref="LoggerFactoryLogger"/>.</summary>
public sealed class LoggerFactorySetup(ILoggerFactory loggerFactory) : Setup
{
    public ILoggerFactory LoggerFactory { get; } = loggerFactory;
}
