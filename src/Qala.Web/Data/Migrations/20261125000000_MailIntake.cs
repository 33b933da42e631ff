using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Qala.Web.Data.Migrations;

/// <summary>
/// The e-mail channel: mailboxes read over IMAP with their reader's position, the per-message log that makes the
/// intake exactly-once, what a suggestion keeps of its letter and its attachments; and the outbox's
/// <c>In-Reply-To</c> (a column SQLite adds in place).
/// </summary>
[DbContext(typeof(QalaDbContext))]
[Migration("20261125000000_MailIntake")]
public sealed class MailIntake : Migration
{
    protected override void Up(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.CreateTable(
            name: "Mailboxes",
            columns: table => new
            {
                Id = table.Column<int>(nullable: false).Generated(),
                Host = table.Column<string>(maxLength: 255, nullable: false),
                Port = table.Column<int>(nullable: false),
                Security = table.Column<string>(maxLength: 20, nullable: false),
                UserName = table.Column<string>(maxLength: 320, nullable: false),
                Secret = table.Column<string>(maxLength: 4000, nullable: true),
                CertificateSha256 = table.Column<string>(maxLength: 100, nullable: true),
                Folder = table.Column<string>(maxLength: 200, nullable: false),
                AfterRead = table.Column<string>(maxLength: 20, nullable: false),
                MoveTo = table.Column<string>(maxLength: 200, nullable: true),
                ConsultationId = table.Column<int>(nullable: true),
                Enabled = table.Column<bool>(nullable: false),
                Version = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_Mailboxes", x => x.Id);
                table.ForeignKey("FK_Mailboxes_Consultations_ConsultationId", x => x.ConsultationId, "Consultations", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_Mailboxes_ConsultationId", "Mailboxes", "ConsultationId");

        migrationBuilder.CreateTable(
            name: "MailboxReaders",
            columns: table => new
            {
                MailboxId = table.Column<int>(nullable: false),
                UidValidity = table.Column<long>(nullable: false),
                LastUid = table.Column<long>(nullable: false),
                LastRunAt = table.Column<DateTimeOffset>(nullable: true),
                LastRunMessages = table.Column<int>(nullable: false),
                MessagesRead = table.Column<long>(nullable: false),
                LastError = table.Column<string>(maxLength: 2000, nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MailboxReaders", x => x.MailboxId);
                table.ForeignKey("FK_MailboxReaders_Mailboxes_MailboxId", x => x.MailboxId, "Mailboxes", "Id", onDelete: ReferentialAction.Cascade);
            });

        migrationBuilder.CreateTable(
            name: "MailIntakeLogs",
            columns: table => new
            {
                Id = table.Column<long>(nullable: false).Generated(),
                MailboxId = table.Column<int>(nullable: false),
                UidValidity = table.Column<long>(nullable: false),
                Uid = table.Column<long>(nullable: false),
                MessageId = table.Column<string>(maxLength: 998, nullable: true),
                ReadAt = table.Column<DateTimeOffset>(nullable: false),
                Outcome = table.Column<string>(maxLength: 20, nullable: false),
                Reason = table.Column<string>(maxLength: 2000, nullable: true),
                SuggestionId = table.Column<int>(nullable: true),
                Settled = table.Column<bool>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_MailIntakeLogs", x => x.Id);
                table.ForeignKey("FK_MailIntakeLogs_Mailboxes_MailboxId", x => x.MailboxId, "Mailboxes", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_MailIntakeLogs_Suggestions_SuggestionId", x => x.SuggestionId, "Suggestions", "Id", onDelete: ReferentialAction.SetNull);
            });
        migrationBuilder.CreateIndex("IX_MailIntakeLogs_MailboxId_UidValidity_Uid", "MailIntakeLogs", ["MailboxId", "UidValidity", "Uid"], unique: true);
        migrationBuilder.CreateIndex("IX_MailIntakeLogs_SuggestionId", "MailIntakeLogs", "SuggestionId");

        migrationBuilder.CreateTable(
            name: "SuggestionEmails",
            columns: table => new
            {
                SuggestionId = table.Column<int>(nullable: false),
                MailboxId = table.Column<int>(nullable: false),
                MessageId = table.Column<string>(maxLength: 998, nullable: false),
                Subject = table.Column<string>(maxLength: 400, nullable: false),
                Quoted = table.Column<string>(nullable: true),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SuggestionEmails", x => x.SuggestionId);
                table.ForeignKey("FK_SuggestionEmails_Suggestions_SuggestionId", x => x.SuggestionId, "Suggestions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_SuggestionEmails_Mailboxes_MailboxId", x => x.MailboxId, "Mailboxes", "Id", onDelete: ReferentialAction.Restrict);
            });
        migrationBuilder.CreateIndex("IX_SuggestionEmails_MailboxId_MessageId", "SuggestionEmails", ["MailboxId", "MessageId"], unique: true);

        migrationBuilder.CreateTable(
            name: "SuggestionAttachments",
            columns: table => new
            {
                SuggestionId = table.Column<int>(nullable: false),
                AttachmentId = table.Column<Guid>(nullable: false),
            },
            constraints: table =>
            {
                table.PrimaryKey("PK_SuggestionAttachments", x => new { x.SuggestionId, x.AttachmentId });
                table.ForeignKey("FK_SuggestionAttachments_Suggestions_SuggestionId", x => x.SuggestionId, "Suggestions", "Id", onDelete: ReferentialAction.Cascade);
                table.ForeignKey("FK_SuggestionAttachments_Attachments_AttachmentId", x => x.AttachmentId, "Attachments", "Id", onDelete: ReferentialAction.Cascade);
            });
        migrationBuilder.CreateIndex("IX_SuggestionAttachments_AttachmentId", "SuggestionAttachments", "AttachmentId");

        migrationBuilder.AddColumn<string>(name: "InReplyTo", table: "OutboxMessages", maxLength: 998, nullable: true);
    }

    protected override void Down(MigrationBuilder migrationBuilder)
    {
        migrationBuilder.DropColumnOnAnyProvider("InReplyTo", "OutboxMessages");
        foreach (var table in new[] { "SuggestionAttachments", "SuggestionEmails", "MailIntakeLogs", "MailboxReaders", "Mailboxes" })
        {
            migrationBuilder.DropTable(table);
        }
    }
}
