using ActorParallel.Actor;
using ActorParallel.Actor.Setup;
using ActorParallel.Configuration;
using ActorParallel.Event;
using Microsoft.Extensions.Logging;
using Xunit.Abstractions;
using MelLogLevel = Microsoft.Extensions.Logging.LogLevel;

namespace ActorParallel.Tests;

public sealed class SystemSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public async Task Terminate_stops_every_actor_and_completes_WhenTerminated()
    {
        var system = ActorSystem.Create("terminating");
        var probe = CreateTestProbe();
        var actor = system.ActorOf(Props.Create(() => new LifecycleActor(probe.Ref, "a")));
        probe.ExpectMsg("a:ctor");
        probe.ExpectMsg("a:PreStart");
        var ran = new TaskCompletionSource();
        system.RegisterOnTermination(() => ran.SetResult());
        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        probe.ExpectMsg("a:PostStop");
        Assert.True(system.WhenTerminated.IsCompleted);
        await ran.Task.WaitAsync(TimeSpan.FromSeconds(5));
        actor.Tell("after termination");
    }

    [Fact]
    public async Task Coordinated_shutdown_runs_tasks_in_phase_order()
    {
        var system = ActorSystem.Create("shutdown");
        var order = new List<string>();
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "last", () =>
        {
            lock (order)
            {
                order.Add("before-terminate");
            }

            return Task.FromResult(Done.Instance);
        });
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceUnbind, "first", () =>
        {
            lock (order)
            {
                order.Add("unbind");
            }

            return Task.FromResult(Done.Instance);
        });
        Assert.Equal(CoordinatedShutdown.PhaseBeforeServiceUnbind, shutdown.OrderedPhases[0]);
        Assert.Equal(CoordinatedShutdown.PhaseActorSystemTerminate, shutdown.OrderedPhases[^1]);
        await shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["unbind", "before-terminate"], order);
        Assert.IsType<CoordinatedShutdown.UnknownReason>(shutdown.ShutdownReason);
        await system.WhenTerminated.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Throws<ConfigurationException>(() => shutdown.AddTask("no-such-phase", "x", () => Task.FromResult(Done.Instance)));
    }

    [Fact]
    public async Task GracefulStop_completes_true_or_fails_on_timeout()
    {
        var echo = Sys.ActorOf<EchoActor>();
        Assert.True(await echo.GracefulStop(TimeSpan.FromSeconds(5)));
        var stubborn = Sys.ActorOf<EchoActor>();
        await Assert.ThrowsAsync<TaskCanceledException>(() => stubborn.GracefulStop(TimeSpan.FromMilliseconds(200), "not a stop message"));
    }

    [Fact]
    public async Task Inbox_receives_replies_and_terminations()
    {
        using var inbox = Inbox.Create(Sys);
        var echo = Sys.ActorOf<EchoActor>();
        inbox.Send(echo, "one");
        inbox.Send(echo, "two");
        Assert.Equal("one", inbox.Receive(TimeSpan.FromSeconds(5)));
        Assert.Equal("two", await inbox.ReceiveAsync(TimeSpan.FromSeconds(5)));
        inbox.Watch(echo);
        Sys.Stop(echo);
        Assert.IsType<Terminated>(inbox.Receive(TimeSpan.FromSeconds(5)));
        Assert.Throws<TimeoutException>(() => inbox.Receive(TimeSpan.FromMilliseconds(50)));
    }

    [Fact]
    public async Task WatchAsync_completes_when_the_actor_stops()
    {
        var echo = Sys.ActorOf<EchoActor>();
        var watching = echo.WatchAsync();
        Assert.False(watching.IsCompleted);
        echo.Tell(PoisonPill.Instance);
        Assert.True(await watching.WaitAsync(TimeSpan.FromSeconds(5)));
    }

    [Fact]
    public void Extensions_are_created_once_per_system()
    {
        var first = Sys.WithExtension<CounterExtension, CounterExtensionId>();
        var second = Sys.WithExtension<CounterExtension, CounterExtensionId>();
        Assert.Same(first, second);
        Assert.True(Sys.HasExtension<CounterExtension>());
        Assert.Same(first, Sys.GetExtension<CounterExtension>());
        Assert.Same(first, new CounterExtensionId().Get(Sys));
    }

    [Fact]
    public void Microsoft_logging_bridge_forwards_log_events()
    {
        var provider = new CollectingProvider();
        using var factory = LoggerFactory.Create(builder => builder.AddProvider(provider).SetMinimumLevel(MelLogLevel.Debug));
        var setup = BootstrapSetup.Create()
            .WithConfig(ConfigurationFactory.ParseString("actorparallel.loggers = [\"ActorParallel.Event.LoggerFactoryLogger, ActorParallel\"]"))
            .And(new LoggerFactorySetup(factory));
        using var system = ActorSystem.Create("mel", setup);
        system.Log.Warning("bridged {0}", 7);
        AwaitCondition(() => provider.Lines.Any(l => l.Contains("bridged 7", StringComparison.Ordinal)), TimeSpan.FromSeconds(5));
    }

    [Fact]
    public void Settings_expose_the_actor_tree()
    {
        Sys.ActorOf<EchoActor>("visible");
        var tree = ((ExtendedActorSystem)Sys).PrintTree();
        Assert.Contains("visible", tree, StringComparison.Ordinal);
        Assert.Contains("user", tree, StringComparison.Ordinal);
    }

    public sealed class CounterExtension : IExtension
    {
        public int Value { get; set; }
    }

    public sealed class CounterExtensionId : ExtensionIdProvider<CounterExtension>
    {
        public override CounterExtension CreateExtension(ExtendedActorSystem system) => new();
    }

    private sealed class CollectingProvider : ILoggerProvider
    {
        public List<string> Lines { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Collecting(this);

        public void Dispose()
        {
        }

        private sealed class Collecting(CollectingProvider owner) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(MelLogLevel logLevel) => true;

            public void Log<TState>(MelLogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (owner.Lines)
                {
                    owner.Lines.Add(formatter(state, exception));
                }
            }
        }
    }
}
