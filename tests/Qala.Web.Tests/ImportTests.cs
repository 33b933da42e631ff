using System.Globalization;
using System.Text;
using AngleSharp.Dom;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Documents;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests;

public sealed class ImportTests
{
    private const string Page = "/admin/code-mappings/import";

    private static int Count(IDocument page, string what) =>
        int.Parse(page.QuerySelector($"#import-counts [data-count={what}]")!.TextContent, CultureInfo.InvariantCulture);

    private static byte[] Csv(string text) => Encoding.UTF8.GetBytes(text);

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_file_is_previewed_then_imported_and_a_second_import_changes_nothing(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        var file = Csv("scheme;code;territory\r\nkazstat;KZALA;750000000\r\nkazstat;KZKAR;790000000\r\nstat.gov.kz;ALA;750000000\r\nstat.gov.kz;SHY;790000000\r\n");

        var preview = await admin.PreviewImportAsync(Page, "mappings.csv", file);

        (Count(preview, "added"), Count(preview, "changed"), Count(preview, "unchanged"), Count(preview, "skipped")).ShouldBe((2, 1, 1, 0));
        preview.QuerySelector("#import-samples")!.TextContent.ShouldContain("kazstat KZKAR → 790000000");
        (await app.QueryAsync(db => db.Set<TerritoryCodeMapping>().CountAsync(m => m.Scheme == "stat.gov.kz"))).ShouldBe(0, "a preview saves nothing");

        var done = await admin.CommitImportAsync(preview, ImportMode.AllOrNothing);
        done.QuerySelector("#import-done")!.TextContent.ShouldBe("The import is saved: 2 added, 1 changed, 1 unchanged, 0 skipped.");
        var mappings = await app.QueryAsync(db => db.Set<TerritoryCodeMapping>().Include(m => m.Territory).ToListAsync());
        mappings.Single(m => m.Scheme == "kazstat" && m.ExternalCode == "KZKAR").Territory!.Code.ShouldBe("790000000");
        var batch = await app.QueryAsync(db => db.Set<ImportBatch>().SingleAsync());
        (batch.FileName, batch.ImportedBy, batch.Added, batch.Changed, batch.Unchanged).ShouldBe(("mappings.csv", "admin", 2, 1, 1));
        mappings.Where(m => m.Scheme == "stat.gov.kz").ShouldAllBe(m => m.ImportBatchId == batch.Id);
        done.QuerySelector("#batches")!.TextContent.ShouldContain("mappings.csv");

        var again = await admin.PreviewImportAsync(Page, "mappings.csv", file);
        (Count(again, "added"), Count(again, "changed"), Count(again, "unchanged")).ShouldBe((0, 0, 4));
        again.QuerySelector("#import-report .alert-info")!.TextContent.ShouldContain("already imported");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Invalid_rows_are_reported_by_row_column_and_value_and_stop_an_all_or_nothing_import(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        var before = await app.QueryAsync(db => db.Set<TerritoryCodeMapping>().CountAsync());
        var file = Csv("scheme,code,territory\nmy.codes,A1,750000000\nBad Scheme!,A2,750000000\nmy.codes,A3,123\nmy.codes,A1,790000000\n");

        var preview = await admin.PreviewImportAsync(Page, "codes.csv", file, "ru");
        var errors = preview.QuerySelectorAll("#import-errors tbody tr").Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();

        errors.Count.ShouldBe(3);
        errors[0].ShouldBe(["codes.csv", "3", "scheme", "Bad Scheme!", "Схема состоит из 2–40 строчных латинских букв, цифр, точек, дефисов или знаков подчёркивания."]);
        errors[1][1..4].ShouldBe(["4", "territory", "123"]);
        errors[1][4].ShouldBe("Территории с таким кодом КАТО нет.");
        errors[2][1].ShouldBe("5");
        errors[2][4].ShouldBe("Та же запись уже есть в файле выше, в строке 2.");

        var refused = await admin.CommitImportAsync(preview, ImportMode.AllOrNothing);
        refused.QuerySelector("#import-done").ShouldBeNull();
        (await app.QueryAsync(db => db.Set<TerritoryCodeMapping>().CountAsync())).ShouldBe(before);
        (await app.QueryAsync(db => db.Set<ImportBatch>().CountAsync())).ShouldBe(0);

        var partial = await admin.CommitImportAsync(refused, ImportMode.SkipInvalidRows);
        partial.QuerySelector("#import-done")!.TextContent.ShouldContain("1");
        (await app.QueryAsync(db => db.Set<TerritoryCodeMapping>().CountAsync(m => m.Scheme == "my.codes"))).ShouldBe(1);
        (await app.QueryAsync(db => db.Set<ImportBatch>().SingleAsync())).Skipped.ShouldBe(3);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_workbook_written_by_Qala_imports_and_a_mislabelled_or_empty_file_is_refused(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        using var workbook = new MemoryStream();
        SpreadsheetWriter.Write(
            new ReportDocument("Codes", [new ReportTable("codes", [new("scheme"), new("code"), new("territory")],
                [["okato", "71", "710000000"], ["okato", "75", "750000000"]])]),
            workbook,
            CultureInfo.GetCultureInfo("ru-KZ"));

        var preview = await admin.PreviewImportAsync(Page, "codes.xlsx", workbook.ToArray());
        Count(preview, "added").ShouldBe(2);

        var mislabelled = await admin.PreviewImportAsync(Page, "codes.xlsx", Csv("scheme,code,territory\nokato,79,790000000\n"));
        mislabelled.QuerySelector("#import-errors")!.TextContent.ShouldContain("named as an Excel workbook but contains CSV text");
        mislabelled.QuerySelector("#commit-form").ShouldNotBeNull();

        var empty = await admin.PreviewImportAsync(Page, "codes.csv", []);
        empty.Body!.TextContent.ShouldContain("Choose a file that is not empty.");
        empty.QuerySelector("#import-report").ShouldBeNull();
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_file_passes_through_in_chunks_of_the_configured_size_and_a_file_over_the_limit_is_refused_with_the_limit(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, new Dictionary<string, string?>
        {
            ["Qala:Imports:UploadChunkBytes"] = "4096",
            ["Qala:Imports:MaxUploadBytes"] = "1048576",
        });
        var admin = await app.SignedInAsync();
        var file = Csv("scheme;code;territory\r\n" + string.Concat(Enumerable.Range(1, 6000).Select(i => $"chunked;C{i:D5};750000000\r\n")));
        file.Length.ShouldBeGreaterThan(30 * 4096);

        var preview = await admin.PreviewImportAsync(Page, "many.csv", file);
        Count(preview, "added").ShouldBe(6000);
        var upload = await app.QueryAsync(db => db.Set<ImportUpload>().SingleAsync());
        upload.Size.ShouldBe(file.Length);
        upload.FileHash.ShouldBe(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(file)));
        var chunks = await app.QueryAsync(db => db.Set<ImportUploadChunk>().Where(c => c.UploadId == upload.Id).Select(c => c.Data.Length).ToListAsync());
        chunks.Count.ShouldBe((file.Length + 4095) / 4096);
        chunks.Sum().ShouldBe(file.Length);

        var done = await admin.CommitImportAsync(preview, ImportMode.AllOrNothing);
        done.QuerySelector("#import-done")!.TextContent.ShouldContain("6000 added");
        (await app.QueryAsync(db => db.Set<TerritoryCodeMapping>().CountAsync(m => m.Scheme == "chunked"))).ShouldBe(6000);
        var batch = await app.QueryAsync(db => db.Set<ImportBatch>().SingleAsync());
        (batch.FileSize, batch.FileHash).ShouldBe((file.Length, upload.FileHash));
        (await app.QueryAsync(db => db.Set<ImportUploadChunk>().CountAsync())).ShouldBe(0, "a committed upload is removed with its chunks");

        using var workbook = new MemoryStream();
        SpreadsheetWriter.Write(
            new ReportDocument("Codes", [new ReportTable("codes", [new("scheme"), new("code"), new("territory")],
                [.. Enumerable.Range(1, 3000).Select(i => (IReadOnlyList<object?>)["book", $"B{i}", "710000000"])])]),
            workbook,
            CultureInfo.GetCultureInfo("kk-KZ"));
        workbook.Length.ShouldBeGreaterThan(3 * 4096);
        Count(await admin.PreviewImportAsync(Page, "book.xlsx", workbook.ToArray()), "added").ShouldBe(3000);

        var tooLarge = await admin.PreviewImportAsync(Page, "large.csv", Csv("code\n" + new string('x', 1024 * 1024)));
        tooLarge.Body!.TextContent.ShouldContain("The file is larger than 1 MB.");
        tooLarge.QuerySelector("#import-report").ShouldBeNull();

        var farTooLarge = await admin.UploadAsync($"{Page}?lang=en", $"{Page}?handler=Preview&lang=en", "huge.csv", Csv("code\n" + new string('x', 3 * 1024 * 1024)));
        farTooLarge.StatusCode.ShouldNotBe(System.Net.HttpStatusCode.OK, "a body far beyond the limit is cut off while it arrives");
        (await app.QueryAsync(db => db.Set<ImportUpload>().CountAsync())).ShouldBe(1, "only the previewed workbook waits");
    }

    /// <summary>Writes a mapping per row and dies in the middle of the second chunk, like a killed process.</summary>
    private sealed class DyingImport(Data.QalaDbContext db, int territoryId) : ImportDefinition<string>
    {
        private int chunks;

        public override string Kind => "dying-import";

        public override IReadOnlyList<string> RequiredColumns { get; } = ["code"];

        public override Task<string?> ParseAsync(TabularRow row, List<ImportError> errors, CancellationToken cancellationToken) =>
            Task.FromResult<string?>(row["code"].Value);

        public override string KeyOf(string row) => row;

        public override Task<IReadOnlyList<ImportOutcome>> CompareAsync(IReadOnlyList<string> rows, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<ImportOutcome>>([.. rows.Select(_ => ImportOutcome.Added)]);

        public override Task ApplyAsync(IReadOnlyList<(string Row, ImportOutcome Outcome)> rows, ImportBatch batch, CancellationToken cancellationToken)
        {
            if (++chunks == 2)
            {
                throw new IOException("the process was killed");
            }

            db.AddRange(rows.Select(r => new TerritoryCodeMapping { Scheme = "dying", ExternalCode = r.Row, TerritoryId = territoryId, ImportBatchId = batch.Id }));
            return Task.CompletedTask;
        }

        public override string Describe(string row, ImportOutcome outcome) => row;
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task An_import_interrupted_halfway_leaves_nothing_behind(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var almaty = await app.QueryAsync(db => db.Set<Territory>().Where(t => t.Code == "750000000").Select(t => t.Id).SingleAsync());
        var file = Csv("code\n" + string.Join("\n", Enumerable.Range(1, 2500).Select(i => $"C{i}")) + "\n");

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var importer = scope.ServiceProvider.GetRequiredService<Importer>();
            var definition = new DyingImport(scope.ServiceProvider.GetRequiredService<Data.QalaDbContext>(), almaty);
            var upload = await importer.UploadAsync(definition.Kind, "big.csv", new MemoryStream(file), CancellationToken.None);
            await Should.ThrowAsync<IOException>(() => importer.CommitAsync(definition, upload, ImportMode.AllOrNothing, CancellationToken.None));
        }

        (await app.QueryAsync(db => db.Set<TerritoryCodeMapping>().CountAsync(m => m.Scheme == "dying"))).ShouldBe(0, "the first chunk was written but never committed");
        (await app.QueryAsync(db => db.Set<ImportBatch>().CountAsync())).ShouldBe(0);
        (await app.QueryAsync(db => db.Set<ImportUpload>().CountAsync(u => u.Kind == "dying-import"))).ShouldBe(1, "the upload stays for another try");
    }
}
