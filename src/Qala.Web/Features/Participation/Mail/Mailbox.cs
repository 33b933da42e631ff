using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Infrastructure.Files;
using Qala.Web.Infrastructure.Mail.Imap;

namespace Qala.Web.Features.Participation.Mail;

/// <summary>What the reader does with a message once it is recorded.</summary>
public enum MailAfterRead
{
    /// <summary>Adds <c>\Seen</c>: the message stays in the folder, read.</summary>
    Flag,

    /// <summary>Moves it to <see cref="Mailbox.MoveTo"/>.</summary>
    Move,
}

/// <summary>
/// A mailbox citizens write to, read over IMAP into one consultation's e-mail channel. The password is kept
/// encrypted with the application's Data Protection keys, never shown back and never written to the audit log.
/// </summary>
public sealed class Mailbox : IVersioned
{
    public int Id { get; set; }

    public required string Host { get; set; }

    public int Port { get; set; } = 993;

    public ImapSecurity Security { get; set; } = ImapSecurity.Tls;

    public required string UserName { get; set; }

    /// <summary>The password, encrypted (<see cref="MailboxSecrets"/>); the audit log masks it.</summary>
    public string? Secret { get; set; }

    /// <summary>SHA-256 of the server's certificate, for a server whose certificate no authority signed.</summary>
    public string? CertificateSha256 { get; set; }

    public string Folder { get; set; } = "INBOX";

    public MailAfterRead AfterRead { get; set; } = MailAfterRead.Flag;

    public string? MoveTo { get; set; }

    /// <summary>The consultation whose e-mail channel the messages enter.</summary>
    public int? ConsultationId { get; set; }

    public Consultation? Consultation { get; set; }

    public bool Enabled { get; set; }

    public MailboxReader? Reader { get; set; }

    public Guid Version { get; set; }
}

/// <summary>
/// Where the reader of a mailbox stands: the UIDVALIDITY it read under and the last UID it recorded (a new UIDVALIDITY
/// starts again from the first message, de-duplicated by Message-ID), and what its last run did.
/// </summary>
public sealed class MailboxReader : IAuditExempt
{
    public int MailboxId { get; set; }

    public long UidValidity { get; set; }

    public long LastUid { get; set; }

    public DateTimeOffset? LastRunAt { get; set; }

    /// <summary>Messages recorded by the last run (imported, duplicates and skipped alike).</summary>
    public int LastRunMessages { get; set; }

    public long MessagesRead { get; set; }

    /// <summary>Why the last run stopped early; null when it finished.</summary>
    public string? LastError { get; set; }
}

public enum MailIntakeOutcome
{
    Imported,

    /// <summary>The same Message-ID was imported before (a message seen again after a UIDVALIDITY change).</summary>
    Duplicate,

    /// <summary>Not a citizen's letter (a bounce, an auto-reply) or too large to read.</summary>
    Skipped,

    /// <summary>Read, but the intake refused it (no text, a closed consultation).</summary>
    Rejected,
}

/// <summary>
/// One row per message the reader met, written in the transaction that imports it: the unique (mailbox, UIDVALIDITY,
/// UID) is what makes the intake exactly-once. <see cref="Settled"/> turns true once the message is flagged or moved,
/// so a crash between the commit and the flag is finished by the next run, never imported again.
/// </summary>
public sealed class MailIntakeLog : IAuditExempt
{
    public long Id { get; set; }

    public int MailboxId { get; set; }

    public long UidValidity { get; set; }

    public long Uid { get; set; }

    public string? MessageId { get; set; }

    public DateTimeOffset ReadAt { get; set; }

    public MailIntakeOutcome Outcome { get; set; }

    public string? Reason { get; set; }

    public int? SuggestionId { get; set; }

    public bool Settled { get; set; }
}

/// <summary>
/// What a suggestion that came by e-mail keeps of its letter: the mailbox, the Message-ID (unique per mailbox, and
/// what the answer refers to), the subject and the quoted history, folded apart from the text. Exempt from the audit
/// log like the contact data: a quote carries addresses.
/// </summary>
public sealed class SuggestionEmail : IAuditExempt
{
    public int SuggestionId { get; set; }

