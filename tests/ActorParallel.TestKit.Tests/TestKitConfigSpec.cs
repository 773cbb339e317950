using ActorParallel.Actor;
using ActorParallel.Actor.Setup;
using ActorParallel.Configuration;
using ActorParallel.Event;
using Xunit.Abstractions;

namespace ActorParallel.TestKit.Tests;

public sealed class TestKitConfigSpec
{
    [Fact]
    public void Defaults_match_the_reference_config()
    {
        using var kit = new Xunit2.TestKit();
        var settings = kit.TestKitSettings;
        Assert.Equal(1.0, settings.TestTimeFactor);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.TestEventFilterLeeway);
        Assert.Equal(TimeSpan.FromSeconds(3), settings.SingleExpectDefault);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.DefaultTimeout);
        Assert.Equal(TimeSpan.FromSeconds(3), kit.RemainingOrDefault);
        Assert.Equal("test", kit.Sys.Name);
        Assert.True(Xunit2.TestKit.DefaultConfig.HasPath("actorparallel.test.single-expect-default"));
        Assert.Equal("DEBUG", Xunit2.TestKit.FullDebugConfig.GetString("actorparallel.loglevel"));
    }

    [Fact]
    public void Timefactor_dilates_every_default()
    {
        using var kit = new Xunit2.TestKit("actorparallel.test.timefactor = 2.5");
        Assert.Equal(TimeSpan.FromSeconds(5), kit.Dilated(TimeSpan.FromSeconds(2)));
        Assert.Equal(TimeSpan.FromSeconds(7.5), kit.RemainingOrDefault);
        Assert.Equal(Timeout.InfiniteTimeSpan, kit.Dilated(Timeout.InfiniteTimeSpan));
    }

    [Fact]
    public void A_TestKit_with_logging_off_starts_and_expects_as_usual()
    {
        using var kit = new Xunit2.TestKit("actorparallel.loglevel = OFF");
        kit.TestActor.Tell("quiet", ActorRefs.NoSender);
        kit.ExpectMsg("quiet");
    }

    [Fact]
    public void A_bad_timefactor_is_a_configuration_error_that_says_how_to_fix_it()
    {
        var failure = Assert.Throws<ConfigurationException>(() => new Xunit2.TestKit("actorparallel.test.timefactor = 0"));
        Assert.Contains("must be positive", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Constructors_take_a_config_and_name_or_a_system_or_a_setup()
    {
        using (var named = new Xunit2.TestKit(ConfigurationFactory.ParseString("actorparallel.test.single-expect-default = 1s"), "named"))
        {
            Assert.Equal("named", named.Sys.Name);
            Assert.Equal(TimeSpan.FromSeconds(1), named.TestKitSettings.SingleExpectDefault);
        }

        var system = ActorSystem.Create("given", Xunit2.TestKit.DefaultConfig);
        using (var given = new Xunit2.TestKit(system))
        {
            Assert.Same(system, given.Sys);
        }

        Assert.True(system.WhenTerminated.IsCompleted);

        var setup = ActorSystemSetup.Create(BootstrapSetup.Create().WithConfig(ConfigurationFactory.ParseString("actorparallel.test.default-timeout = 7s")));
        using var fromSetup = new Xunit2.TestKit(setup, "setup");
        Assert.Equal(TimeSpan.FromSeconds(7), fromSetup.TestKitSettings.DefaultTimeout);
    }

    [Fact]
    public void Dispose_calls_AfterAll_while_the_system_runs_then_shuts_it_down()
    {
        var kit = new RecordingKit();
        kit.Dispose();
        Assert.True(kit.RunningInAfterAll);
        Assert.True(kit.Sys.WhenTerminated.IsCompleted);
        kit.Dispose();
    }

    [Fact]
    public void Shutdown_can_verify_the_system_stopped()
    {
        using var kit = new Xunit2.TestKit();
        kit.Shutdown(TimeSpan.FromSeconds(10), verifySystemShutdown: true);
        Assert.True(kit.Sys.WhenTerminated.IsCompleted);
    }

    [Fact]
    public void Log_events_go_to_the_test_output_except_muted_ones()
    {
        var output = new RecordingOutput();
        using var kit = new Xunit2.TestKit(output: output);
        kit.EventFilter.Warning(contains: "hidden").Mute(() =>
        {
            kit.Sys.Log.Warning("hidden detail");
            kit.Sys.Log.Warning("visible detail");
            kit.AwaitCondition(() => output.Lines.Any(l => l.Contains("visible detail", StringComparison.Ordinal)), TimeSpan.FromSeconds(10), "the visible warning reaches the output");
        });
        Assert.DoesNotContain(output.Lines, l => l.Contains("hidden", StringComparison.Ordinal));
    }

    private sealed class RecordingKit : Xunit2.TestKit
    {
        public bool RunningInAfterAll { get; private set; }

        protected override void AfterAll() => RunningInAfterAll = !Sys.WhenTerminated.IsCompleted;
    }

    private sealed class RecordingOutput : ITestOutputHelper
    {
        private readonly List<string> _lines = [];

        public IReadOnlyList<string> Lines
        {
            get
            {
                lock (_lines)
                {
                    return [.. _lines];
                }
            }
        }

        public void WriteLine(string message)
        {
            lock (_lines)
            {
                _lines.Add(message);
            }
        }

        public void WriteLine(string format, params object[] args) => WriteLine(string.Format(System.Globalization.CultureInfo.InvariantCulture, format, args));
    }
}
