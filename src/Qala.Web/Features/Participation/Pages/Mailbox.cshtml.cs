using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Qala.Web.Data;
using Qala.Web.Features.Participation.Mail;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Jobs;
using Qala.Web.Infrastructure.Mail.Imap;

namespace Qala.Web.Features.Participation.Pages;

/// <summary>
/// The mailbox citizens write to: its settings (the password is write-only: never shown, kept when left blank),
/// "test connection", "read now", the reader's status and the log of every message it met.
/// </summary>
[Authorize(Roles = QalaRoles.Administrator)]
public sealed class MailboxModel(QalaDbContext db, MailboxSecrets secrets, MailboxConnector connector, JobScheduler jobs, IStringLocalizer<SharedResource> t) : PageModel
{
    public const int PageSize = 50;

    [BindProperty]
    public string Host { get; set; } = string.Empty;

    [BindProperty]
    public int Port { get; set; } = 993;

    [BindProperty]
    public ImapSecurity Security { get; set; } = ImapSecurity.Tls;

    [BindProperty]
    public string UserName { get; set; } = string.Empty;

    /// <summary>Posted only; the page never writes it back.</summary>
    [BindProperty]
    public string? Secret { get; set; }

    [BindProperty]
    public string? CertificateSha256 { get; set; }

    [BindProperty]
    public string Folder { get; set; } = "INBOX";

    [BindProperty]
    public MailAfterRead AfterRead { get; set; }

    [BindProperty]
    public string? MoveTo { get; set; }

    [BindProperty]
    public int? ConsultationId { get; set; }

    [BindProperty]
    public bool Enabled { get; set; }

    [BindProperty]
    public Guid Version { get; set; }

    public bool HasSecret { get; private set; }

    public MailboxReader? Reader { get; private set; }

    public IReadOnlyList<MailIntakeLog> Log { get; private set; } = [];

    public int LogPage { get; private set; } = 1;

    public int LogPages { get; private set; } = 1;

    public IReadOnlyList<Consultation> Consultations { get; private set; } = [];

    public async Task OnGetAsync([FromQuery(Name = "page")] int page, CancellationToken cancellationToken)
    {
        if (await CurrentAsync(cancellationToken) is { } mailbox)
        {
            (Host, Port, Security, UserName, CertificateSha256, Folder, AfterRead, MoveTo, ConsultationId, Enabled, Version) =
                (mailbox.Host, mailbox.Port, mailbox.Security, mailbox.UserName, mailbox.CertificateSha256, mailbox.Folder, mailbox.AfterRead, mailbox.MoveTo, mailbox.ConsultationId, mailbox.Enabled, mailbox.Version);
        }

        await LoadAsync(page, cancellationToken);
    }

    public async Task<IActionResult> OnPostAsync(CancellationToken cancellationToken)
    {
        var mailbox = await CurrentAsync(cancellationToken, tracked: true);
        Check(mailbox);
        if (!ModelState.IsValid)
        {
            await LoadAsync(1, cancellationToken);
            return Page();
        }

        if (mailbox is null)
        {
            mailbox = new Mailbox { Host = Host.Trim(), UserName = UserName.Trim() };
            db.Add(mailbox);
        }
        else
        {
            db.Entry(mailbox).Property(m => m.Version).OriginalValue = Version;
        }

        (mailbox.Host, mailbox.Port, mailbox.Security, mailbox.UserName, mailbox.Folder, mailbox.AfterRead, mailbox.ConsultationId, mailbox.Enabled) =
            (Host.Trim(), Port, Security, UserName.Trim(), Folder.Trim(), AfterRead, ConsultationId, Enabled);
        mailbox.CertificateSha256 = string.IsNullOrWhiteSpace(CertificateSha256) ? null : CertificateSha256.Replace(":", string.Empty, StringComparison.Ordinal).Trim().ToUpperInvariant();
        mailbox.MoveTo = AfterRead == MailAfterRead.Move ? MoveTo!.Trim() : null;
        if (!string.IsNullOrEmpty(Secret))
        {
            mailbox.Secret = secrets.Protect(Secret);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            ModelState.AddModelError(string.Empty, t["Someone else changed this record while you were editing it. Reload the page and try again."]);
            await LoadAsync(1, cancellationToken);
            return Page();
        }

        TempData["Notice"] = t["The mailbox settings have been saved."].Value;
        return Redirect("/participation/mailbox");
    }

