using ActorParallel.Actor.Setup;
using ActorParallel.Configuration;
using ActorParallel.Event;

namespace ActorParallel.Actor;

/// <summary>
/// The actor system's settings, read once from <c>actorparallel.*</c> (user config over the embedded
/// reference <c>actors.conf</c>). A bad value is a <see cref="ConfigurationException"/> naming the key.
/// </summary>
public sealed class Settings
{
    public Settings(ActorSystem system, Config config)
        : this(system, config, ActorSystemSetup.Empty)
    {
    }

    public Settings(ActorSystem system, Config config, ActorSystemSetup setup)
    {
        ArgumentNullException.ThrowIfNull(config);
        System = system;
        Config = config;
        Setup = setup;

        ProviderClass = Required(config, "actorparallel.actor.provider");
        ProviderSelectionType = ProviderSelection.GetProvider(ProviderClass);
        SupervisorStrategyClass = Required(config, "actorparallel.actor.guardian-supervisor-strategy");
        GuardianSupervisorStrategy = ResolveGuardianStrategy(SupervisorStrategyClass);
        AskTimeout = config.GetTimeSpan("actorparallel.actor.ask-timeout", Timeout.InfiniteTimeSpan, allowInfinite: true);
        CreationTimeout = config.GetTimeSpan("actorparallel.actor.creation-timeout", TimeSpan.FromSeconds(20), allowInfinite: false);
        SerializeAllMessages = config.GetBoolean("actorparallel.actor.serialize-messages");
        SerializeAllCreators = config.GetBoolean("actorparallel.actor.serialize-creators");

        LogLevel = LevelName(config, "actorparallel.loglevel");
        StdoutLogLevel = LevelName(config, "actorparallel.stdout-loglevel");
        Loggers = [.. config.GetStringList("actorparallel.loggers")];
        LoggerStartTimeout = config.GetTimeSpan("actorparallel.logger-startup-timeout", TimeSpan.FromSeconds(5), allowInfinite: false);
        LogConfigOnStart = config.GetBoolean("actorparallel.log-config-on-start");
        LogDeadLetters = DeadLetterCount(config.GetString("actorparallel.log-dead-letters", "10")!);
        LogDeadLettersDuringShutdown = config.GetBoolean("actorparallel.log-dead-letters-during-shutdown");
        var suspend = config.GetTimeSpan("actorparallel.log-dead-letters-suspend-duration", TimeSpan.FromMinutes(5));
        LogDeadLettersSuspendDuration = suspend == Timeout.InfiniteTimeSpan || suspend == TimeSpan.MaxValue ? null : suspend;

        AddLoggingReceive = config.GetBoolean("actorparallel.actor.debug.receive");
        DebugAutoReceive = config.GetBoolean("actorparallel.actor.debug.autoreceive");
        DebugLifecycle = config.GetBoolean("actorparallel.actor.debug.lifecycle");
        DebugEventStream = config.GetBoolean("actorparallel.actor.debug.event-stream");
        DebugUnhandledMessage = config.GetBoolean("actorparallel.actor.debug.unhandled");
        DebugRouterMisconfiguration = config.GetBoolean("actorparallel.actor.debug.router-misconfiguration");
        FsmDebugEvent = config.GetBoolean("actorparallel.actor.debug.fsm");

        SchedulerClass = Required(config, "actorparallel.scheduler.implementation");
        Home = config.GetString("actorparallel.home", string.Empty) ?? string.Empty;
        DefaultVirtualNodesFactor = config.GetInt("actorparallel.actor.deployment.default.virtual-nodes-factor", 10);
    }

    public ActorSystem System { get; }

    public Config Config { get; }

    public ActorSystemSetup Setup { get; }

    /// <summary><c>actorparallel.actor.provider</c>: local, remote, cluster or a type name.</summary>
    public string ProviderClass { get; }

    public ProviderSelection ProviderSelectionType { get; }

    /// <summary><c>actorparallel.actor.guardian-supervisor-strategy</c>: the /user guardian's strategy configurator type.</summary>
    public string SupervisorStrategyClass { get; }

