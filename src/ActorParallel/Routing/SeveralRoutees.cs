using ActorParallel.Actor;

namespace ActorParallel.Routing;

/// <summary>Sends one message to each of several routees (what the broadcast logic selects).</summary>
public sealed class SeveralRoutees : Routee
{
    private readonly Routee[] _routees;

    public SeveralRoutees(Routee[] routees)
    {
        ArgumentNullException.ThrowIfNull(routees);
        _routees = routees;
    }

    public IReadOnlyList<Routee> Routees => _routees;

    public override void Send(object message, IActorRef sender)
    {
        foreach (var routee in _routees)
        {
            routee.Send(message, sender);
        }
    }

    public override string ToString() => $"SeveralRoutees({_routees.Length})";
}
