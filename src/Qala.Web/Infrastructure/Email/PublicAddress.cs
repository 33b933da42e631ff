namespace Qala.Web.Infrastructure.Email;

/// <summary>
/// The address of Qala as people outside reach it, for links in e-mails: <c>Qala:PublicUrl</c> when set (behind a
/// proxy or a load balancer), else the address of the request that causes the e-mail.
/// </summary>
public static class PublicAddress
{
    public static string Root(IConfiguration configuration, HttpRequest request) =>
        configuration["Qala:PublicUrl"] is { Length: > 0 } configured ? configured.TrimEnd('/') : $"{request.Scheme}://{request.Host}{request.PathBase}";
}
