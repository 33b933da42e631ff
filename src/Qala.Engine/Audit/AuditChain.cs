using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Qala.Engine.Audit;

/// <summary>One entry of the audit log as the chain sees it: every field that the hash covers.</summary>
public sealed record AuditRecord(
    long Sequence,
    DateTimeOffset At,
    string? UserId,
    string? UserName,
    string? Address,
    string EntityType,
    string EntityKey,
    string Action,
    string Changes,
    string PreviousHash,
    string Hash);

/// <summary>Where and why a chain stops being trustworthy.</summary>
public sealed record AuditBreak(long Sequence, string Reason);

/// <summary>
/// The audit log is a hash chain: each entry's hash covers its own fields and the previous entry's hash, so changing,
/// removing or reordering any entry breaks every link after it. SHA-256 over a canonical text, hex in lower case.
/// </summary>
public static class AuditChain
{
    public static readonly string Genesis = new('0', 64);

    public static string Hash(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var canonical = string.Join('\n',
            record.Sequence.ToString(CultureInfo.InvariantCulture),
            record.At.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
            Escape(record.UserId),
            Escape(record.UserName),
            Escape(record.Address),
            Escape(record.EntityType),
            Escape(record.EntityKey),
            Escape(record.Action),
            Escape(record.Changes),
            record.PreviousHash);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    /// <summary>The first broken link of a chain read in sequence order, or <c>null</c> when the whole chain holds.</summary>
    public static AuditBreak? FindFirstBreak(IEnumerable<AuditRecord> ordered)
    {
        ArgumentNullException.ThrowIfNull(ordered);
        var verifier = new AuditChainVerifier();
        foreach (var record in ordered)
        {
            if (verifier.Check(record) is { } broken)
            {
                return broken;
            }
        }

        return null;
    }

    // Newlines separate the fields; escaping keeps a value from imitating a field boundary.
    private static string Escape(string? value) =>
        value is null ? "\u2400" : value.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);
}

/// <summary>Checks a chain one entry at a time, so that a long log can be streamed from the database.</summary>
public sealed class AuditChainVerifier
{
    private long expectedSequence = 1;
    private string previousHash = AuditChain.Genesis;

    public long Checked { get; private set; }

    public AuditBreak? Check(AuditRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Sequence != expectedSequence)
        {
            return new AuditBreak(expectedSequence, $"entry {expectedSequence} is missing (found {record.Sequence} next)");
        }

        if (!string.Equals(record.PreviousHash, previousHash, StringComparison.Ordinal))
        {
            return new AuditBreak(record.Sequence, "the link to the previous entry does not match");
        }

        if (!string.Equals(AuditChain.Hash(record), record.Hash, StringComparison.Ordinal))
        {
            return new AuditBreak(record.Sequence, "the entry was changed after it was written");
        }

        previousHash = record.Hash;
        expectedSequence++;
        Checked++;
        return null;
    }

    /// <summary>After the last entry: the chain must end where its head says it ends.</summary>
    public AuditBreak? Finish(long headSequence, string headHash) =>
        headSequence != expectedSequence - 1
            ? new AuditBreak(expectedSequence, $"the chain head says {headSequence} entries, but {expectedSequence - 1} were found")
            : !string.Equals(headHash, previousHash, StringComparison.Ordinal)
                ? new AuditBreak(headSequence, "the chain head does not match the last entry")
                : null;
}
