using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Qala.Web.Infrastructure.Mail.Imap;

/// <summary>How the connection is secured. There is no plain-text mode: a mailbox password never travels unencrypted.</summary>
public enum ImapSecurity
{
    /// <summary>TLS from the first byte (IMAPS, usually port 993).</summary>
    Tls,

    /// <summary>Plain connection upgraded with STARTTLS before anything else is said (usually port 143).</summary>
    StartTls,
}

/// <summary>Where and how to reach an IMAP server.</summary>
public sealed record ImapConnectionOptions
{
    public required string Host { get; init; }

    public int Port { get; init; } = 993;

    public ImapSecurity Security { get; init; } = ImapSecurity.Tls;

    /// <summary>How long one command (or the connection and TLS handshake) may take before the connection is given up.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(60);

    /// <summary>The largest literal (a message, usually) accepted from the server; a larger one ends the connection.</summary>
    public long MaxLiteralBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>
    /// The SHA-256 fingerprint (hex, colons allowed) of the one server certificate to accept without a trusted chain,
    /// for a server with a self-signed certificate. Null: the system's certificate validation decides.
    /// </summary>
    public string? PinnedCertificateSha256 { get; init; }

    /// <summary>A validation of the server certificate that replaces all others (tests).</summary>
    public RemoteCertificateValidationCallback? ServerCertificateValidation { get; init; }

    internal RemoteCertificateValidationCallback? CertificateValidation()
    {
        if (ServerCertificateValidation is not null)
        {
            return ServerCertificateValidation;
        }

        if (string.IsNullOrWhiteSpace(PinnedCertificateSha256))
        {
            return null;
        }

        var pin = Convert.FromHexString(PinnedCertificateSha256.Replace(":", string.Empty, StringComparison.Ordinal).Trim());
        return (_, certificate, _, errors) => errors == SslPolicyErrors.None
            || (certificate is not null && CryptographicOperations.FixedTimeEquals(SHA256.HashData(certificate.GetRawCertData()), pin));
    }

    /// <summary>The fingerprint <see cref="PinnedCertificateSha256"/> expects for <paramref name="certificate"/>.</summary>
    public static string Fingerprint(X509Certificate certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return Convert.ToHexString(SHA256.HashData(certificate.GetRawCertData()));
    }
}
