using System.Diagnostics;
using System.Linq.Expressions;
using System.Threading.Channels;
using ActorParallel.Actor;
using ActorParallel.Actor.Setup;
using ActorParallel.Configuration;
using ActorParallel.TestKit.Internal;

namespace ActorParallel.TestKit;

/// <summary>
/// Base of TestKits and probes: an actor system to test in, a TestActor that records what it receives,
/// and expectations over those messages with timeouts scaled by <c>actorparallel.test.timefactor</c>.
/// </summary>
public abstract partial class TestKitBase
{
    private static int _testActorCount;
    private static readonly Lazy<Config> LazyDefaultConfig = new(() =>
        ConfigurationFactory.FromResource("ActorParallel.TestKit.conf", typeof(TestKitBase).Assembly));

    private readonly Channel<MessageEnvelope> _queue = Channel.CreateUnbounded<MessageEnvelope>(
        new UnboundedChannelOptions { SingleReader = false, SingleWriter = false });

    /// <summary>Messages put back by ReceiveWhile; read before the channel. Used only by the test thread.</summary>
    private readonly Stack<MessageEnvelope> _putBack = new();

    private EventFilterFactory? _eventFilter;

    /// <summary>End of the innermost Within block, as a Stopwatch timestamp; null outside Within.</summary>
    private long? _end;

    protected TestKitBase(ITestKitAssertions assertions, ActorSystem? system = null, Config? config = null, string? actorSystemName = null, string? testActorName = null)
    {
        Assertions = assertions ?? throw new ArgumentNullException(nameof(assertions));
        Sys = system ?? ActorSystem.Create(actorSystemName ?? "test", (config ?? Config.Empty).WithFallback(DefaultConfig));
        try
        {
            TestKitSettings = SettingsFor(Sys);
        }
        catch (ConfigurationException) when (system is null)
        {
            // The test never gets the system it cannot use, so it could not shut it down either.
            Sys.Terminate();
            throw;
        }

        TestActor = CreateTestActor(testActorName ?? "testActor");
        ActorRefImplicitSenderExtensions.OutsideSender.Value = TestActor;
        AwaitTestEventListener();
    }

    /// <summary>
    /// Loggers start asynchronously; wait until the TestEventListener (if configured) has subscribed, so
    /// that a Mute published by the test, or an event logged right away, is not lost.
    /// </summary>
    private void AwaitTestEventListener()
    {
        // With logging off the system drops its loggers' subscriptions, so there is nothing to wait for.
        if (string.Equals(Sys.Settings.LogLevel, "OFF", StringComparison.OrdinalIgnoreCase)
            || !Sys.Settings.Loggers.Any(l => l.StartsWith(typeof(TestEventListener).FullName!, StringComparison.Ordinal)))
        {
            return;
        }

        var deadline = Stopwatch.GetTimestamp() + (long)(Dilated(TestKitSettings.DefaultTimeout).TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline)
        {
            var flush = new TestEventListener.Flush();
            Sys.EventStream.Publish(flush);
            if (flush.Done.Task.Wait(TimeSpan.FromMilliseconds(20)))
            {
                return;
            }
        }
    }

    protected TestKitBase(ITestKitAssertions assertions, ActorSystemSetup setup, string? actorSystemName = null, string? testActorName = null)
        : this(assertions, CreateSystem(setup, actorSystemName), null, null, testActorName)
    {
    }

    /// <summary>For probes: share <paramref name="system"/> and do not take over the implicit sender.</summary>
    private protected TestKitBase(ITestKitAssertions assertions, ActorSystem system, string testActorName, bool isProbe)
    {
        _ = isProbe;
        Assertions = assertions;
        Sys = system;
        TestKitSettings = SettingsFor(Sys);
        TestActor = CreateTestActor(testActorName);
    }

    private static TestKitSettings SettingsFor(ActorSystem system) =>
        new(system.Settings.Config.HasPath("actorparallel.test") ? system.Settings.Config : DefaultConfig);

    private static ActorSystem CreateSystem(ActorSystemSetup setup, string? name)
    {
        var bootstrap = setup.Get<BootstrapSetup>() ?? BootstrapSetup.Create();
        var config = bootstrap.Config ?? Config.Empty;
        return ActorSystem.Create(name ?? "test", setup.WithSetup(bootstrap.WithConfig(config.WithFallback(DefaultConfig))));
    }

