using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
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
    private readonly ConcurrentDictionary<(string Role, string Party), Task<string>> _tokens = new();
    private Process? _host;

    private readonly (string Key, string Value)[] _settings;

    private HostProcess(bool seedDemoData, int port, (string Key, string Value)[] settings)
    {
        _seedDemoData = seedDemoData;
        _settings = settings;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    /// <summary>Where the host listens.</summary>
    public Uri BaseAddress { get; }

    /// <summary>The host's data folder (its SQLite file and evidence files).</summary>
    public string DataFolder => _data;

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

    /// <summary>
    /// Starts the host and waits until <c>/health/ready</c> answers. <paramref name="settings"/> are configuration
    /// keys in environment-variable form (<c>AfterSales__RateLimit__PermitsPerMinute</c>).
    /// </summary>
    public static async Task<HostProcess> StartAsync(bool seedDemoData = false, params (string Key, string Value)[] settings)
    {
        var host = Create(seedDemoData, settings);
        await host.LaunchAsync();
        return host;
    }

    /// <summary>A host not started yet, so that a test can prepare its data folder first; start it with <see cref="LaunchAsync"/>.</summary>
    public static HostProcess Create(bool seedDemoData = false, params (string Key, string Value)[] settings) =>
        new(seedDemoData, FreePort(), settings);

    /// <summary>A host not started yet that will listen on <paramref name="port"/>, for settings that name its own address.</summary>
    public static HostProcess CreateOnPort(int port, params (string Key, string Value)[] settings) => new(false, port, settings);

    /// <summary>Kills the host with SIGKILL, as a crash or an out-of-memory killer would; its data stays.</summary>
    public async Task KillAsync()
    {
        _host!.Kill(entireProcessTree: true);
        await _host.WaitForExitAsync();
        _host.Dispose();
        _host = null;
    }

    /// <summary>Starts the host again on the same port and data folder, and waits until it is ready.</summary>
    public Task RestartAsync() => LaunchAsync();

    /// <summary>Starts the host on its port and data folder and waits until it is ready.</summary>
    public async Task LaunchAsync()
    {
        _host = Run($"AfterSales.Disputes.Api.dll --urls {BaseAddress.ToString().TrimEnd('/')}");
        _host.OutputDataReceived += (_, e) => Append(e.Data);
        _host.ErrorDataReceived += (_, e) => Append(e.Data);
        _host.BeginOutputReadLine();
        _host.BeginErrorReadLine();
        await WaitUntilReadyAsync();
    }

    /// <summary>A bearer token from the host's own <c>token</c> command (one per party, kept).</summary>
    public Task<string> TokenAsync(string role, string party) => _tokens.GetOrAdd((role, party), key => IssueTokenAsync(key.Role, key.Party));

    /// <summary>A client of the host that sends <paramref name="party"/>'s token.</summary>
    public async Task<HttpClient> ClientAsync(string role, string party)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(role, party));
        return client;
    }

    /// <summary>Takes an action with the dispute's current ETag and an idempotency key; fails the test unless it answered 200.</summary>
    public async Task<DisputeResponse> ActAsync(string role, string party, string disputeId, string action, object? body = null)
    {
        using var client = await ClientAsync(role, party);
        var current = await client.GetAsync($"/api/v1/disputes/{disputeId}");
        using var request = ActionRequest(disputeId, action, body ?? new { }, current.Headers.ETag!.Tag);
        var response = await client.SendAsync(request);
        response.StatusCode.Should().Be(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<DisputeResponse>())!;
    }

    /// <summary>An action on a dispute as a client sends it: the body as JSON, <c>If-Match</c> and a fresh <c>Idempotency-Key</c>.</summary>
    public static HttpRequestMessage ActionRequest(string disputeId, string action, object body, string etag)
    {
        ArgumentNullException.ThrowIfNull(body);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/disputes/{disputeId}/{action}")
        {
            Content = JsonContent.Create(body, body.GetType(), options: ApiJson.Options),
        };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        request.Headers.Add("Idempotency-Key", Guid.NewGuid().ToString());
        return request;
    }

    /// <summary>Registers <see cref="World.Router"/> as <paramref name="orderId"/> (as the platform) and has Ana open a defective-router return on it.</summary>
    public async Task<string> OpenReturnAsync(string orderId)
    {
        using var platform = await ClientAsync(Roles.Platform, "platform");
        (await platform.PostJsonAsync("/api/v1/orders", World.Router(orderId))).StatusCode.Should().Be(HttpStatusCode.Created);
        using var buyer = await ClientAsync(Roles.Buyer, World.Ana);
        var opened = await buyer.PostJsonAsync("/api/v1/disputes",
            new OpenDisputeBody(orderId, "line-1", RequestKind.ReturnAndRefund, RequestReason.Defective, "Reboots every hour", World.Yuan(399)));
        opened.StatusCode.Should().Be(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        return (await opened.ReadAsync<DisputeResponse>())!.Id;
    }

    /// <summary>The dispute as <paramref name="party"/> sees it.</summary>
    public async Task<DisputeResponse> GetAsync(string role, string party, string disputeId)
    {
        using var client = await ClientAsync(role, party);
        return (await client.GetFromJsonAsync<DisputeResponse>($"/api/v1/disputes/{disputeId}", ApiJson.Options))!;
    }

    /// <summary>Uploads an evidence file; returns its id.</summary>
    public async Task<string> UploadAsync(string role, string party, string disputeId, byte[] content, string name, string type)
    {
        using var client = await ClientAsync(role, party);
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue(type);
        var response = await client.PostAsync($"/api/v1/disputes/{disputeId}/evidence-files", new MultipartFormDataContent { { file, "file", name } });
        response.StatusCode.Should().Be(HttpStatusCode.Created, await response.Content.ReadAsStringAsync());
        return (await response.ReadAsync<EvidenceFile>())!.Id;
    }

    private async Task<string> IssueTokenAsync(string role, string party)
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
        foreach (var (key, value) in _settings)
        {
            start.Environment[key] = value;
        }

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
