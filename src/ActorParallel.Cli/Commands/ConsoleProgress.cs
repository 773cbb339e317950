using System.Globalization;
using ActorParallel.Simulation.Metrics;

namespace ActorParallel.Cli.Commands;

/// <summary>
/// A one-line progress bar on standard error, drawn only for runs longer than a second and only when
/// standard error is a terminal (so scripts, pipes and <c>--json</c> never see it).
/// </summary>
internal sealed class ConsoleProgress(TextWriter error, bool enabled) : IProgress<MetricsSnapshot>
{
    private const int Width = 30;

    // Snapshots arrive from the metrics actor's thread; this lock keeps two of them from interleaving a line.
    private readonly Lock _gate = new();
    private bool _drawn;

    public static ConsoleProgress For(TextWriter error, bool json) =>
        new(error, !json && ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);

    public void Report(MetricsSnapshot value)
    {
        if (!enabled || value.Elapsed < TimeSpan.FromSeconds(1) || value.TasksTotal == 0)
        {
            return;
        }

        var filled = (int)Math.Round(value.Progress * Width);
        var line = string.Create(
            CultureInfo.InvariantCulture,
            $"\r[{new string('#', filled)}{new string(' ', Width - filled)}] {value.Progress,4:P0} {value.TasksCompleted}/{value.TasksTotal} tasks, {value.TasksPerSecond:0.#}/s, {value.Elapsed.TotalSeconds:0.0} s ");
        lock (_gate)
        {
            error.Write(line);
            _drawn = true;
        }
    }

    /// <summary>Clears the bar before the results are printed.</summary>
    public void Finish()
    {
        lock (_gate)
        {
            if (_drawn)
            {
                error.Write("\r" + new string(' ', Width + 60) + "\r");
                _drawn = false;
            }
        }
    }
}
