namespace ActorParallel.TestKit;

/// <summary>A filter muted until <see cref="Unmute"/> (or Dispose) is called.</summary>
public interface IUnmutableFilter : IDisposable
{
    void Unmute();
}
