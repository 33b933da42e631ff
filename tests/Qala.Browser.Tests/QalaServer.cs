using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace Qala.Browser.Tests;

/// <summary>
/// The built Qala.Web started as its own process on 127.0.0.1, with a fresh SQLite database and demo data, exactly as
/// the README's run command starts it (Production settings).
/// </summary>
public sealed class QalaServer : IAsyncDisposable
{
    public const string AdminPassword = "Browser-admin-password-1";

    private readonly Process process;
    private readonly string dataDirectory;

    private QalaServer(Process process, string dataDirectory, Uri address)
    {
        this.process = process;
        this.dataDirectory = dataDirectory;
        Address = address;
    }

    public Uri Address { get; }

    public static async Task<QalaServer> StartAsync()
    {
        var root = RepositoryRoot();
        var configuration = Path.GetFileName(Path.GetDirectoryName(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar)))!;
        var web = Path.Combine(root, "src", "Qala.Web");
        var dll = Path.Combine(web, "bin", configuration, "net10.0", "Qala.Web.dll");
        File.Exists(dll).ShouldBeTrue($"Qala.Web is built at {dll}");

        var port = FreePort();
        var address = new Uri($"http://127.0.0.1:{port}");
        var dataDirectory = Directory.CreateTempSubdirectory("qala-browser-").FullName;
        var start = new ProcessStartInfo("dotnet") { WorkingDirectory = web, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { dll, "--urls", address.ToString(), "--contentRoot", web })
        {
            start.ArgumentList.Add(arg);
        }

        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["Qala__DataDirectory"] = dataDirectory;
        start.Environment["QALA_ADMIN_PASSWORD"] = AdminPassword;
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var server = new QalaServer(process, dataDirectory, address);
        await server.WaitUntilHealthyAsync();
        return server;
    }

    private async Task WaitUntilHealthyAsync()
    {
        using var client = new HttpClient { BaseAddress = Address };
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        while (true)
        {
            process.HasExited.ShouldBeFalse("Qala.Web stopped while starting");
            try
            {
                if ((await client.GetAsync("/health", timeout.Token)).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(200, timeout.Token);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
        Directory.Delete(dataDirectory, recursive: true);
    }

    public static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "Qala.slnx")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("Qala.slnx not found above " + AppContext.BaseDirectory);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
