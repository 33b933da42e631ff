using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qala.Web.Data;
using Qala.Web.Infrastructure.Email;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Infrastructure.Jobs;

namespace Qala.Web.Infrastructure.Privacy;

/// <summary>What Qala holds about one person in one place, as shown in an access request.</summary>
public sealed record PersonalDataRecord(string Source, string Key, IReadOnlyDictionary<string, string?> Fields);

/// <summary>
/// A place that holds personal data. Every feature that stores a person's contact data registers one, so that an
/// access or erasure request reaches all of them.
/// </summary>
public interface IPersonalDataSource
{
    string Name { get; }

    Task<IReadOnlyList<PersonalDataRecord>> FindAsync(string email, CancellationToken cancellationToken);

    /// <summary>Deletes or anonymises what the source holds about the person; returns how many records it changed.</summary>
    Task<int> EraseAsync(string email, CancellationToken cancellationToken);
}

/// <summary>How long personal data is kept when nothing requires it longer (<c>Qala:PersonalData</c>).</summary>
public sealed class PersonalDataOptions
{
    public int OutboxRetentionDays { get; set; } = 90;

    public int UploadRetentionHours { get; set; } = 24;
}

/// <summary>Access and erasure requests across every registered source.</summary>
public sealed class PersonalDataRequests(IEnumerable<IPersonalDataSource> sources)
{
    public async Task<IReadOnlyList<PersonalDataRecord>> FindAsync(string email, CancellationToken cancellationToken)
    {
        var records = new List<PersonalDataRecord>();
        foreach (var source in sources)
        {
            records.AddRange(await source.FindAsync(email.Trim(), cancellationToken));
        }

        return records;
    }

    public async Task<int> EraseAsync(string email, CancellationToken cancellationToken)
    {
        var erased = 0;
        foreach (var source in sources)
        {
            erased += await source.EraseAsync(email.Trim(), cancellationToken);
        }

        return erased;
    }
}

/// <summary>The e-mails Qala sent or will send: the recipient's address and the text written to them.</summary>
internal sealed class OutboxPersonalData(QalaDbContext db) : IPersonalDataSource
{
    public const string Erased = "erased";

    public string Name => "Outgoing e-mail";

    public async Task<IReadOnlyList<PersonalDataRecord>> FindAsync(string email, CancellationToken cancellationToken) =>
        [.. (await db.Set<OutboxMessage>().AsNoTracking().Where(m => m.To == email).OrderBy(m => m.Id).ToListAsync(cancellationToken))
            .Select(m => new PersonalDataRecord(Name, m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), new Dictionary<string, string?>
            {
                ["To"] = m.To,
                ["Subject"] = m.Subject,
                ["Body"] = m.Body,
                ["State"] = m.State.ToString(),
                ["CreatedAt"] = m.CreatedAt.ToString("O", System.Globalization.CultureInfo.InvariantCulture),
            }))];

    public Task<int> EraseAsync(string email, CancellationToken cancellationToken) =>
        db.Set<OutboxMessage>().Where(m => m.To == email)
            .ExecuteUpdateAsync(m => m.SetProperty(x => x.To, Erased).SetProperty(x => x.Body, Erased).SetProperty(x => x.Subject, Erased), cancellationToken);
}

/// <summary>
/// Every day: anonymise e-mails older than the retention period once they are sent or failed, and delete import
/// uploads that were previewed but never committed.
/// </summary>
internal sealed class PersonalDataRetentionJob(QalaDbContext db, TimeProvider time, IOptions<PersonalDataOptions> options) : IJobHandler
{
    public const string JobKind = "personal-data-retention";

    public static readonly JobSchedule Schedule = new(JobKind, TimeSpan.FromDays(1), TimeSpan.FromMinutes(30));

    public string Kind => JobKind;

    public async Task RunAsync(string? payload, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var mailBefore = now.AddDays(-options.Value.OutboxRetentionDays);
        var uploadsBefore = now.AddHours(-options.Value.UploadRetentionHours);

        // Dates are compared in memory: SQLite cannot compare DateTimeOffset values in SQL.
        var oldMail = (await db.Set<OutboxMessage>().Where(m => m.State != OutboxState.Pending && m.To != OutboxPersonalData.Erased)
            .Select(m => new { m.Id, m.CreatedAt }).ToListAsync(cancellationToken)).Where(m => m.CreatedAt < mailBefore).Select(m => m.Id).ToList();
        await db.Set<OutboxMessage>().Where(m => oldMail.Contains(m.Id)).ExecuteUpdateAsync(
            m => m.SetProperty(x => x.To, OutboxPersonalData.Erased).SetProperty(x => x.Body, OutboxPersonalData.Erased), cancellationToken);

        var oldUploads = (await db.Set<ImportUpload>().Select(u => new { u.Id, u.UploadedAt }).ToListAsync(cancellationToken))
            .Where(u => u.UploadedAt < uploadsBefore).Select(u => u.Id).ToList();
        await db.Set<ImportUpload>().Where(u => oldUploads.Contains(u.Id)).ExecuteDeleteAsync(cancellationToken);
    }
}

public static class PersonalDataServices
{
    public static IHostApplicationBuilder AddQalaPersonalData(this IHostApplicationBuilder builder)
    {
        builder.Services.Configure<PersonalDataOptions>(builder.Configuration.GetSection("Qala:PersonalData"));
        builder.Services.AddScoped<PersonalDataRequests>();
        builder.Services.AddScoped<IPersonalDataSource, OutboxPersonalData>();
        builder.Services.AddJob<PersonalDataRetentionJob>(PersonalDataRetentionJob.Schedule);
        return builder;
    }
}