    private IActorRef CreateTestActor(string name)
    {
        var writer = _queue.Writer;
        var unique = $"{name}{Interlocked.Increment(ref _testActorCount)}";
        return ((ExtendedActorSystem)Sys).SystemActorOf(Props.Create(() => new InternalTestActor(writer)), unique);
    }

    /// <summary>The TestKit's reference configuration (<c>actorparallel.test</c> defaults).</summary>
    public static Config DefaultConfig => LazyDefaultConfig.Value;

    /// <summary>Debug logging everywhere.</summary>
    public static Config FullDebugConfig => ConfigurationFactory.ParseString(
        "actorparallel.loglevel = DEBUG, actorparallel.stdout-loglevel = DEBUG, " +
        "actorparallel.actor.debug { receive = on, autoreceive = on, lifecycle = on, event-stream = on, unhandled = on }");

    public ITestKitAssertions Assertions { get; }

    /// <summary>Filters for the log events of <see cref="Sys"/>: <c>EventFilter.Exception&lt;T&gt;().ExpectOne(...)</c>.</summary>
    public EventFilterFactory EventFilter => _eventFilter ??= new EventFilterFactory(this);

    public ActorSystem Sys { get; }

    public TestKitSettings TestKitSettings { get; }

    /// <summary>Records every message sent to it; the implicit sender of Tell calls made by the test.</summary>
    public IActorRef TestActor { get; }

    /// <summary>Sender of the last message received by <see cref="TestActor"/>.</summary>
    public IActorRef LastSender { get; private set; } = ActorRefs.NoSender;

    /// <summary>The last message received by <see cref="TestActor"/>.</summary>
    public object? LastMessage { get; private set; }

    /// <summary>True when <see cref="TestActor"/> has messages not yet received by the test.</summary>
    public bool HasMessages => _putBack.Count > 0 || _queue.Reader.Count > 0;

    public IActorRef ActorOf(Props props) => Sys.ActorOf(props);

    public IActorRef ActorOf(Props props, string name) => Sys.ActorOf(props, name);

    public IActorRef ActorOf<TActor>()
        where TActor : ActorBase, new() => Sys.ActorOf(Props.Create<TActor>());

    public IActorRef ActorOf<TActor>(string name)
        where TActor : ActorBase, new() => Sys.ActorOf(Props.Create<TActor>(), name);

    public IActorRef ActorOf<TActor>(Expression<Func<TActor>> factory, string? name = null)
        where TActor : ActorBase => Sys.ActorOf(Props.Create(factory), name);

    /// <summary>Makes <see cref="TestActor"/> watch <paramref name="actorToWatch"/>; its Terminated arrives as a message.</summary>
    public IActorRef Watch(IActorRef actorToWatch)
    {
        TestActor.Tell(new TestKit.TestActor.Watch(actorToWatch), ActorRefs.NoSender);
        return actorToWatch;
    }

    public IActorRef Unwatch(IActorRef actorToUnwatch)
    {
        TestActor.Tell(new TestKit.TestActor.Unwatch(actorToUnwatch), ActorRefs.NoSender);
        return actorToUnwatch;
    }

    /// <summary>Makes <see cref="TestActor"/> drop (not queue) messages for which <paramref name="shouldIgnore"/> is true.</summary>
    public void IgnoreMessages(Func<object, bool> shouldIgnore)
    {
        ArgumentNullException.ThrowIfNull(shouldIgnore);
        TestActor.Tell(new TestKit.TestActor.SetIgnore(m => shouldIgnore(m)), ActorRefs.NoSender);
    }

    /// <summary>Makes <see cref="TestActor"/> drop messages of type <typeparamref name="TMsg"/>.</summary>
    public void IgnoreMessages<TMsg>() => IgnoreMessages(m => m is TMsg);

    /// <summary>Makes <see cref="TestActor"/> drop messages of type <typeparamref name="TMsg"/> that match <paramref name="shouldIgnore"/>.</summary>
    public void IgnoreMessages<TMsg>(Func<TMsg, bool> shouldIgnore)
    {
        ArgumentNullException.ThrowIfNull(shouldIgnore);
        IgnoreMessages(m => m is TMsg typed && shouldIgnore(typed));
    }

