using System.Collections.Immutable;
using ActorParallel.Simulation.Workloads.Heat;
using ActorParallel.Simulation.Workloads.Io;
using ActorParallel.Simulation.Workloads.Mandelbrot;
using ActorParallel.Simulation.Workloads.MatMul;
using ActorParallel.Simulation.Workloads.Pi;
using ActorParallel.Simulation.Workloads.Primes;
using ActorParallel.Simulation.Workloads.Synthetic;
using ActorParallel.Simulation.Workloads.WordCount;

namespace ActorParallel.Simulation.Workloads;

/// <summary>Workloads by name. Immutable: <see cref="With"/> returns a new registry with one more workload.</summary>
public sealed class WorkloadRegistry
{
    private readonly ImmutableSortedDictionary<string, IWorkload> _workloads;

    private WorkloadRegistry(ImmutableSortedDictionary<string, IWorkload> workloads) => _workloads = workloads;

    /// <summary>The built-in workloads.</summary>
    public static WorkloadRegistry Default { get; } = new WorkloadRegistry(ImmutableSortedDictionary.Create<string, IWorkload>(StringComparer.OrdinalIgnoreCase))
        .With(new PiWorkload())
        .With(new PrimesWorkload())
        .With(new MatMulWorkload())
        .With(new WordCountWorkload())
        .With(new MandelbrotWorkload())
        .With(new HeatWorkload())
        .With(new IoWorkload())
        .With(new SyntheticWorkload());

    public IReadOnlyList<IWorkload> All => [.. _workloads.Values];

    public IEnumerable<string> Names => _workloads.Keys;

    public WorkloadRegistry With(IWorkload workload)
    {
        ArgumentNullException.ThrowIfNull(workload);
        return new WorkloadRegistry(_workloads.SetItem(workload.Name, workload));
    }

    public bool TryGet(string name, out IWorkload workload) => _workloads.TryGetValue(name, out workload!);

    /// <summary>The workload called <paramref name="name"/>; the error lists the known names.</summary>
    public IWorkload Get(string name) => TryGet(name, out var workload)
        ? workload
        : throw new WorkloadParameterException($"unknown workload '{name}'; known workloads: {string.Join(", ", Names)}");

    /// <summary>Default parameters for a workload, with any overrides.</summary>
    public WorkloadParameters Defaults(string name, long? size = null, int? tasks = null, int seed = 42)
    {
        var w = Get(name);
        return new WorkloadParameters(size ?? w.DefaultSize, tasks ?? w.DefaultTasks, seed);
    }
}
