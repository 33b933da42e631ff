using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Qala.Web.Infrastructure.Mail.Imap;

namespace Qala.Web.Tests.Infrastructure;

/// <summary>
/// A private Dovecot (Debian's <c>dovecot-imapd</c>) for the tests of one class: started on 127.0.0.1 with a
/// throwaway configuration in a temporary folder — users in a passwd-file, maildirs beside it, TLS required with a
/// self-signed certificate made at start — on two free ports: IMAPS (implicit TLS) and IMAP offering STARTTLS.
/// Dovecot must run as root here (it switches to its own users). Without Dovecot or root the tests skip with a
/// message, except under CI (<c>CI=true</c>), where they fail.
/// </summary>
public sealed class DovecotServer : IAsyncLifetime
{
    public const string Password = "Test-mailbox-password-1";

    private static readonly string[] Binaries = ["/usr/sbin/dovecot", "/usr/local/sbin/dovecot"];

    private readonly StringBuilder errors = new();
    private string? folder;
    private Process? process;
    private string? unavailable;
    private X509Certificate2? certificate;

    public int ImapsPort { get; private set; }

    public int StartTlsPort { get; private set; }

    /// <summary>A user of the test mailbox server; each test takes its own so their mailboxes do not meet.</summary>
    public static string User(int number) => string.Create(CultureInfo.InvariantCulture, $"citizen{number}@akimat.test");

    /// <summary>Connection settings that trust exactly this server's certificate.</summary>
    public ImapConnectionOptions Options(ImapSecurity security) => new()
    {
        Host = "127.0.0.1",
        Port = security == ImapSecurity.Tls ? ImapsPort : StartTlsPort,
        Security = security,
        Timeout = TimeSpan.FromSeconds(20),
        PinnedCertificateSha256 = ImapConnectionOptions.Fingerprint(Require()),
    };

    /// <summary>The server's certificate; skips (or fails under CI) the calling test when there is no server.</summary>
    public X509Certificate2 Require()
    {
        if (certificate is not null)
        {
            return certificate;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException($"CI=true but the Dovecot lane cannot run: {unavailable}");
        }

        Assert.Skip($"Dovecot lane skipped: {unavailable}");
        return null!;
    }

    public async ValueTask InitializeAsync()
    {
        var binary = Binaries.FirstOrDefault(File.Exists);
        if (OperatingSystem.IsWindows() || binary is null)
        {
            unavailable = "dovecot is not installed (apt-get install -y dovecot-imapd).";
            return;
        }

        if (Environment.UserName != "root")
        {
            unavailable = "Dovecot needs root to start as the tests start it (it drops to its own users).";
            return;
        }

        folder = Directory.CreateTempSubdirectory("qala-dovecot-").FullName;
        // Dovecot's mail processes run as the dovecot user: they must reach the folder and write the maildirs.
        File.SetUnixFileMode(folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        var mail = Directory.CreateDirectory(Path.Combine(folder, "mail")).FullName;
        File.SetUnixFileMode(mail, (UnixFileMode)0b111_111_111);
        Directory.CreateDirectory(Path.Combine(folder, "run"));
        Directory.CreateDirectory(Path.Combine(folder, "state"));

        certificate = CreateCertificate(folder);
        await File.WriteAllLinesAsync(Path.Combine(folder, "users"), Enumerable.Range(1, 20).Select(i => $"{User(i)}:{{PLAIN}}{Password}::::::"));
        ImapsPort = FreePort();
        StartTlsPort = FreePort();
        var configuration = Path.Combine(folder, "dovecot.conf");
        await File.WriteAllTextAsync(configuration, Configuration(folder, mail));

        process = Process.Start(new ProcessStartInfo(binary, ["-F", "-c", configuration]) { RedirectStandardError = true })
            ?? throw new InvalidOperationException("dovecot did not start.");
        // Read what Dovecot says before its log file is open (a configuration error), so the pipe never fills.
        process.ErrorDataReceived += (_, line) =>
        {
            lock (errors)
            {
                errors.AppendLine(line.Data);
            }
        };
        process.BeginErrorReadLine();
        await WaitUntilListeningAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (process is not null)
        {
            using var stop = Process.Start(new ProcessStartInfo(process.StartInfo.FileName, ["-c", Path.Combine(folder!, "dovecot.conf"), "stop"]) { RedirectStandardError = true });
            if (stop is not null)
            {
                await stop.StandardError.ReadToEndAsync();
                await stop.WaitForExitAsync();
            }

            using var patience = new CancellationTokenSource(TimeSpan.FromSeconds(10));
            try
            {
                await process.WaitForExitAsync(patience.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
        }

        certificate?.Dispose();
        if (folder is not null)
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private string Configuration(string folder, string mail) => $$"""
        # Written by the tests: a private Dovecot on 127.0.0.1, nothing shared with a system instance.
        base_dir = {{folder}}/run
        state_dir = {{folder}}/state
        log_path = {{folder}}/dovecot.log
        protocols = imap
        listen = 127.0.0.1
        # The mail user is Debian's dovecot account; its uid is below Dovecot's default floor of 500.
        first_valid_uid = 1
        ssl = required
        ssl_cert = <{{folder}}/cert.pem
        ssl_key = <{{folder}}/key.pem
        auth_mechanisms = plain login
        auth_failure_delay = 0
        passdb {
          driver = passwd-file
          args = scheme=PLAIN username_format=%u {{folder}}/users
        }
        userdb {
          driver = static
          args = uid=dovecot gid=dovecot home={{mail}}/%n
        }
        mail_location = maildir:~/Maildir
        service imap-login {
          inet_listener imap {
            port = {{StartTlsPort}}
          }
          inet_listener imaps {
            port = {{ImapsPort}}
            ssl = yes
          }
        }
        service stats {
          unix_listener stats-reader {
            mode = 0666
          }
          unix_listener stats-writer {
            mode = 0666
          }
        }
        """;

    private static X509Certificate2 CreateCertificate(string folder)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(2));
        File.WriteAllText(Path.Combine(folder, "cert.pem"), created.ExportCertificatePem());
        File.WriteAllText(Path.Combine(folder, "key.pem"), key.ExportPkcs8PrivateKeyPem());
        return created;
    }

    private static int FreePort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private async Task WaitUntilListeningAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
            {
                break;
            }

            try
            {
                using var probe = new TcpClient();
                await probe.ConnectAsync(IPAddress.Loopback, StartTlsPort);
                using var probe2 = new TcpClient();
                await probe2.ConnectAsync(IPAddress.Loopback, ImapsPort);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        var log = Path.Combine(folder!, "dovecot.log");
        string output;
        lock (errors)
        {
            output = errors.ToString();
        }

        throw new InvalidOperationException($"Dovecot did not start listening: {output}{(File.Exists(log) ? await File.ReadAllTextAsync(log) : string.Empty)}");
    }
}
