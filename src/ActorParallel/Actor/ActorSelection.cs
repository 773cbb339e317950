namespace ActorParallel.Actor;

/// <summary>
/// A path, possibly with wildcards (<c>*</c>, <c>?</c>) and <c>..</c>, relative to an anchor actor.
/// Messages are delivered to every actor matching at the time of sending; use
/// <see cref="ResolveOne(TimeSpan)"/> or <see cref="Identify"/> to obtain a reference.
/// </summary>
public sealed class ActorSelection : ICanTell
{
    public ActorSelection(IActorRef anchor, SelectionPathElement[] path)
    {
        Anchor = anchor;
        Path = path;
    }

    public ActorSelection(IActorRef anchor, string path)
        : this(anchor, Parse(path))
    {
    }

    public ActorSelection(IActorRef anchor, IEnumerable<string> elements)
        : this(anchor, [.. elements.Where(e => e.Length > 0).Select(ToElement)])
    {
    }

    public IActorRef Anchor { get; }

    public SelectionPathElement[] Path { get; }

    /// <summary>The selection's path below its anchor's root, e.g. "/user/a/*".</summary>
    public string PathString => "/" + string.Join('/', Path.Select(e => e.ToString()));

    public void Tell(object message, IActorRef? sender = null)
    {
        ArgumentNullException.ThrowIfNull(message);
        var wildcard = Path.Any(e => e is SelectChildPattern);
        Deliver(message, sender ?? ActorRefImplicitSenderExtensions.ImplicitSender, Anchor, 0, wildcard);
    }

    void ICanTell.Tell(object message, IActorRef sender) => Tell(message, sender);

    /// <summary>The single actor this selection names; fails with <see cref="ActorNotFoundException"/> if none answers in time.</summary>
    public Task<IActorRef> ResolveOne(TimeSpan timeout) => ResolveOne(timeout, CancellationToken.None);

    public async Task<IActorRef> ResolveOne(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            var identity = await this.Ask<ActorIdentity>(new Identify(null), timeout, ct).ConfigureAwait(false);
            return identity.Subject ?? throw new ActorNotFoundException($"No actor found for selection {this}.");
        }
        catch (AskTimeoutException e)
        {
            throw new ActorNotFoundException($"No actor answered for selection {this} within {timeout}.", e);
        }
    }

    /// <summary>Walks the path from <paramref name="current"/>; fans out on wildcards.</summary>
    private void Deliver(object message, IActorRef sender, IActorRef current, int index, bool wildcard)
    {
        if (index == Path.Length)
        {
            current.Tell(message, sender);
            return;
        }

        switch (Path[index])
        {
            case SelectParent:
                var parent = (current as IInternalActorRef)?.Parent;
                if (parent is null or Nobody)
                {
                    NotFound(message, sender, wildcard);
                    return;
                }

                Deliver(message, sender, parent, index + 1, wildcard);
                return;
            case SelectChildName name:
                if ((current as LocalActorRef)?.Cell.GetSingleChild(name.Name) is { } child)
                {
                    Deliver(message, sender, child, index + 1, wildcard);
                }
                else if (current is IInternalActorRef { IsLocal: true } || current is not IInternalActorRef)
                {
                    NotFound(message, sender, wildcard);
                }
                else
                {
                    // A remote anchor: hand the rest of the path to it.
                    current.Tell(new ActorSelectionMessage(message, Path[index..], wildcard), sender);
                }

                return;
            case SelectChildPattern pattern:
                if (current is LocalActorRef local)
                {
                    foreach (var candidate in local.Cell.ChildrenSnapshot())
                    {
                        if (pattern.IsMatch(candidate.Path.Name))
                        {
                            Deliver(message, sender, candidate, index + 1, wildcard);
                        }
                    }
                }

                return;
        }
    }

    private void NotFound(object message, IActorRef sender, bool wildcard)
    {
        // Like Akka: an exact path that matches nothing answers Identify with an empty identity;
        // a wildcard that matches nothing stays silent. Other messages become dead letters.
        var provider = (Anchor as IInternalActorRef)?.Provider;
        if (message is Identify identify)
        {
            if (!wildcard)
            {
                sender?.Tell(new ActorIdentity(identify.MessageId, null), provider?.DeadLetters ?? ActorRefs.NoSender);
            }

            return;
        }

        provider?.DeadLetters.Tell(new Event.DeadLetter(message, sender ?? provider.DeadLetters, Anchor), sender!);
    }

    /// <summary>Delivers a selection message that arrived at <paramref name="cell"/>.</summary>
    internal static void Deliver(ActorCell cell, ActorSelectionMessage selection, IActorRef sender) =>
        new ActorSelection(cell.Self, [.. selection.Elements]).Tell(selection.Message, sender);

    internal static ActorSelection FromString(ActorSystemImpl system, IActorRef relativeTo, string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var root = system.Provider.RootGuardian;
        if (ActorPath.TryParse(path, out var actorPath))
        {
            return FromPath(system, actorPath);
        }

        if (path.StartsWith('/'))
        {
            return new ActorSelection(root, path);
        }

        return new ActorSelection(relativeTo, path);
    }

    internal static ActorSelection FromPath(ActorSystemImpl system, ActorPath path)
    {
        if (!path.Address.Equals(system.Provider.DefaultAddress) && system.Provider is LocalActorRefProvider)
        {
            return new ActorSelection(system.DeadLetters, path.Elements);
        }

        var root = path.Address.Equals(system.Provider.DefaultAddress)
            ? system.Provider.RootGuardian
            : system.Provider.ResolveActorRef(new RootActorPath(path.Address));
        return new ActorSelection(root, path.Elements);
    }

    internal static ActorSelection Create(IActorRef anchor, string path) => new(anchor, path);

    private static SelectionPathElement[] Parse(string path) =>
        [.. path.Split('/', StringSplitOptions.RemoveEmptyEntries).Select(ToElement)];

    private static SelectionPathElement ToElement(string element) => element switch
    {
        ".." => SelectParent.Instance,
        _ when element.Contains('*', StringComparison.Ordinal) || element.Contains('?', StringComparison.Ordinal) => new SelectChildPattern(element),
        _ => new SelectChildName(element),
    };

    public override string ToString() => $"ActorSelection[Anchor({Anchor.Path}), Path({PathString})]";
}
