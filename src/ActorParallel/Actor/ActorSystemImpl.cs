using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text;
using ActorParallel.Actor.Setup;
using ActorParallel.Configuration;
using ActorParallel.Dispatch;
using ActorParallel.Event;

namespace ActorParallel.Actor;

/// <summary>The actor system: owns settings, event stream, scheduler, dispatchers and the guardians.</summary>
public sealed class ActorSystemImpl : ExtendedActorSystem
{
    private readonly ConcurrentDictionary<Type, Lazy<object>> _extensions = new();
    private readonly ConcurrentQueue<Action> _terminationCallbacks = new();
    private readonly TaskCompletionSource _terminated = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly long _startTimestamp = Stopwatch.GetTimestamp();
    private readonly StandardOutLogger _stdoutLogger = new();
    private readonly Lazy<Serialization.Serialization> _serialization;
    private int _terminating;
    private bool _terminatedWithoutShutdownRun;

    internal ActorSystemImpl(string name, Config config, ActorSystemSetup setup)
    {
        Name = name;
        _serialization = new Lazy<Serialization.Serialization>(() => new Serialization.Serialization(this));
        Settings = new Settings(this, config, setup);
        EventStream = new EventStream(Settings.DebugEventStream);
        if (LoggingBus.LogLevelFor(Settings.StdoutLogLevel) is { } stdoutLevel)
        {
            EventStream.AddLogger(_stdoutLogger);
            EventStream.SetLogLevel(stdoutLevel);
        }

        Log = Logging.GetLogger(this, $"ActorSystem({name})");
        Scheduler = CreateScheduler();
        Provider = LocalActorRefProvider.Create(name, Settings, EventStream);
        Dispatchers = new Dispatchers(config);
        Mailboxes = new Mailboxes(this);
        DeadLetterQueue = new DeadLetterQueue(Provider.DeadLetters);
        SerializeAllMessages = Settings.SerializeAllMessages;
    }

    public override string Name { get; }

    public override Settings Settings { get; }

    public override ILoggingAdapter Log { get; }

    public override EventStream EventStream { get; }

    public override IScheduler Scheduler { get; }

    public override Dispatchers Dispatchers { get; }

    public override Mailboxes Mailboxes { get; }

    public override IActorRefProvider Provider { get; }

    public override IActorRef DeadLetters => Provider.DeadLetters;

    public override IActorRef IgnoreRef => Provider.IgnoreRef;

    /// <summary>
    /// Created on first use (most local systems never serialize; building it loads System.Text.Json and resolves every
    /// binding's type), or at start when serialize-messages / serialize-creators will need it anyway. Lazy&lt;T&gt;
    /// builds it once even when actors ask concurrently, and rethrows a configuration error to every caller.
    /// </summary>
    public override Serialization.Serialization Serialization => _serialization.Value;

    internal IMessageQueue DeadLetterQueue { get; }

    internal bool SerializeAllMessages { get; }

    public override IInternalActorRef Guardian => Provider.Guardian;

    public override IInternalActorRef SystemGuardian => Provider.SystemGuardian;

    public override TimeSpan StartTime => TimeSpan.FromTicks(_startTimestamp * TimeSpan.TicksPerSecond / Stopwatch.Frequency);

    public override TimeSpan Uptime => Stopwatch.GetElapsedTime(_startTimestamp);

    public override Task WhenTerminated => _terminated.Task;

    /// <summary>True when <paramref name="config"/>'s serializers or serialization-bindings differ from the reference configuration's.</summary>
    private static bool ChangesSerialization(Config config)
    {
        var reference = ConfigurationFactory.Default();
        return !SameSection(config, reference, "actorparallel.actor.serializers")
            || !SameSection(config, reference, "actorparallel.actor.serialization-bindings");

        static bool SameSection(Config a, Config b, string path) =>
            string.Equals(a.GetConfig(path).ToString(true), b.GetConfig(path).ToString(true), StringComparison.Ordinal);
    }

