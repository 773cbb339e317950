using ActorParallel.Actor;
using ActorParallel.Configuration;
using Xunit.Abstractions;

namespace ActorParallel.Tests;

/// <summary>
/// What the cheap start and stop must keep: one parsed reference configuration shared by every system with the
/// same settings, CoordinatedShutdown phases when it is in use (and a consistent report when it was not),
/// and no dedicated thread left running after termination.
/// </summary>
public sealed class StartupSpec(ITestOutputHelper output) : TestKit.Xunit2.TestKit(output: output)
{
    [Fact]
    public void Reference_config_is_parsed_once_per_process_and_gives_identical_settings()
    {
        Assert.Same(ConfigurationFactory.Default(), ConfigurationFactory.Default());
        var fresh = ConfigurationFactory.FromResource(ConfigurationFactory.DefaultResourceName, typeof(ActorSystem).Assembly);
        Assert.Equal(fresh.ToString(includeFallback: true), ConfigurationFactory.Default().ToString(includeFallback: true));

        using var first = ActorSystem.Create("reference-a");
        using var second = ActorSystem.Create("reference-b", ConfigurationFactory.ParseString("actorparallel.actor.ask-timeout = 3s"));
        Assert.Same(ConfigurationFactory.Default(), first.Settings.Config.Fallback);
        Assert.Same(ConfigurationFactory.Default(), second.Settings.Config.Fallback);
        Assert.Equal(first.Settings.CreationTimeout, second.Settings.CreationTimeout);
        Assert.Equal(first.Settings.Loggers, second.Settings.Loggers);
        Assert.Equal(first.Settings.LogDeadLettersSuspendDuration, second.Settings.LogDeadLettersSuspendDuration);
        Assert.Equal(Timeout.InfiniteTimeSpan, first.Settings.AskTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), second.Settings.AskTimeout);
        Assert.Equal(
            first.Settings.Config.GetTimeSpan("actorparallel.coordinated-shutdown.phases.actor-system-terminate.timeout"),
            second.Settings.Config.GetTimeSpan("actorparallel.coordinated-shutdown.phases.actor-system-terminate.timeout"));
    }

    [Fact]
    public async Task Terminate_without_coordinated_shutdown_in_use_stops_every_actor_and_reports_that_run()
    {
        var system = ActorSystem.Create("unused-shutdown");
        var probe = CreateTestProbe();
        system.ActorOf(Props.Create(() => new LifecycleActor(probe.Ref, "a")));
        probe.ExpectMsg("a:ctor");
        probe.ExpectMsg("a:PreStart");
        Assert.False(system.HasExtension<CoordinatedShutdown>());

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        probe.ExpectMsg("a:PostStop");

        // Asked for after the fact, it reports the run that terminated the system instead of running again.
        var shutdown = CoordinatedShutdown.Get(system);
        Assert.IsType<CoordinatedShutdown.ActorSystemTerminateReason>(shutdown.ShutdownReason);
        await shutdown.Run(CoordinatedShutdown.UnknownReason.Instance).WaitAsync(TimeSpan.FromSeconds(10));
        Assert.IsType<CoordinatedShutdown.ActorSystemTerminateReason>(shutdown.ShutdownReason);
    }

    [Fact]
    public async Task Terminate_runs_coordinated_shutdown_phases_when_it_is_in_use()
    {
        var system = ActorSystem.Create("used-shutdown");
        var probe = CreateTestProbe();
        system.ActorOf(Props.Create(() => new LifecycleActor(probe.Ref, "a")));
        probe.ExpectMsg("a:ctor");
        probe.ExpectMsg("a:PreStart");
        var ran = new List<string>();
        var shutdown = CoordinatedShutdown.Get(system);
        shutdown.AddTask(CoordinatedShutdown.PhaseServiceStop, "service", () => Record("service-stop"));
        shutdown.AddTask(CoordinatedShutdown.PhaseBeforeActorSystemTerminate, "last", () => Record("before-terminate"));

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(20));
        probe.ExpectMsg("a:PostStop");
        lock (ran)
        {
            Assert.Equal(["service-stop", "before-terminate"], ran);
        }

        Assert.IsType<CoordinatedShutdown.ActorSystemTerminateReason>(shutdown.ShutdownReason);

        Task<Done> Record(string phase)
        {
            lock (ran)
            {
                ran.Add(phase);
            }

            return Task.FromResult(Done.Instance);
        }
    }

    [Fact]
    public async Task Terminate_leaves_no_dedicated_thread_running()
    {
        if (!OperatingSystem.IsLinux())
        {
            return; // thread names are read from /proc
        }

        // A dispatcher with its own threads, named so that no other test's threads can be mistaken for them.
        var system = ActorSystem.Create("threads", ConfigurationFactory.ParseString(
            "fj-leak { type = ForkJoinDispatcher, dedicated-thread-pool.thread-count = 2 }"));
        var probe = CreateTestProbe();
        system.ActorOf(Props.Create(() => new LifecycleActor(probe.Ref, "fj")).WithDispatcher("fj-leak"));
        probe.ExpectMsg("fj:ctor");
        probe.ExpectMsg("fj:PreStart");
        Assert.Equal(2, RuntimeThreads().Count);

        await system.Terminate().WaitAsync(TimeSpan.FromSeconds(10));
        await AwaitAssertAsync(() => Assert.Empty(RuntimeThreads()), TimeSpan.FromSeconds(10));
    }

    /// <summary>Live threads of this process named after the test's dispatcher.</summary>
    private static List<string> RuntimeThreads()
    {
        var names = new List<string>();
        foreach (var task in Directory.EnumerateDirectories("/proc/self/task"))
        {
            try
            {
                var name = File.ReadAllText(Path.Combine(task, "comm")).Trim();
                if (name.StartsWith("fj-leak-", StringComparison.Ordinal))
                {
                    names.Add(name);
                }
            }
            catch (IOException)
            {
                // The thread exited while we looked.
            }
        }

        return names;
    }
}