    public SupervisorStrategy GuardianSupervisorStrategy { get; }

    /// <summary><c>actorparallel.actor.ask-timeout</c>: Ask's timeout when none is given (infinite by default).</summary>
    public TimeSpan AskTimeout { get; }

    public TimeSpan CreationTimeout { get; }

    /// <summary><c>actorparallel.actor.serialize-messages</c>: round-trip every local message through serialization (a test aid).</summary>
    public bool SerializeAllMessages { get; }

    public bool SerializeAllCreators { get; }

    public string LogLevel { get; }

    public string StdoutLogLevel { get; }

    public IReadOnlyList<string> Loggers { get; }

    public TimeSpan LoggerStartTimeout { get; }

    public bool LogConfigOnStart { get; }

    /// <summary>How many dead letters are logged (0: none).</summary>
    public int LogDeadLetters { get; }

    public bool LogDeadLettersDuringShutdown { get; }

    /// <summary>How long dead-letter logging pauses after <see cref="LogDeadLetters"/> were logged; null: for good.</summary>
    public TimeSpan? LogDeadLettersSuspendDuration { get; }

    public bool AddLoggingReceive { get; }

    public bool DebugAutoReceive { get; }

    public bool DebugLifecycle { get; }

    public bool DebugEventStream { get; }

    public bool DebugUnhandledMessage { get; }

    public bool DebugRouterMisconfiguration { get; }

    public bool FsmDebugEvent { get; }

    public string SchedulerClass { get; }

    public string Home { get; }

    public int DefaultVirtualNodesFactor { get; }

    private static string Required(Config config, string path) =>
        config.GetString(path) is { Length: > 0 } value
            ? value
            : throw new ConfigurationException($"'{path}' is missing or empty; the reference configuration (actors.conf) sets it.");

    private static string LevelName(Config config, string path)
    {
        var value = config.GetString(path, "INFO")!;
        try
        {
            _ = LoggingBus.LogLevelFor(value);
            return value.ToUpperInvariant();
        }
        catch (ArgumentException)
        {
            throw new ConfigurationException($"'{path} = {value}' is not a log level; use DEBUG, INFO, WARNING, ERROR or OFF.");
        }
    }

    private static int DeadLetterCount(string value) => value.ToLowerInvariant() switch
    {
        "on" or "true" or "yes" => int.MaxValue,
        "off" or "false" or "no" => 0,
        _ when int.TryParse(value, out var count) && count >= 0 => count,
        _ => throw new ConfigurationException(
            $"'actorparallel.log-dead-letters = {value}': use on, off, or a non-negative number of dead letters to log."),
    };

    private static SupervisorStrategy ResolveGuardianStrategy(string typeName)
    {
        // The two built-in configurators without a type lookup by name: every system resolves one at start.
        switch (typeName)
        {
            case "ActorParallel.Actor.DefaultSupervisorStrategy" or "ActorParallel.Actor.DefaultSupervisorStrategy, ActorParallel":
                return new DefaultSupervisorStrategy().Create();
            case "ActorParallel.Actor.StoppingSupervisorStrategy" or "ActorParallel.Actor.StoppingSupervisorStrategy, ActorParallel":
                return new StoppingSupervisorStrategy().Create();
        }

        var type = Type.GetType(typeName) ?? typeof(Settings).Assembly.GetType(typeName)
            ?? throw new ConfigurationException(
                $"'actorparallel.actor.guardian-supervisor-strategy = {typeName}': no such type; use " +
                "ActorParallel.Actor.DefaultSupervisorStrategy or ActorParallel.Actor.StoppingSupervisorStrategy.");
        if (!typeof(SupervisorStrategyConfigurator).IsAssignableFrom(type))
        {
            throw new ConfigurationException(
                $"'actorparallel.actor.guardian-supervisor-strategy = {typeName}': not a SupervisorStrategyConfigurator.");
        }

        return ((SupervisorStrategyConfigurator)Activator.CreateInstance(type)!).Create();
    }

    public override string ToString() => Config.ToString(includeFallback: true);
}
