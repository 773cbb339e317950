using ActorParallel.Actor;
using ActorParallel.Configuration;
using ActorParallel.Dispatch;

namespace ActorParallel.Tests;

public sealed class ConfigSpec
{
    [Fact]
    public void Reference_defaults_are_pinned()
    {
        using var system = ActorSystem.Create("defaults");
        var settings = system.Settings;
        var config = settings.Config;
        Assert.Equal("local", settings.ProviderClass);
        Assert.IsType<ProviderSelection.Local>(settings.ProviderSelectionType);
        Assert.Equal("ActorParallel.Actor.DefaultSupervisorStrategy", settings.SupervisorStrategyClass);
        Assert.Equal(Timeout.InfiniteTimeSpan, settings.AskTimeout);
        Assert.Equal(TimeSpan.FromSeconds(20), settings.CreationTimeout);
        Assert.False(settings.SerializeAllMessages);
        Assert.False(settings.SerializeAllCreators);
        Assert.Equal("INFO", settings.LogLevel);
        Assert.Equal("WARNING", settings.StdoutLogLevel);
        Assert.Equal(["ActorParallel.Event.DefaultLogger, ActorParallel"], settings.Loggers);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.LoggerStartTimeout);
        Assert.False(settings.LogConfigOnStart);
        Assert.Equal(10, settings.LogDeadLetters);
        Assert.False(settings.LogDeadLettersDuringShutdown);
        Assert.False(settings.AddLoggingReceive);
        Assert.False(settings.DebugAutoReceive);
        Assert.False(settings.DebugLifecycle);
        Assert.False(settings.DebugEventStream);
        Assert.False(settings.DebugUnhandledMessage);
        Assert.False(settings.DebugRouterMisconfiguration);
        Assert.False(settings.FsmDebugEvent);
        Assert.Equal("ActorParallel.Actor.DefaultScheduler", settings.SchedulerClass);
        Assert.Equal(10, settings.DefaultVirtualNodesFactor);

        Assert.Equal("Dispatcher", config.GetString("actorparallel.actor.default-dispatcher.type"));
        Assert.Equal("default-executor", config.GetString("actorparallel.actor.default-dispatcher.executor"));
        Assert.Equal(30, config.GetInt("actorparallel.actor.default-dispatcher.throughput"));
        Assert.Equal(TimeSpan.Zero, config.GetTimeSpan("actorparallel.actor.default-dispatcher.throughput-deadline-time"));
        Assert.Equal(8, config.GetInt("actorparallel.actor.default-dispatcher.fork-join-executor.parallelism-min"));
        Assert.Equal(1.0, config.GetDouble("actorparallel.actor.default-dispatcher.fork-join-executor.parallelism-factor"));
        Assert.Equal(64, config.GetInt("actorparallel.actor.default-dispatcher.fork-join-executor.parallelism-max"));
        Assert.Equal(3, config.GetInt("actorparallel.actor.default-dispatcher.dedicated-thread-pool.thread-count"));
        Assert.Equal(5, config.GetInt("actorparallel.actor.internal-dispatcher.throughput"));
        Assert.Equal(1, config.GetInt("actorparallel.actor.default-blocking-io-dispatcher.throughput"));
        Assert.Equal("ForkJoinDispatcher", config.GetString("actorparallel.actor.default-fork-join-dispatcher.type"));
        Assert.Equal("normal", config.GetString("actorparallel.actor.default-dispatcher.channel-executor.priority"));
        Assert.Equal("TaskDispatcher", config.GetString("actorparallel.actor.task-dispatcher.type"));
        Assert.Equal("task-executor", config.GetString("actorparallel.actor.task-dispatcher.executor"));
        Assert.Equal(30, config.GetInt("actorparallel.actor.task-dispatcher.throughput"));
        Assert.Equal("SynchronizedDispatcher", config.GetString("actorparallel.actor.synchronized-dispatcher.type"));
        Assert.Equal("current-context-executor", config.GetString("actorparallel.actor.synchronized-dispatcher.executor"));
        Assert.Equal(10, config.GetInt("actorparallel.actor.synchronized-dispatcher.throughput"));
        Assert.Equal("ActorParallel.Dispatch.UnboundedMailbox, ActorParallel", config.GetString("actorparallel.actor.default-mailbox.mailbox-type"));
        Assert.Equal(1000, config.GetInt("actorparallel.actor.default-mailbox.mailbox-capacity"));
        Assert.Equal(TimeSpan.FromSeconds(10), config.GetTimeSpan("actorparallel.actor.default-mailbox.mailbox-push-timeout-time"));
        Assert.Equal(-1, config.GetInt("actorparallel.actor.default-mailbox.stash-capacity"));
        Assert.Equal(TimeSpan.FromMinutes(5), config.GetTimeSpan("actorparallel.log-dead-letters-suspend-duration"));
        Assert.Equal("actorparallel.actor.mailbox.bounded-deque-based",
            config.GetString("actorparallel.actor.mailbox.requirements.\"ActorParallel.Dispatch.IBoundedDequeBasedMessageQueueSemantics\""));
        Assert.Equal("actorparallel.actor.mailbox.unbounded-deque-based",
            config.GetString("actorparallel.actor.mailbox.requirements.\"ActorParallel.Dispatch.IUnboundedDequeBasedMessageQueueSemantics\""));
        Assert.Equal("ActorParallel.Dispatch.BoundedDequeBasedMailbox, ActorParallel",
            config.GetString("actorparallel.actor.mailbox.bounded-deque-based.mailbox-type"));
        Assert.Equal("ActorParallel.Dispatch.UnboundedDequeBasedMailbox, ActorParallel",
            config.GetString("actorparallel.actor.mailbox.unbounded-deque-based.mailbox-type"));

