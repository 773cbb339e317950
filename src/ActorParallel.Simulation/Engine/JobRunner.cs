using System.Diagnostics;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Simulation.Engine;

/// <summary>
/// Runs a job the way the lab reports it: the serial reference (T_serial and the expected answer), the
/// engine with W workers, and the TPL version with the same W, then checks both answers against the
/// serial one. Serial results are cached per (workload, parameters), so sweep repeats do not rerun them.
/// With <paramref name="quiesce"/>, the process is brought to rest (<see cref="Quiesce"/>) before each timed
/// serial and TPL run; the engine does the same before its own clock starts (see <see cref="Actors.ActorEngine"/>).
/// <paramref name="phases"/>, if given, hears when each phase starts (a cached serial reference is not announced).
/// </summary>
public sealed class JobRunner(WorkloadRegistry registry, IJobEngine engine, bool quiesce = false, IProgress<JobPhaseStarted>? phases = null) : IJobRunner
{
    // Serial answers and times by "workload|parameters"; only this runner's callers touch it, one job at a time.
    private readonly Dictionary<string, (object Answer, TimeSpan Time)> _serial = [];
    private readonly HashSet<string> _tplWarm = [];

    public async Task<JobReport> RunAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var workload = registry.Get(request.Workload);
        workload.Validate(request.Parameters);

        var key = $"{workload.Name}|{request.Parameters}";
        if (!_serial.TryGetValue(key, out var serial))
        {
            // Twice, keeping the faster time: the first run also pays for JIT compilation and cold
            // caches, which would flatter every speedup measured against it.
            phases?.Report(new JobPhaseStarted(JobPhase.Serial, request));
            var watch = Stopwatch.StartNew();
            var expected = workload.RunSerial(request.Parameters, cancellationToken);
            var first = watch.Elapsed;
            if (request.MeasureSerial)
            {
                await SettleAsync(cancellationToken).ConfigureAwait(false);
                watch.Restart();
                workload.RunSerial(request.Parameters, cancellationToken);
                first = first < watch.Elapsed ? first : watch.Elapsed;
            }

            serial = _serial[key] = (expected, first);
        }

        phases?.Report(new JobPhaseStarted(JobPhase.Actors, request));
        var run = await engine.RunAsync(workload, request, cancellationToken).ConfigureAwait(false);
        var check = workload.Check(serial.Answer, run.Answer);

        TimeSpan? tpl = null;
        if (request.MeasureTpl)
        {
            // The TPL's first run of a job pays its JIT and cold caches, as the serial loop's and the actors' do (their
            // warm-ups are above and in the engine): run it once untimed, per job and W, so all three are timed warm.
            if (_tplWarm.Add($"{key}|{request.Workers}"))
                workload.RunTpl(request.Parameters, request.Workers, cancellationToken);
            await SettleAsync(cancellationToken).ConfigureAwait(false);
            phases?.Report(new JobPhaseStarted(JobPhase.Tpl, request));
            var watch = Stopwatch.StartNew();
            var tplAnswer = workload.RunTpl(request.Parameters, request.Workers, cancellationToken);
            tpl = watch.Elapsed;
            var tplCheck = workload.Check(serial.Answer, tplAnswer);
            if (!tplCheck.Passed)
                check = CheckResult.Fail($"TPL: {tplCheck.Detail}" + (check.Passed ? "" : $"; {engine.Name}: {check.Detail}"));
        }

        var metrics = run.Metrics with { Scaling = Scaling.Compute(request.Workers, run.Wall, serial.Time, null) };
        return new JobReport(
            workload.Name,
            request.Parameters,
            request.Workers,
            request.Mode,
            run.Wall,
            request.MeasureSerial ? serial.Time : null,
            tpl,
            check.Passed,
            check.Detail,
            workload.Describe(run.Answer),
            metrics)
        {
            Result = run.Answer,
            Placement = run.Placement,
        };
    }

    /// <summary>Times the serial reference once from a quiet process; its answer is kept to check later runs of the same parameters.</summary>
    public async Task<TimeSpan> RunSerialAsync(JobRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var workload = registry.Get(request.Workload);
        workload.Validate(request.Parameters);
        await SettleAsync(cancellationToken).ConfigureAwait(false);
        phases?.Report(new JobPhaseStarted(JobPhase.Serial, request));
        var watch = Stopwatch.StartNew();
        var answer = workload.RunSerial(request.Parameters, cancellationToken);
        var time = watch.Elapsed;
        _serial.TryAdd($"{workload.Name}|{request.Parameters}", (answer, time));
        return time;
    }

    private Task SettleAsync(CancellationToken cancellationToken) =>
        quiesce ? Quiesce.BeforeTimedRunAsync(cancellationToken) : Task.CompletedTask;
}
