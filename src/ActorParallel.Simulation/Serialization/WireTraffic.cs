using Akka.Actor;
using ActorParallel.Simulation.Engine;

namespace ActorParallel.Simulation.Serialization;

/// <summary>
/// The bytes of the lab's farm messages as our serializer actually wrote and read them, by worker: batches written
/// (out to a worker's node) and results read (in from it). One per actor system (an Akka extension); on a driver the
/// cluster supervisor resets it when its job's clock starts and reads it when the job ends. Only messages that cross
/// the network are serialized, so a local job counts nothing. Akka's own envelope around each payload is not counted.
/// </summary>
public sealed class WireTraffic : IExtension
{
    private readonly Lock _gate = new();
    private readonly Dictionary<int, (long Out, long In)> _byWorker = [];

    public static WireTraffic Get(ActorSystem system) => system.WithExtension<WireTraffic, WireTrafficProvider>();

    /// <summary>Counts a message the serializer wrote or read, if it is a farm message that names its worker.</summary>
    public void Count(object message, long bytes, bool written)
    {
        var worker = message switch
        {
            TaskBatch b when written => b.WorkerId,
            BatchDone d when !written => d.WorkerId,
            BatchFailed f when !written => f.WorkerId,
            _ => -1,
        };
        if (worker < 0)
            return;
        lock (_gate)
        {
            var (o, i) = _byWorker.GetValueOrDefault(worker);
            _byWorker[worker] = written ? (o + bytes, i) : (o, i + bytes);
        }
    }

    /// <summary>Bytes out to and in from each worker since the last reset.</summary>
    public IReadOnlyDictionary<int, (long Out, long In)> Snapshot()
    {
        lock (_gate)
            return new Dictionary<int, (long Out, long In)>(_byWorker);
    }

    public void Reset()
    {
        lock (_gate)
            _byWorker.Clear();
    }
}

/// <summary>Creates the <see cref="WireTraffic"/> extension of a system.</summary>
public sealed class WireTrafficProvider : ExtensionIdProvider<WireTraffic>
{
    public override WireTraffic CreateExtension(ExtendedActorSystem system) => new();
}
