using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli;

/// <summary>
/// The whole <c>actorparallel</c> command line in one call, for a host program of your own that carries your
/// workloads: <c>return ActorParallelApp.Run(args, registry =&gt; registry.With(new MyWorkload()));</c> gives it
/// <c>run</c>, <c>sweep</c>, <c>list</c>, <c>node</c>, <c>cluster</c>, <c>soak</c>, <c>config</c> and <c>bench</c>, each seeing the
/// built-in workloads plus yours (locally, on the worker nodes it starts, and as a driver).
/// </summary>
public static class ActorParallelApp
{
    // Async-local rather than a plain static: tests run several command lines in one process at once, each with its
    // own workloads. It flows from Run into the command's action (invoked synchronously below) and everything the
    // action awaits; Run restores the previous value, because a synchronous method does not undo what it set.
    private static readonly AsyncLocal<WorkloadRegistry?> Current = new();

    /// <summary>The workloads the commands of the command line being run see: <see cref="WorkloadRegistry.Default"/> unless a host added its own.</summary>
    internal static WorkloadRegistry Registry => Current.Value ?? WorkloadRegistry.Default;

    /// <summary>Runs the command line with the built-in workloads; returns the exit code.</summary>
    public static int Run(string[] args) => Run(args, registry => registry);

    /// <summary>
    /// Runs the command line with the workloads <paramref name="workloads"/> makes from the built-in ones (usually
    /// <c>registry =&gt; registry.With(new MyWorkload())</c>); returns the exit code. Every node of a cluster and its
    /// driver must run a host with the same workloads: a node refuses a driver whose workloads differ.
    /// </summary>
    public static int Run(string[] args, Func<WorkloadRegistry, WorkloadRegistry> workloads)
    {
        // Standard output carries only what the command prints (a report, or one JSON object): anything else that writes
        // to the console, such as Akka.NET's own logger while an actor system shuts down, goes to standard error.
        var output = Console.Out;
        Console.SetOut(Console.Error);
        try
        {
            return Run(args, workloads, output, Console.Error);
        }
        finally
        {
            Console.SetOut(output);
        }
    }

    /// <summary>The same with the given output and error writers (tests call this in-process).</summary>
    internal static int Run(string[] args, Func<WorkloadRegistry, WorkloadRegistry> workloads, TextWriter output, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(workloads);
        var registry = workloads(WorkloadRegistry.Default)
            ?? throw new ArgumentException("the workloads function returned null; return the registry it was given, with yours added", nameof(workloads));
        var previous = Current.Value;
        Current.Value = registry;
        try
        {
            return Program.Run(args, output, error);
        }
        finally
        {
            Current.Value = previous;
        }
    }
}
