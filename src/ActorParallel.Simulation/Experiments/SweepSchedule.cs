namespace ActorParallel.Simulation.Experiments;

/// <summary>
/// One measurement of a sweep, in the order it runs: in <paramref name="Round"/>, either the serial reference
/// of parameter set <paramref name="Index"/> (<see cref="SweepSchedule.References"/>) or one run of point
/// <paramref name="Index"/> of the plan.
/// </summary>
public sealed record SweepStep(int Round, int Index, bool IsSerial);

/// <summary>
/// The order of a sweep's measurements. Each round times every point once, and the serial reference of each
/// parameter set just before the first point that uses it, so the serial reference is measured as often as
/// the points (once per round) and under the same host conditions, rather than once up front where one slow
/// reading would bend every speedup of the sweep.
/// </summary>
public static class SweepSchedule
{
    /// <summary>The distinct parameter sets of <paramref name="plan"/>, in order of first use: one serial reference each.</summary>
    public static IReadOnlyList<Workloads.WorkloadParameters> References(IReadOnlyList<ExperimentPointSpec> plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return [.. plan.Select(p => p.Parameters).DistinctBy(p => p.ToString())];
    }

    /// <summary>For each point of <paramref name="plan"/>, the index of its serial reference in <see cref="References"/>.</summary>
    public static int[] ReferenceOf(IReadOnlyList<ExperimentPointSpec> plan)
    {
        var keys = References(plan).Select(p => p.ToString()).ToList();
        return [.. plan.Select(p => keys.IndexOf(p.Parameters.ToString()))];
    }

    /// <summary>Every step of a sweep of <paramref name="repeats"/> rounds, in the order they run.</summary>
    public static IReadOnlyList<SweepStep> Steps(IReadOnlyList<ExperimentPointSpec> plan, int repeats)
    {
        var referenceOf = ReferenceOf(plan);
        var steps = new List<SweepStep>();
        for (var round = 0; round < repeats; round++)
        {
            var measured = new HashSet<int>();
            for (var i = 0; i < plan.Count; i++)
            {
                if (measured.Add(referenceOf[i]))
                    steps.Add(new SweepStep(round, referenceOf[i], IsSerial: true));
                steps.Add(new SweepStep(round, i, IsSerial: false));
            }
        }

        return steps;
    }
}
