using ActorParallel.Configuration;
using ActorParallel.Simulation.Cluster;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Lab;
using ActorParallel.Simulation.Workloads;

namespace ActorParallel.Cli.Commands;

/// <summary>
/// The one error path of the commands: a user's mistake becomes one line <c>error: ...</c> on standard error and
/// its documented exit code (<see cref="ExitCodes"/>), never a stack trace; under <c>--json</c> standard output
/// also gets <c>{ "schema_version", "error", "exit_code" }</c>. Ctrl+C prints "cancelled" and exits 130.
/// </summary>
internal sealed class CommandGuard(TextWriter output, TextWriter error, bool json)
{
    // Set once by whichever comes first, the Ctrl+C callback or the handler's own catch, so "cancelled" prints once.
    private int _cancelReported;

    /// <summary>Runs <paramref name="action"/> off the caller's thread and maps the lab's errors to exit codes.</summary>
    public async Task<int> RunAsync(Func<Task<int>> action, CancellationToken cancellationToken)
    {
        // On Ctrl+C System.CommandLine cancels the token and, if the handler has not returned 2 s later, exits 130 by
        // itself; saying "cancelled" at the moment of the signal covers both ways out.
        await using var onCancel = cancellationToken.Register(ReportCancelled).ConfigureAwait(false);

        // The first part of a job (the serial reference) computes without awaiting; yielding first hands the caller
        // back a task, so that System.CommandLine can watch the signal while it runs.
        await Task.Yield();
        try
        {
            return await action().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            ReportCancelled();
            return ExitCodes.Cancelled;
        }
        catch (WorkloadParameterException ex)
        {
            return Fail(ExitCodes.BadInput, ex.Message);
        }
        catch (HoconConfigException ex)
        {
            return Fail(ExitCodes.ConfigFile, ex.Message);
        }
        catch (ClusterUnavailableException ex)
        {
            return Fail(ExitCodes.ClusterUnavailable, ex.Message);
        }
        catch (OperationCanceledException ex)
        {
            return Fail(ExitCodes.JobFailed, "the job timed out: " + ex.Message + " (raise --timeout, e.g. --timeout 2m)");
        }
        catch (Exception ex) when (ex is JobFailedException or TimeoutException)
        {
            return Fail(ExitCodes.JobFailed, ex.Message);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // The paths were checked before the work started; this is the disk filling up or a folder removed since.
            return Fail(ExitCodes.BadInput, "could not save the results: " + ex.Message);
        }
        catch (Exception ex)
        {
            // Anything else is a bug of ours, not the user's mistake: one line, the trace in a file.
            return InternalError(output, error, json, ex);
        }
    }

    /// <summary>Prints one <c>error:</c> line (and the error JSON under <c>--json</c>) and returns <paramref name="exitCode"/>.</summary>
    public int Fail(int exitCode, string message)
    {
        Fail(output, error, json, exitCode, message);
        return exitCode;
    }

    /// <inheritdoc cref="Fail(int, string)"/>
    public static int Fail(TextWriter output, TextWriter error, bool json, int exitCode, string message)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(error);
        var line = OneLine(message);
        error.WriteLine("error: " + line);
        if (json)
            output.WriteLine(RunJson.Error(line, exitCode));
        return exitCode;
    }

    /// <summary>
    /// An exception nobody expected (a bug): prints <c>error: internal error: TYPE: MESSAGE (the full trace is in
    /// FILE; please report it)</c>, the error JSON under <c>--json</c>, saves the trace to FILE under the temporary
    /// folder, and returns <see cref="ExitCodes.InternalError"/>.
    /// </summary>
    public static int InternalError(TextWriter output, TextWriter error, bool json, Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var inner = exception is AggregateException { InnerExceptions.Count: 1 } aggregate ? aggregate.InnerExceptions[0] : exception;
        var where = SaveTrace(exception);
        return Fail(output, error, json, ExitCodes.InternalError, $"internal error: {inner.GetType().FullName}: {inner.Message} ({where}; please report it)");
    }

    /// <summary>Writes the trace to a new file under the temporary folder; says where, or why it could not.</summary>
    private static string SaveTrace(Exception exception)
    {
        var path = Path.Combine(
            Path.GetTempPath(),
            $"actorparallel-error-{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Environment.ProcessId}-{Guid.NewGuid().ToString("N")[..8]}.txt");
        try
        {
            File.WriteAllText(path, string.Join(
                Environment.NewLine,
                $"actorparallel internal error, {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss} UTC",
                $"version: {typeof(CommandGuard).Assembly.GetName().Version}",
                $"command line: {string.Join(' ', Environment.GetCommandLineArgs())}",
                $".NET: {Environment.Version}, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}",
                "",
                exception.ToString(),
                ""));
            return "the full trace is in " + path;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return $"the full trace could not be saved to {path}: {e.Message}";
        }
    }

    /// <summary>Prints a warning line on standard error.</summary>
    public void Warn(string message) => error.WriteLine("warning: " + OneLine(message));

    private void ReportCancelled()
    {
        if (Interlocked.Exchange(ref _cancelReported, 1) != 0)
            return;
        error.WriteLine("cancelled");
        if (json)
            output.WriteLine(RunJson.Error("cancelled", ExitCodes.Cancelled));
    }

    /// <summary>Messages that quote a file can hold line breaks; the error stays one line.</summary>
    private static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
