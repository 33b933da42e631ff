using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qala.Web.Data.Audit;
using Qala.Web.Infrastructure.Documents;
using Qala.Web.Infrastructure.Files;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests.Files;

public sealed class AttachmentTests
{
    private const string Page = "/admin/files";

    private static Task<HttpResponseMessage> UploadAsync(HttpClient client, string fileName, byte[] content) =>
        client.UploadAsync($"{Page}?lang=en", $"{Page}?lang=en", fileName, content);

    private static async Task<string> RefusalAsync(HttpClient client, string fileName, byte[] content)
    {
        var response = await UploadAsync(client, fileName, content);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, $"{fileName} is refused on the page");
        var page = await response.HtmlAsync();
        return page.QuerySelector("#upload-errors")!.TextContent.Trim();
    }

    private static Task<int> CountAsync(QalaApp app) => app.QueryAsync(db => db.Set<Attachment>().CountAsync());

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_PDF_with_a_Kazakh_name_is_uploaded_listed_and_downloaded_with_safe_headers(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        const string name = "Мереке күнін ауыстыру туралы қаулы.pdf";

        var uploaded = await UploadAsync(admin, name, SampleFiles.Pdf);

        uploaded.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var page = await admin.PageAsync(Page + "?lang=en");
        page.QuerySelector(".alert-success")!.TextContent.ShouldBe($"The file {name} has been uploaded.");
        var row = page.QuerySelector("#files tbody tr")!;
        var link = row.QuerySelector("a[href^='/files/']")!;
        link.TextContent.Trim().ShouldBe(name);
        row.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).Skip(1).Take(3).ShouldBe(["application/pdf", $"{SampleFiles.Pdf.Length} bytes", "admin"]);

        var response = await admin.GetAsync(link.GetAttribute("href"));

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await response.Content.ReadAsByteArrayAsync()).ShouldBe(SampleFiles.Pdf);
        var sha = Convert.ToHexStringLower(SHA256.HashData(SampleFiles.Pdf));
        var ascii = new string([.. name.Select(c => c < 128 ? c : '_')]);
        var encoded = string.Concat(name.Select(c => c == ' ' ? "%20" : c < 128 ? c.ToString() : Uri.EscapeDataString(c.ToString())));
        Header(response, "Content-Type").ShouldBe("application/pdf");
        Header(response, "Content-Disposition").ShouldBe($"attachment; filename=\"{ascii}\"; filename*=UTF-8''{encoded}");
        Header(response, "X-Content-Type-Options").ShouldBe("nosniff");
        Header(response, "Content-Security-Policy").ShouldBe("sandbox; default-src 'none'");
        Header(response, "Cache-Control").ShouldBe("private, no-store");
        Header(response, "ETag").ShouldBe($"\"{sha}\"");
        response.Content.Headers.ContentDisposition!.FileNameStar.ShouldBe(name);

        using var again = new HttpRequestMessage(HttpMethod.Get, link.GetAttribute("href"));
        again.Headers.IfNoneMatch.ParseAdd($"\"{sha}\"");
        (await admin.SendAsync(again)).StatusCode.ShouldBe(HttpStatusCode.NotModified);

        var attachment = await app.QueryAsync(db => db.Set<Attachment>().SingleAsync());
        (attachment.FileName, attachment.ContentType, attachment.Size, attachment.Sha256, attachment.UploadedBy)
            .ShouldBe((name, "application/pdf", SampleFiles.Pdf.LongLength, sha, "admin"));
        var audited = await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType.StartsWith("Attachment")).ToListAsync());
        audited.ShouldHaveSingleItem().EntityType.ShouldBe("Attachments", "the log says who uploaded what, never the bytes");
        audited[0].EntityKey.ShouldBe(attachment.Id.ToString());
        audited[0].Changes.ShouldContain(sha);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_large_file_streams_back_from_the_database_byte_for_byte(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        var content = new byte[8 * 1024 * 1024];
        new Random(2026).NextBytes(content);
        "%PDF-1.7\n"u8.CopyTo(content);

        (await UploadAsync(admin, "scan.pdf", content)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await app.QueryAsync(db => db.Set<Attachment>().Select(a => a.Id).SingleAsync());
        var response = await admin.GetAsync($"/files/{id}", HttpCompletionOption.ResponseHeadersRead);

        response.Content.Headers.ContentLength.ShouldBe(content.Length);
        await using var body = await response.Content.ReadAsStreamAsync();
        using var received = new MemoryStream();
        await body.CopyToAsync(received);
        SHA256.HashData(received.ToArray()).ShouldBe(SHA256.HashData(content));
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_file_whose_name_contradicts_its_content_or_that_could_run_code_is_refused(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();

        (await RefusalAsync(admin, "decree.pdf", SampleFiles.Png))
            .ShouldBe("The file's name does not match its content. Rename it to end in .png, or choose the right file.");
        (await RefusalAsync(admin, "decree.pdf", SampleFiles.WindowsExecutable)).ShouldBe("Programs and scripts are not accepted.");
        (await RefusalAsync(admin, "setup.exe", SampleFiles.WindowsExecutable)).ShouldBe("Programs and scripts are not accepted.");
        (await RefusalAsync(admin, "tool", SampleFiles.LinuxExecutable)).ShouldBe("Programs and scripts are not accepted.");
        (await RefusalAsync(admin, "page.html", SampleFiles.Html)).ShouldBe("Web pages and SVG images are not accepted, because they can run scripts.");
        (await RefusalAsync(admin, "notes.txt", SampleFiles.Html)).ShouldBe("Web pages and SVG images are not accepted, because they can run scripts.");
        (await RefusalAsync(admin, "logo.svg", SampleFiles.Svg)).ShouldBe("Web pages and SVG images are not accepted, because they can run scripts.");
        (await RefusalAsync(admin, "archive.zip", SampleFiles.Zip("a.txt"))).ShouldBe("Files of this type are not accepted.");

        (await CountAsync(app)).ShouldBe(0);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Empty_and_too_large_files_are_refused_and_a_file_at_the_limit_is_kept(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, new Dictionary<string, string?> { ["Qala:Attachments:MaxBytes"] = "1000" });
        var admin = await app.SignedInAsync();
        (await admin.PageAsync(Page + "?lang=en")).QuerySelector("#upload-help")!.TextContent.ShouldEndWith("At most 1,000 bytes.");

        (await RefusalAsync(admin, "empty.txt", [])).ShouldBe("The file is empty.");
        (await RefusalAsync(admin, "big.txt", [.. Enumerable.Repeat((byte)'x', 1001)])).ShouldBe("The file is larger than the limit of 1,000 bytes.");
        (await CountAsync(app)).ShouldBe(0);

        (await UploadAsync(admin, "limit.txt", [.. Enumerable.Repeat((byte)'x', 1000)])).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await CountAsync(app)).ShouldBe(1);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_store_accepts_a_Word_document_written_by_Qala_and_stops_reading_past_the_limit(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind, new Dictionary<string, string?> { ["Qala:Attachments:MaxBytes"] = "100000" });
        await using var scope = app.Services.CreateAsyncScope();
        var store = scope.ServiceProvider.GetRequiredService<AttachmentStore>();
        using var docx = new MemoryStream();
        WordWriter.Write(
            new ReportDocument("Есеп", [new ReportParagraph("Демалыс күнін ауыстыру.")]), docx, CultureInfo.GetCultureInfo("kk-KZ"));
        docx.Position = 0;

        var saved = await store.SaveAsync("Есеп", docx, CancellationToken.None);

        saved.Succeeded.ShouldBeTrue(saved.Error?.MessageKey);
        (saved.Attachment.FileName, saved.Attachment.ContentType).ShouldBe(("Есеп.docx", WordWriter.ContentType), "a name without extension gets the content's");
        var opened = await store.OpenAsync(saved.Attachment.Id, CancellationToken.None);
        await using (opened!.Content)
        {
            using var copy = new MemoryStream();
            await opened.Content.CopyToAsync(copy);
            copy.ToArray().ShouldBe(docx.ToArray());
        }

        var endless = new EndlessStream();
        var refused = await store.SaveAsync("endless.txt", endless, CancellationToken.None);
        refused.Error.ShouldBe(new AttachmentError(AttachmentErrorCode.TooLarge, MaxBytes: 100_000));
        endless.BytesRead.ShouldBe(100_001, "the store reads one byte beyond the limit, no more");
        (await store.OpenAsync(Guid.NewGuid(), CancellationToken.None)).ShouldBeNull();
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Downloads_need_a_signed_in_user_and_an_unknown_id_is_not_found(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        (await UploadAsync(admin, "decree.pdf", SampleFiles.Pdf)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var id = await app.QueryAsync(db => db.Set<Attachment>().Select(a => a.Id).SingleAsync());

        var anonymous = await app.Browser().GetAsync($"/files/{id}");
        anonymous.StatusCode.ShouldBeOneOf(HttpStatusCode.Redirect, HttpStatusCode.Unauthorized);
        anonymous.Headers.Location?.ToString().ShouldContain("/account/sign-in");
        (await admin.GetAsync($"/files/{Guid.NewGuid()}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await app.Browser().GetAsync(Page)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var officer = await app.CreateUserAsync("planner1", "planner-password-1", [Qala.Web.Infrastructure.Auth.QalaRoles.Planner]);
        var planner = await app.SignedInAsync(officer.UserName!, "planner-password-1");
        (await planner.GetAsync(Page)).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "the page is for administrators");
        (await planner.GetAsync($"/files/{id}")).StatusCode.ShouldBe(HttpStatusCode.Forbidden, "a file no feature owns is for administrators, whoever knows its id");
    }

    private static string Header(HttpResponseMessage response, string name) =>
        (response.Headers.NonValidated.TryGetValues(name, out var values) || response.Content.Headers.NonValidated.TryGetValues(name, out values)
            ? values.ToString()
            : null)!;

    /// <summary>A stream without a length that never ends, counting what was read from it.</summary>
    private sealed class EndlessStream : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            buffer.AsSpan(offset, count).Fill((byte)'x');
            BytesRead += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
