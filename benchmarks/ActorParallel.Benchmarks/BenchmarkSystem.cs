using ActorParallel.Actor;
using ActorParallel.Configuration;

namespace ActorParallel.Benchmarks;

/// <summary>Systems for the benchmarks: default settings, logging quiet, terminated with a bounded wait.</summary>
internal static class BenchmarkSystem
{
    public static ActorSystem Create(string name) =>
        ActorSystem.Create(name, ConfigurationFactory.ParseString("actorparallel.loglevel = WARNING"));

    public static void Terminate(ActorSystem system)
    {
        if (!system.Terminate().Wait(TimeSpan.FromSeconds(30)))
        {
            throw new TimeoutException($"{system.Name} did not terminate within 30 s");
        }
    }

    /// <summary>Waits for a benchmark's completion signal; a lost message fails the run instead of hanging it.</summary>
    public static void Await(CountdownEvent countdown, string what)
    {
        if (!countdown.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException($"{what} did not finish within 2 minutes ({countdown.CurrentCount} signals missing)");
        }
    }

    public static void Await(Task task, string what)
    {
        if (!task.Wait(TimeSpan.FromMinutes(2)))
        {
            throw new TimeoutException($"{what} did not finish within 2 minutes");
        }
    }
}
