using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qala.Web.Data;
using Qala.Web.Data.Audit;
using Qala.Web.Features.Agencies;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;
using Qala.Web.Tests.Infrastructure;

namespace Qala.Web.Tests;

public sealed class AuditTests
{
    [Theory, ClassData(typeof(AllDatabases))]
    public async Task An_edit_through_a_page_is_recorded_with_who_when_and_old_and_new_values(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var admin = await app.SignedInAsync();
        var territory = await app.QueryAsync(db => db.Set<Territory>().SingleAsync(t => t.Code == "751710000"));

        (await admin.SubmitAsync("/admin/territories/751710000", "main form", new() { ["Name.En"] = "Medeu District <b>" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);

        var entry = await app.QueryAsync(db => db.Set<AuditEntry>().OrderByDescending(e => e.Sequence).FirstAsync());
        entry.EntityType.ShouldBe("Territories");
        entry.EntityKey.ShouldBe(territory.Id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        entry.Action.ShouldBe(AuditAction.Updated);
        entry.UserName.ShouldBe("admin");
        entry.UserId.ShouldNotBeNullOrEmpty();
        entry.ChangedValues().ShouldBe([("Name.En", territory.Name.En, "Medeu District <b>")]);

        var history = await admin.PageAsync("/territories/751710000");
        history.QuerySelector("#history")!.TextContent.ShouldContain("Medeu District <b>");
        history.QuerySelector("#history ins")!.InnerHtml.ShouldBe("Medeu District &lt;b&gt;");
        (await app.Browser().PageAsync("/territories/751710000")).QuerySelector("#history").ShouldBeNull();
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Users_roles_are_audited_without_their_secrets(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var user = await app.CreateUserAsync("controller1", "controller-password-1", [QalaRoles.Controller]);

        var entries = await app.QueryAsync(db => db.Set<AuditEntry>().Where(e => e.EntityKey.StartsWith(user.Id)).ToListAsync());

        entries.ShouldContain(e => e.EntityType == "AspNetUserRoles" && e.Action == AuditAction.Created);
        var created = entries.Single(e => e.EntityType == "AspNetUsers" && e.Action == AuditAction.Created);
        created.ChangedValues().Single(c => c.Property == "PasswordHash").New.ShouldBe("***");
        created.Changes.ShouldNotContain(user.PasswordHash!);
        created.UserName.ShouldBe("system", "outside a request the actor is the system");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Concurrent_saves_keep_one_unbroken_chain(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var agencies = await app.QueryAsync(db => db.Set<Agency>().OrderBy(a => a.Id).Select(a => a.Id).Take(8).ToListAsync());
        var before = await app.QueryAsync(db => db.Set<AuditChainHead>().Select(h => h.LastSequence).SingleAsync());

        await Task.WhenAll(agencies.Select(id => Task.Run(async () =>
        {
            await using var scope = app.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<QalaDbContext>();
            var agency = await db.Set<Agency>().SingleAsync(a => a.Id == id);
            agency.IsActive = false;
            await db.SaveChangesAsync();
        })));

        var verification = await app.QueryAsync(db => new AuditLog(db).VerifyAsync(CancellationToken.None));
        verification.Intact.ShouldBeTrue(verification.FirstBreak?.Reason);
        verification.EntriesChecked.ShouldBe(before + agencies.Count);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_failed_save_leaves_neither_the_change_nor_an_entry(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var before = await app.QueryAsync(db => db.Set<AuditChainHead>().Select(h => h.LastSequence).SingleAsync());

        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QalaDbContext>();
            var almaty = await db.Set<Territory>().SingleAsync(t => t.Code == "750000000");
            db.Add(new Agency { Code = "ALA-EDU", Name = LocalizedText.Of("x", "x", "x"), TerritoryId = almaty.Id });
            await Should.ThrowAsync<DbUpdateException>(() => db.SaveChangesAsync());
        }

        (await app.QueryAsync(db => db.Set<AuditChainHead>().Select(h => h.LastSequence).SingleAsync())).ShouldBe(before);
        (await app.QueryAsync(db => db.Set<AuditEntry>().CountAsync())).ShouldBe((int)before);
        (await app.QueryAsync(db => db.Set<Agency>().CountAsync(a => a.Code == "ALA-EDU"))).ShouldBe(1);
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task Tampering_with_an_entry_is_found_by_the_verify_command_and_page(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        var environment = app.ProcessEnvironment();

        var (intactExit, intactOut, intactErr) = await QalaProcess.RunAsync(["audit-verify"], environment);
        intactExit.ShouldBe(0, intactErr);
        JsonDocument.Parse(intactOut).RootElement.GetProperty("intact").GetBoolean().ShouldBeTrue();

        await app.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            "UPDATE \"AuditEntries\" SET \"Changes\" = {0} WHERE \"Sequence\" = 7", "{\"Name.En\":[null,\"Forged\"]}"));

        var (exit, stdout, _) = await QalaProcess.RunAsync(["audit-verify"], environment);
        exit.ShouldBe(2);
        var result = JsonDocument.Parse(stdout).RootElement;
        result.GetProperty("intact").GetBoolean().ShouldBeFalse();
        result.GetProperty("firstBreak").GetProperty("sequence").GetInt64().ShouldBe(7);

        var admin = await app.SignedInAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, "/admin/audit?handler=Verify");
        request.Headers.Add("HX-Request", "true");
        var partial = await (await admin.SendAsync(request)).Content.ReadAsStringAsync();
        partial.ShouldContain("data-intact=\"false\"");
        partial.ShouldContain("#7");
    }

    [Theory, ClassData(typeof(AllDatabases))]
    public async Task A_save_after_a_concurrency_conflict_on_the_same_context_is_kept(DatabaseKind kind)
    {
        await using var app = await QalaApp.StartAsync(kind);
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<QalaDbContext>();
            var agency = await db.Set<Agency>().SingleAsync(a => a.Code == "ALA-EDU");
            await app.QueryAsync(async other =>
            {
                (await other.Set<Agency>().SingleAsync(a => a.Code == "ALA-EDU")).IsActive = false;
                return await other.SaveChangesAsync();
            });

            agency.Name = LocalizedText.Of("Stale", "Stale", "Stale");
            await Should.ThrowAsync<DbUpdateConcurrencyException>(() => db.SaveChangesAsync());

            await db.Entry(agency).ReloadAsync();
            agency.Name = LocalizedText.Of("Білім", "Образование", "Education, reloaded");
            await db.SaveChangesAsync();
        }

        var saved = await app.QueryAsync(db => db.Set<Agency>().SingleAsync(a => a.Code == "ALA-EDU"));
        saved.Name.En.ShouldBe("Education, reloaded");
        saved.IsActive.ShouldBeFalse();
        (await app.QueryAsync(db => new AuditLog(db).VerifyAsync(CancellationToken.None))).Intact.ShouldBeTrue();
    }
}
