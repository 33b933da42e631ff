using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Qala.Web.Data;
using Qala.Web.Data.Audit;

namespace Qala.Web.Infrastructure.Imports;

public enum ImportOutcome
{
    Added,
    Changed,
    Unchanged,
}

/// <summary>
/// A problem with the file or one of its values: where it is, what it holds and why it is refused (or, as a warning,
/// what was done about it). <see cref="Arguments"/> fill the placeholders of the message.
/// </summary>
public sealed record ImportError(int? Row, string? Column, string? Value, string MessageKey, IReadOnlyList<object>? Arguments = null)
{
    public object[] MessageArguments => Arguments is null ? [] : [.. Arguments];
}

/// <summary>What a second row with the key of an earlier row in the same file does.</summary>
public enum RepeatedRows
{
    /// <summary>It is an invalid row.</summary>
    Refuse,

    /// <summary>It is left out with a warning that names the earlier row, whose value is imported.</summary>
    KeepFirst,
}

/// <summary>A line of the preview: what one row will do (<see cref="ImportDefinition{TRow}.Describe"/>).</summary>
public sealed record ImportSample(ImportOutcome Outcome, string Text);

/// <summary>What an import did or would do (a preview runs the same steps without saving).</summary>
public sealed record ImportReport(
    string FileName,
    int Added,
    int Changed,
    int Unchanged,
    int Skipped,
    int ErrorCount,
    IReadOnlyList<ImportError> Errors,
    int WarningCount,
    IReadOnlyList<ImportError> Warnings,
    IReadOnlyList<ImportSample> Samples,
    ImportBatch? PreviousImportOfSameFile,
    long? BatchId)
{
    public bool HasErrors => ErrorCount > 0;
}

/// <summary>
/// One kind of import: the columns it needs, how a row becomes a value, and how values compare with and are written to
/// the database. The <see cref="Importer"/> does the rest — reading, validation, duplicates, chunks, the transaction.
/// </summary>
public abstract class ImportDefinition<TRow>
    where TRow : class
{
    public abstract string Kind { get; }

    public abstract IReadOnlyList<string> RequiredColumns { get; }

    /// <summary>Called once before the rows are read, with the file's name; an error added here refuses the whole file.</summary>
    public virtual Task PrepareAsync(string fileName, List<ImportError> errors, CancellationToken cancellationToken) => Task.CompletedTask;

    /// <summary>The row's value; <c>null</c> after adding at least one error, or without one for a row that states nothing.</summary>
    public abstract Task<TRow?> ParseAsync(TabularRow row, List<ImportError> errors, CancellationToken cancellationToken);

    /// <summary>What identifies a row; what a second row with the same key in one file does is <see cref="RepeatedRows"/>.</summary>
    public abstract string KeyOf(TRow row);

    public virtual RepeatedRows RepeatedRows => RepeatedRows.Refuse;

    /// <summary>How a message names the record of a row; its key unless the key means nothing to a reader.</summary>
    public virtual string Label(TRow row) => KeyOf(row);

    public abstract Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<TRow> rows, CancellationToken cancellationToken);

    public abstract Task ApplyAsync(IReadOnlyList<(TRow Row, ImportOutcome Outcome)> rows, ImportBatch batch, CancellationToken cancellationToken);

    /// <summary>A line of the preview that says what the row will do.</summary>
    public abstract string Describe(TRow row, ImportOutcome outcome);

    /// <summary>Whether the preview lists unchanged rows too, beside the added and changed ones.</summary>
    public virtual bool ListsUnchanged => false;

    /// <summary>Called once when every row of a committed import is applied, in its transaction: work that follows from the whole file.</summary>
    public virtual Task CompleteAsync(ImportBatch batch, CancellationToken cancellationToken) => Task.CompletedTask;
}

/// <summary>
/// Runs an import: read → validate → preview or commit, all-or-nothing by default. Rows stream through in chunks, so
/// memory does not grow with the file beyond the keys seen; a commit is one transaction, so an interruption leaves
/// nothing partial behind.
/// </summary>
public sealed class Importer(QalaDbContext db, AuditActorAccessor actors, TimeProvider time, IOptions<ImportOptions> options)
{
    private const int ChunkSize = 1000;
    private const int ListedErrors = 500;
    private const int ListedSamples = 20;

    /// <summary>The configured limits of uploads.</summary>
    public ImportOptions Limits => options.Value;

