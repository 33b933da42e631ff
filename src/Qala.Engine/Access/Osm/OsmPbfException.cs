namespace Qala.Engine.Access.Osm;

/// <summary>
/// An <c>.osm.pbf</c> file that cannot be read: truncated, corrupt, or using a feature this reader does not
/// support. The message says what was wrong and at which byte of the file.
/// </summary>
public sealed class OsmPbfException : Exception
{
    public OsmPbfException()
    {
    }

    public OsmPbfException(string message)
        : base(message)
    {
    }

    public OsmPbfException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
