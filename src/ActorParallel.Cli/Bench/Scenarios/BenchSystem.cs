using Akka.Actor;
using ActorParallel.Simulation.Configuration;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>Creates the actor systems the scenarios run in: default settings, logging quiet.</summary>
internal static class BenchSystem
{
    /// <summary>The default dispatcher as users get it (the .NET thread pool, throughput 30); only logging is quieted.</summary>
    public static ActorSystem Create(string name, string extraHocon = "") =>
        ActorSystem.Create(name, AkkaHandOver.ParseString("akka.loglevel = WARNING\n" + extraHocon));

    /// <summary>Terminates a system and waits for it, failing loudly instead of hanging forever.</summary>
    public static void Shutdown(ActorSystem system) => Measure.Await(system.Terminate(), $"terminating {system.Name}");
}
