using Qala.Web.Data.Audit;

namespace Qala.Web.Infrastructure.Jobs;

/// <summary>Every night: verify the audit log's hash chain and raise an error in the logs if it was tampered with.</summary>
internal sealed partial class AuditVerificationJob(AuditLog log, ILogger<AuditVerificationJob> logger) : IJobHandler
{
    public const string JobKind = "audit-verify";

    public static readonly JobSchedule Schedule = new(JobKind, TimeSpan.FromDays(1), TimeSpan.FromMinutes(10));

    public string Kind => JobKind;

    public async Task RunAsync(string? payload, CancellationToken cancellationToken)
    {
        var result = await log.VerifyAsync(cancellationToken);
        if (result.FirstBreak is { } broken)
        {
            LogTampered(logger, broken.Sequence, broken.Reason);
        }
        else
        {
            LogIntact(logger, result.EntriesChecked);
        }
    }

    [LoggerMessage(LogLevel.Critical, "The audit log was tampered with: first broken entry {Sequence}: {Reason}")]
    private static partial void LogTampered(ILogger logger, long sequence, string reason);

    [LoggerMessage(LogLevel.Information, "The audit log is intact ({Entries} entries)")]
    private static partial void LogIntact(ILogger logger, long entries);
}
