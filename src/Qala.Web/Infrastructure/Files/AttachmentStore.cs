using System.Buffers;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qala.Web.Data;
using Qala.Web.Data.Audit;

namespace Qala.Web.Infrastructure.Files;

/// <summary>A saved attachment, or why the file was refused.</summary>
public sealed record AttachmentSaveResult(Attachment? Attachment, AttachmentError? Error)
{
    [MemberNotNullWhen(true, nameof(Attachment))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Attachment is not null;
}

/// <summary>An attachment's metadata and a read stream of its bytes; the caller disposes the stream.</summary>
public sealed record AttachmentFile(Attachment Attachment, Stream Content);

/// <summary>
/// Keeps the files users upload — report attachments, photos of suggestions, e-mail attachments — in the database.
/// A file is read once, never beyond the size limit; its type is decided by its content; a name that contradicts the
/// content is refused. Access checks belong to the feature that links a file to its records.
/// </summary>
public sealed class AttachmentStore(QalaDbContext db, IOptions<AttachmentOptions> options, AuditActorAccessor actors, TimeProvider time)
{
    private const int ChunkSize = 81920;

    /// <summary>
    /// Checks and stores a file. Saves the context (with anything else the caller added to it, in one transaction with
    /// its audit entries); a caller that must save more afterwards and all-or-nothing wraps both in a transaction.
    /// </summary>
    public async Task<AttachmentSaveResult> SaveAsync(string fileName, Stream content, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(content);
        var settings = options.Value;
        var bytes = await ReadAtMostAsync(content, settings.MaxBytes, cancellationToken);
        if (bytes is null)
        {
            return Refused(new AttachmentError(AttachmentErrorCode.TooLarge, MaxBytes: settings.MaxBytes));
        }

        var sniff = ContentSniffer.Sniff(bytes);
        if (sniff.Refusal is { } refusal)
        {
            return Refused(new AttachmentError(refusal));
        }

        var type = sniff.Type!.Value;
        if (!settings.Allowed.Contains(type))
        {
            return Refused(new AttachmentError(AttachmentErrorCode.TypeNotAllowed));
        }

        var name = FileNames.Sanitise(fileName);
        var extensions = AttachmentTypes.Extensions(type);
        if (ExtensionOf(name) is not { } extension)
        {
            // "Decree No. 5" or a name with no extension at all: give it the one its content has, so it opens on download.
            name = FileNames.Sanitise(name[..Math.Min(name.Length, Attachment.MaxFileNameLength - extensions[0].Length)] + extensions[0]);
        }
        else if (!extensions.Contains(extension))
        {
            return Refused(new AttachmentError(AttachmentErrorCode.NameContradictsContent, ExpectedExtension: extensions[0]));
        }

        var attachment = new Attachment
        {
            Id = Guid.CreateVersion7(time.GetUtcNow()),
            FileName = name,
            ContentType = AttachmentTypes.ContentType(type, name),
            Size = bytes.LongLength,
            Sha256 = Convert.ToHexStringLower(SHA256.HashData(bytes)),
            UploadedBy = actors.Current().UserName ?? "anonymous",
            UploadedAt = time.GetUtcNow(),
        };
        var stored = new AttachmentContent { AttachmentId = attachment.Id, Content = bytes };
        db.Add(attachment);
        db.Add(stored);
        await db.SaveChangesAsync(cancellationToken);

        // The context lives as long as the request: it need not hold on to the bytes.
        db.Entry(stored).State = EntityState.Detached;
        return new AttachmentSaveResult(attachment, null);
    }

    /// <summary>The attachment and its content, or <c>null</c> for an unknown id.</summary>
    public async Task<AttachmentFile?> OpenAsync(Guid id, CancellationToken cancellationToken)
    {
        var attachment = await db.Set<Attachment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (attachment is null)
        {
            return null;
        }

        var content = await AttachmentContentReader.OpenAsync(db, id, cancellationToken)
            ?? throw new InvalidOperationException($"Attachment {id} has no content.");
        return new AttachmentFile(attachment, content);
    }

    /// <summary>The whole content, or <c>null</c> as soon as it proves longer than <paramref name="maxBytes"/>.</summary>
    internal static async Task<byte[]?> ReadAtMostAsync(Stream content, long maxBytes, CancellationToken cancellationToken)
    {
        if (content.CanSeek)
        {
            var remaining = content.Length - content.Position;
            if (remaining > maxBytes)
            {
                return null;
            }

            var exact = new byte[remaining];
            await content.ReadExactlyAsync(exact, cancellationToken);
            return exact;
        }

        // A stream of unknown length is read until it ends or one byte beyond the limit, whichever comes first.
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(ChunkSize);
        try
        {
            long total = 0;
            while (total <= maxBytes)
            {
                var read = await content.ReadAsync(chunk.AsMemory(0, (int)Math.Min(chunk.Length, maxBytes + 1 - total)), cancellationToken);
                if (read == 0)
                {
                    break;
                }

                buffer.Write(chunk, 0, read);
                total += read;
            }

            return total > maxBytes ? null : buffer.ToArray();
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
    }

    /// <summary>The lower-case extension when the name ends in one (a dot, then 1–10 ASCII letters and digits, one a letter).</summary>
    private static string? ExtensionOf(string name)
    {
        var extension = Path.GetExtension(name);
        if (extension.Length is < 2 or > 11)
        {
            return null;
        }

        var letters = extension.AsSpan(1);
        return !letters.ContainsAnyExcept(AsciiLettersAndDigits) && letters.ContainsAnyExceptInRange('0', '9') ? extension.ToLowerInvariant() : null;
    }

    private static readonly SearchValues<char> AsciiLettersAndDigits =
        SearchValues.Create("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ");

    private static AttachmentSaveResult Refused(AttachmentError error) => new(null, error);
}
