using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Tests;

/// <summary><see cref="ActorParallelApp"/>: a host's own workloads reach the commands, and only that host's command lines.</summary>
public sealed class ActorParallelAppTests
{
    private static (int Code, string Out, string Err) Run(Func<WorkloadRegistry, WorkloadRegistry> workloads, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = ActorParallelApp.Run(args, workloads, output, error);
        return (code, output.ToString(), error.ToString());
    }

    [Fact]
    public void A_hosts_workload_is_listed_and_runs_on_actors_checked_against_its_serial_reference()
    {
        var (listed, list, _) = Run(r => r.With(new CubesWorkload()), "list");
        Assert.Equal(0, listed);
        Assert.Contains("cubes", list, StringComparison.Ordinal);
        Assert.Contains("pi", list, StringComparison.Ordinal);

        var (code, output, error) = Run(r => r.With(new CubesWorkload()), "run", "cubes", "--size", "5000", "--tasks", "6", "--workers", "2", "--no-tpl");
        Assert.True(code == 0, error);
        Assert.Contains("identical to the serial reference", output, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_the_host_the_workload_is_unknown_and_the_ambient_registry_is_restored()
    {
        Run(r => r.With(new CubesWorkload()), "list");
        var (code, _, error) = Cli.Run("run", "cubes", "--size", "100");
        Assert.Equal(2, code);
        Assert.Contains("unknown workload 'cubes'", error, StringComparison.Ordinal);
        Assert.Same(WorkloadRegistry.Default, ActorParallelApp.Registry);
    }

    /// <summary>Sum of i^3 below N.</summary>
    private sealed class CubesWorkload : Workload<(long Start, long End), long, long>
    {
        public override string Name => "cubes";

        public override string Description => "Sum of i^3 below N";

        public override long DefaultSize => 1000;

        protected override IEnumerable<(long Start, long End)> Split(WorkloadParameters p) =>
            Range64.Split(p.Size, p.Tasks).Select(r => (r.Start, r.End));

        protected override long Execute((long Start, long End) t)
        {
            var sum = 0L;
            for (var i = t.Start; i < t.End; i++)
                sum += i * i * i;
            return sum;
        }

        protected override long Combine(WorkloadParameters p, IReadOnlyList<long> outputs) => outputs.Sum();

        protected override long Serial(WorkloadParameters p) => Execute((0, p.Size));
    }
}
