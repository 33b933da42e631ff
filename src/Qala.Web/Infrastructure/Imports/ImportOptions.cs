namespace Qala.Web.Infrastructure.Imports;

/// <summary>Limits of import uploads (<c>Qala:Imports</c>).</summary>
public sealed class ImportOptions
{
    public const string Section = "Qala:Imports";

    public const long DefaultMaxUploadBytes = 256L * 1024 * 1024;

    public const int DefaultUploadChunkBytes = 1024 * 1024;

    /// <summary>The largest file an import accepts, in bytes (<c>Qala:Imports:MaxUploadBytes</c>).</summary>
    public long MaxUploadBytes { get; set; } = DefaultMaxUploadBytes;

    /// <summary>
    /// The size of the pieces an upload is stored in between preview and commit (<c>Qala:Imports:UploadChunkBytes</c>):
    /// what one database row holds and what a node keeps in memory while it writes or reads the file.
    /// </summary>
    public int UploadChunkBytes { get; set; } = DefaultUploadChunkBytes;

    /// <summary>The limit in whole megabytes, as messages state it.</summary>
    public long MaxUploadMegabytes => (MaxUploadBytes + (1024 * 1024) - 1) / (1024 * 1024);

    public bool IsValid => MaxUploadBytes is > 0 and <= 4L * 1024 * 1024 * 1024 && UploadChunkBytes is >= 4096 and <= 16 * 1024 * 1024;
}
