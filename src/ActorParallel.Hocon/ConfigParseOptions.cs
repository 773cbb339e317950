namespace ActorParallel.Configuration;

/// <summary>How <see cref="HoconConfigFactory"/> parses and resolves a document.</summary>
public sealed record ConfigParseOptions
{
    /// <summary>The defaults: environment variables fill in substitutions the document does not define.</summary>
    public static ConfigParseOptions Default { get; } = new();

    /// <summary>
    /// When true (the default), a <c>${NAME}</c> that the document does not define is read from the
    /// environment variable NAME, as the HOCON spec says. Set it to false to resolve against the document alone
    /// (reproducible output; Lightbend's <c>setUseSystemEnvironment(false)</c>).
    /// </summary>
    public bool UseEnvironmentVariables { get; init; } = true;

    /// <summary>
    /// Supplies included documents by name (<c>include "name"</c>) instead of the file system; return null
    /// for "not found". <c>include file(...)</c> always reads the file system.
    /// </summary>
    public Func<string, HoconRoot>? IncludeCallback { get; init; }
}
