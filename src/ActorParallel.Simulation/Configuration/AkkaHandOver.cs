using ActorParallel.Configuration;
using AkkaConfig = Akka.Configuration.Config;
using AkkaConfigurationFactory = Akka.Configuration.ConfigurationFactory;

namespace ActorParallel.Simulation.Configuration;

/// <summary>
/// The front door's hand-over: our parser has read, included and resolved the file (with file:line errors and
/// none of the hangs or stack overflows of Akka.NET's parser on bad input), and Akka.NET receives the resolved
/// tree, rendered as plain HOCON with no substitutions or includes left (every string quoted, fields one per line),
/// which its own parser reads back as the same tree: tested on Akka's reference configurations, ours, the examples,
/// awkward keys and values and random trees (AkkaHandOverTests). The one loss is Akka's own: its getters trim string
/// values and read the string "null" as null, whatever the text says.
/// </summary>
public static class AkkaHandOver
{
    /// <summary>Akka.NET's view of <paramref name="config"/>, fallbacks merged in.</summary>
    public static AkkaConfig ToAkka(HoconConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return config.IsEmpty ? AkkaConfig.Empty : AkkaConfigurationFactory.ParseString(config.ToString(includeFallback: true));
    }

    /// <summary>Parses <paramref name="hocon"/> with our parser and hands the resolved tree to Akka.NET.</summary>
    public static AkkaConfig ParseString(string hocon) => ToAkka(HoconConfigFactory.ParseString(hocon));
}
