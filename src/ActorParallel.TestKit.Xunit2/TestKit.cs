using ActorParallel.Actor;
using ActorParallel.Actor.Setup;
using ActorParallel.Configuration;
using ActorParallel.Event;
using ActorParallel.TestKit.Xunit2.Internals;
using Xunit.Abstractions;

namespace ActorParallel.TestKit.Xunit2;

/// <summary>
/// The xunit base class for actor tests: one actor system per test class instance, shut down on
/// Dispose; log events go to the test's output when an <see cref="ITestOutputHelper"/> is given.
/// </summary>
public class TestKit : TestKitBase, IDisposable
{
    private static readonly XunitAssertions XunitAssertionsInstance = new();
    private bool _disposed;

    public TestKit(ActorSystem? system = null, ITestOutputHelper? output = null)
        : base(XunitAssertionsInstance, system)
    {
        Output = output;
        InitializeLogger(Sys);
    }

    public TestKit(ActorSystemSetup config, string? actorSystemName = null, ITestOutputHelper? output = null)
        : base(XunitAssertionsInstance, config, actorSystemName)
    {
        Output = output;
        InitializeLogger(Sys);
    }

    public TestKit(Config config, string? actorSystemName = null, ITestOutputHelper? output = null)
        : base(XunitAssertionsInstance, null, config, actorSystemName)
    {
        Output = output;
        InitializeLogger(Sys);
    }

    public TestKit(string config, ITestOutputHelper? output = null)
        : this(ConfigurationFactory.ParseString(config), null, output)
    {
    }

    protected ITestOutputHelper? Output { get; }

    public new static Config DefaultConfig => TestKitBase.DefaultConfig;

    public new static Config FullDebugConfig => TestKitBase.FullDebugConfig;

    /// <summary>Subscribes a logger that writes to <see cref="Output"/>.</summary>
    protected void InitializeLogger(ActorSystem system)
    {
        if (Output is null)
        {
            return;
        }

        var logger = ((ExtendedActorSystem)system).SystemActorOf(Props.Create(() => new TestOutputLogger(Output)), "log-test-output-" + Guid.NewGuid().ToString("N"));
        system.EventStream.Subscribe(logger, typeof(LogEvent));
    }

    /// <summary>Called when the test ends, while <see cref="TestKitBase.Sys"/> still runs; the system is shut down right after.</summary>
    protected virtual void AfterAll()
    {
    }

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        if (disposing)
        {
            try
            {
                AfterAll();
            }
            finally
            {
                Shutdown();
            }
        }
    }
}