        Assert.Equal("from-code", config.GetString("actorparallel.actor.deployment.default.router"));
        Assert.Equal(1, config.GetInt("actorparallel.actor.deployment.default.nr-of-instances"));
        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("actorparallel.actor.deployment.default.within"));
        Assert.Equal(10, config.GetInt("actorparallel.actor.deployment.default.virtual-nodes-factor"));
        Assert.Empty(config.GetStringList("actorparallel.actor.deployment.default.routees.paths"));
        Assert.False(config.GetBoolean("actorparallel.actor.deployment.default.resizer.enabled"));
        Assert.Equal(1, config.GetInt("actorparallel.actor.deployment.default.resizer.lower-bound"));
        Assert.Equal(10, config.GetInt("actorparallel.actor.deployment.default.resizer.upper-bound"));
        Assert.Equal(1, config.GetInt("actorparallel.actor.deployment.default.resizer.pressure-threshold"));
        Assert.Equal(0.2, config.GetDouble("actorparallel.actor.deployment.default.resizer.rampup-rate"));
        Assert.Equal(0.3, config.GetDouble("actorparallel.actor.deployment.default.resizer.backoff-threshold"));
        Assert.Equal(0.1, config.GetDouble("actorparallel.actor.deployment.default.resizer.backoff-rate"));
        Assert.Equal(10, config.GetInt("actorparallel.actor.deployment.default.resizer.messages-per-resize"));
        Assert.Equal("ActorParallel.Routing.RoundRobinPool, ActorParallel", config.GetString("actorparallel.actor.router.type-mapping.round-robin-pool"));

        Assert.Equal(TimeSpan.FromSeconds(5), config.GetTimeSpan("actorparallel.coordinated-shutdown.default-phase-timeout"));
        Assert.True(config.GetBoolean("actorparallel.coordinated-shutdown.terminate-actor-system"));
        Assert.False(config.GetBoolean("actorparallel.coordinated-shutdown.exit-clr"));
        Assert.True(config.GetBoolean("actorparallel.coordinated-shutdown.run-by-clr-shutdown-hook"));
        Assert.True(config.GetBoolean("actorparallel.coordinated-shutdown.run-by-actor-system-terminate"));
        Assert.Equal("json", config.GetString("actorparallel.actor.serialization-bindings.\"System.Object\""));
        Assert.Equal(1, config.GetInt("actorparallel.actor.serialization-identifiers.\"ActorParallel.Serialization.SystemTextJsonSerializer, ActorParallel\""));
        Assert.Equal(30, system.Dispatchers.DefaultGlobalDispatcher.Throughput);
        Assert.IsType<Dispatcher>(system.Dispatchers.DefaultGlobalDispatcher);
    }

    [Theory]
    [InlineData("actorparallel.actor.provider = bogus", "actorparallel.actor.provider")]
    [InlineData("actorparallel.loglevel = LOUD", "actorparallel.loglevel")]
    [InlineData("actorparallel.log-dead-letters = sometimes", "actorparallel.log-dead-letters")]
    [InlineData("actorparallel.actor.default-dispatcher.type = Turbo", "default-dispatcher.type")]
    [InlineData("actorparallel.actor.default-dispatcher.throughput = 0", "default-dispatcher.throughput")]
    [InlineData("actorparallel.actor.default-dispatcher.executor = warp-executor", "default-dispatcher.executor")]
    [InlineData("actorparallel.actor.guardian-supervisor-strategy = Nope", "guardian-supervisor-strategy")]
    [InlineData("actorparallel.loggers = [\"No.Such.Logger, Nowhere\"]", "actorparallel.loggers")]
    public void Bad_values_are_configuration_errors_naming_the_key(string hocon, string key)
    {
        var error = Assert.Throws<ConfigurationException>(() => ActorSystem.Create("bad", ConfigurationFactory.ParseString(hocon)).Dispose());
        Assert.Contains(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Unknown_dispatcher_or_mailbox_is_a_configuration_error()
    {
        using var system = ActorSystem.Create("unknown");
        var dispatcherError = Assert.Throws<ConfigurationException>(() => system.ActorOf(Props.Create<EchoActor>().WithDispatcher("no-such-dispatcher")));
        Assert.Contains("no-such-dispatcher", dispatcherError.Message, StringComparison.Ordinal);
        var mailboxError = Assert.Throws<ConfigurationException>(() => system.ActorOf(Props.Create<EchoActor>().WithMailbox("no-such-mailbox")));
        Assert.Contains("no-such-mailbox", mailboxError.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Fork_join_dispatcher_has_exactly_the_configured_thread_count()
    {
        using var system = ActorSystem.Create("fj", ConfigurationFactory.ParseString(
            "workers-dispatcher { type = ForkJoinDispatcher, throughput = 5, dedicated-thread-pool.thread-count = 4 }"));
        var dispatcher = Assert.IsType<ForkJoinDispatcher>(system.Dispatchers.Lookup("workers-dispatcher"));
        Assert.Equal(4, dispatcher.ThreadCount);
        Assert.Equal(5, dispatcher.Throughput);
        Assert.Same(dispatcher, system.Dispatchers.Lookup("workers-dispatcher"));
    }

    [Fact]
    public void Deployment_section_sets_the_dispatcher_by_path()
    {
        using var system = ActorSystem.Create("deploy", ConfigurationFactory.ParseString("""
            pinned-one { type = PinnedDispatcher }
            actorparallel.actor.deployment { "/special" { dispatcher = pinned-one } }
            """));
        var special = (LocalActorRef)system.ActorOf<EchoActor>("special");
        var plain = (LocalActorRef)system.ActorOf<EchoActor>("plain");
        Assert.IsType<PinnedDispatcher>(special.Cell.Dispatcher);
        Assert.IsType<Dispatcher>(plain.Cell.Dispatcher);
    }

    [Fact]
    public void Remote_provider_without_its_assembly_is_a_configuration_error()
    {
        var error = Assert.Throws<ConfigurationException>(() =>
            ActorSystem.Create("remote", ConfigurationFactory.ParseString("actorparallel.actor.provider = remote")));
        Assert.Contains("actorparallel.actor.provider", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_system_names_are_rejected()
    {
        Assert.Throws<ArgumentException>(() => ActorSystem.Create("has space"));
        Assert.Throws<ArgumentException>(() => ActorSystem.Create(""));
    }
}
