using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Engine.Audit;

namespace Qala.Web.Data.Audit;

public enum AuditAction
{
    Created,
    Updated,
    Deleted,
}

/// <summary>
/// One change of official data: who, when, from where, which row, old → new. Append-only and chained by hash
/// (<see cref="AuditChain"/>); written by <see cref="AuditInterceptor"/> in the transaction of the change itself.
/// </summary>
public sealed class AuditEntry
{
    public long Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public string? UserId { get; set; }

    public string? UserName { get; set; }

    public string? Address { get; set; }

    /// <summary>The table of the changed row, e.g. <c>Territories</c> or <c>AspNetUserRoles</c>.</summary>
    public required string EntityType { get; set; }

    /// <summary>The primary key of the changed row; parts of a composite key are joined by <c>|</c>.</summary>
    public required string EntityKey { get; set; }

    public AuditAction Action { get; set; }

    /// <summary>JSON object: property → [old, new] (old is null for a creation, new is null for a deletion).</summary>
    public required string Changes { get; set; }

    public required string PreviousHash { get; set; }

    public required string Hash { get; set; }

    /// <summary>The changed properties with their old and new values, as text for display.</summary>
    public IReadOnlyList<(string Property, string? Old, string? New)> ChangedValues()
    {
        using var document = System.Text.Json.JsonDocument.Parse(Changes);
        return [.. document.RootElement.EnumerateObject().Select(p => (p.Name, Text(p.Value[0]), Text(p.Value[1])))];

        static string? Text(System.Text.Json.JsonElement value) => value.ValueKind switch
        {
            System.Text.Json.JsonValueKind.Null => null,
            System.Text.Json.JsonValueKind.String => value.GetString(),
            _ => value.GetRawText(),
        };
    }

    public AuditRecord ToRecord() =>
        new(Sequence, At, UserId, UserName, Address, EntityType, EntityKey, Action.ToString(), Changes, PreviousHash, Hash);
}

/// <summary>The end of the chain: one row, locked by every append so that concurrent appends queue instead of forking.</summary>
public sealed class AuditChainHead
{
    public const int SingletonId = 1;

    public int Id { get; set; }

    public long LastSequence { get; set; }

    public required string LastHash { get; set; }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>, IEntityTypeConfiguration<AuditChainHead>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditEntries");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever();
        builder.Property(e => e.UserId).HasMaxLength(450);
        builder.Property(e => e.UserName).HasMaxLength(256);
        builder.Property(e => e.Address).HasMaxLength(64);
        builder.Property(e => e.EntityType).HasMaxLength(100);
        builder.Property(e => e.EntityKey).HasMaxLength(200);
        builder.Property(e => e.Action).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.PreviousHash).HasMaxLength(64);
        builder.Property(e => e.Hash).HasMaxLength(64);
        builder.HasIndex(e => new { e.EntityType, e.EntityKey });
        builder.HasIndex(e => e.At);
    }

    public void Configure(EntityTypeBuilder<AuditChainHead> builder)
    {
        builder.ToTable("AuditChainHeads");
        builder.Property(h => h.Id).ValueGeneratedNever();
        builder.Property(h => h.LastHash).HasMaxLength(64);
        builder.HasData(new AuditChainHead { Id = AuditChainHead.SingletonId, LastSequence = 0, LastHash = AuditChain.Genesis });
    }
}
