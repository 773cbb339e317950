using System.CommandLine;
using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Lab;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Commands;

/// <summary>
/// <c>soak [WORKLOAD...] --cluster SEED --nodes N --jobs 1000</c>: joins the cluster as one driver and runs many small
/// jobs back to back (<see cref="SoakRunner"/>), every answer checked; reports the answers, the driver's dead letters,
/// and the managed heap and working set of the driver and of every worker node after the warm-up and at the end.
/// Exit 3 if an answer was wrong, 4 if a job failed, 6 if memory grew past <c>--max-growth</c> over the measured jobs or
/// the driver or a node saw unexpected dead letters.
/// </summary>
internal static class SoakCommand
{
    public static Command Build()
    {
        var workloads = new Argument<string[]>("workload") { Description = $"Workloads to cycle through (default: {string.Join(" ", SoakMix.Default)}), each in small sizes of its own.", Arity = ArgumentArity.ZeroOrMore };
        var cluster = new Option<string>("--cluster") { Description = "The cluster's seed: host:port or akka.tcp://actorparallel@host:port; start nodes with `node`.", Required = true };
        var nodes = NumberOptions.Int("--nodes", "Worker nodes to wait for before the first job.", 1);
        var jobs = NumberOptions.Int("--jobs", "Jobs measured, after the warm-up: memory is sampled through them.", 1000);
        var warmup = NumberOptions.Int("--warmup", "Jobs run first, answers checked but memory not measured: Akka.Remote's caches of resolved actor refs fill over them.", 2000);
        var sampleEvery = NumberOptions.Int("--sample-every", "Jobs between memory samples after the warm-up.", 50);
        var maxGrowth = new Option<double>("--max-growth") { Description = "The most, in percent, any process's managed heap may grow over the measured jobs.", DefaultValueFactory = _ => 5 };
        var wait = new Option<string>("--wait") { Description = "How long to wait for the cluster and its worker nodes.", DefaultValueFactory = _ => "30s" };
        var timeout = new Option<string?>("--timeout") { Description = "Each job's timeout as a duration, e.g. 30s (default: actorparallel.lab.job-timeout)." };
        var config = new Option<string?>("--config", "-c") { Description = "A HOCON file: its actorparallel.lab section overrides the lab's defaults, its akka section the driver's settings." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object on stdout for scripts (progress stays on stderr)." };
        var tls = new TlsOptions();
        var command = new Command("soak", "Run many small jobs back to back on a cluster from one driver: every answer checked, dead letters counted, memory of the driver and the worker nodes sampled after a warm-up and at the end.")
        {
            workloads, cluster, nodes, jobs, warmup, sampleEvery, maxGrowth, wait, timeout, config, json, tls.Certificate, tls.Ca, tls.Password,
        };
        command.SetAction((result, cancellationToken) =>
        {
            var isJson = result.GetValue(json);
            var (output, error) = (result.InvocationConfiguration.Output, result.InvocationConfiguration.Error);
            var guard = new CommandGuard(output, error, isJson);
            return guard.RunAsync(async () =>
            {
                var names = result.GetValue(workloads) is { Length: > 0 } given ? given : [.. SoakMix.Default];
                var options = new SoakOptions(names, result.GetValue(jobs), result.GetValue(warmup), result.GetValue(sampleEvery), result.GetValue(maxGrowth))
                {
                    ConfigFile = result.GetValue(config),
                    Timeout = result.GetValue(timeout),
                };
                var report = await RunAsync(options, result.GetValue(cluster)!, result.GetValue(nodes), result.GetValue(wait)!, tls.From(result), error, cancellationToken).ConfigureAwait(false);
                output.WriteLine(isJson ? report.ToJson() : report.ToText());

                // The report (text or JSON) is on stdout already; the verdict goes to stderr only, so that --json prints one object.
                var (code, why) = Verdict(report);
                if (why is not null)
                    error.WriteLine("error: " + why);
                return code;
            }, cancellationToken);
        });
        return command;
    }

    private static async Task<SoakReport> RunAsync(SoakOptions options, string seed, int nodes, string wait, NodeTls? tls, TextWriter error, CancellationToken cancellationToken)
    {
        // Everything that can be checked without the cluster is checked before joining it.
        var registry = ActorParallelApp.Registry;
        SoakRunner.Plan(options, registry);
        if (nodes is < 1 or > 1000)
            throw new WorkloadParameterException($"--nodes must be between 1 and 1000; got {nodes}");
        var waitFor = RunOptions.ParseDuration(wait, "--wait");
        try
        {
            LabCluster.SeedAddress(seed);
        }
        catch (FormatException e)
        {
            throw new WorkloadParameterException("--cluster: " + e.Message);
        }

        var akka = new RunOptions(options.Workloads[0]) { ConfigFile = options.ConfigFile }.LoadSettings(registry).Akka;
        error.WriteLine($"joining the cluster at {seed}, waiting up to {waitFor.TotalSeconds:0.#} s for {nodes} worker node(s)");
        await using var lab = await ClusterLab.ConnectAsync(seed, nodes, waitFor, registry, akka: akka, cancellationToken: cancellationToken, tls: tls).ConfigureAwait(false);
        error.WriteLine($"soak: {options.Jobs} jobs on {string.Join(", ", LabCluster.WorkerNodes(lab.System))}");
        return await new SoakRunner(lab.System, registry).RunAsync(options, new Lines(error), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The exit code and its one-line reason: a wrong answer first, then a failed job, then memory, then dead letters.</summary>
    internal static (int Code, string? Why) Verdict(SoakReport report)
    {
        if (report.Wrong > 0)
            return (ExitCodes.WrongAnswer, $"soak: {report.Wrong} of {report.Jobs} answers differ from the serial reference; the first: {report.Failures[0]}");
        if (report.Failed > 0)
            return (ExitCodes.JobFailed, $"soak: {report.Failed} of {report.Jobs} jobs failed; the first: {report.Failures[0]}");
        if (!report.MemoryFlat)
            return (ExitCodes.SoakUnhealthy, $"soak: a process's managed heap grew {report.Options.MaxGrowthPercent}% or more over the measured jobs, or a node did not answer (see the memory table); look for a leak, or raise --warmup if it was still warming up");
        if (report.UnexpectedDeadLetters > 0)
            return (ExitCodes.SoakUnhealthy, $"soak: {report.UnexpectedDeadLetters} unexpected dead letters on the driver and the nodes (see the report)");
        return (ExitCodes.Ok, null);
    }

    /// <summary>Progress lines written as they come, in order (<see cref="Progress{T}"/> would post them to the thread pool).</summary>
    private sealed class Lines(TextWriter error) : IProgress<string>
    {
        public void Report(string value) => error.WriteLine(value);
    }
}
