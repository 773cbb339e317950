using System.Diagnostics.CodeAnalysis;
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
    /// <summary>The current router; replaced whole (through <see cref="SetRouter"/>) by the router actor, read by any sender.</summary>
    private volatile Router _router;

    /// <summary>
    /// The direct route for the common case, a plain <see cref="Router"/> with round-robin logic over local
    /// routees; null otherwise. Rebuilt with every new router; a sender uses it only if it belongs to the
    /// router it read, so a stale one is never used.
    /// </summary>
    private volatile RoundRobinRoute? _roundRobin;

    /// <summary>True when the config uses the default <see cref="RouterConfig.IsManagementMessage"/>, which depends only on the type.</summary>
    private readonly bool _managementByType;

    /// <summary>
    /// The type of the last message found to be neither management nor a <see cref="RouterEnvelope"/> (with the
    /// default check): a repeated type skips the casts. Written by any sender; a reference, so never torn.
    /// </summary>
    private Type? _plainType;

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
        SetRouter(config.CreateRouter(system));
        Resizer = (config as Pool)?.Resizer;
        _managementByType = config.GetType().GetMethod(nameof(RouterConfig.IsManagementMessage), [typeof(object)])?.DeclaringType == typeof(RouterConfig);
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

        self.Routed = routed;
        return self;
    }

    /// <summary>
    /// The sender-side fast path. Returns false for management messages and once the router has stopped,
    /// so that those take the ordinary mailbox path (and reach dead letters after a stop).
    /// </summary>
    public bool TryRoute(object message, IActorRef sender)
    {
        var type = message.GetType();
        var plain = ReferenceEquals(type, _plainType);
        if (!plain)
        {
            if (Config.IsManagementMessage(message))
            {
                return false;
            }

            if (_managementByType && message is not RouterEnvelope)
            {
                _plainType = type;
                plain = true;
            }
        }

        if (Self.IsTerminated)
        {
            return false;
        }

        if (Resizer is { } resizer
            && resizer.IsTimeForResize(Interlocked.Increment(ref _resizeCounter) - 1)
            && Interlocked.CompareExchange(ref _resizeInProgress, 1, 0) == 0)
        {
            Self.Tell(Routing.Resize.Instance, Self);
        }

        var router = _router;
        if (plain && _roundRobin is { } direct && ReferenceEquals(direct.Router, router))
        {
            direct.Send(message, sender);
        }
        else
        {
            router.Route(message, sender);
        }

        return true;
    }

    /// <summary>Publishes a new router and the direct route that goes with it.</summary>
    [MemberNotNull(nameof(_router))]
    private void SetRouter(Router router)
    {
        _roundRobin = RoundRobinRoute.For(router);
        _router = router;
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
            SetRouter(_router.WithRoutees([.. _router.RouteeArray, .. routees]));
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

        SetRouter(current);
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

    /// <summary>
    /// What <see cref="Router.Route"/> does for a plain message when a plain router's logic is round-robin
    /// and every routee is a local actor, without the chain of virtual and interface calls: same counter,
    /// same routee, same Tell.
    /// </summary>
    private sealed class RoundRobinRoute(Router router, RoundRobinRoutingLogic logic, LocalActorRef[] routees)
    {
        public Router Router => router;

        public void Send(object message, IActorRef sender) => routees[logic.NextIndex(routees.Length)].Tell(message, sender);

        public static RoundRobinRoute? For(Router router)
        {
            if (router.GetType() != typeof(Router) || router.RoutingLogic is not RoundRobinRoutingLogic logic || router.RouteeArray.Length == 0)
            {
                return null;
            }

            var routees = new LocalActorRef[router.RouteeArray.Length];
            for (var i = 0; i < routees.Length; i++)
            {
                if (router.RouteeArray[i] is not ActorRefRoutee { Actor: LocalActorRef local })
                {
                    return null;
                }

                routees[i] = local;
            }

            return new RoundRobinRoute(router, logic, routees);
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
