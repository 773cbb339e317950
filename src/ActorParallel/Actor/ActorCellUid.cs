namespace ActorParallel.Actor;

/// <summary>UIDs tell apart successive incarnations of actors with the same path.</summary>
internal static class ActorCellUid
{
    public const long Undefined = 0;

    /// <summary>A random non-zero UID; random so that a restarted system does not reuse old ones.</summary>
    public static long NewUid()
    {
        long uid;
        do
        {
            uid = Random.Shared.NextInt64(1, int.MaxValue);
        }
        while (uid == Undefined);
        return uid;
    }
}