    internal void Start()
    {
        // Built now when it will be needed anyway, or when the configuration changes the serializers or their
        // bindings: as in Akka.NET, a bad serializer type or binding then fails ActorSystem.Create, not the first Tell.
        if (Settings.SerializeAllMessages || Settings.SerializeAllCreators || ChangesSerialization(Settings.Config))
        {
            _ = Serialization;
        }

        Provider.Init(this);
        Provider.TerminationTask.ContinueWith(_ => FinishTermination(), TaskScheduler.Default);
        StartLoggers();
        if (Settings.LogDeadLetters > 0)
        {
            var (count, suspend) = (Settings.LogDeadLetters, Settings.LogDeadLettersSuspendDuration);
            SystemActorOf(SystemActorProducer.PropsFor(() => new DeadLetterListener(count, suspend)), "deadLetterListener");
        }

        if (Settings.LogConfigOnStart)
        {
            Log.Info(Settings.ToString());
        }
    }

    private IScheduler CreateScheduler()
    {
        var typeName = Settings.SchedulerClass;
        if (typeName is "ActorParallel.Actor.DefaultScheduler" or "ActorParallel.Actor.DefaultScheduler, ActorParallel")
        {
            return new DefaultScheduler();
        }

        var type = Type.GetType(typeName) ?? throw new ConfigurationException(
            $"'actorparallel.scheduler.implementation = {typeName}': no such type; use ActorParallel.Actor.DefaultScheduler " +
            "or an assembly-qualified IScheduler with a (Config, ILoggingAdapter) or parameterless constructor.");
        if (!typeof(IScheduler).IsAssignableFrom(type))
        {
            throw new ConfigurationException($"'actorparallel.scheduler.implementation = {typeName}': not an IScheduler.");
        }

        return type.GetConstructor([typeof(Config), typeof(ILoggingAdapter)]) is { } constructor
            ? (IScheduler)constructor.Invoke([Settings.Config, Log])
            : (IScheduler)Activator.CreateInstance(type)!;
    }

    private void StartLoggers()
    {
        var level = LoggingBus.LogLevelFor(Settings.LogLevel);
        var index = 0;
        foreach (var loggerName in Settings.Loggers)
        {
            index++;
            IActorRef logger;
            if (IsDefaultLogger(loggerName))
            {
                logger = SystemActorOf(SystemActorProducer.PropsFor(static () => new DefaultLogger()), $"log{index}-{nameof(DefaultLogger)}");
            }
            else
            {
                var type = LoggerType(loggerName);
                logger = SystemActorOf(Props.Create(type), $"log{index}-{type.Name}");
            }

            logger.Tell(new InitializeLogger(EventStream), IgnoreRef);
            EventStream.AddLogger(logger);
        }

        if (index > 0)
        {
            // The logger actors take over from the synchronous standard-out logger.
            EventStream.RemoveLogger(_stdoutLogger);
        }

        if (level is { } enabled)
        {
            EventStream.SetLogLevel(enabled);
        }
        else
        {
            foreach (var logger in EventStream.Loggers)
            {
                EventStream.RemoveLogger(logger);
            }

            EventStream.SetLogLevel(LogLevel.ErrorLevel + 1);
        }
    }

    /// <summary>The reference configuration's logger, made without a type lookup by name (it is started by every system).</summary>
    private static bool IsDefaultLogger(string typeName) =>
        typeName is "ActorParallel.Event.DefaultLogger, ActorParallel" or "ActorParallel.Event.DefaultLogger";

    private static Type LoggerType(string typeName)
    {
        var type = Type.GetType(typeName) ?? throw new ConfigurationException(
            $"'actorparallel.loggers' lists [{typeName}], which is not a type; use e.g. \"ActorParallel.Event.DefaultLogger, ActorParallel\".");
        return typeof(ActorBase).IsAssignableFrom(type)
            ? type
            : throw new ConfigurationException($"'actorparallel.loggers' lists [{typeName}], which is not an actor type.");
    }

    public override IActorRef ActorOf(Props props, string? name = null) =>
        Provider.Guardian.Cell.AttachChild(props, name, systemService: false);

    public override IActorRef SystemActorOf(Props props, string? name = null) =>
        Provider.SystemGuardian.Cell.AttachChild(props, name, systemService: true);

    public override ActorSelection ActorSelection(string actorPath) => Actor.ActorSelection.FromString(this, Provider.RootGuardian, actorPath);

    public override ActorSelection ActorSelection(ActorPath actorPath) => Actor.ActorSelection.FromPath(this, actorPath);

    public override void Stop(IActorRef actor)
    {
        ArgumentNullException.ThrowIfNull(actor);
        var parentPath = actor.Path.Parent;
        if (parentPath.Equals(Provider.Guardian.Path))
        {
            Provider.Guardian.Cell.Stop(actor);
        }
        else if (parentPath.Equals(Provider.SystemGuardian.Path))
        {
            Provider.SystemGuardian.Cell.Stop(actor);
        }
        else
        {
            (actor as IInternalActorRef)?.Stop();
        }
    }

