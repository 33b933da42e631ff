using System.Globalization;
using System.Net;
using System.Net.Mail;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Jobs;

namespace Qala.Web.Infrastructure.Email;

/// <summary>Outgoing mail server (<c>Qala:Smtp</c>). Without a host, messages wait in the outbox.</summary>
public sealed class SmtpOptions
{
    public string? Host { get; set; }

    public int Port { get; set; } = 25;

    public bool EnableSsl { get; set; }

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string From { get; set; } = "qala@localhost";

    public int TimeoutSeconds { get; set; } = 30;
}

/// <summary>Where features put e-mails: in the caller's unit of work, with the job that will send them.</summary>
public sealed class Outbox(QalaDbContext db, JobScheduler jobs, TimeProvider time)
{
    private readonly List<OutboxMessage> enqueued = [];

    public OutboxMessage Enqueue(string to, string subject, string body, string language, string? inReplyTo = null)
    {
        var message = new OutboxMessage { To = to, Subject = subject, Body = body, Language = language, InReplyTo = inReplyTo, CreatedAt = time.GetUtcNow() };
        db.Add(message);
        enqueued.Add(message);
        return message;
    }

    /// <summary>
    /// Saves the messages added with <see cref="Enqueue"/> and queues one sending job each, in one transaction — also
    /// for messages that another save in between already wrote.
    /// </summary>
    public async Task SaveAndScheduleAsync(CancellationToken cancellationToken)
    {
        var pending = enqueued.ToList();
        enqueued.Clear();
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        await db.SaveChangesAsync(cancellationToken);
        foreach (var message in pending)
        {
            jobs.Enqueue(SendEmailJob.JobKind, message.Id.ToString(CultureInfo.InvariantCulture), maxAttempts: OutboxMessage.MaxAttempts);
        }

        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }
    }
}

/// <summary>
/// Sends one outbox message by SMTP. A refusal is kept on the message; after the last attempt the message is marked
/// failed with the server's reason and stays visible to administrators.
/// </summary>
internal sealed partial class SendEmailJob(QalaDbContext db, IOptions<SmtpOptions> options, TimeProvider time, ILogger<SendEmailJob> logger) : IJobHandler
{
    public const string JobKind = "send-email";

    public string Kind => JobKind;

    public async Task RunAsync(string? payload, CancellationToken cancellationToken)
    {
        var id = long.Parse(payload!, CultureInfo.InvariantCulture);
        var message = await db.Set<OutboxMessage>().SingleAsync(m => m.Id == id, cancellationToken);
        if (message.State != OutboxState.Pending)
        {
            return;
        }

        var smtp = options.Value;
        if (string.IsNullOrWhiteSpace(smtp.Host))
        {
            // The job retries with backoff and then parks, visible on /admin/jobs to run again once SMTP is configured.
            LogNotConfigured(logger, message.Id);
            throw new InvalidOperationException("No SMTP server is configured (Qala:Smtp:Host); the message waits in the outbox.");
        }

        message.Attempts++;
        try
        {
            using var client = new SmtpClient(smtp.Host, smtp.Port) { EnableSsl = smtp.EnableSsl, Timeout = smtp.TimeoutSeconds * 1000 };
            if (!string.IsNullOrEmpty(smtp.UserName))
            {
                client.Credentials = new NetworkCredential(smtp.UserName, smtp.Password);
            }

            using var mail = new MailMessage(smtp.From, message.To)
            {
                Subject = message.Subject,
                SubjectEncoding = Encoding.UTF8,
                Body = message.Body,
                BodyEncoding = Encoding.UTF8,
                BodyTransferEncoding = System.Net.Mime.TransferEncoding.Base64,
                IsBodyHtml = false,
            };
            if (message.InReplyTo is { Length: > 0 } answered)
            {
                mail.Headers.Add("In-Reply-To", $"<{answered}>");
                mail.Headers.Add("References", $"<{answered}>");
            }

            await client.SendMailAsync(mail, cancellationToken);
            message.State = OutboxState.Sent;
            message.SentAt = time.GetUtcNow();
            message.LastError = null;
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (Exception e) when (e is SmtpException or IOException or InvalidOperationException or FormatException)
        {
            message.LastError = e.Message.Length > 4000 ? e.Message[..4000] : e.Message;
            var final = message.Attempts >= OutboxMessage.MaxAttempts;
            if (final)
            {
                message.State = OutboxState.Failed;
            }

            await db.SaveChangesAsync(cancellationToken);
            if (!final)
            {
                throw;
            }

            LogFailed(logger, message.Id, message.Attempts, e);
        }
    }

    [LoggerMessage(LogLevel.Information, "Outbox message {MessageId} waits: no SMTP server is configured (Qala:Smtp:Host)")]
    private static partial void LogNotConfigured(ILogger logger, long messageId);

    [LoggerMessage(LogLevel.Error, "Outbox message {MessageId} could not be sent after {Attempts} attempts")]
    private static partial void LogFailed(ILogger logger, long messageId, int attempts, Exception exception);
}

public static class EmailServices
{
    public static IHostApplicationBuilder AddQalaEmail(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<SmtpOptions>(builder.Configuration.GetSection("Qala:Smtp"));
        builder.Services.AddScoped<Outbox>();
        builder.Services.AddJob<SendEmailJob>();
        return builder;
    }
}
