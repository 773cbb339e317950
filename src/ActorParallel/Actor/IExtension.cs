namespace ActorParallel.Actor;

/// <summary>Marker for an extension: one instance per actor system, created on first use.</summary>
public interface IExtension;

/// <summary>Identifies an extension and creates it.</summary>
public interface IExtensionId
{
    Type ExtensionType { get; }

    object Apply(ActorSystem system);

    object Get(ActorSystem system);

    object CreateExtension(ExtendedActorSystem system);
}

public interface IExtensionId<out T> : IExtensionId
    where T : IExtension
{
    new T Apply(ActorSystem system);

    new T Get(ActorSystem system);

    new T CreateExtension(ExtendedActorSystem system);
}

/// <summary>Base class for extension ids: implement <see cref="CreateExtension"/>.</summary>
public abstract class ExtensionIdProvider<T> : IExtensionId<T>
    where T : IExtension
{
    public Type ExtensionType => typeof(T);

    public T Apply(ActorSystem system) => (T)system.RegisterExtension(this);

    object IExtensionId.Apply(ActorSystem system) => Apply(system);

    public T Get(ActorSystem system) => (T)system.RegisterExtension(this);

    object IExtensionId.Get(ActorSystem system) => Get(system);

    public abstract T CreateExtension(ExtendedActorSystem system);

    object IExtensionId.CreateExtension(ExtendedActorSystem system) => CreateExtension(system);

    public override bool Equals(object? obj) => obj is ExtensionIdProvider<T>;

    public override int GetHashCode() => typeof(T).GetHashCode();
}
