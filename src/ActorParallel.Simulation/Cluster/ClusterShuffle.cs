using Akka.Actor;
using ActorParallel.Simulation.Engine;
using ActorParallel.Simulation.Engine.Actors;

namespace ActorParallel.Simulation.Cluster;

/// <summary>
/// Word count's shuffle on a cluster: the reducers live on the worker nodes, reducer i on the i-th node (by address)
/// modulo the node count, and a job's supervisor is told to use them (<see cref="UseReducers"/>) before its clock starts.
/// The workers then send each map output's partition p straight to reducer p % reducers, wherever it lives.
/// </summary>
public static class ClusterShuffle
{
    /// <summary>
    /// Asks the worker nodes of job <paramref name="jobId"/> (which have made its workers) for <paramref name="reducers"/>
    /// reducers, spread round-robin over them, and hands them to <paramref name="supervisor"/>. Returns where they are,
    /// for the report; a node that refuses or does not answer in <paramref name="wait"/> fails the job, named.
    /// </summary>
    public static async Task<string> PlaceReducersAsync(
        ActorSystem system, IActorRef supervisor, IReadOnlyList<string> nodes, string jobId, int reducers, TimeSpan wait, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(system);
        ArgumentNullException.ThrowIfNull(supervisor);
        ArgumentNullException.ThrowIfNull(nodes);
        var ordered = nodes.Select(Address.Parse).OrderBy(a => a.ToString(), StringComparer.Ordinal).ToArray();
        if (ordered.Length == 0 || reducers < 1)
            throw new JobFailedException($"the shuffle needs worker nodes and reducers (nodes: {ordered.Length}, reducers: {reducers})");
        var placed = new IActorRef[reducers];
        var asks = ordered
            .Select((node, k) => (Node: node, Ids: Enumerable.Range(0, reducers).Where(i => i % ordered.Length == k).ToArray()))
            .Where(x => x.Ids.Length > 0)
            .Select(x => AskAsync(system, x.Node, new ProvideReducers(jobId, x.Ids), wait, cancellationToken));
        foreach (var answer in await Task.WhenAll(asks).ConfigureAwait(false))
        {
            for (var i = 0; i < answer.Ids.Length; i++)
                placed[answer.Ids[i]] = answer.Reducers[i];
        }

        await supervisor.Ask<Akka.Done>(new UseReducers(placed), wait, cancellationToken).ConfigureAwait(false);
        return $"{reducers} reducers on {Math.Min(reducers, ordered.Length)} of them";
    }

    private static async Task<ReducersProvided> AskAsync(ActorSystem system, Address node, ProvideReducers request, TimeSpan wait, CancellationToken cancellationToken)
    {
        object answer;
        try
        {
            answer = await system.ActorSelection(NodeRoles.NodeActorPath(node))
                .Ask<object>(request, wait, cancellationToken).ConfigureAwait(false);
        }
        catch (AskTimeoutException)
        {
            throw new JobFailedException($"node {node} did not make the shuffle's reducers within {wait}");
        }

        return answer switch
        {
            ReducersProvided provided when provided.Reducers.Length == request.Reducers.Length => provided,
            WorkersRefused refused => throw new JobFailedException(refused.Reason),
            _ => throw new JobFailedException($"node {node} answered {answer.GetType().Name} when asked for the shuffle's reducers"),
        };
    }
}
