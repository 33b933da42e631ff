using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.RegularExpressions;

namespace Qala.Web.Tests.Infrastructure;

/// <summary>A real SMTP server on 127.0.0.1 for the tests: it speaks enough of RFC 5321 for System.Net.Mail and keeps what arrives.</summary>
public sealed partial class SmtpSink : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public SmtpSink(bool refuseRecipients = false)
    {
        RefuseRecipients = refuseRecipients;
        listener.Start();
        loop = Task.Run(AcceptAsync);
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public bool RefuseRecipients { get; }

    public ConcurrentQueue<ReceivedMail> Received { get; } = new();

    public Dictionary<string, string?> Settings => new()
    {
        ["Qala:Smtp:Host"] = "127.0.0.1",
        ["Qala:Smtp:Port"] = Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["Qala:Smtp:From"] = "qala@akimat.example.kz",
        ["Qala:Smtp:TimeoutSeconds"] = "10",
    };

    private async Task AcceptAsync()
    {
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            _ = Task.Run(() => ServeAsync(client));
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var stream = client.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII);
        await using var writer = new StreamWriter(stream, Encoding.ASCII) { NewLine = "\r\n", AutoFlush = true };
        await writer.WriteLineAsync("220 sink.test ESMTP");
        var recipients = new List<string>();
        while (await reader.ReadLineAsync() is { } line)
        {
            var verb = line.Split(' ', 2)[0].ToUpperInvariant();
            switch (verb)
            {
                case "EHLO":
                    await writer.WriteLineAsync("250-sink.test");
                    await writer.WriteLineAsync("250 8BITMIME");
                    break;
                case "HELO" or "MAIL" or "RSET" or "NOOP":
                    await writer.WriteLineAsync("250 OK");
                    break;
                case "RCPT":
                    if (RefuseRecipients)
                    {
                        await writer.WriteLineAsync("550 5.1.1 Mailbox unavailable at the test sink");
                    }
                    else
                    {
                        recipients.Add(AddressPattern().Match(line).Groups[1].Value);
                        await writer.WriteLineAsync("250 OK");
                    }

                    break;
                case "DATA":
                    await writer.WriteLineAsync("354 End data with <CR><LF>.<CR><LF>");
                    var data = new StringBuilder();
                    while (await reader.ReadLineAsync() is { } dataLine && dataLine != ".")
                    {
                        data.Append(dataLine.StartsWith("..", StringComparison.Ordinal) ? dataLine[1..] : dataLine).Append("\r\n");
                    }

                    Received.Enqueue(ReceivedMail.Parse([.. recipients], data.ToString()));
                    recipients.Clear();
                    await writer.WriteLineAsync("250 OK queued");
                    break;
                case "QUIT":
                    await writer.WriteLineAsync("221 Bye");
                    return;
                default:
                    await writer.WriteLineAsync("502 Command not implemented");
                    break;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }

    [GeneratedRegex("<([^>]*)>")]
    private static partial Regex AddressPattern();
}

/// <summary>A message as it arrived: recipients, decoded subject and decoded plain-text body, and the unfolded header lines.</summary>
public sealed partial record ReceivedMail(IReadOnlyList<string> To, string Subject, string Body)
{
    public IReadOnlyList<string> Headers { get; init; } = [];

    /// <summary>The value of the first header field named <paramref name="name"/>, or null.</summary>
    public string? Header(string name) =>
        Headers.FirstOrDefault(h => h.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase))?[(name.Length + 1)..].Trim();

    public static ReceivedMail Parse(string[] to, string data)
    {
        var split = data.IndexOf("\r\n\r\n", StringComparison.Ordinal);
        var headers = Regex.Replace(data[..split], "\r\n[ \t]+", " ");
        var body = data[(split + 4)..];
        var subject = headers.Split("\r\n").First(h => h.StartsWith("Subject:", StringComparison.OrdinalIgnoreCase))[8..].Trim();
        // Adjacent encoded words are one text: the whitespace between them is folding, not content (RFC 2047 §6.2).
        subject = Regex.Replace(subject, @"\?=\s+=\?", "?==?");
        var decodedSubject = EncodedWord().Replace(subject, m => Encoding.UTF8.GetString(
            m.Groups[2].Value.Equals("B", StringComparison.OrdinalIgnoreCase) ? Convert.FromBase64String(m.Groups[3].Value) : QuotedPrintable(m.Groups[3].Value.Replace('_', ' '))));
        var decodedBody = headers.Contains("Content-Transfer-Encoding: base64", StringComparison.OrdinalIgnoreCase)
            ? Encoding.UTF8.GetString(Convert.FromBase64String(body.Replace("\r\n", "", StringComparison.Ordinal)))
            : body;
        return new ReceivedMail(to, decodedSubject, decodedBody) { Headers = headers.Split("\r\n") };
    }

    private static byte[] QuotedPrintable(string text)
    {
        var bytes = new List<byte>();
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == '=' && i + 2 < text.Length)
            {
                bytes.Add(Convert.ToByte(text.Substring(i + 1, 2), 16));
                i += 2;
            }
            else
            {
                bytes.Add((byte)text[i]);
            }
        }

        return [.. bytes];
    }

    [GeneratedRegex(@"=\?([^?]+)\?([BbQq])\?([^?]*)\?=")]
    private static partial Regex EncodedWord();
}
