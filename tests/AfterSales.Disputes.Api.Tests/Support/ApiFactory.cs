using System.Net.Http.Headers;
using System.Net.Http.Json;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Hosting;
using AfterSales.Disputes.Application.Serialization;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Disputes.Api.Tests.Support;

/// <summary>
/// The real host in memory (<c>WebApplicationFactory&lt;Program&gt;</c>), in Development, on its own SQLite
/// file, without demo data. Clients carry real bearer tokens signed with the host's key.
/// </summary>
public sealed class ApiFactory : WebApplicationFactory<Program>
{
    private readonly string _data = Directory.CreateDirectory(Path.Combine(Path.GetTempPath(), "aftersales-api-tests", Guid.NewGuid().ToString("N"))).FullName;
    private readonly Dictionary<string, string?> _settings;

    public ApiFactory()
    {
        _settings = new Dictionary<string, string?>
        {
            ["AfterSales:DataFolder"] = _data,
            ["AfterSales:SeedDemoData"] = "false",
            ["AfterSales:RateLimit:PermitsPerMinute"] = "100000",
        };
    }

    /// <summary>More configuration for this host, such as a low rate limit.</summary>
    public (string Key, string? Value)[] Settings
    {
        init
        {
            foreach (var (key, setting) in value)
            {
                _settings[key] = setting;
            }
        }
    }

    public string Environment { get; init; } = "Development";

    /// <summary>The payment service secret a Production host is given when a test names none.</summary>
    public const string ProductionPaymentSecret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /// <summary>Changes to the host's services after its own registrations, such as a decorator that counts calls.</summary>
    public Action<IServiceCollection>? TestServices { get; init; }

    public string DataFolder => _data;

    /// <summary>A client whose token says <paramref name="role"/> and <paramref name="party"/>.</summary>
    public HttpClient As(string role, string party)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token(role, party));
        return client;
    }

    public string Token(string role, string party, TimeSpan? lifetime = null, string? audience = null, string? key = null)
    {
        var options = Services.GetRequiredService<ApiOptions>();
        return TokenIssuer.Mint(key ?? options.Auth.SigningKey!, options.Auth.Issuer, audience ?? options.Auth.Audience, role, party,
            lifetime ?? TimeSpan.FromHours(1), DateTimeOffset.UtcNow);
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.UseEnvironment(Environment);
        if (Environment == "Production" && !_settings.ContainsKey("AfterSales:Payments:BaseUrl"))
        {
            // Production requires the payment service; these hosts never pay anything, so one that is never called will do.
            builder.UseSetting("AfterSales:Payments:BaseUrl", "https://payments.marketplace.example/");
            builder.UseSetting("AfterSales:Payments:Secret", ProductionPaymentSecret);
        }

        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        if (TestServices is { } configure)
        {
            builder.ConfigureTestServices(configure);
        }
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        try
        {
            Directory.Delete(_data, recursive: true);
        }
        catch (IOException)
        {
        }
    }
}

/// <summary>JSON in the API's form, for request bodies and responses.</summary>
public static class ApiJson
{
    public static System.Text.Json.JsonSerializerOptions Options { get; } = Create();

    public static Task<T?> ReadAsync<T>(this HttpResponseMessage response) => response.Content.ReadFromJsonAsync<T>(Options);

    public static Task<HttpResponseMessage> PostJsonAsync<T>(this HttpClient client, string url, T body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = JsonContent.Create(body, options: Options) };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    public static Task<HttpResponseMessage> PostRawAsync(this HttpClient client, string url, string json, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        if (ifMatch is not null)
        {
            request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        return client.SendAsync(request);
    }

    private static System.Text.Json.JsonSerializerOptions Create()
    {
        var options = new System.Text.Json.JsonSerializerOptions(DisputeJson.Options);
        ApiSetup.Strict(options);
        return options;
    }
}