    public int MailboxId { get; set; }

    public required string MessageId { get; set; }

    public string Subject { get; set; } = string.Empty;

    public string? Quoted { get; set; }
}

/// <summary>A file that came with a suggestion, kept in the attachment store.</summary>
public sealed class SuggestionAttachment
{
    public int SuggestionId { get; set; }

    public Guid AttachmentId { get; set; }

    public Attachment? Attachment { get; set; }
}

internal sealed class MailboxConfiguration :
    IEntityTypeConfiguration<Mailbox>, IEntityTypeConfiguration<MailboxReader>, IEntityTypeConfiguration<MailIntakeLog>,
    IEntityTypeConfiguration<SuggestionEmail>, IEntityTypeConfiguration<SuggestionAttachment>
{
    public const int MaxMessageIdLength = 998;

    public void Configure(EntityTypeBuilder<Mailbox> builder)
    {
        builder.ToTable("Mailboxes");
        builder.Property(m => m.Host).HasMaxLength(255);
        builder.Property(m => m.Security).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.UserName).HasMaxLength(320);
        builder.Property(m => m.Secret).HasMaxLength(4000);
        builder.Property(m => m.CertificateSha256).HasMaxLength(100);
        builder.Property(m => m.Folder).HasMaxLength(200);
        builder.Property(m => m.AfterRead).HasConversion<string>().HasMaxLength(20);
        builder.Property(m => m.MoveTo).HasMaxLength(200);
        builder.HasOne(m => m.Consultation).WithMany().HasForeignKey(m => m.ConsultationId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne(m => m.Reader).WithOne().HasForeignKey<MailboxReader>(r => r.MailboxId).OnDelete(DeleteBehavior.Cascade);
        builder.Property(m => m.Version).IsConcurrencyToken();
    }

    public void Configure(EntityTypeBuilder<MailboxReader> builder)
    {
        builder.ToTable("MailboxReaders");
        builder.HasKey(r => r.MailboxId);
        builder.Property(r => r.LastError).HasMaxLength(2000);
    }

    public void Configure(EntityTypeBuilder<MailIntakeLog> builder)
    {
        builder.ToTable("MailIntakeLogs");
        builder.Property(l => l.MessageId).HasMaxLength(MaxMessageIdLength);
        builder.Property(l => l.Outcome).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Reason).HasMaxLength(2000);
        builder.HasIndex(l => new { l.MailboxId, l.UidValidity, l.Uid }).IsUnique();
        builder.HasOne<Mailbox>().WithMany().HasForeignKey(l => l.MailboxId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Suggestion>().WithMany().HasForeignKey(l => l.SuggestionId).OnDelete(DeleteBehavior.SetNull);
    }

    public void Configure(EntityTypeBuilder<SuggestionEmail> builder)
    {
        builder.ToTable("SuggestionEmails");
        builder.HasKey(e => e.SuggestionId);
        builder.Property(e => e.MessageId).HasMaxLength(MaxMessageIdLength);
        builder.Property(e => e.Subject).HasMaxLength(400);
        builder.HasIndex(e => new { e.MailboxId, e.MessageId }).IsUnique();
        builder.HasOne<Suggestion>().WithOne().HasForeignKey<SuggestionEmail>(e => e.SuggestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Mailbox>().WithMany().HasForeignKey(e => e.MailboxId).OnDelete(DeleteBehavior.Restrict);
    }

    public void Configure(EntityTypeBuilder<SuggestionAttachment> builder)
    {
        builder.ToTable("SuggestionAttachments");
        builder.HasKey(a => new { a.SuggestionId, a.AttachmentId });
        builder.HasOne<Suggestion>().WithMany().HasForeignKey(a => a.SuggestionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(a => a.Attachment).WithMany().HasForeignKey(a => a.AttachmentId).OnDelete(DeleteBehavior.Cascade);
    }
}
