namespace ActorParallel.Actor;

/// <summary>
/// The usual way to write an actor: register typed handlers in the constructor with
/// <c>Receive&lt;T&gt;</c>; they are tried in registration order. <c>Become(Action)</c> swaps the set.
/// </summary>
public abstract class ReceiveActor : UntypedActor
{
    /// <summary>Handlers being registered: by the constructor, or by a Become configure callback.</summary>
    private List<ReceiveHandler>? _registering;

    /// <summary>The handler set of the current behaviour.</summary>
    private ReceiveHandler[] _handlers = [];

    private bool _sealed;

    protected ReceiveActor()
    {
        _registering = [];
    }

    protected sealed override void OnReceive(object message)
    {
        SealIfNeeded();
        if (!ExecuteHandlers(_handlers, message))
        {
            Unhandled(message);
        }
    }

    private void SealIfNeeded()
    {
        // The constructor has finished by the time the first message arrives: freeze what it registered.
        if (!_sealed)
        {
            _handlers = [.. _registering ?? []];
            _registering = null;
            _sealed = true;
        }
    }

    private bool ExecuteHandlers(ReceiveHandler[] handlers, object message)
    {
        foreach (var handler in handlers)
        {
            if (handler.TryHandle(this, message))
            {
                return true;
            }
        }

        return false;
    }

    private List<ReceiveHandler> Registering => _registering ?? throw new InvalidOperationException(
        "Receive handlers can only be registered in the constructor or inside Become/BecomeStacked.");

    protected void Become(Action configure) => Cell.Become(Build(configure));

    protected void BecomeStacked(Action configure) => Cell.BecomeStacked(Build(configure));

    private Receive Build(Action configure)
    {
        SealIfNeeded();
        var previous = _registering;
        _registering = [];
        try
        {
            configure();
            var handlers = _registering.ToArray();
            return message =>
            {
                if (ExecuteHandlers(handlers, message))
                {
                    return true;
                }

                Unhandled(message);
                return true;
            };
        }
        finally
        {
            _registering = previous;
        }
    }

    protected void Receive<T>(Action<T> handler, Predicate<T>? shouldHandle = null) =>
        Registering.Add(new SyncHandler<T>(handler, shouldHandle));

    protected void Receive<T>(Predicate<T> shouldHandle, Action<T> handler) =>
        Registering.Add(new SyncHandler<T>(handler, shouldHandle));

    /// <summary>The handler returns false to let later handlers (or Unhandled) see the message.</summary>
    protected void Receive<T>(Func<T, bool> handler) => Registering.Add(new FuncHandler<T>(handler));

    protected void Receive(Type messageType, Action<object> handler, Predicate<object>? shouldHandle = null) =>
        Registering.Add(new TypeHandler(messageType, handler, shouldHandle));

    protected void Receive(Type messageType, Predicate<object> shouldHandle, Action<object> handler) =>
        Registering.Add(new TypeHandler(messageType, handler, shouldHandle));

    protected void Receive(Type messageType, Func<object, bool> handler) =>
        Registering.Add(new TypeFuncHandler(messageType, handler));

    protected void ReceiveAny(Action<object> handler) => Registering.Add(new SyncHandler<object>(handler, null));

    protected void ReceiveAsync<T>(Func<T, Task> handler, Predicate<T>? shouldHandle = null) =>
        Registering.Add(new AsyncHandler<T>(handler, shouldHandle));

    protected void ReceiveAsync<T>(Predicate<T> shouldHandle, Func<T, Task> handler) =>
        Registering.Add(new AsyncHandler<T>(handler, shouldHandle));

    protected void ReceiveAsync(Type messageType, Func<object, Task> handler, Predicate<object>? shouldHandle = null) =>
        Registering.Add(new AsyncTypeHandler(messageType, handler, shouldHandle));

    protected void ReceiveAnyAsync(Func<object, Task> handler) => Registering.Add(new AsyncHandler<object>(handler, null));

    private abstract class ReceiveHandler
    {
        public abstract bool TryHandle(ReceiveActor actor, object message);
    }

    private sealed class SyncHandler<T>(Action<T> handler, Predicate<T>? shouldHandle) : ReceiveHandler
    {
        public override bool TryHandle(ReceiveActor actor, object message)
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                handler(typed);
                return true;
            }

            return false;
        }
    }

    private sealed class FuncHandler<T>(Func<T, bool> handler) : ReceiveHandler
    {
        public override bool TryHandle(ReceiveActor actor, object message) => message is T typed && handler(typed);
    }

    private sealed class TypeHandler(Type type, Action<object> handler, Predicate<object>? shouldHandle) : ReceiveHandler
    {
        public override bool TryHandle(ReceiveActor actor, object message)
        {
            if (type.IsInstanceOfType(message) && (shouldHandle is null || shouldHandle(message)))
            {
                handler(message);
                return true;
            }

            return false;
        }
    }

    private sealed class TypeFuncHandler(Type type, Func<object, bool> handler) : ReceiveHandler
    {
        public override bool TryHandle(ReceiveActor actor, object message) => type.IsInstanceOfType(message) && handler(message);
    }

    private sealed class AsyncHandler<T>(Func<T, Task> handler, Predicate<T>? shouldHandle) : ReceiveHandler
    {
        public override bool TryHandle(ReceiveActor actor, object message)
        {
            if (message is T typed && (shouldHandle is null || shouldHandle(typed)))
            {
                actor.Cell.RunTask(() => handler(typed));
                return true;
            }

            return false;
        }
    }

    private sealed class AsyncTypeHandler(Type type, Func<object, Task> handler, Predicate<object>? shouldHandle) : ReceiveHandler
    {
        public override bool TryHandle(ReceiveActor actor, object message)
        {
            if (type.IsInstanceOfType(message) && (shouldHandle is null || shouldHandle(message)))
            {
                actor.Cell.RunTask(() => handler(message));
                return true;
            }

            return false;
        }
    }
}
