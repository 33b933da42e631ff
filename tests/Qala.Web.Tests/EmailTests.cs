using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Infrastructure.Email;
using Qala.Web.Infrastructure.Jobs;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests;

public sealed class EmailTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_new_user_gets_an_invitation_in_their_language_and_chooses_a_password_through_it(DatabaseKind kind)
    {
        await using var smtp = new SmtpSink();
        await using var app = await QalaApp.StartAsync(kind, smtp.Settings);
        var admin = await app.SignedInAsync();
        var almaty = await app.QueryAsync(db => db.Set<Territory>().Where(t => t.Code == "750000000").Select(t => t.Id).SingleAsync());

        (await admin.SubmitAsync("/admin/users", "main form", new()
        {
            ["UserName"] = "d.seitkali",
            ["Form.DisplayName"] = "Дәурен Сейтқали",
            ["Form.Email"] = "d.seitkali@almaty.gov.kz",
            ["Form.Language"] = "ru",
            ["Form.Roles"] = QalaRoles.Planner,
            ["Form.TerritoryIds"] = almaty.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })).StatusCode.ShouldBe(HttpStatusCode.OK);
        smtp.Received.ShouldBeEmpty("nothing is sent before the job runs");

        (await app.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None)).ShouldBe(1);

        var mail = smtp.Received.ShouldHaveSingleItem();
        mail.To.ShouldBe(["d.seitkali@almaty.gov.kz"]);
        mail.Subject.ShouldBe("Ваша учётная запись в Qala");
        mail.Body.ShouldContain("Здравствуйте, Дәурен Сейтқали.");
        mail.Body.ShouldContain("d.seitkali");
        var link = new Uri(mail.Body.Split('\n').Select(l => l.Trim()).Single(l => l.StartsWith("http", StringComparison.Ordinal)));
        link.AbsolutePath.ShouldBe("/account/set-password");

        var invited = app.Browser("ru");
        (await invited.SubmitAsync(link.PathAndQuery, "main form", new() { ["NewPassword"] = "chosen-password-42", ["ConfirmPassword"] = "chosen-password-42" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var planner = await app.SignedInAsync("d.seitkali", "chosen-password-42");
        (await planner.GetAsync("/territories")).StatusCode.ShouldBe(HttpStatusCode.OK, "a password chosen through the invitation needs no change");

        var again = await app.Browser("en").SubmitAsync(link.PathAndQuery, "main form", new() { ["NewPassword"] = "another-password-42", ["ConfirmPassword"] = "another-password-42" });
        (await again.HtmlAsync()).Body!.TextContent.ShouldContain("This link is no longer valid.");
        (await app.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync())).State.ShouldBe(OutboxState.Sent);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_refusing_server_leaves_the_message_failed_with_its_reason(DatabaseKind kind)
    {
        await using var smtp = new SmtpSink(refuseRecipients: true);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var app = await QalaApp.StartAsync(kind, smtp.Settings, s => s.AddSingleton<TimeProvider>(clock));
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            outbox.Enqueue("nobody@example.kz", "Тест", "Мәтін", "kk");
            await outbox.SaveAndScheduleAsync(CancellationToken.None);
        }

        var runner = app.Services.GetRequiredService<JobRunner>();
        for (var attempt = 1; attempt <= OutboxMessage.MaxAttempts; attempt++)
        {
            (await runner.RunDueAsync(CancellationToken.None)).ShouldBe(1, $"attempt {attempt}");
            clock.Advance(JobRunner.Backoff(attempt));
        }

        var message = await app.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync());
        message.State.ShouldBe(OutboxState.Failed);
        message.Attempts.ShouldBe(OutboxMessage.MaxAttempts);
        message.LastError.ShouldNotBeNull();
        message.LastError.ShouldContain("Mailbox unavailable");
        smtp.Received.ShouldBeEmpty();

        var page = await (await app.SignedInAsync()).PageAsync("/admin/jobs");
        page.QuerySelector("#outbox tbody tr.table-danger")!.TextContent.ShouldContain("n***@e***.kz", Case.Sensitive, "addresses are masked in operational lists");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Without_an_SMTP_server_messages_wait_in_the_outbox(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var outbox = scope.ServiceProvider.GetRequiredService<Outbox>();
            outbox.Enqueue("someone@example.kz", "Subject", "Body", "en");
            await outbox.SaveAndScheduleAsync(CancellationToken.None);
        }

        await app.Services.GetRequiredService<JobRunner>().RunDueAsync(CancellationToken.None);

        var message = await app.QueryAsync(db => db.Set<OutboxMessage>().SingleAsync());
        message.State.ShouldBe(OutboxState.Pending);
        message.Attempts.ShouldBe(0);
    }
}
