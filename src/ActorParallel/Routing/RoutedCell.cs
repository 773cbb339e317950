using ActorParallel.Actor;

namespace ActorParallel.Routing;

/// <summary>
/// The routing state of one router actor, shared between the senders' threads and the router actor
/// (Akka's RoutedActorCell). Senders route through <see cref="TryRoute"/> without touching the router's
/// mailbox; only management messages (GetRoutees, AddRoutee, PoisonPill, Terminated, ...) are enqueued
/// for the router actor, which alone changes the routees, by swapping the immutable <see cref="Router"/>.
/// </summary>
internal sealed class RoutedCell
{
    /// <summary>The current router; replaced whole by the router actor, read by any sender.</summary>
    private volatile Router _router;

    /// <summary>Routed messages so far (the resizer's clock); incremented by senders.</summary>
    private long _resizeCounter;

    /// <summary>1 while a Resize request is queued or running; set by CAS so only one is outstanding.</summary>
    private int _resizeInProgress;

    private RoutedCell(ActorSystemImpl system, RouterConfig config, LocalActorRef self, Props routeeProps)
    {
        System = system;
        Config = config;
        Self = self;
        RouteeProps = routeeProps;
        _router = config.CreateRouter(system);
        Resizer = (config as Pool)?.Resizer;
    }

    public ActorSystemImpl System { get; }

    public RouterConfig Config { get; }

    /// <summary>The router actor's reference (the one users hold).</summary>
    public LocalActorRef Self { get; }

    /// <summary>Props of pool routees: the router's props without the router.</summary>
    public Props RouteeProps { get; }

    public Resizer? Resizer { get; }

    public Router Router => _router;

    /// <summary>
    /// Creates the router actor and, before anyone can send to it, its initial routees, so that the
    /// first message is already routed (as Akka's RoutedActorCell does while starting).
    /// </summary>
    public static LocalActorRef Create(ActorSystemImpl system, RouterConfig config, Props props, IInternalActorRef supervisor, ActorPath path)
    {
        var producer = new RouterActorProducer();
        var routerProps = Props.CreateBy(producer).WithDispatcher(config.RouterDispatcher);
        var self = LocalActorRefProvider.CreateLocalActor(system, routerProps, supervisor, path);
        var routed = new RoutedCell(system, config, self, props.WithRouter(NoRouter.Instance));
        producer.Routed = routed;
        switch (config)
        {
            case Pool pool:
                routed.AddRoutees(routed.NewRoutees(pool.GetNrOfInstances(system)));
                if (routed.Resizer is { } resizer && resizer.IsTimeForResize(Interlocked.Increment(ref routed._resizeCounter) - 1))
                {
                    routed.Resize(initial: true);
                }

                break;
            case Group group:
                routed.AddRoutees([.. group.GetPaths(system).Select(p => (Routee)new ActorSelectionRoutee(system.ActorSelection(p)))]);
                break;
        }

        self.RouteOnTell = routed.TryRoute;
        return self;
    }

    /// <summary>
    /// The sender-side fast path. Returns false for management messages and once the router has stopped,
    /// so that those take the ordinary mailbox path (and reach dead letters after a stop).
    /// </summary>
    public bool TryRoute(object message, IActorRef sender)
    {
        if (Config.IsManagementMessage(message) || Self.IsTerminated)
        {
            return false;
        }

        if (Resizer is { } resizer
            && resizer.IsTimeForResize(Interlocked.Increment(ref _resizeCounter) - 1)
            && Interlocked.CompareExchange(ref _resizeInProgress, 1, 0) == 0)
        {
            Self.Tell(Routing.Resize.Instance, Self);
        }

        _router.Route(message, sender);
        return true;
    }

    /// <summary>Creates <paramref name="count"/> pool routees as children of the router.</summary>
    public Routee[] NewRoutees(int count)
    {
        var pool = (Pool)Config;
        var routees = new Routee[count];
        for (var i = 0; i < count; i++)
        {
            routees[i] = pool.NewRoutee(RouteeProps, Self.Cell);
        }

        return routees;
    }

    /// <summary>Adds routees; only the router actor (or <see cref="Create"/>, before start) calls this.</summary>
    public void AddRoutees(Routee[] routees)
    {
        if (routees.Length > 0)
        {
            _router = _router.WithRoutees([.. _router.RouteeArray, .. routees]);
        }
    }

    /// <summary>Removes routees; a pool's own children are then stopped (after the messages already routed to them).</summary>
    public void RemoveRoutees(IEnumerable<Routee> routees, bool stopChild)
    {
        var current = _router;
        foreach (var routee in routees)
        {
            current = current.RemoveRoutee(routee);
            if (stopChild && routee is ActorRefRoutee { Actor: { } actor } && IsChild(actor))
            {
                actor.Tell(PoisonPill.Instance, ActorRefs.NoSender);
            }
        }

        _router = current;
    }

    public bool IsChild(IActorRef actor) => Self.Cell.GetSingleChild(actor.Path.Name) is { } child && child.Equals(actor);

    /// <summary>Runs the resizer; on the router actor, or during <see cref="Create"/> for the initial resize.</summary>
    public void Resize(bool initial)
    {
        if (Resizer is not { } resizer)
        {
            return;
        }

        try
        {
            if (!initial && Volatile.Read(ref _resizeInProgress) == 0)
            {
                return;
            }

            var change = resizer.Resize(_router.RouteeArray);
            if (change > 0)
            {
                AddRoutees(NewRoutees(change));
            }
            else if (change < 0)
            {
                var routees = _router.RouteeArray;
                RemoveRoutees(routees[Math.Max(0, routees.Length + change)..], stopChild: true);
            }
        }
        finally
        {
            Volatile.Write(ref _resizeInProgress, 0);
        }
    }

    /// <summary>Creates the router actor for each incarnation; the state lives here, not in the actor.</summary>
    private sealed class RouterActorProducer : IIndirectActorProducer
    {
        public RoutedCell? Routed { get; set; }

        public Type ActorType => typeof(RouterActor);

        public ActorBase Produce() => new RouterActor(Routed ?? throw new InvalidOperationException("Router state not set."));

        public void Release(ActorBase actor)
        {
        }
    }
}