    public override Task Terminate()
    {
        if (Interlocked.Exchange(ref _terminating, 1) == 0)
        {
            if (!Settings.Config.GetBoolean("actorparallel.coordinated-shutdown.run-by-actor-system-terminate", true))
            {
                FinalTerminate();
            }
            else if (HasExtension(typeof(CoordinatedShutdown)) || !CoordinatedShutdown.CanSkipUnused(Settings.Config))
            {
                _ = CoordinatedShutdown.Get(this).Run(CoordinatedShutdown.ActorSystemTerminateReason.Instance);
            }
            else
            {
                // Nobody has asked for CoordinatedShutdown, so no task is registered in any phase and a run would only
                // reach actor-system-terminate. Skip building it (its config, phase graph and async state machines are a
                // measurable part of a cold start); if it is asked for later it reports this run (see its constructor).
                Volatile.Write(ref _terminatedWithoutShutdownRun, true);
                FinalTerminate();
            }
        }

        return WhenTerminated;
    }

    /// <summary>True when <see cref="Terminate"/> stopped the system without creating CoordinatedShutdown (none was in use).</summary>
    internal bool TerminatedWithoutShutdownRun => Volatile.Read(ref _terminatedWithoutShutdownRun);

    /// <summary>Stops the user guardian; the root guardian then stops /system and itself.</summary>
    internal void FinalTerminate()
    {
        Interlocked.Exchange(ref _terminating, 1);
        if (Provider is LocalActorRefProvider { IsInitialized: false })
        {
            // Start failed before any actor existed (e.g. a bad serializer): only the threads need stopping.
            FinishTermination();
            return;
        }

        Provider.Guardian.Stop();
    }

    internal bool IsTerminating => Volatile.Read(ref _terminating) != 0;

    private void FinishTermination()
    {
        Interlocked.Exchange(ref _terminating, 1);
        while (_terminationCallbacks.TryDequeue(out var callback))
        {
            try
            {
                callback();
            }
            catch (Exception cause)
            {
                StandardOutLogger.PrintLogEvent(new Error(cause, $"ActorSystem({Name})", GetType(), "Termination callback failed"));
            }
        }

        Dispatchers.Shutdown();
        (Scheduler as IDisposable)?.Dispose();
        _terminated.TrySetResult();
    }

    public override void RegisterOnTermination(Action code)
    {
        ArgumentNullException.ThrowIfNull(code);
        if (_terminated.Task.IsCompleted)
        {
            code();
            return;
        }

        _terminationCallbacks.Enqueue(code);
    }

    public override object RegisterExtension(IExtensionId extension)
    {
        ArgumentNullException.ThrowIfNull(extension);
        var lazy = _extensions.GetOrAdd(extension.ExtensionType, _ => new Lazy<object>(() => extension.CreateExtension(this)));
        return lazy.Value;
    }

    public override object? GetExtension(IExtensionId extensionId) =>
        _extensions.TryGetValue(extensionId.ExtensionType, out var lazy) ? lazy.Value : null;

    public override T? GetExtension<T>()
        where T : class => TryGetExtension(typeof(T), out var extension) ? (T?)extension : null;

    public override bool HasExtension(Type type) => _extensions.ContainsKey(type);

    public override bool HasExtension<T>() => HasExtension(typeof(T));

    public override bool TryGetExtension(Type extensionType, out object? extension)
    {
        if (_extensions.TryGetValue(extensionType, out var lazy))
        {
            extension = lazy.Value;
            return true;
        }

        extension = null;
        return false;
    }

    public override bool TryGetExtension<T>(out T? extension)
        where T : class
    {
        var found = TryGetExtension(typeof(T), out var value);
        extension = value as T;
        return found;
    }

    public override string PrintTree()
    {
        var builder = new StringBuilder();
        Print(Provider.RootGuardian, 0);
        return builder.ToString();

        void Print(IInternalActorRef actor, int depth)
        {
            builder.Append(' ', depth * 3).Append(depth == 0 ? "/" : actor.Path.Name).Append(" #").Append(actor.Path.Uid).AppendLine();
            if (actor is LocalActorRef local)
            {
                foreach (var child in local.Cell.ChildrenSnapshot())
                {
                    Print(child, depth + 1);
                }
            }
        }
    }
}
