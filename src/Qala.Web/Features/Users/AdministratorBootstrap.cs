using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Qala.Web.Data;
using Qala.Web.Features.Territories;
using Qala.Web.Infrastructure.Auth;

namespace Qala.Web.Features.Users;

/// <summary>
/// Creates the roles and, on the first run, the first administrator. There is no default password: it comes from
/// <c>QALA_ADMIN_PASSWORD</c>, or a one-time password is generated, printed once to the console, and must be changed
/// at the first sign-in.
/// </summary>
internal sealed partial class AdministratorBootstrap(
    QalaDbContext db,
    UserManager<QalaUser> users,
    RoleManager<IdentityRole> roles,
    IConfiguration configuration,
    TimeProvider time,
    ILogger<AdministratorBootstrap> logger)
{
    public const string PasswordVariable = "QALA_ADMIN_PASSWORD";
    public const string UserName = "admin";
    public const string CountryCode = "000000000";

    public async Task<bool> EnsureAsync(CancellationToken cancellationToken)
    {
        foreach (var role in QalaRoles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)), $"create role {role}");
            }
        }

        if ((await users.GetUsersInRoleAsync(QalaRoles.Administrator)).Count > 0)
        {
            return false;
        }

        var configured = configuration[PasswordVariable];
        var password = string.IsNullOrEmpty(configured) ? OneTimePassword.Generate() : configured;
        var country = await db.Set<Territory>().SingleAsync(t => t.Code == CountryCode, cancellationToken);
        var administrator = new QalaUser
        {
            UserName = UserName,
            Email = configuration["Qala:Admin:Email"] is { Length: > 0 } email ? email : "admin@qala.local",
            EmailConfirmed = true,
            DisplayName = "Administrator",
            MustChangePassword = string.IsNullOrEmpty(configured),
            CreatedAt = time.GetUtcNow(),
        };
        administrator.Territories.Add(new UserTerritory { UserId = administrator.Id, TerritoryId = country.Id });
        Check(await users.CreateAsync(administrator, password), $"create the administrator (check {PasswordVariable})");
        Check(await users.AddToRoleAsync(administrator, QalaRoles.Administrator), "make the first user an administrator");
        LogCreated(logger, UserName);
        if (string.IsNullOrEmpty(configured))
        {
            await Console.Error.WriteLineAsync(
                $"""

                 ┌─ Qala: first administrator ─────────────────────────────────────────
                 │ user name: {UserName}
                 │ one-time password: {password}
                 │ This password is shown only now; you choose your own at first sign-in.
                 │ Set {PasswordVariable} before the first run to choose it yourself.
                 └─────────────────────────────────────────────────────────────────────

                """);
        }

        return true;
    }

    [LoggerMessage(LogLevel.Information, "Created the first administrator, user name {UserName}")]
    private static partial void LogCreated(ILogger logger, string userName);

    private static void Check(IdentityResult result, string what)
    {
        if (!result.Succeeded)
        {
            throw new QalaConfigurationException(
                $"Could not {what}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
        }
    }
}
