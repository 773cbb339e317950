namespace ActorParallel.Actor;

/// <summary>Base of the runtime's exceptions.</summary>
public class AkkaException : Exception
{
    public AkkaException()
    {
    }

    public AkkaException(string message)
        : base(message)
    {
    }

    public AkkaException(string message, Exception? cause)
        : base(message, cause)
    {
    }
}

/// <summary>The actor could not be created (constructor or PreStart threw). Default supervision stops it.</summary>
public class ActorInitializationException : AkkaException
{
    public ActorInitializationException()
    {
    }

    public ActorInitializationException(string message)
        : base(message)
    {
    }

    public ActorInitializationException(string message, Exception? cause)
        : base(message, cause)
    {
    }

    public ActorInitializationException(IActorRef? actor, string message, Exception? cause = null)
        : base(message, cause)
    {
        Actor = actor;
    }

    public IActorRef? Actor { get; }
}

/// <summary>Thrown by an actor that received <see cref="Kill"/>. Default supervision stops it.</summary>
public class ActorKilledException : AkkaException
{
    public ActorKilledException()
        : base("Kill")
    {
    }

    public ActorKilledException(string message)
        : base(message)
    {
    }

    public ActorKilledException(string message, Exception? cause)
        : base(message, cause)
    {
    }
}

/// <summary>An actor did not handle the <see cref="Terminated"/> of an actor it watched.</summary>
public class DeathPactException : AkkaException
{
    public DeathPactException()
    {
    }

    public DeathPactException(string message)
        : base(message)
    {
    }

    public DeathPactException(string message, Exception? cause)
        : base(message, cause)
    {
    }

    public DeathPactException(IActorRef deadActor)
        : base($"Monitored actor [{deadActor}] terminated")
    {
        DeadActor = deadActor;
    }

    public IActorRef? DeadActor { get; }
}

/// <summary>A name is invalid or already taken by a sibling.</summary>
public class InvalidActorNameException : AkkaException
{
    public InvalidActorNameException()
    {
    }

    public InvalidActorNameException(string message)
        : base(message)
    {
    }

    public InvalidActorNameException(string message, Exception? cause)
        : base(message, cause)
    {
    }
}

/// <summary>An Ask got no reply in time.</summary>
public class AskTimeoutException : AkkaException
{
    public AskTimeoutException()
    {
    }

    public AskTimeoutException(string message)
        : base(message)
    {
    }

    public AskTimeoutException(string message, Exception? cause)
        : base(message, cause)
    {
    }
}

/// <summary>An <see cref="ActorSelection"/> resolved to no actor.</summary>
public class ActorNotFoundException : AkkaException
{
    public ActorNotFoundException()
    {
    }

    public ActorNotFoundException(string message)
        : base(message)
    {
    }

    public ActorNotFoundException(string message, Exception? cause)
        : base(message, cause)
    {
    }
}

/// <summary>A message was rejected (for example null).</summary>
public class InvalidMessageException : AkkaException
{
    public InvalidMessageException()
    {
    }

    public InvalidMessageException(string message)
        : base(message)
    {
    }

    public InvalidMessageException(string message, Exception? cause)
        : base(message, cause)
    {
    }
}

/// <summary>PreRestart threw while the actor was being restarted.</summary>
public class PreRestartException : ActorInitializationException
{
    public PreRestartException(IActorRef actor, Exception restartException, Exception cause, object? originalMessage)
        : base(actor, $"Exception pre restart ({restartException.GetType()})", restartException)
    {
        OriginalCause = cause;
        OriginalMessage = originalMessage;
    }

    public Exception OriginalCause { get; }

    public object? OriginalMessage { get; }
}

/// <summary>PostRestart (or the new instance's constructor) threw while the actor was being restarted.</summary>
public class PostRestartException : ActorInitializationException
{
    public PostRestartException(IActorRef actor, Exception cause, Exception originalCause)
        : base(actor, $"Exception post restart ({cause.GetType()})", cause)
    {
        OriginalCause = originalCause;
    }

    public Exception OriginalCause { get; }
}

/// <summary>The actor system or an actor was used in a way that breaks its rules.</summary>
public class IllegalActorStateException : AkkaException
{
    public IllegalActorStateException()
    {
    }

    public IllegalActorStateException(string message)
        : base(message)
    {
    }

    public IllegalActorStateException(string message, Exception? cause)
        : base(message, cause)
    {
    }
}

/// <summary>Thrown by <see cref="IStash.Stash"/> when the stash already holds its capacity.</summary>
public class StashOverflowException : AkkaException
{
    public StashOverflowException()
    {
    }

    public StashOverflowException(string message)
        : base(message)
    {
    }

    public StashOverflowException(string message, Exception? cause)
        : base(message, cause)
    {
    }
}
