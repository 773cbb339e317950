using System.Diagnostics;
using System.Globalization;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Experiments;
using ActorParallel.Simulation.Metrics;

namespace ActorParallel.Cli.Commands;

/// <summary>
/// Progress of <c>run</c> and <c>sweep</c> on standard error, never on standard output (so <c>--json</c> stays clean):
/// which phase runs (serial reference, actors, TPL), the actors' tasks done, and for a sweep "run k of N" with the
/// time left. On a terminal it is one status line redrawn in place (erased before each redraw, so no debris, and
/// cut to the terminal's width, so it never wraps); otherwise plain timestamped lines: one per phase, one every
/// few seconds while the actors run, one per finished sweep run (and one per serial reference, the slow part).
/// </summary>
internal sealed class ProgressDisplay : IProgress<MetricsSnapshot>, IProgress<JobPhaseStarted>, IProgress<JobReport>, IDisposable
{
    private static readonly TimeSpan LineInterval = TimeSpan.FromSeconds(5);

    private readonly TextWriter _error;
    private readonly bool _live;

    // Reports arrive from the metrics actor's thread, the job's thread and the redraw timer; this lock keeps their
    // state and lines from interleaving.
    private readonly Lock _gate = new();
    private readonly Stopwatch _total = Stopwatch.StartNew();
    private readonly Stopwatch _phaseClock = new();
    private readonly Timer? _redraw;
    private string _phase = "starting";
    private MetricsSnapshot? _snapshot;
    private TimeSpan? _lastLine;
    private int _runsDone;
    private int _runsTotal;
    private bool _drawn;
    private bool _disposed;

    internal ProgressDisplay(TextWriter error, bool live)
    {
        _error = error;
        _live = live;

        // The serial and TPL phases report nothing while they compute: the timer keeps their elapsed time moving.
        _redraw = live ? new Timer(_ => Redraw(), null, TimeSpan.FromMilliseconds(250), TimeSpan.FromMilliseconds(250)) : null;
    }

    /// <summary>A live status line when <paramref name="error"/> is the console's standard error on a terminal; timestamped lines otherwise.</summary>
    public static ProgressDisplay For(TextWriter error) =>
        new(error, ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected);

    /// <summary>Announces a sweep of <paramref name="runs"/> jobs, so that each line says "run k of N" and the time left.</summary>
    public void StartSweep(string what, int runs)
    {
        lock (_gate)
        {
            _runsTotal = runs;
            Line($"{what}: {runs} runs");
        }
    }

    public void Report(JobPhaseStarted value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            var r = value.Request;
            _phase = value.Phase switch
            {
                JobPhase.Serial => "serial reference",
                JobPhase.Actors => $"actors (W = {r.Workers}, {r.Mode.ToString().ToLowerInvariant()})",
                _ => $"TPL (W = {r.Workers})",
            };
            _phaseClock.Restart();
            _snapshot = null;
            _lastLine = null;
            if (_live)
                Draw();

            // In a sweep's log, a line per run (below) is enough, except for the slow serial references.
            else if (_runsTotal == 0 || value.Phase == JobPhase.Serial)
                Line($"{RunPrefix()}{_phase}: {r.Workload}, size {r.Parameters.Size}, {r.Parameters.Tasks} tasks");
        }
    }

    public void Report(MetricsSnapshot value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            _snapshot = value;
            if (_live)
            {
                Draw();
            }
            else if (value.TasksTotal > 0 && (_lastLine is not { } last || value.Elapsed - last >= LineInterval))
            {
                _lastLine = value.Elapsed;
                Line($"{RunPrefix()}{_phase}: {Tasks(value)}");
            }
        }
    }

    /// <summary>A sweep's run finished.</summary>
    public void Report(JobReport value)
    {
        ArgumentNullException.ThrowIfNull(value);
        lock (_gate)
        {
            _runsDone++;
            if (!_live)
            {
                Line(string.Create(CultureInfo.InvariantCulture,
                    $"run {_runsDone} of {_runsTotal} done: W = {value.Workers}, size {value.Parameters.Size}, {value.Parameters.Tasks} tasks, {value.Wall.TotalMilliseconds:0.#} ms; {TimeLeft()}"));
            }
            else
            {
                Draw();
            }
        }
    }

    /// <summary>Stops the redraws and erases the status line, so the results that follow start on a clean line.</summary>
    public void Dispose()
    {
        _redraw?.Dispose();
        lock (_gate)
        {
            _disposed = true;
            if (_drawn)
            {
                _error.Write("\r\x1b[2K");
                _error.Flush();
                _drawn = false;
            }
        }
    }

    private void Redraw()
    {
        lock (_gate)
        {
            if (_phaseClock.IsRunning)
                Draw();
        }
    }

    private void Draw()
    {
        if (_disposed)
            return;
        var status = RunPrefix() + _phase + " " + (_snapshot is { TasksTotal: > 0 } s ? Bar(s) + " " + Tasks(s) : Seconds(_phaseClock.Elapsed));
        if (_runsTotal > 0)
            status += "; " + TimeLeft();
        var width = Math.Max(20, TerminalWidth() - 1);
        if (status.Length > width)
            status = status[..width];

        // Erase the whole line before writing: a shorter status never leaves the end of a longer one behind.
        _error.Write("\r\x1b[2K" + status);
        _error.Flush();
        _drawn = true;
    }

    private void Line(string text)
    {
        if (_disposed)
            return;
        if (_drawn)
            _error.Write("\r\x1b[2K");
        _error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"[{DateTime.Now:HH:mm:ss}] {text}"));
        _drawn = false;
        if (_live)
            Draw();
    }

    private string RunPrefix() => _runsTotal > 0 ? $"run {Math.Min(_runsDone + 1, _runsTotal)} of {_runsTotal}: " : "";

    private string TimeLeft()
    {
        var elapsed = _total.Elapsed;
        if (_runsDone == 0)
            return $"{Seconds(elapsed)} elapsed";
        var left = elapsed / _runsDone * (_runsTotal - _runsDone);
        return $"{Seconds(elapsed)} elapsed, about {Seconds(left)} left";
    }

    private static string Bar(MetricsSnapshot s)
    {
        const int Width = 20;
        var filled = (int)Math.Round(s.Progress * Width);
        return "[" + new string('#', filled) + new string('.', Width - filled) + "]";
    }

    private static string Tasks(MetricsSnapshot s) => string.Create(CultureInfo.InvariantCulture,
        $"{s.TasksCompleted}/{s.TasksTotal} tasks ({s.Progress:P0}), {s.TasksPerSecond:0.#}/s, {Seconds(s.Elapsed)}");

    private static string Seconds(TimeSpan t) => t.TotalSeconds < 60
        ? t.TotalSeconds.ToString("0.0 's'", CultureInfo.InvariantCulture)
        : string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalMinutes}m{t.Seconds:00}s");

    private static int TerminalWidth()
    {
        try
        {
            return Console.WindowWidth > 0 ? Console.WindowWidth : 80;
        }
        catch (IOException)
        {
            return 80;
        }
    }
}
