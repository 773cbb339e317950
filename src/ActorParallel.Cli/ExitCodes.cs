namespace ActorParallel.Cli;

/// <summary>Every exit code of the <c>actorparallel</c> command line (README lists them under "Exit codes").</summary>
internal static class ExitCodes
{
    /// <summary>Done (and, for <c>run</c>, the answer matched the serial reference).</summary>
    public const int Ok = 0;

    /// <summary>A configuration file is wrong; the message says file:line:column and how to fix it.</summary>
    public const int ConfigFile = 1;

    /// <summary>A bad argument, option value, number, duration or output path; caught before any work starts.</summary>
    public const int BadInput = 2;

    /// <summary><c>run</c>: the answer differs from the serial reference.</summary>
    public const int WrongAnswer = 3;

    /// <summary>The job failed (a task kept failing) or timed out.</summary>
    public const int JobFailed = 4;

    /// <summary>The cluster is not reachable or has too few worker nodes; for <c>node</c>, this node was downed.</summary>
    public const int ClusterUnavailable = 5;

    /// <summary><c>soak</c>: every answer was right, but a process's managed heap grew past --max-growth over the measured jobs, a node did not answer, or the driver or a node saw unexpected dead letters.</summary>
    public const int SoakUnhealthy = 6;

    /// <summary>
    /// A bug, not a user's mistake: an exception nobody expected. One line <c>error: internal error: ...</c> names it
    /// and the file under the temporary folder that holds its full trace (EX_SOFTWARE of BSD's sysexits.h).
    /// </summary>
    public const int InternalError = 70;

    /// <summary>Ctrl+C (SIGINT): the command printed "cancelled" and stopped (the shell's convention, 128 + 2).</summary>
    public const int Cancelled = 130;
}
