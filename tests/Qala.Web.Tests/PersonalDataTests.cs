using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qala.Web.Data.Audit;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Email;
using Qala.Web.Infrastructure.Imports;
using Qala.Web.Infrastructure.Jobs;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests;

public sealed class PersonalDataTests
{
    private const string Email = "aigul.n@example.kz";

    private static async Task SendAsync(QalaApp app, string to)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
        outbox.Enqueue(to, "Сіздің ұсынысыңыз", "Рақмет, Айгүл!", "kk");
        await outbox.SaveAndScheduleAsync(CancellationToken.None);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_person_gets_everything_held_about_them_as_a_file_and_then_has_it_erased(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var user = await app.CreateUserAsync("aigul", "aigul-password-12", [QalaRoles.Planner]);
        await app.QueryAsync(async db =>
        {
            var entity = await db.Users.SingleAsync(u => u.Id == user.Id);
            entity.Email = Email;
            entity.NormalizedEmail = Email.ToUpperInvariant();
            return await db.SaveChangesAsync();
        });
        await SendAsync(app, Email);
        await SendAsync(app, "someone.else@example.kz");
        var admin = await app.SignedInAsync();

        var page = await admin.PageAsync($"/admin/personal-data?email={Email}");
        page.QuerySelectorAll("#records tbody tr").Length.ShouldBe(2);
        page.QuerySelector("#records")!.TextContent.ShouldContain("Рақмет, Айгүл!");

        var export = await admin.GetAsync(page.QuerySelector("#export")!.GetAttribute("href"));
        export.Content.Headers.ContentDisposition!.DispositionType.ShouldBe("attachment");
        var file = JsonDocument.Parse(await export.Content.ReadAsStringAsync()).RootElement;
        file.GetProperty("records").GetArrayLength().ShouldBe(2);
        (await export.Content.ReadAsStringAsync()).ShouldNotContain("someone.else");

        var erased = await admin.SubmitAsync((AngleSharp.Html.Dom.IHtmlFormElement)page.QuerySelector("form[action*=Erase]")!, []);
        erased.StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await admin.PageAsync($"/admin/personal-data?email={Email}")).QuerySelector("#no-records").ShouldNotBeNull();
        (await app.QueryAsync(db => db.Set<OutboxMessage>().CountAsync(m => m.To == "someone.else@example.kz"))).ShouldBe(1);
        var account = await app.QueryAsync(db => db.Users.SingleAsync(u => u.Id == user.Id));
        account.Email!.ShouldNotContain("aigul");
        account.PasswordHash.ShouldBeNull();
        (await app.Browser("en").SubmitAsync("/account/sign-in", "form", new() { ["Form.UserName"] = "aigul", ["Form.Password"] = "aigul-password-12" }))
            .StatusCode.ShouldBe(HttpStatusCode.OK, "an erased account cannot sign in");

        var auditOfEmail = await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.EntityType == "AspNetUsers" && e.EntityKey == user.Id).ToListAsync());
        auditOfEmail.ShouldNotBeEmpty();
        auditOfEmail.ShouldAllBe(e => !e.Changes.Contains("aigul.n@"), "the audit log keeps e-mail addresses masked");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task The_retention_job_anonymises_old_e_mails_and_deletes_abandoned_uploads(DatabaseKind kind)
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 1, 10, 9, 0, 0, TimeSpan.Zero));
        await using var smtp = new SmtpSink();
        await using var app = await QalaApp.StartAsync(kind, smtp.Settings, s => s.AddSingleton<TimeProvider>(clock));
        await SendAsync(app, Email);
        var runner = app.Services.GetRequiredService<JobRunner>();
        await runner.RunDueAsync(CancellationToken.None);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<Importer>().UploadAsync("territory-code-mappings", "old.csv", new MemoryStream("a,b\n"u8.ToArray()), CancellationToken.None);
        }

        clock.Advance(TimeSpan.FromDays(89));
        await SendAsync(app, "recent@example.kz");
        await runner.RunDueAsync(CancellationToken.None);
        clock.Advance(TimeSpan.FromDays(2));
        await runner.RunDueAsync(CancellationToken.None);

        var messages = await app.QueryAsync(db => db.Set<OutboxMessage>().OrderBy(m => m.Id).ToListAsync());
        messages[0].To.ShouldBe("erased", "sent 91 days ago");
        messages[0].Body.ShouldBe("erased");
        messages[1].To.ShouldBe("recent@example.kz", "sent 2 days ago");
        (await app.QueryAsync(db => db.Set<ImportUpload>().CountAsync())).ShouldBe(0);
        smtp.Received.Count.ShouldBe(2);

        var jobs = await (await app.SignedInAsync()).PageAsync("/admin/jobs");
        jobs.QuerySelector("#outbox")!.TextContent.ShouldContain("r***@e***.kz");
        jobs.QuerySelector("#outbox")!.TextContent.ShouldNotContain("recent@example.kz");
    }
}
