namespace ActorParallel.Actor.Setup;

/// <summary>Programmatic settings given to <see cref="ActorSystem.Create(string, ActorSystemSetup)"/>, one object per concern.</summary>
public abstract class Setup
{
    /// <summary>Combines this setup with another into an <see cref="ActorSystemSetup"/>.</summary>
    public ActorSystemSetup And(Setup other) => ActorSystemSetup.Create(this, other);
}
