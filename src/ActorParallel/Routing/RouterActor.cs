using ActorParallel.Actor;

namespace ActorParallel.Routing;

/// <summary>
/// The actor behind every router. It handles what cannot be routed on the senders' threads: the
/// management messages, the termination of routees it watches and, for pools, supervision of the
/// routees and resizing. Anything else that reaches its mailbox is routed from here.
/// </summary>
internal sealed class RouterActor(RoutedCell routed) : ActorBase
{
    protected override void PreStart()
    {
        foreach (var routee in routed.Router.RouteeArray)
        {
            Watch(routee);
        }
    }

    /// <summary>Unlike ordinary actors, a restarted router keeps its routees (Akka does the same).</summary>
    protected override void PreRestart(Exception reason, object? message)
    {
    }

    protected override void PostRestart(Exception reason)
    {
        // Watches survive a restart; nothing to redo.
    }

    protected override SupervisorStrategy SupervisorStrategy() =>
        routed.Config is Pool pool ? pool.SupervisorStrategy : base.SupervisorStrategy();

    protected override bool Receive(object message)
    {
        switch (message)
        {
            case GetRoutees:
                Sender.Tell(new Routees(routed.Router.RouteeArray), Self);
                return true;
            case AddRoutee add:
                Watch(add.Routee);
                routed.AddRoutees([add.Routee]);
                return true;
            case RemoveRoutee remove:
                Unwatch(remove.Routee);
                routed.RemoveRoutees([remove.Routee], stopChild: true);
                StopIfAllRouteesRemoved();
                return true;
            case Terminated terminated:
                routed.RemoveRoutees([new ActorRefRoutee(terminated.ActorRef)], stopChild: false);
                StopIfAllRouteesRemoved();
                return true;
            case AdjustPoolSize adjust when routed.Config is Pool:
                AdjustPoolSize(adjust.Change);
                return true;
            case Resize:
                routed.Resize(initial: false);
                return true;
            default:
                routed.Router.Route(message, Sender);
                return true;
        }
    }

    private void AdjustPoolSize(int change)
    {
        if (change > 0)
        {
            var added = routed.NewRoutees(change);
            foreach (var routee in added)
            {
                Watch(routee);
            }

            routed.AddRoutees(added);
        }
        else if (change < 0)
        {
            var routees = routed.Router.RouteeArray;
            var abandoned = routees[Math.Max(0, routees.Length + change)..];
            foreach (var routee in abandoned)
            {
                Unwatch(routee);
            }

            routed.RemoveRoutees(abandoned, stopChild: true);
        }
    }

    private void StopIfAllRouteesRemoved()
    {
        if (routed.Router.RouteeArray.Length == 0 && routed.Config.StopRouterWhenAllRouteesRemoved)
        {
            Context.Stop(Self);
        }
    }

    private static void Watch(Routee routee)
    {
        if (routee is ActorRefRoutee { Actor: { } actor })
        {
            Context.Watch(actor);
        }
    }

    private static void Unwatch(Routee routee)
    {
        if (routee is ActorRefRoutee { Actor: { } actor })
        {
            Context.Unwatch(actor);
        }
    }
}
