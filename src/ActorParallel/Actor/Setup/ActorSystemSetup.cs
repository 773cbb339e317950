namespace ActorParallel.Actor.Setup;

/// <summary>A set of <see cref="Setup"/> objects, at most one per type.</summary>
public sealed class ActorSystemSetup
{
    private readonly Dictionary<Type, Setup> _setups;

    private ActorSystemSetup(Dictionary<Type, Setup> setups)
    {
        _setups = setups;
    }

    public static ActorSystemSetup Empty { get; } = new([]);

    public static ActorSystemSetup Create(params Setup[] setups)
    {
        var map = new Dictionary<Type, Setup>();
        foreach (var setup in setups)
        {
            map[setup.GetType()] = setup;
        }

        return new ActorSystemSetup(map);
    }

    public T? Get<T>()
        where T : Setup => _setups.TryGetValue(typeof(T), out var setup) ? (T)setup : null;

    /// <summary>Adds or replaces the setup of <typeparamref name="T"/>'s type.</summary>
    public ActorSystemSetup WithSetup<T>(T setup)
        where T : Setup
    {
        var map = new Dictionary<Type, Setup>(_setups) { [setup.GetType()] = setup };
        return new ActorSystemSetup(map);
    }

    public ActorSystemSetup And<T>(T setup)
        where T : Setup => WithSetup(setup);

    public override string ToString() => $"ActorSystemSetup({string.Join(", ", _setups.Keys.Select(k => k.Name))})";
}
