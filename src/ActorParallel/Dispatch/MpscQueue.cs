using System.Runtime.InteropServices;

namespace ActorParallel.Dispatch;

/// <summary>
/// An unbounded multi-producer, single-consumer FIFO queue: a chain of ring segments (bounded Vyukov
/// queues with a sequence number per slot). A ring is reused lap after lap while the consumer keeps
/// up, so a steady flow allocates nothing. When a ring fills, a new one is chained; segments grow from
/// <see cref="InitialSegmentLength"/> to <see cref="MaxSegmentLength"/> slots and never reach the
/// large-object heap. Drained full-size segments go to a free list (up to <see cref="MaxFreeSegments"/>)
/// that later growth takes from, so a backlog that comes back costs nothing and no gen2 collections.
/// </summary>
/// <remarks>
/// Any thread may call <see cref="Enqueue"/>. <see cref="TryDequeue"/> must be called by one thread at a
/// time (the mailbox's runner); <see cref="HasItems"/> and <see cref="Count"/> may be read from anywhere
/// and are exact only on the consumer's thread. A producer's claim of a slot is an interlocked operation,
/// a full fence, so a producer that claims and then reads the mailbox status cannot miss a runner that
/// goes idle and then checks <see cref="HasItems"/>: the claim alone makes the queue non-empty.
/// </remarks>
internal sealed class MpscQueue<T>
{
    internal const int InitialSegmentLength = 32;
    internal const int MaxSegmentLength = 1024;

    /// <summary>Most drained segments kept for reuse: a backlog of this many full segments comes back without allocating.</summary>
    internal const int MaxFreeSegments = 64;

    /// <summary>The segment the consumer reads; written only by the consumer.</summary>
    private volatile Segment _head;

    /// <summary>The segment producers write; replaced under the lock of the full segment it replaces.</summary>
    private volatile Segment _tail;

    /// <summary>
    /// Drained full-size segments, frozen, that growth links instead of allocating: a stack through
    /// <see cref="Segment.NextFree"/>. Only the consumer pushes and only the growing producer pops (growth is
    /// serialised), so a popped segment cannot come back while a pop is in progress: no ABA.
    /// </summary>
    private Segment? _free;

    /// <summary>Number of segments on <see cref="_free"/>.</summary>
    private int _freeCount;

    public MpscQueue()
    {
        _head = _tail = new Segment(InitialSegmentLength);
    }

