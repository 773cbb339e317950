namespace ActorParallel.Actor;

/// <summary>What a supervisor does with a failed child.</summary>
public enum Directive
{
    /// <summary>Keep the child's state and continue with the next message.</summary>
    Resume = 0,

    /// <summary>Replace the child with a fresh instance; its mailbox is kept, the failing message dropped.</summary>
    Restart = 1,

    /// <summary>Fail the supervisor itself with the same exception.</summary>
    Escalate = 2,

    /// <summary>Stop the child.</summary>
    Stop = 3,
}

public static class DirectiveExtensions
{
    /// <summary>A (exception type, directive) pair for <see cref="Decider.From(Directive, KeyValuePair{Type, Directive}[])"/>.</summary>
    public static KeyValuePair<Type, Directive> When<TException>(this Directive directive)
        where TException : Exception => new(typeof(TException), directive);
}
