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

    private void SiftUp(int i, int node, double key)
    {
        while (i > 0)
        {
            var parent = (i - 1) >> 2;
            var parentKey = keys[parent];
            if (parentKey <= key)
            {
                break;
            }

            var parentNode = nodes[parent];
            nodes[i] = parentNode;
            keys[i] = parentKey;
            position[parentNode] = i;
            i = parent;
        }

        nodes[i] = node;
        keys[i] = key;
        position[node] = i;
    }

    private void SiftDown(int node, double key)
    {
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
            var bestKey = keys[child];
            var end = Math.Min(child + 4, count);
            for (var c = child + 1; c < end; c++)
            {
                if (keys[c] < bestKey)
                {
                    best = c;
                    bestKey = keys[c];
                }
            }

            if (bestKey >= key)
            {
                break;
            }

            var bestNode = nodes[best];
            nodes[i] = bestNode;
            keys[i] = bestKey;
            position[bestNode] = i;
            i = best;
        }

        nodes[i] = node;
        keys[i] = key;
        position[node] = i;
    }
}
