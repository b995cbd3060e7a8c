using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using AfterSales.Disputes.Application.Serialization;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;

namespace AfterSales.Disputes.Benchmarks;

/// <summary>
/// The API host as a real process (<c>dotnet AfterSales.Disputes.Api.dll</c>, built in Release beside this
/// harness) on a loopback port, with its own SQLite file, a signing key of its own and tokens from its own
/// <c>token</c> command. It runs as Production does, with two changes for measuring: information logs are
/// off (one console line per request would measure the console) and the per-caller rate limit is lifted.
/// </summary>
internal sealed class ApiHost : IAsyncDisposable
{
    public const string Store = "store-linkwave-flagship"; // a store of the host's demo policies
    public const string Buyer = "buyer-bench";

    private readonly string _data;
    private readonly string _signingKey = Convert.ToBase64String(RandomNumberGenerator.GetBytes(48));
    private readonly StringBuilder _output = new();
    private Process? _host;

    private ApiHost(string data, int port)
    {
        _data = data;
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
    }

    public Uri BaseAddress { get; }

    /// <summary>How long the process took from its start to its first 200 on <c>/health/ready</c>.</summary>
    public TimeSpan ReadyAfter { get; private set; }

    /// <summary>The built host: the harness references the API project, so it is built in the same configuration.</summary>
    public static string Folder
    {
        get
        {
            var configuration = AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Release{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Release" : "Debug";
            var root = new DirectoryInfo(AppContext.BaseDirectory);
            while (root is not null && !File.Exists(Path.Combine(root.FullName, "AfterSales.Disputes.sln")))
            {
                root = root.Parent;
            }

            return Path.Combine(root?.FullName ?? throw new InvalidOperationException("The repository root was not found above the harness."),
                "src", "AfterSales.Disputes.Api", "bin", configuration, "net10.0");
        }
    }

    public static async Task<ApiHost> StartAsync(string dataFolder)
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var host = new ApiHost(Directory.CreateDirectory(dataFolder).FullName, port);
        var clock = Stopwatch.StartNew();
        host._host = host.Run($"AfterSales.Disputes.Api.dll --urls {host.BaseAddress.ToString().TrimEnd('/')}");
        host._host.OutputDataReceived += (_, e) => host.Append(e.Data);
        host._host.ErrorDataReceived += (_, e) => host.Append(e.Data);
        host._host.BeginOutputReadLine();
        host._host.BeginErrorReadLine();
        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        for (var attempt = 0; attempt < 1_500; attempt++)
        {
            try
            {
                if ((await http.GetAsync("/health/ready")).IsSuccessStatusCode)
                {
                    host.ReadyAfter = clock.Elapsed;
                    return host;
                }
            }
            catch (HttpRequestException)
            {
            }

            if (host._host.HasExited)
            {
                break;
            }

            await Task.Delay(20); // S1 is read from this loop
        }

        throw new InvalidOperationException($"The API host did not become ready:{Environment.NewLine}{host._output}");
    }

    /// <summary>A client with <paramref name="party"/>'s bearer token, minted by the host's own command.</summary>
    public async Task<HttpClient> ClientAsync(string role, string party)
    {
        using var command = Run($"AfterSales.Disputes.Api.dll token --role {role} --party {party}");
        var token = (await command.StandardOutput.ReadToEndAsync()).Trim();
        await command.WaitForExitAsync();
        if (command.ExitCode != 0)
        {
            throw new InvalidOperationException($"The token command failed: {await command.StandardError.ReadToEndAsync()}");
        }

        var client = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan }) { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    /// <summary>Registers <paramref name="count"/> orders as the platform and opens a return on each as the buyer; returns the dispute ids.</summary>
    public async Task<IReadOnlyList<string>> SeedAsync(int count)
    {
        using var platform = await ClientAsync("platform", "platform");
        using var buyer = await ClientAsync("buyer", Buyer);
        var ids = new List<string>();
        var delivered = DateTimeOffset.UtcNow.AddDays(-1);
        var price = Amount.FromMajor(399, Currency.CNY);
        for (var i = 0; i < count; i++)
        {
            var order = new Order($"order-{i}", Buyer, Store, "CN", Currency.CNY,
                [new OrderLine("line-1", "LW-AX3000", "Linkwave AX3000 router", ItemCategory.Electronics, price, 1, price, "SN-1", "Linkwave")],
                Amount.FromMajor(10, Currency.CNY), delivered.AddDays(-3), delivered.AddDays(-2), delivered, DateOnly.FromDateTime(delivered.AddDays(-3).UtcDateTime));
            await ExpectAsync(await platform.PostAsync("/api/v1/orders", Json(order)), HttpStatusCode.Created);
            var opened = await buyer.PostAsync("/api/v1/disputes", Json(new
            {
                OrderId = order.OrderId, LineId = "line-1", Kind = "ReturnAndRefund", Reason = "Defective", Description = "Reboots every hour", RequestedRefund = price,
            }));
            await ExpectAsync(opened, HttpStatusCode.Created);
            using var body = JsonDocument.Parse(await opened.Content.ReadAsStringAsync());
            ids.Add(body.RootElement.GetProperty("id").GetString()!);
        }

        return ids;
    }

    public static StringContent Json<T>(T body) => new(JsonSerializer.Serialize(body, DisputeJson.Options), Encoding.UTF8, "application/json");

    public static async Task ExpectAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        if (response.StatusCode != status)
        {
            throw new InvalidOperationException($"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_host is { HasExited: false })
        {
            _host.Kill(entireProcessTree: true);
            await _host.WaitForExitAsync();
        }

        _host?.Dispose();
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
        // A sandbox host: production settings otherwise, but it takes the harness's HS256 tokens (Production takes an
        // OpenID Connect authority's only).
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Staging";
        start.Environment["AfterSales__Sandbox"] = "true";
        start.Environment["AfterSales__DataFolder"] = _data;
        start.Environment["AfterSales__Marketplace__SeedFile"] = "marketplace/demo.json"; // the demo's stores, as Development seeds them
        start.Environment["AfterSales__Auth__SigningKey"] = _signingKey;
        start.Environment["AfterSales__RateLimit__PermitsPerMinute"] = "100000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        return Process.Start(start)!;
    }

    private void Append(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
