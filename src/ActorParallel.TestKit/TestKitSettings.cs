using ActorParallel.Configuration;

namespace ActorParallel.TestKit;

/// <summary>The TestKit's settings, read from <c>actorparallel.test</c>.</summary>
public sealed class TestKitSettings
{
    public TestKitSettings(Config config)
    {
        ArgumentNullException.ThrowIfNull(config);
        TestTimeFactor = config.GetDouble("actorparallel.test.timefactor", 1.0);
        if (TestTimeFactor <= 0)
        {
            throw new ConfigurationException($"'actorparallel.test.timefactor = {TestTimeFactor}': must be positive (1.0 leaves timeouts unchanged).");
        }

        SingleExpectDefault = config.GetTimeSpan("actorparallel.test.single-expect-default", TimeSpan.FromSeconds(3), allowInfinite: false);
        DefaultTimeout = config.GetTimeSpan("actorparallel.test.default-timeout", TimeSpan.FromSeconds(5), allowInfinite: false);
        TestEventFilterLeeway = config.GetTimeSpan("actorparallel.test.filter-leeway", TimeSpan.FromSeconds(3), allowInfinite: false);
    }

    /// <summary><c>timefactor</c>: multiplies every TestKit timeout.</summary>
    public double TestTimeFactor { get; }

    /// <summary><c>single-expect-default</c>: default timeout of ExpectMsg and friends.</summary>
    public TimeSpan SingleExpectDefault { get; }

    /// <summary><c>default-timeout</c>.</summary>
    public TimeSpan DefaultTimeout { get; }

    /// <summary><c>filter-leeway</c>.</summary>
    public TimeSpan TestEventFilterLeeway { get; }
}
