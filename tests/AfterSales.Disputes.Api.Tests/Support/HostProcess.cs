using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using AfterSales.Disputes.Testing;

namespace AfterSales.Disputes.Api.Tests.Support;

/// <summary>
/// The built API host started as a real process (<c>dotnet AfterSales.Disputes.Api.dll</c>) on a free loopback
/// port with its own SQLite file in a temporary folder — what a browser, a sample program or an operator talks to.
/// </summary>
public sealed class HostProcess : IAsyncDisposable
{
    private readonly string _data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "aftersales-process", Guid.NewGuid().ToString("N"))).FullName;
    private readonly StringBuilder _output = new();
    private readonly bool _seedDemoData;
    private Process? _host;

    private HostProcess(bool seedDemoData, int port)
    {
        _seedDemoData = seedDemoData;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>Where the host listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>Everything the host wrote to stdout and stderr so far.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>The folder that holds the built host (the test project references it, so it is built first).</summary>
    public static string Folder => BuildOutput("src/AfterSales.Disputes.Api");

    /// <summary>The build output of a project in the repository, in the configuration these tests were built in.</summary>
    public static string BuildOutput(string projectFolder)
    {
        var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
        return Path.Combine(Repository.Root, projectFolder, "bin", configuration, "net10.0");
    }

    /// <summary>Starts the host and waits until <c>/health/ready</c> answers.</summary>
    public static async Task<HostProcess> StartAsync(bool seedDemoData = false)
    {
        var host = new HostProcess(seedDemoData, FreePort());
        host._host = host.Run($"AfterSales.Disputes.Api.dll --urls {host.BaseAddress.ToString().TrimEnd('/')}");
        host._host.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._host.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._host.BeginOutputReadLine();
        host._host.BeginErrorReadLine();
        await host.WaitUntilReadyAsync();
        return host;
    }

    /// <summary>A bearer token from the host's own <c>token</c> command.</summary>
    public async Task<string> TokenAsync(string role, string party)
    {
        using var command = Run($"AfterSales.Disputes.Api.dll token --role {role} --party {party}");
        var token = (await command.StandardOutput.ReadToEndAsync()).Trim();
        await command.WaitForExitAsync();
        command.ExitCode.Should().Be(0, await command.StandardError.ReadToEndAsync());
        return token;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
            await _host.WaitForExitAsync();
        }

        _host?.Dispose();
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    /// <summary>A free loopback port.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Process Run(string arguments)
    {
        var start = new ProcessStartInfo("dotnet", arguments)
        {
            WorkingDirectory = Folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["AfterSales__DataFolder"] = _data;
        start.Environment["AfterSales__SeedDemoData"] = _seedDemoData ? "true" : "false";
        return Process.Start(start)!;
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private async Task WaitUntilReadyAsync()
    {
        using var http = new HttpClient { BaseAddress = BaseAddress };
        for (var attempt = 0; attempt < 300; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            _host!.HasExited.Should().BeFalse($"the host stopped: {Output}");
            await Task.Delay(200);
        }

        throw new TimeoutException($"The host did not become ready: {Output}");
    }
}
