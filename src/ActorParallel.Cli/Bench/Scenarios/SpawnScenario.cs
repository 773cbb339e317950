using System.Diagnostics;
using System.Globalization;
using ActorParallel.Actor;

namespace ActorParallel.Cli.Bench.Scenarios;

/// <summary>
/// One parent spawns N children; the rate counts until the last child's constructor has run, and
/// the heap per actor is the growth of the live heap (<see cref="GC.GetTotalMemory(bool)"/>, after a
/// full collection) while all N are alive and idle. Baseline: N named plain objects in a dictionary,
/// the floor any registry of named children pays.
/// </summary>
public sealed class SpawnScenario : IBenchScenario
{
    public string Id => "spawn";

    public IReadOnlyList<BenchFigure> Run(BenchSizes sizes, IProgress<string> progress)
    {
        ArgumentNullException.ThrowIfNull(sizes);
        ArgumentNullException.ThrowIfNull(progress);
        var n = sizes.Spawns;
        var system = BenchSystem.Create("bench-spawn");
        try
        {
            var actorRuns = Repeat(sizes, () => SpawnActors(system, n));
            var plainRuns = Repeat(sizes, () => CreatePlain(n));
            var rate = Measure.Median([.. actorRuns.Select(r => r.Rate)]);
            var bytes = Measure.Median([.. actorRuns.Select(r => r.BytesPerItem)]);
            var plainRate = Measure.Median([.. plainRuns.Select(r => r.Rate)]);
            var plainBytes = Measure.Median([.. plainRuns.Select(r => r.BytesPerItem)]);
            var allocated = Measure.Median([.. actorRuns.Select(r => r.AllocatedPerItem)]);
            var plainAllocated = Measure.Median([.. plainRuns.Select(r => r.AllocatedPerItem)]);
            progress.Report($"  {Format.Si(rate)} spawns/s, {Format.Fixed(bytes)} B per idle actor (plain objects {Format.Si(plainRate)}/s, {Format.Fixed(plainBytes)} B)");
            var count = n.ToString("N0", CultureInfo.InvariantCulture);
            return
            [
                new BenchFigure(Id, $"spawn {count} actors under one parent", "spawns/s", rate, Better.Higher,
                    plainRate, "named plain objects", AkkaReference.SpawnsPerSecond, AkkaReference.SpawnGoal),
                new BenchFigure(Id, "heap per idle actor", "B/actor", bytes, Better.Lower,
                    plainBytes, "named plain objects", AkkaReference.BytesPerIdleActor, AkkaReference.BytesPerActorGoal),
                new BenchFigure(Id, "allocations per spawn (all threads)", "B/spawn", allocated, Better.Lower, plainAllocated, "named plain objects"),
            ];
        }
        finally
        {
            BenchSystem.Shutdown(system);
        }
    }

    private static List<(double Rate, double BytesPerItem, double AllocatedPerItem)> Repeat(BenchSizes sizes, Func<(double, double, double)> run)
    {
        var results = new List<(double, double, double)>();
        for (var i = 0; i < sizes.Warmups + sizes.Repeats; i++)
        {
            Measure.Settle();
            var result = run();
            if (i >= sizes.Warmups)
            {
                results.Add(result);
            }
        }

        return results;
    }

    private static (double Rate, double BytesPerItem, double AllocatedPerItem) SpawnActors(ActorSystem system, int n)
    {
        using var started = new CountdownEvent(n);
        var props = Props.Create(() => new Idle(started));
        var parent = system.ActorOf(Props.Create(() => new Parent()));
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        parent.Tell(new SpawnChildren(props, n), ActorRefs.NoSender);
        Measure.Await(started, "spawning actors");
        var rate = n / clock.Elapsed.TotalSeconds;

        // Let the parent finish its spawning turn (the last constructor can run before ActorOf returns).
        Measure.Await(parent.Ask<Msg>(Msg.Instance, TimeSpan.FromMinutes(1)), "parent idle");
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)n;
        var bytes = (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)n;
        Measure.Await(parent.GracefulStop(TimeSpan.FromMinutes(2)), "stopping the spawned actors");
        return (rate, bytes, allocated);
    }

    private static (double Rate, double BytesPerItem, double AllocatedPerItem) CreatePlain(int n)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        var children = new Dictionary<string, PlainChild>(StringComparer.Ordinal);
        for (var i = 0; i < n; i++)
        {
            var name = "$" + i.ToString(CultureInfo.InvariantCulture);
            children.Add(name, new PlainChild(name, children));
        }

        var rate = n / clock.Elapsed.TotalSeconds;
        var allocated = (GC.GetTotalAllocatedBytes(precise: true) - allocatedBefore) / (double)n;
        var bytes = (GC.GetTotalMemory(forceFullCollection: true) - before) / (double)n;
        GC.KeepAlive(children);
        return (rate, bytes, allocated);
    }

    /// <summary>What the baseline creates per child: a name, a parent link and a little state.</summary>
    private sealed class PlainChild(string name, object parent)
    {
        public string Name { get; } = name;

        public object Parent { get; } = parent;

        public int State { get; set; }
    }
}
