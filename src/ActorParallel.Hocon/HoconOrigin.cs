namespace ActorParallel.Configuration;

/// <summary>Where a value was defined: a file (or a description such as "string") plus a 1-based line and column.</summary>
public readonly record struct HoconOrigin(string? Source, int Line, int Column)
{
    /// <summary>Renders as <c>source:line:column</c>, the form error messages use.</summary>
    public override string ToString()
        => Line <= 0 ? Source ?? "unknown" : $"{Source ?? "string"}:{Line}:{Column}";
}
