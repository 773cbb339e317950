using ActorParallel.Actor.Setup;
using ActorParallel.Configuration;
using ActorParallel.Dispatch;
using ActorParallel.Event;

namespace ActorParallel.Actor;

/// <summary>
/// A hierarchy of actors sharing configuration, dispatchers, scheduler and event stream. Create one
/// per application (or per test) with <see cref="Create(string)"/>; dispose or <see cref="Terminate"/> it.
/// </summary>
public abstract class ActorSystem : IActorRefFactory, IDisposable
{
    public static ActorSystem Create(string name) => Create(name, BootstrapSetup.Create());

    public static ActorSystem Create(string name, Config config) => Create(name, BootstrapSetup.Create().WithConfig(config));

    public static ActorSystem Create(string name, BootstrapSetup setup) => Create(name, ActorSystemSetup.Create(setup));

    public static ActorSystem Create(string name, ActorSystemSetup setup)
    {
        ArgumentNullException.ThrowIfNull(setup);
        if (!IsValidName(name))
        {
            throw new ArgumentException(
                $"Invalid ActorSystem name [{name}]: it must contain only ASCII letters, digits, '-' and '_', and start with a letter or digit.",
                nameof(name));
        }

        var bootstrap = setup.Get<BootstrapSetup>();
        var config = (bootstrap?.Config ?? ConfigurationFactory.Empty).WithFallback(ConfigurationFactory.Default());
        if (bootstrap?.ActorRefProvider is { } provider)
        {
            config = ConfigurationFactory.ParseString($"actorparallel.actor.provider = \"{provider.Fqn}\"").WithFallback(config);
        }

        var system = new ActorSystemImpl(name, config, setup);
        try
        {
            system.Start();
        }
        catch
        {
            // A half-started system (e.g. a logger that cannot be created) must not leak its actors and threads.
            system.FinalTerminate();
            throw;
        }

        return system;
    }

    /// <summary>ASCII letters, digits, '-' and '_', starting with a letter or digit (a plain loop: this runs at every start).</summary>
    private static bool IsValidName(string name)
    {
        if (string.IsNullOrEmpty(name) || !char.IsAsciiLetterOrDigit(name[0]))
        {
            return false;
        }

        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c) && c is not '-' and not '_')
            {
                return false;
            }
        }

        return true;
    }

    public abstract string Name { get; }

    public abstract Settings Settings { get; }

    public abstract ILoggingAdapter Log { get; }

    public abstract IActorRef DeadLetters { get; }

    public abstract IActorRef IgnoreRef { get; }

    public abstract EventStream EventStream { get; }

    public abstract IScheduler Scheduler { get; }

    public abstract Dispatchers Dispatchers { get; }

    public abstract Mailboxes Mailboxes { get; }

    public abstract Serialization.Serialization Serialization { get; }

    /// <summary>When the system started, as a monotonic time since an arbitrary origin.</summary>
    public abstract TimeSpan StartTime { get; }

    public abstract TimeSpan Uptime { get; }

    public abstract Task WhenTerminated { get; }

    public abstract IActorRef ActorOf(Props props, string? name = null);

    public abstract ActorSelection ActorSelection(string actorPath);

    public abstract ActorSelection ActorSelection(ActorPath actorPath);

    /// <summary>Stops a top-level actor (or any actor).</summary>
    public abstract void Stop(IActorRef actor);

    /// <summary>Stops all actors (running coordinated shutdown if configured); the task completes when all have stopped.</summary>
    public abstract Task Terminate();

    /// <summary>Runs <paramref name="code"/> after the system has terminated.</summary>
    public abstract void RegisterOnTermination(Action code);

    public abstract object RegisterExtension(IExtensionId extension);

    public abstract object? GetExtension(IExtensionId extensionId);

    public abstract T? GetExtension<T>()
        where T : class, IExtension;

    public abstract bool HasExtension(Type type);

    public abstract bool HasExtension<T>()
        where T : class, IExtension;

    public abstract bool TryGetExtension(Type extensionType, out object? extension);

    public abstract bool TryGetExtension<T>(out T? extension)
        where T : class, IExtension;

    /// <summary>The registered extension of type <typeparamref name="T"/>; it must already be registered.</summary>
    public T WithExtension<T>()
        where T : class, IExtension =>
        GetExtension<T>() ?? throw new InvalidOperationException($"Extension {typeof(T)} is not registered; use WithExtension<T, TProvider>().");

    /// <summary>The extension of type <typeparamref name="T"/>, registering it with <typeparamref name="TI"/> if needed.</summary>
    public T WithExtension<T, TI>()
        where T : class, IExtension
        where TI : IExtensionId, new() =>
        (T)RegisterExtension(new TI());

    /// <summary>The extension of type <typeparamref name="T"/>, registering it with the given id if needed.</summary>
    public T WithExtension<T>(Type extensionId)
        where T : class, IExtension =>
        (T)RegisterExtension((IExtensionId)Activator.CreateInstance(extensionId)!);

    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    protected virtual void Dispose(bool disposing)
    {
        if (disposing && !Terminate().Wait(TimeSpan.FromSeconds(10)))
        {
            Log.Warning("ActorSystem [{0}] did not terminate within 10 seconds of Dispose.", Name);
        }
    }

    public override string ToString() => Name;
}