    /// <summary>True when an item has been claimed and not yet taken (it may still be being written).</summary>
    public bool HasItems
    {
        get
        {
            for (var segment = _head; segment is not null; segment = segment.Next)
            {
                if (segment.ClaimedNotTaken > 0)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>Number of items; a snapshot, exact only when no thread is enqueuing or dequeuing.</summary>
    public int Count
    {
        get
        {
            long count = 0;
            for (var segment = _head; segment is not null; segment = segment.Next)
            {
                count += Math.Max(0, segment.ClaimedNotTaken);
            }

            return (int)Math.Min(count, int.MaxValue);
        }
    }

    public void Enqueue(T item)
    {
        while (true)
        {
            var tail = _tail;
            if (tail.TryEnqueue(item))
            {
                return;
            }

            // The ring is full (or this is a stale segment). Growth is rare: serialise it on the segment.
            lock (tail)
            {
                if (!ReferenceEquals(_tail, tail))
                {
                    continue;
                }

                if (tail.TryEnqueue(item))
                {
                    return;
                }

                tail.Freeze();
                var next = TakeFree() ?? new Segment(Math.Min(tail.Length * 2, MaxSegmentLength));
                tail.Next = next;
                _tail = next;
            }
        }
    }

    /// <summary>Takes the oldest item; only one thread at a time may call it.</summary>
    public bool TryDequeue(out T item)
    {
        while (true)
        {
            var head = _head;
            if (head.TryDequeue(out item))
            {
                return true;
            }

            // The segment looked empty. Once it has a successor it is frozen, so one more look decides
            // whether it is drained for good (a claim made before the freeze may have just been written).
            var next = head.Next;
            if (next is null)
            {
                return false;
            }

            if (head.TryDequeue(out item))
            {
                return true;
            }

            _head = next;
            Recycle(head);
        }
    }

    /// <summary>Pops a free segment and opens it for claims; called only by the growing producer.</summary>
    private Segment? TakeFree()
    {
        while (true)
        {
            var top = Volatile.Read(ref _free);
            if (top is null)
            {
                return null;
            }

            if (ReferenceEquals(Interlocked.CompareExchange(ref _free, top.NextFree, top), top))
            {
                Interlocked.Decrement(ref _freeCount);
                top.NextFree = null;
                top.Unfreeze();
                return top;
            }
        }
    }

    /// <summary>Pushes a drained full-size segment on the free list; producers may still hold it, see <see cref="Segment.ResetForReuse"/>.</summary>
    private void Recycle(Segment drained)
    {
        if (drained.Length != MaxSegmentLength || Volatile.Read(ref _freeCount) >= MaxFreeSegments)
        {
            return;
        }

        drained.ResetForReuse();
        while (true)
        {
            var top = Volatile.Read(ref _free);
            drained.NextFree = top;
            if (ReferenceEquals(Interlocked.CompareExchange(ref _free, drained, top), top))
            {
                Interlocked.Increment(ref _freeCount);
                return;
            }
        }
    }

    /// <summary>One slot of a ring: the item and the position it is free for (position) or holds (position + 1).</summary>
    [StructLayout(LayoutKind.Auto)]
    private struct Slot
    {
        public T Item;
        public long Sequence;
    }

    /// <summary>
    /// A bounded ring after Vyukov: slot <c>p % Length</c> is free for position <c>p</c> when its sequence
    /// is <c>p</c> and holds that position's item when it is <c>p + 1</c>. Producers claim positions by CAS
    /// on <see cref="_tail"/>; the consumer owns <see cref="_head"/>.
    /// </summary>
    private sealed class Segment
    {
        private readonly Slot[] _slots;
        private readonly long _mask;

        /// <summary>Added to the tail to freeze the ring: no claim can succeed afterwards, and the real tail stays recoverable.</summary>
        private readonly long _freezeOffset;

        /// <summary>Next position the consumer takes; written only by the consumer (and by the reset, while no one reads the ring).</summary>
        private PaddedLong _head;

        /// <summary>
        /// Next position a producer claims; moved by CAS, plus <see cref="_freezeOffset"/> while frozen. Claims
        /// never run more than a ring length ahead of the head, and the offset is two lengths, so the value alone
        /// tells whether the ring is frozen (see <see cref="ClaimedAfter"/>): no separate flag to read out of step.
        /// </summary>
        private PaddedLong _tail;

        public Segment(int length)
        {
            _slots = new Slot[length];
            _mask = length - 1;
            _freezeOffset = 2L * length;
            for (var i = 0; i < length; i++)
            {
                _slots[i].Sequence = i;
            }
        }

        public int Length => _slots.Length;

        /// <summary>The successor, set once (under this segment's lock) when it was frozen; cleared by the reset.</summary>
        public volatile Segment? Next;

        /// <summary>The link of the free list while this segment is on it.</summary>
        public Segment? NextFree;

        /// <summary>Claimed positions not yet taken by the consumer (exact on the consumer's thread, a snapshot elsewhere).</summary>
        public long ClaimedNotTaken => ClaimedAfter(Volatile.Read(ref _head.Value));

        /// <summary>Positions claimed at or after <paramref name="head"/>, with the freeze offset taken off when present.</summary>
        private long ClaimedAfter(long head)
        {
            var claimed = Volatile.Read(ref _tail.Value) - head;
            return claimed > _slots.Length ? claimed - _freezeOffset : claimed;
        }

        public bool TryEnqueue(T item)
        {
            var slots = _slots;
            while (true)
            {
                var tail = Volatile.Read(ref _tail.Value);
                ref var slot = ref slots[tail & _mask];
                var difference = Volatile.Read(ref slot.Sequence) - tail;
                if (difference == 0)
                {
                    if (Interlocked.CompareExchange(ref _tail.Value, tail + 1, tail) == tail)
                    {
                        slot.Item = item;
                        Volatile.Write(ref slot.Sequence, tail + 1);
                        return true;
                    }
                }
                else if (difference < 0)
                {
                    // The slot still holds the item of the previous lap: full. Or the ring is frozen.
                    return false;
                }

                // Another producer claimed this position first; try the next one.
            }
        }

        public bool TryDequeue(out T item)
        {
            var head = _head.Value;
            ref var slot = ref _slots[head & _mask];
            var spinner = default(SpinWait);
            while (true)
            {
                if (Volatile.Read(ref slot.Sequence) == head + 1)
                {
                    item = slot.Item;
                    slot.Item = default!;
                    Volatile.Write(ref _head.Value, head + 1);

                    // Frees the slot for the position one lap later.
                    Volatile.Write(ref slot.Sequence, head + _slots.Length);
                    return true;
                }

                if (ClaimedAfter(head) <= 0)
                {
                    item = default!;
                    return false;
                }

                // A producer claimed this position and is between its claim and its write: wait for it.
                spinner.SpinOnce(sleep1Threshold: -1);
            }
        }

        /// <summary>Stops further claims; called under this segment's lock by the producer that links the successor.</summary>
        public void Freeze() => Interlocked.Add(ref _tail.Value, _freezeOffset);

        /// <summary>
        /// Makes a drained ring reusable from the free list, still frozen. A producer that read this segment as the
        /// tail long ago may still try it: positions continue above every value the tail has held, so that
        /// producer's CAS can never succeed on a stale value, and while frozen every claim fails. It becomes
        /// claimable again only in <see cref="Unfreeze"/>, when it is being linked as the new tail.
        /// </summary>
        public void ResetForReuse()
        {
            var length = _slots.Length;
            var start = (Volatile.Read(ref _tail.Value) + length) & ~_mask;
            for (var i = 0; i < length; i++)
            {
                _slots[i].Sequence = start + i;
            }

            Next = null;
            Volatile.Write(ref _head.Value, start);
            Volatile.Write(ref _tail.Value, start + _freezeOffset);
        }

        /// <summary>Opens a reset segment for claims; called under the lock of the segment it will follow.</summary>
        public void Unfreeze() => Volatile.Write(ref _tail.Value, Volatile.Read(ref _head.Value));
    }
}

/// <summary>A long alone on its cache line, so that producers claiming and the consumer taking do not share one (outside the generic queue: explicit layout cannot be generic).</summary>
[StructLayout(LayoutKind.Explicit, Size = 128)]
internal struct PaddedLong
{
    [FieldOffset(64)]
    public long Value;
}
