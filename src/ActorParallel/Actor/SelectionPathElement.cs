namespace ActorParallel.Actor;

/// <summary>One step of an <see cref="ActorSelection"/> path.</summary>
public abstract class SelectionPathElement;

/// <summary>A child by exact name.</summary>
public sealed class SelectChildName(string name) : SelectionPathElement
{
    public string Name { get; } = name;

    public override string ToString() => Name;
}

/// <summary>Children whose names match a pattern with <c>*</c> and <c>?</c>.</summary>
public sealed class SelectChildPattern(string patternString) : SelectionPathElement
{
    public string PatternString { get; } = patternString;

    public bool IsMatch(string name) => Wildcard.Matches(PatternString, name);

    public override string ToString() => PatternString;
}

/// <summary>The parent (<c>..</c>).</summary>
public sealed class SelectParent : SelectionPathElement
{
    public static SelectParent Instance { get; } = new();

    private SelectParent()
    {
    }

    public override string ToString() => "..";
}

/// <summary>A message travelling along a selection path (used when the selection crosses actors).</summary>
public sealed class ActorSelectionMessage(object message, SelectionPathElement[] elements, bool wildcardFanOut = false) : IAutoReceivedMessage, IPossiblyHarmful
{
    public object Message { get; } = message;

    public IReadOnlyList<SelectionPathElement> Elements { get; } = elements;

    public bool WildcardFanOut { get; } = wildcardFanOut;

    public override string ToString() => $"ActorSelectionMessage({Message}, {string.Join('/', Elements)})";
}
