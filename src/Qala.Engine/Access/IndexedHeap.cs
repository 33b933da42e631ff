using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Qala.Engine.Access;

/// <summary>
/// A 4-ary min-heap of graph nodes keyed by distance, with decrease-key through a position per node. Positions of
/// nodes not in the heap are -1, so one heap serves many searches (<see cref="Clear"/> between them).
/// </summary>
internal sealed class IndexedHeap
{
    private readonly int[] nodes;
    private readonly double[] keys;
    private readonly int[] position;

    public IndexedHeap(int capacity)
    {
        nodes = new int[capacity];
        keys = new double[capacity];
        position = new int[capacity];
        Array.Fill(position, -1);
    }

    public int Count { get; private set; }

    /// <summary>Inserts <paramref name="node"/>, or lowers its key when it is already in the heap with a larger one.</summary>
    public void Push(int node, double key)
    {
        var i = position[node];
        if (i < 0)
        {
            i = Count++;
        }
        else if (key >= keys[i])
        {
            return;
        }

        SiftUp(i, node, key);
    }

    public int Pop(out double key)
    {
        var top = nodes[0];
        key = keys[0];
        position[top] = -1;
        var last = --Count;
        if (last > 0)
        {
            SiftDown(nodes[last], keys[last]);
        }

        return top;
    }

    public void Clear()
    {
        for (var i = 0; i < Count; i++)
        {
            position[nodes[i]] = -1;
        }

        Count = 0;
    }

    // The sifts run for every relaxation of every search: they index without bounds checks (every index is below
    // Count, itself at most the capacity).
    private void SiftUp(int i, int node, double key)
    {
        ref var nodeAt = ref MemoryMarshal.GetArrayDataReference(nodes);
        ref var keyAt = ref MemoryMarshal.GetArrayDataReference(keys);
        ref var positionOf = ref MemoryMarshal.GetArrayDataReference(position);
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            var parentKey = Unsafe.Add(ref keyAt, parent);
            if (parentKey <= key)
            {
                break;
            }

            var parentNode = Unsafe.Add(ref nodeAt, parent);
            Unsafe.Add(ref nodeAt, i) = parentNode;
            Unsafe.Add(ref keyAt, i) = parentKey;
            Unsafe.Add(ref positionOf, parentNode) = i;
            i = parent;
        }

        Unsafe.Add(ref nodeAt, i) = node;
        Unsafe.Add(ref keyAt, i) = key;
        Unsafe.Add(ref positionOf, node) = i;
    }

    private void SiftDown(int node, double key)
    {
        ref var nodeAt = ref MemoryMarshal.GetArrayDataReference(nodes);
        ref var keyAt = ref MemoryMarshal.GetArrayDataReference(keys);
        ref var positionOf = ref MemoryMarshal.GetArrayDataReference(position);
        var i = 0;
        var count = Count;
        while (true)
        {
            var child = (4 * i) + 1;
            if (child >= count)
            {
                break;
            }

            var best = child;
            var bestKey = Unsafe.Add(ref keyAt, child);
            var end = Math.Min(child + 4, count);
            for (var c = child + 1; c < end; c++)
            {
                var k = Unsafe.Add(ref keyAt, c);
                if (k < bestKey)
                {
                    best = c;
                    bestKey = k;
                }
            }

            if (bestKey >= key)
            {
                break;
            }

            var bestNode = Unsafe.Add(ref nodeAt, best);
            Unsafe.Add(ref nodeAt, i) = bestNode;
            Unsafe.Add(ref keyAt, i) = bestKey;
            Unsafe.Add(ref positionOf, bestNode) = i;
            i = best;
        }

        Unsafe.Add(ref nodeAt, i) = node;
        Unsafe.Add(ref keyAt, i) = key;
        Unsafe.Add(ref positionOf, node) = i;
    }
}
