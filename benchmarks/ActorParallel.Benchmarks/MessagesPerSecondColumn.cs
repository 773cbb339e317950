using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace ActorParallel.Benchmarks;

/// <summary>
/// Operations per second from the mean time per operation: with <c>OperationsPerInvoke</c> set to
/// the number of messages (spawns, asks) an invocation handles, this is msg/s (spawns/s, asks/s).
/// </summary>
public sealed class MessagesPerSecondColumn : IColumn
{
    public string Id => nameof(MessagesPerSecondColumn);

    public string ColumnName => "Ops/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Statistics;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Operations (messages, spawns, asks) per second: 1 s / mean time per operation";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        ArgumentNullException.ThrowIfNull(summary);
        var statistics = summary[benchmarkCase]?.ResultStatistics;
        if (statistics is null || statistics.Mean <= 0)
        {
            return "NA";
        }

        var perSecond = 1e9 / statistics.Mean;
        return perSecond switch
        {
            >= 1e6 => (perSecond / 1e6).ToString("F2", System.Globalization.CultureInfo.InvariantCulture) + " M",
            >= 1e3 => (perSecond / 1e3).ToString("F1", System.Globalization.CultureInfo.InvariantCulture) + " K",
            _ => perSecond.ToString("F1", System.Globalization.CultureInfo.InvariantCulture),
        };
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
