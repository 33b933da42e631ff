using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.Extensions.Options;
using Qala.Engine.Participation.Topics;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Infrastructure.Jobs;

namespace Qala.Web.Features.Participation;

/// <summary>
/// A trained topic model as stored: the classifier's bytes (<see cref="TopicModel.ToBytes"/>), when it was trained and
/// on how many confirmed suggestions. Derived data, rebuilt from the suggestions at any time, so not audited.
/// </summary>
public sealed class TopicModelSnapshot : IAuditExempt
{
    public int Id { get; set; }

    public DateTimeOffset TrainedAt { get; set; }

    public int Examples { get; set; }

    /// <summary>The topic codes the model can suggest, comma-separated.</summary>
    public required string Labels { get; set; }

    public required byte[] Content { get; set; }
}

internal sealed class TopicModelSnapshotConfiguration : IEntityTypeConfiguration<TopicModelSnapshot>
{
    public void Configure(EntityTypeBuilder<TopicModelSnapshot> builder)
    {
        builder.ToTable("TopicModels");
        builder.Property(m => m.Labels).HasMaxLength(4000);
    }
}

/// <summary>
/// The newest trained model, read once per web node and kept until a newer one is stored. Whether there is a newer one
/// is asked at most once per <see cref="Fresh"/> (one cheap query), so a model trained on another node is used within
/// a second; the node that trains uses its model at once (<see cref="Use"/>). Thread-safe: suggestions arrive on many
/// requests at once.
/// </summary>
public sealed class TopicModelCache(TimeProvider time)
{
    public static readonly TimeSpan Fresh = TimeSpan.FromSeconds(1);

    private volatile Known? known;

    public async Task<TopicModel?> CurrentAsync(QalaDbContext db, CancellationToken cancellationToken)
    {
        var last = known;
        if (last is not null && time.GetElapsedTime(last.CheckedAt) < Fresh)
        {
            return last.Model;
        }

        var checkedAt = time.GetTimestamp();
        var newest = await db.Set<TopicModelSnapshot>().AsNoTracking().OrderByDescending(m => m.Id).Select(m => (int?)m.Id).FirstOrDefaultAsync(cancellationToken);
        if (newest is null)
        {
            known = new Known(null, null, checkedAt);
            return null;
        }

        if (last is { Model: { } model } && last.Id == newest)
        {
            known = last with { CheckedAt = checkedAt };
            return model;
        }

        var content = await db.Set<TopicModelSnapshot>().AsNoTracking().Where(m => m.Id == newest).Select(m => m.Content).SingleAsync(cancellationToken);
        var read = TopicModel.FromBytes(content);
        known = new Known(newest, read, checkedAt);
        return read;
    }

    /// <summary>Uses a model this node has just stored, without waiting to find it in the database.</summary>
    public void Use(int id, TopicModel model) => known = new Known(id, model, time.GetTimestamp());

    private sealed record Known(int? Id, TopicModel? Model, long CheckedAt);
}

/// <summary>
/// Learns the topics from the suggestions whose topic a person chose or confirmed: retrains on all of them (seconds
/// for tens of thousands) and stores the model, keeping only the newest.
/// </summary>
public sealed class TopicTraining(QalaDbContext db, TopicModelCache models, TimeProvider time, IOptions<ParticipationOptions> options)
{
    /// <summary>The stored model, or null when there are too few confirmed examples or fewer than two topics among them.</summary>
    public async Task<TopicModelSnapshot?> TrainAsync(CancellationToken cancellationToken)
    {
        var examples = await db.Set<Suggestion>().AsNoTracking()
            .Where(s => s.TopicConfirmedBy != null && s.TopicId != null)
            .OrderBy(s => s.Id).Select(s => new LabelledText(s.Text, s.Topic!.Code)).ToListAsync(cancellationToken);
        var labels = examples.Select(e => e.Label).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList();
        if (examples.Count < options.Value.MinTrainingExamples || labels.Count < 2)
        {
            return null;
        }

        var model = await Task.Run(() => TopicClassifier.Train(examples), cancellationToken);
        var snapshot = new TopicModelSnapshot { TrainedAt = time.GetUtcNow(), Examples = examples.Count, Labels = string.Join(',', labels), Content = model.ToBytes() };
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.Set<TopicModelSnapshot>().ExecuteDeleteAsync(cancellationToken);
        db.Add(snapshot);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        models.Use(snapshot.Id, model);
        return snapshot;
    }
}

/// <summary>Retrains the topic model every night, and when staff ask for it.</summary>
public sealed class TopicTrainingJob(TopicTraining training) : IJobHandler
{
    public const string JobKind = "participation-topic-training";

    public static readonly JobSchedule Schedule = new(JobKind, TimeSpan.FromDays(1), TimeSpan.FromMinutes(15));

    public string Kind => JobKind;

    public Task RunAsync(string? payload, CancellationToken cancellationToken) => training.TrainAsync(cancellationToken);
}