    public async Task<IActionResult> OnPostTestAsync(CancellationToken cancellationToken)
    {
        if (await CurrentAsync(cancellationToken) is not { } mailbox)
        {
            return NotFound();
        }

        try
        {
            var (client, folder) = await connector.OpenAsync(mailbox, cancellationToken);
            await using (client)
            {
                await client.LogoutAsync(cancellationToken);
            }

            TempData["Notice"] = t["Connected. The folder {0} holds {1} messages.", mailbox.Folder, folder.Exists.ToString(CultureInfo.CurrentCulture)].Value;
        }
        catch (Exception e) when (MailboxConnector.IsMailboxFailure(e))
        {
            TempData["Error"] = t["The connection failed: {0}", MailboxConnector.Describe(e)].Value;
        }

        return Redirect("/participation/mailbox");
    }

    public async Task<IActionResult> OnPostReadAsync(CancellationToken cancellationToken)
    {
        jobs.Enqueue(MailIntakeJob.JobKind);
        await db.SaveChangesAsync(cancellationToken);
        TempData["Notice"] = t["The mailbox will be read in a moment."].Value;
        return Redirect("/participation/mailbox");
    }

    private Task<Mailbox?> CurrentAsync(CancellationToken cancellationToken, bool tracked = false) =>
        (tracked ? db.Set<Mailbox>() : db.Set<Mailbox>().AsNoTracking()).OrderBy(m => m.Id).FirstOrDefaultAsync(cancellationToken);

    private void Check(Mailbox? mailbox)
    {
        if (string.IsNullOrWhiteSpace(Host) || Host.Trim().Length > 255)
        {
            ModelState.AddModelError(nameof(Host), t["Enter the mail server's name."]);
        }

        if (Port is < 1 or > 65535)
        {
            ModelState.AddModelError(nameof(Port), t["A port is a number from 1 to 65535."]);
        }

        if (string.IsNullOrWhiteSpace(UserName) || UserName.Trim().Length > 320)
        {
            ModelState.AddModelError(nameof(UserName), t["Enter the mailbox's user name."]);
        }

        if (mailbox?.Secret is null && string.IsNullOrEmpty(Secret))
        {
            ModelState.AddModelError(nameof(Secret), t["Enter the mailbox's password."]);
        }

        if (!string.IsNullOrWhiteSpace(CertificateSha256)
            && CertificateSha256.Replace(":", string.Empty, StringComparison.Ordinal).Trim() is var hex && (hex.Length != 64 || !hex.All(char.IsAsciiHexDigit)))
        {
            ModelState.AddModelError(nameof(CertificateSha256), t["A certificate fingerprint is 64 hexadecimal digits (SHA-256)."]);
        }

        if (string.IsNullOrWhiteSpace(Folder) || Folder.Trim().Length > 200)
        {
            ModelState.AddModelError(nameof(Folder), t["Enter the folder to read."]);
        }

        if (AfterRead == MailAfterRead.Move && (string.IsNullOrWhiteSpace(MoveTo) || MoveTo.Trim().Length > 200))
        {
            ModelState.AddModelError(nameof(MoveTo), t["Enter the folder read messages are moved to."]);
        }

        if (Enabled && ConsultationId is null)
        {
            ModelState.AddModelError(nameof(ConsultationId), t["Choose the discussion the letters go to."]);
        }
        else if (ConsultationId is { } id && !db.Set<Consultation>().Any(c => c.Id == id))
        {
            ModelState.AddModelError(nameof(ConsultationId), t["This consultation does not exist."]);
        }
    }

    private async Task LoadAsync(int page, CancellationToken cancellationToken)
    {
        var mailbox = await CurrentAsync(cancellationToken);
        HasSecret = mailbox?.Secret is not null;
        Consultations = await db.Set<Consultation>().AsNoTracking().OrderByDescending(c => c.Id).ToListAsync(cancellationToken);
        if (mailbox is null)
        {
            return;
        }

        Reader = await db.Set<MailboxReader>().AsNoTracking().SingleOrDefaultAsync(r => r.MailboxId == mailbox.Id, cancellationToken);
        var total = await db.Set<MailIntakeLog>().CountAsync(l => l.MailboxId == mailbox.Id, cancellationToken);
        LogPages = Math.Max(1, (total + PageSize - 1) / PageSize);
        LogPage = Math.Clamp(page, 1, LogPages);
        Log = await db.Set<MailIntakeLog>().AsNoTracking().Where(l => l.MailboxId == mailbox.Id).OrderByDescending(l => l.Id)
            .Skip((LogPage - 1) * PageSize).Take(PageSize).ToListAsync(cancellationToken);
    }
}