    /// <summary>Stops ignoring messages.</summary>
    public void IgnoreNoMessages() => TestActor.Tell(new TestKit.TestActor.SetIgnore(null), ActorRefs.NoSender);

    /// <summary>Installs an auto-pilot that runs on each message <see cref="TestActor"/> receives, before the test sees it.</summary>
    public void SetAutoPilot(AutoPilot pilot) => TestActor.Tell(new TestKit.TestActor.SetAutoPilot(pilot), ActorRefs.NoSender);

    /// <summary>A latch that opens after <paramref name="count"/> CountDowns; Ready waits up to default-timeout (dilated).</summary>
    public TestLatch CreateTestLatch(int count = 1) => new(count, Dilated(TestKitSettings.DefaultTimeout));

    /// <summary>A barrier for <paramref name="count"/> parties; Await waits up to default-timeout (dilated).</summary>
    public TestBarrier CreateTestBarrier(int count) => new(this, count);

    /// <summary>EventFilters for <paramref name="system"/> (which must use the TestEventListener).</summary>
    public EventFilterFactory CreateEventFilter(ActorSystem system) => new(this, system);

    /// <summary>Scales a duration by <c>actorparallel.test.timefactor</c>.</summary>
    public TimeSpan Dilated(TimeSpan duration) =>
        duration == Timeout.InfiniteTimeSpan || duration == TimeSpan.MaxValue
            ? duration
            : TimeSpan.FromTicks((long)(duration.Ticks * TestKitSettings.TestTimeFactor));

    public TestProbe CreateTestProbe(string? name = null) => CreateTestProbe(Sys, name);

    public TestProbe CreateTestProbe(ActorSystem system, string? name = null) => new(system, Assertions, name);

    /// <summary>Terminates <see cref="Sys"/> and waits up to <paramref name="duration"/> (default: default-timeout, dilated).</summary>
    public void Shutdown(TimeSpan? duration = null, bool verifySystemShutdown = false) => Shutdown(Sys, duration, verifySystemShutdown);

    public void Shutdown(ActorSystem system, TimeSpan? duration = null, bool verifySystemShutdown = false)
    {
        ArgumentNullException.ThrowIfNull(system);
        var timeout = duration ?? Dilated(TestKitSettings.DefaultTimeout + TestKitSettings.DefaultTimeout);
        var terminated = system.Terminate().Wait(timeout);
        if (!terminated && verifySystemShutdown)
        {
            Assertions.Fail("Failed to stop [{0}] within [{1}]\n{2}", system.Name, timeout, ((ExtendedActorSystem)system).PrintTree());
        }
    }

    /// <summary>Time left in the innermost Within block; fails outside Within.</summary>
    public TimeSpan Remaining => RemainingOr(null) ?? throw new InvalidOperationException("Remaining may only be used inside Within.");

    /// <summary>Time left in the innermost Within block, or single-expect-default (dilated) outside one.</summary>
    public TimeSpan RemainingOrDefault => RemainingOr(Dilated(TestKitSettings.SingleExpectDefault))!.Value;

    private TimeSpan? RemainingOr(TimeSpan? fallback)
    {
        if (_end is not { } end)
        {
            return fallback;
        }

        var left = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), end);
        return left < TimeSpan.Zero ? TimeSpan.Zero : left;
    }

    /// <summary>The timeout to use: the given one (dilated) capped by Within, or the default.</summary>
    private TimeSpan RemainingOrDilated(TimeSpan? duration)
    {
        if (duration is null)
        {
            return RemainingOrDefault;
        }

        if (duration == Timeout.InfiniteTimeSpan)
        {
            return _end is null ? Timeout.InfiniteTimeSpan : Remaining;
        }

        var dilated = Dilated(duration.Value);
        return _end is null ? dilated : (dilated < Remaining ? dilated : Remaining);
    }

    private void Record(MessageEnvelope envelope)
    {
        LastMessage = envelope.Message;
        LastSender = envelope.Sender;
    }
}
