using ActorParallel.Actor;

namespace ActorParallel.Routing;

/// <summary>
/// Akka's smallest-mailbox selection, in order of preference: a routee that is idle (not processing and
/// nothing queued), then one with an empty queue, then the one with the fewest queued messages; routees
/// whose mailbox cannot be inspected (selections, remote actors) come last, and suspended ones after
/// those. A first pass looks only at cheap flags and returns at once on an idle routee; the second pass
/// counts queued messages.
/// </summary>
public sealed class SmallestMailboxRoutingLogic : RoutingLogic
{
    private const long Unknown = long.MaxValue - 3;
    private const long Suspended = long.MaxValue - 1;

    public override Routee Select(object message, Routee[] routees)
    {
        ArgumentNullException.ThrowIfNull(routees);
        if (routees.Length == 0)
        {
            return Routee.NoRoutee;
        }

        var best = Routee.NoRoutee;
        var bestScore = long.MaxValue;
        for (var pass = 0; pass < 2; pass++)
        {
            var deep = pass == 1;
            foreach (var routee in routees)
            {
                var score = Score(routee, deep);
                if (score == 0)
                {
                    return routee;
                }

                if (score < bestScore)
                {
                    best = routee;
                    bestScore = score;
                }
            }
        }

        return best is ActorRefRoutee { Actor: LocalActorRef { IsTerminated: true } }
            ? routees[Random.Shared.Next(routees.Length)]
            : best;
    }

    /// <summary>0 for an idle routee; larger is busier. Racy reads of other actors' mailboxes are fine: it is an estimate.</summary>
    private static long Score(Routee routee, bool deep)
    {
        if (routee is not ActorRefRoutee { Actor: LocalActorRef local })
        {
            return Unknown;
        }

        var mailbox = local.Cell.Mailbox;
        if (mailbox.IsSuspended)
        {
            return Suspended;
        }

        var processing = mailbox.IsScheduled && local.Cell.CurrentMessage is not null ? 1L : 0L;
        if (!mailbox.HasMessages)
        {
            return processing;
        }

        var queued = deep ? mailbox.NumberOfMessages : 0;
        return processing + (queued > 0 ? queued : Unknown);
    }
}
