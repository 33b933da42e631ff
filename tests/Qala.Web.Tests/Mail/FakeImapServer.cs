using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Qala.Web.Infrastructure.Mail.Imap;

namespace Qala.Web.Tests.Mail;

/// <summary>
/// A one-connection IMAP server on 127.0.0.1 that plays a dialogue the test writes: what it sends, what it expects.
/// It can misbehave on purpose (close in the middle of a literal, never answer), which a real server will not.
/// </summary>
public sealed class FakeImapServer : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Task dialogue;
    private readonly X509Certificate2? certificate;

    public FakeImapServer(Func<FakeImapConnection, Task> script, X509Certificate2? certificate = null)
    {
        this.certificate = certificate;
        listener.Start();
        dialogue = Task.Run(() => PlayAsync(script));
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The client's lines as received, in order.</summary>
    public List<string> Received { get; } = [];

    /// <summary>Connects a client over plain TCP (the client under test does not care what secures the stream).</summary>
    public async Task<ImapClient> ConnectClientAsync(TimeSpan? timeout = null, long maxLiteralBytes = 1024 * 1024)
    {
        var tcp = new TcpClient();
        await tcp.ConnectAsync(IPAddress.Loopback, Port);
        return await ImapClient.OpenAsync(tcp.GetStream(), timeout ?? TimeSpan.FromSeconds(10), maxLiteralBytes, CancellationToken.None);
    }

    /// <summary>Waits for the script to finish and rethrows its failures (an unexpected client line, say).</summary>
    public Task Finished => dialogue;

    public static X509Certificate2 SelfSignedCertificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        names.AddDnsName("localhost");
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    private async Task PlayAsync(Func<FakeImapConnection, Task> script)
    {
        using var client = await listener.AcceptTcpClientAsync();
        Stream stream = client.GetStream();
        if (certificate is not null)
        {
            var tls = new SslStream(stream);
            await tls.AuthenticateAsServerAsync(certificate);
            stream = tls;
        }

        await using (stream)
        {
            await script(new FakeImapConnection(stream, Received));
        }
    }

    public async ValueTask DisposeAsync()
    {
        listener.Stop();
        try
        {
            await dialogue.WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception exception) when (exception is IOException or SocketException or ObjectDisposedException or OperationCanceledException)
        {
            // The client under test may have gone away first; the test itself checks what matters.
        }

        certificate?.Dispose();
    }
}

/// <summary>The server's side of one connection.</summary>
public sealed class FakeImapConnection(Stream stream, List<string> received)
{
    public async Task SendAsync(string text) => await SendBytesAsync(Encoding.UTF8.GetBytes(text.Replace("\n", "\r\n", StringComparison.Ordinal) + "\r\n"));

    public async Task SendBytesAsync(byte[] bytes)
    {
        await stream.WriteAsync(bytes);
        await stream.FlushAsync();
    }

    /// <summary>Reads the client's next line and checks it; returns the line.</summary>
    public async Task<string> ExpectAsync(string expected)
    {
        var line = await ReadLineAsync();
        line.ShouldBe(expected);
        return line;
    }

    public async Task<string> ReadLineAsync()
    {
        var bytes = new List<byte>();
        var one = new byte[1];
        while (await stream.ReadAsync(one) == 1)
        {
            if (one[0] == '\n')
            {
                var line = Encoding.UTF8.GetString([.. bytes]).TrimEnd('\r');
                received.Add(line);
                return line;
            }

            bytes.Add(one[0]);
        }

        throw new IOException("The client closed the connection.");
    }

    public async Task<byte[]> ReadBytesAsync(int count)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer);
        return buffer;
    }
}