    /// <summary>
    /// Stores a file for its preview and commit, read from <paramref name="content"/> in chunks of
    /// <see cref="ImportOptions.UploadChunkBytes"/>, each written as it arrives, in one transaction: memory stays
    /// bounded and an interrupted upload leaves nothing behind.
    /// </summary>
    public async Task<ImportUpload> UploadAsync(string kind, string fileName, Stream content, CancellationToken cancellationToken)
    {
        await using var transaction = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        var upload = new ImportUpload
        {
            Id = Guid.NewGuid(),
            Kind = kind,
            FileName = Path.GetFileName(fileName),
            FileHash = string.Empty,
            UploadedBy = actors.Current().UserName,
            UploadedAt = time.GetUtcNow(),
        };
        db.Add(upload);
        await db.SaveChangesAsync(cancellationToken);

        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[options.Value.UploadChunkBytes];
        for (var sequence = 0; ; sequence++)
        {
            var length = await content.ReadAtLeastAsync(buffer, buffer.Length, throwOnEndOfStream: false, cancellationToken);
            if (length == 0)
            {
                break;
            }

            hash.AppendData(buffer, 0, length);
            upload.Size += length;
            var chunk = new ImportUploadChunk { UploadId = upload.Id, Sequence = sequence, Data = buffer[..length] };
            db.Add(chunk);
            await db.SaveChangesAsync(cancellationToken);
            db.Entry(chunk).State = EntityState.Detached;
        }

        upload.FileHash = Convert.ToHexStringLower(hash.GetHashAndReset());
        await db.SaveChangesAsync(cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return upload;
    }

    /// <summary>Removes an upload that will not be imported.</summary>
    public Task DiscardAsync(Guid id, CancellationToken cancellationToken) =>
        db.Set<ImportUpload>().Where(u => u.Id == id).ExecuteDeleteAsync(cancellationToken);

    public Task<ImportUpload?> FindUploadAsync(Guid id, string kind, CancellationToken cancellationToken) =>
        db.Set<ImportUpload>().SingleOrDefaultAsync(u => u.Id == id && u.Kind == kind, cancellationToken);

    public Task<ImportReport> PreviewAsync<TRow>(ImportDefinition<TRow> definition, ImportUpload upload, ImportMode mode, CancellationToken cancellationToken)
        where TRow : class =>
        RunAsync(definition, upload, mode, commit: false, cancellationToken);

    public async Task<ImportReport> CommitAsync<TRow>(ImportDefinition<TRow> definition, ImportUpload upload, ImportMode mode, CancellationToken cancellationToken)
        where TRow : class
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        // Taking the upload first makes a second submit of the same form (a double click, another node) find it taken,
        // or gone once this commit is done; a failed import rolls the claim back so the file can be tried again.
        db.Entry(upload).State = EntityState.Detached;
        if (await db.Set<ImportUpload>().Where(u => u.Id == upload.Id && !u.Taken)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.Taken, true), cancellationToken) == 0)
        {
            await transaction.RollbackAsync(cancellationToken);
            return new ImportReport(upload.FileName, 0, 0, 0, 0, 1, [new ImportError(null, null, null, "This file has already been imported.")], 0, [], [], null, null);
        }

        var report = await RunAsync(definition, upload, mode, commit: true, cancellationToken);
        if (report.BatchId is null)
        {
            await transaction.RollbackAsync(cancellationToken);
            return report;
        }

        await db.Set<ImportUpload>().Where(u => u.Id == upload.Id).ExecuteDeleteAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return report;
    }

    private async Task<ImportReport> RunAsync<TRow>(ImportDefinition<TRow> definition, ImportUpload upload, ImportMode mode, bool commit, CancellationToken cancellationToken)
        where TRow : class
    {
        var previous = await db.Set<ImportBatch>().AsNoTracking()
            .Where(b => b.Kind == definition.Kind && b.FileHash == upload.FileHash)
            .OrderByDescending(b => b.Id).FirstOrDefaultAsync(cancellationToken);
        var errors = new List<ImportError>();
        var errorCount = 0;
        var warnings = new List<ImportError>();
        var warningCount = 0;
        var skipped = 0;
        var counts = new int[3];
        var samples = new List<ImportSample>();
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var chunk = new List<TRow>(ChunkSize);
        ImportBatch? batch = null;

        void Fail(ImportError error)
        {
            errorCount++;
            if (errors.Count < ListedErrors)
            {
                errors.Add(error);
            }
        }

        void Warn(ImportError warning)
        {
            warningCount++;
            if (warnings.Count < ListedErrors)
            {
                warnings.Add(warning);
            }
        }

        ImportReport Report(long? batchId) =>
            new(upload.FileName, counts[0], counts[1], counts[2], skipped, errorCount, errors, warningCount, warnings, samples, previous, batchId);

        async Task FlushAsync()
        {
            if (chunk.Count == 0)
            {
                return;
            }

            var outcomes = await definition.CompareAsync(chunk, cancellationToken);
            var rows = chunk.Zip(outcomes).ToList();
            foreach (var (row, outcome) in rows)
            {
                counts[(int)outcome]++;
                if ((outcome != ImportOutcome.Unchanged || definition.ListsUnchanged) && samples.Count < ListedSamples)
                {
                    samples.Add(new ImportSample(outcome, definition.Describe(row, outcome)));
                }
            }

            if (commit && (mode == ImportMode.SkipInvalidRows || errorCount == 0))
            {
                if (batch is null)
                {
                    batch = NewBatch(definition.Kind, upload, mode);
                    db.Add(batch);
                    await db.SaveChangesAsync(cancellationToken);
                }

                await definition.ApplyAsync(rows, batch, cancellationToken);
                await db.SaveChangesAsync(cancellationToken);
                db.ChangeTracker.Clear();
            }

            chunk.Clear();
        }

        var fileErrors = new List<ImportError>();
        await definition.PrepareAsync(upload.FileName, fileErrors, cancellationToken);
        if (fileErrors.Count > 0)
        {
            fileErrors.ForEach(Fail);
            return Report(null);
        }

        await using var content = new ImportUploadContent(db, upload.Id);
        var opened = await TabularFile.OpenAsync(content, upload.FileName, cancellationToken: cancellationToken);
        if (opened.Reader is not { } reader)
        {
            Fail(new ImportError(opened.Issue?.Row, null, null, opened.Issue?.MessageKey ?? "The file cannot be read."));
            return Report(null);
        }

        await using (reader)
        {
            foreach (var issue in reader.Header.Issues)
            {
                (issue.Severity == TabularIssueSeverity.Error ? (Action<ImportError>)Fail : Warn)(new ImportError(issue.Row, issue.Column?.Name, issue.Value, issue.MessageKey));
            }

            foreach (var column in definition.RequiredColumns.Where(c => reader.Header.Find(c) is null))
            {
                Fail(new ImportError(reader.Header.RowNumber, column, null, "The file has no column with this name."));
            }

            if (errorCount > 0)
            {
                return Report(null);
            }

            try
            {
                await foreach (var row in reader.ReadRowsAsync(cancellationToken))
                {
                    foreach (var issue in row.Issues.Where(i => i.Severity != TabularIssueSeverity.Error))
                    {
                        Warn(new ImportError(issue.Row ?? row.RowNumber, issue.Column?.Name, issue.Value, issue.MessageKey));
                    }

                    var rowErrors = row.Issues.Where(i => i.Severity == TabularIssueSeverity.Error)
                        .Select(i => new ImportError(i.Row ?? row.RowNumber, i.Column?.Name, i.Value, i.MessageKey)).ToList();
                    var value = rowErrors.Count == 0 ? await definition.ParseAsync(row, rowErrors, cancellationToken) : null;
                    if (value is not null && !seen.TryAdd(definition.KeyOf(value), row.RowNumber))
                    {
                        var first = seen[definition.KeyOf(value)];
                        if (definition.RepeatedRows == RepeatedRows.KeepFirst)
                        {
                            Warn(new ImportError(row.RowNumber, null, definition.Label(value), "The same record appears earlier, in row {0}: the value of that row is kept and this row is left out.", [first]));
                            continue;
                        }

                        rowErrors.Add(new ImportError(row.RowNumber, null, definition.Label(value), "The same record appears earlier in the file, in row {0}.", [first]));
                        value = null;
                    }

                    if (value is null)
                    {
                        skipped += rowErrors.Count > 0 ? 1 : 0;
                        rowErrors.ForEach(Fail);
                        continue;
                    }

                    chunk.Add(value);
                    if (chunk.Count == ChunkSize)
                    {
                        await FlushAsync();
                    }
                }
            }
            catch (TabularFileException e)
            {
                Fail(new ImportError(e.Issue.Row, e.Issue.Column?.Name, e.Issue.Value, e.Issue.MessageKey));
                return Report(null);
            }

            await FlushAsync();
        }

        if (!commit || (mode == ImportMode.AllOrNothing && errorCount > 0))
        {
            return Report(null);
        }

        if (batch is null)
        {
            // A file whose rows were all invalid or empty still leaves a record of the attempt that committed nothing.
            batch = NewBatch(definition.Kind, upload, mode);
            db.Add(batch);
        }
        else
        {
            await definition.CompleteAsync(batch, cancellationToken);
            db.ChangeTracker.Clear();
            db.Attach(batch);
        }

        (batch.Added, batch.Changed, batch.Unchanged, batch.Skipped) = (counts[0], counts[1], counts[2], skipped);
        await db.SaveChangesAsync(cancellationToken);
        return Report(batch.Id);
    }

    private ImportBatch NewBatch(string kind, ImportUpload upload, ImportMode mode) => new()
    {
        Kind = kind,
        FileName = upload.FileName,
        FileHash = upload.FileHash,
        FileSize = upload.Size,
        Mode = mode,
        ImportedBy = actors.Current().UserName,
        ImportedAt = time.GetUtcNow(),
    };
}
