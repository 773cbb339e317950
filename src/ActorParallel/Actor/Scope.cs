namespace ActorParallel.Actor;

/// <summary>Where an actor is deployed; <see cref="LocalScope"/> here, remote scopes in ActorParallel.Remote.</summary>
public abstract class Scope
{
    /// <summary>No scope was given; the fallback decides.</summary>
    public static readonly Scope NoScopeGiven = new NoScope();

    public abstract Scope WithFallback(Scope other);

    private sealed class NoScope : Scope
    {
        public override Scope WithFallback(Scope other) => other;

        public override string ToString() => "NoScopeGiven";
    }
}

/// <summary>Deploy in this actor system.</summary>
public sealed class LocalScope : Scope
{
    public static LocalScope Instance { get; } = new();

    private LocalScope()
    {
    }

    public override Scope WithFallback(Scope other) => this;

    public override string ToString() => "LocalScope";
}
