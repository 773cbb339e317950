using System.Diagnostics.Metrics;
using ActorParallel.Simulation.Metrics;

namespace ActorParallel.Simulation.Tests.Metrics;

public sealed class MetricsAggregatorTests
{
    private static TimeSpan Ms(double ms) => TimeSpan.FromMilliseconds(ms);

    /// <summary>
    /// Two workers, four tasks, a 100 ms job. Worker 0 runs tasks 0 and 2 (10 + 30 ms busy), worker 1
    /// runs tasks 1 and 3 (20 + 40 ms busy). Everything below is computed by hand from these events.
    /// </summary>
    private static MetricsAggregator HandMadeJob()
    {
        var m = new MetricsAggregator();
        m.Apply(new JobStarted(Ms(0), "pi", 2, 4));
        m.Apply(new TaskDispatched(Ms(0), 0, 0));
        m.Apply(new TaskDispatched(Ms(0), 1, 1));
        m.Apply(new TaskStarted(Ms(0), 0, 0));
        m.Apply(new TaskCompleted(Ms(10), 0, 0, Ms(10)));
        m.Apply(new TaskDispatched(Ms(10), 2, 0));
        m.Apply(new TaskStarted(Ms(14), 2, 0));
        m.Apply(new TaskCompleted(Ms(20), 1, 1, Ms(20)));
        m.Apply(new TaskDispatched(Ms(20), 3, 1));
        m.Apply(new TaskCompleted(Ms(40), 2, 0, Ms(30)));
        m.Apply(new TaskFailed(Ms(50), 3, 1, "boom"));
        m.Apply(new TaskDispatched(Ms(50), 3, 1));
        m.Apply(new TaskCompleted(Ms(90), 3, 1, Ms(40)));
        m.Apply(new TaskCompleted(Ms(95), 3, 0, Ms(5))); // a duplicate of task 3: counted once
        for (var i = 0; i < 10; i++)
            m.Apply(new MessageSent(Ms(i), 100));
        m.Apply(new JobFinished(Ms(100), true));
        return m;
    }

    [Fact]
    public void Report_computes_throughput_latency_busy_time_and_imbalance_by_hand()
    {
        var r = HandMadeJob().Report(serial: Ms(180), oneWorker: Ms(150));
        Assert.True(r.Succeeded);
        Assert.Equal(Ms(100), r.Wall);
        Assert.Equal(4, r.TasksCompleted);
        Assert.Equal(1, r.TasksFailed);
        Assert.Equal(5, r.Dispatches);
        Assert.Equal(40, r.TasksPerSecond, 9);
        Assert.Equal(10, r.Messages);
        Assert.Equal(1000, r.Bytes);
        Assert.Equal(100, r.MessagesPerSecond, 9);

        // Latencies (completion - last dispatch): 10, 20, 30, 40 ms. Nearest rank: p50 = 2nd, p95 = p99 = 4th.
        Assert.Equal(new Percentiles(20, 40, 40, 40), r.Latency);
        Assert.Equal(new Percentiles(20, 40, 40, 40), r.Duration);
        Assert.Equal(new Percentiles(0, 4, 4, 4), r.QueueWait);

        Assert.Equal([new WorkerMetrics(0, 2, Ms(40), 0.4), new WorkerMetrics(1, 2, Ms(60), 0.6)], r.PerWorker);
        Assert.Equal(60 / 50.0, r.LoadImbalance, 9);
        Assert.Equal(0.5, r.MeanUtilisation, 9);

        Assert.Equal(1.8, r.Scaling.SpeedupVsSerial!.Value, 9);
        Assert.Equal(1.5, r.Scaling.SpeedupVsOneWorker!.Value, 9);
        Assert.Equal(0.9, r.Scaling.Efficiency!.Value, 9);
        // Karp-Flatt: (1/1.8 - 1/2) / (1 - 1/2) = 1/9.
        Assert.Equal(1 / 9.0, r.Scaling.KarpFlatt!.Value, 9);
    }

    [Fact]
    public void Snapshot_reports_progress_before_the_job_finishes()
    {
        var m = new MetricsAggregator();
        m.Apply(new JobStarted(Ms(0), "pi", 1, 4));
        m.Apply(new TaskDispatched(Ms(0), 0, 0));
        m.Apply(new TaskCompleted(Ms(500), 0, 0, Ms(500)));
        var s = m.Snapshot();
        Assert.Equal(Ms(500), s.Elapsed);
        Assert.Equal(0.25, s.Progress);
        Assert.Equal(2, s.TasksPerSecond, 9);
    }

    [Fact]
    public void Scaling_without_baselines_is_empty_and_karp_flatt_is_undefined_at_one_worker()
    {
        var s = Scaling.Compute(1, Ms(10), null, null);
        Assert.Null(s.SpeedupVsSerial);
        Assert.Null(s.Efficiency);
        Assert.Null(Scaling.KarpFlattSerialFraction(1, 1));
        Assert.Equal(0, Scaling.KarpFlattSerialFraction(4, 4)!.Value, 12);
    }

    [Theory]
    [InlineData(new double[] { 5 }, 50, 5)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 50, 5)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 95, 10)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 10, 1)]
    [InlineData(new double[] { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 }, 11, 2)]
    public void Nearest_rank_percentiles(double[] sorted, double percent, double expected) =>
        Assert.Equal(expected, Percentile.NearestRank(sorted, percent));

    [Fact]
    public void Median_of_even_count_is_the_mean_of_the_middle_two() =>
        Assert.Equal(2.5, Percentile.Median([4, 1, 3, 2]));

    [Fact]
    public void Meter_publishes_tasks_durations_and_messages()
    {
        long tasks = 0, messages = 0, bytes = 0;
        double duration = 0;
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == SimulationMeter.MeterName)
                l.EnableMeasurementEvents(instrument);
        };
        listener.SetMeasurementEventCallback<long>((i, v, _, _) =>
        {
            if (i.Name.EndsWith("tasks.completed", StringComparison.Ordinal))
                tasks += v;
            else if (i.Name.EndsWith(".messages", StringComparison.Ordinal))
                messages += v;
            else if (i.Name.EndsWith("bytes", StringComparison.Ordinal))
                bytes += v;
        });
        listener.SetMeasurementEventCallback<double>((_, v, _, _) => duration += v);
        listener.Start();

        using var meter = new SimulationMeter();
        meter.Record(new TaskCompleted(Ms(1), 0, 0, Ms(7)), "pi");
        meter.Record(new MessageSent(Ms(1), 64), "pi");
        meter.Record(new TaskDispatched(Ms(1), 0, 0), "pi");

        Assert.Equal(1, tasks);
        Assert.Equal(1, messages);
        Assert.Equal(64, bytes);
        Assert.Equal(7, duration, 9);
    }
}
