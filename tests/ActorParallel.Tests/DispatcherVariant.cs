using ActorParallel.Configuration;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

/// <summary>Configurations that make every actor of a test system run on one kind of dispatcher.</summary>
public static class DispatcherVariant
{
    public const string ThreadPool = "";

    public const string ForkJoin =
        "actorparallel.actor.default-dispatcher { type = ForkJoinDispatcher, dedicated-thread-pool.thread-count = 2 }";

    public const string Pinned = "actorparallel.actor.default-dispatcher { type = PinnedDispatcher }";

    public const string CallingThread = "actorparallel.actor.default-dispatcher { type = CallingThreadDispatcher }";
}

/// <summary>Base of suites that run once per dispatcher kind (STYLE habit 8): each test owns its system.</summary>
public abstract class DispatcherSuite : TestKit.Xunit2.TestKit
{
    protected DispatcherSuite(string dispatcherConfig, ITestOutputHelper? output = null, string extraConfig = "")
        : base(ConfigurationFactory.ParseString(extraConfig + "\n" + dispatcherConfig), null, output)
    {
    }
}
