using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Testing;
using Npgsql;

namespace AfterSales.Disputes.Api.Tests.Packaging;

/// <summary>Release builds of the repository's projects (packing, publishing) share obj/Release: one at a time.</summary>
[CollectionDefinition(nameof(ReleaseBuilds), DisableParallelization = true)]
public sealed class ReleaseBuilds;

/// <summary>
/// The deployable output: <c>dotnet publish</c>, started from its own folder exactly as the Dockerfile's entrypoint
/// does, configured by environment variables only — Production, PostgreSQL, an OpenID Connect authority — is ready,
/// takes the authority's tokens, and its health command (the image's health check) says so.
/// </summary>
[Collection(nameof(ReleaseBuilds))]
public sealed class PublishTests
{
    [SkippableFact]
    public async Task ThePublishedHost_RunsOnEnvironmentSettingsOnly_OnPostgres_WithTheAuthoritysTokens()
    {
        var server = TestPostgres.ServerOrSkip();
        var output = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "aftersales-publish", Guid.NewGuid().ToString("N"))).FullName;
        var database = "aftersales_publish_" + Guid.NewGuid().ToString("N")[..12];
        await using var authority = await TestAuthority.StartAsync();
        await using var payments = await TestPaymentService.StartAsync();
        try
        {
            var (published, log) = await DotnetCommand.RunAsync(Repository.Root, TimeSpan.FromMinutes(5),
                "publish", "src/AfterSales.Disputes.Api/AfterSales.Disputes.Api.csproj", "-c", "Release", "-o", output);
            published.Should().Be(0, log);

            var catalogue = Path.Combine(output, "catalogue.json"); // a marketplace's existing stores, imported on the first start
            await File.WriteAllTextAsync(catalogue, """
                { "regions": [{ "region": "CN", "pack": "China", "timeZone": "Asia/Shanghai" }],
                  "stores": [{ "storeId": "store-deployed", "storeType": "AuthorisedReseller", "noReasonReturnDays": 10 }] }
                """);
            var port = HostProcess.FreePort();
            var url = $"http://127.0.0.1:{port}";
            using var host = Start(output, new Dictionary<string, string>
            {
                ["ASPNETCORE_ENVIRONMENT"] = "Production",
                ["ASPNETCORE_URLS"] = url,
                ["AfterSales__DataFolder"] = Path.Combine(output, "data"),
                ["AfterSales__Database"] = "Postgres",
                ["AfterSales__PostgresConnection"] = new NpgsqlConnectionStringBuilder(server) { Database = database }.ConnectionString,
                ["AfterSales__Auth__Authority"] = authority.Issuer,
                ["AfterSales__Auth__RequireHttpsMetadata"] = "false",
                ["AfterSales__Payments__BaseUrl"] = payments.Url, // http to loopback: a local sidecar
                ["AfterSales__Payments__Secret"] = payments.Secret,
                ["AfterSales__Marketplace__SeedFile"] = catalogue,
            });
            try
            {
                using var http = new HttpClient { BaseAddress = new Uri(url) };
                await ReadyAsync(http, host);
                http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", authority.Token(authority.Rsa, Roles.Buyer, "buyer-deployed", claims: ("role", "sub")));

                (await http.GetAsync("/api/v1/disputes")).StatusCode.Should().Be(HttpStatusCode.OK, "the authority's token is taken");
                var policy = await http.GetAsync("/api/v1/stores/store-deployed/policy?region=CN");
                policy.StatusCode.Should().Be(HttpStatusCode.OK, "the seed file's store is configured");
                (await policy.Content.ReadAsStringAsync()).Should().Contain("store-deployed-v1").And.Contain("10 days from receipt");
                var (healthy, said) = await DotnetCommand.RunProgramAsync("dotnet", output, TimeSpan.FromMinutes(1), new Dictionary<string, string>(), "AfterSales.Disputes.Api.dll", "health", url);
                healthy.Should().Be(0, said);
                File.Exists(Path.Combine(output, "aftersales.db")).Should().BeFalse();
            }
            finally
            {
                host.Kill(entireProcessTree: true);
                await host.WaitForExitAsync();
            }

            var (unhealthy, _) = await DotnetCommand.RunProgramAsync("dotnet", output, TimeSpan.FromMinutes(1), new Dictionary<string, string>(), "AfterSales.Disputes.Api.dll", "health", url);
            unhealthy.Should().Be(1, "a host that is gone is not healthy");
        }
        finally
        {
            await TestPostgres.DropAsync(server, database);
            Directory.Delete(output, recursive: true);
        }
    }

    private static Process Start(string folder, Dictionary<string, string> environment)
    {
        var start = new ProcessStartInfo("dotnet", "AfterSales.Disputes.Api.dll")
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AfterSales", StringComparison.OrdinalIgnoreCase) || k.StartsWith("ASPNETCORE", StringComparison.OrdinalIgnoreCase)).ToList())
        {
            start.Environment.Remove(name); // nothing from the test's own environment: only the settings given here
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static async Task ReadyAsync(HttpClient http, Process host)
    {
        for (var attempt = 0; attempt < 300; attempt++)
        {
            host.HasExited.Should().BeFalse($"the published host stopped with exit code {(host.HasExited ? host.ExitCode : 0)}");
            try
            {
                if ((await http.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("The published host was not ready within 30 seconds.");
    }
}
