namespace AfterSales.Disputes.Api.Hosting;

/// <summary>The host's settings, from the <c>AfterSales</c> configuration section.</summary>
public sealed class ApiOptions
{
    /// <summary>Where the SQLite file and evidence uploads live, relative to the content root (default <c>data</c>).</summary>
    public string DataFolder { get; set; } = "data";

    /// <summary><c>Sqlite</c> (default) or <c>Postgres</c>.</summary>
    public string Database { get; set; } = "Sqlite";

    /// <summary>The PostgreSQL connection string, when <see cref="Database"/> is <c>Postgres</c>.</summary>
    public string? PostgresConnection { get; set; }

    /// <summary>
    /// A sandbox host for integrators' tests: it has the test clock (<c>/api/v1/test-clock</c>), as Development does.
    /// Refused in Production, where no caller may move deadlines.
    /// </summary>
    public bool Sandbox { get; set; }

    /// <summary>Whether to seed the demo marketplace at start (Development only).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Token settings.</summary>
    public AuthOptions Auth { get; set; } = new();

    /// <summary>Rate limiting.</summary>
    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>Evidence uploads.</summary>
    public UploadOptions Uploads { get; set; } = new();

    /// <summary>Browsers' cross-origin calls.</summary>
    public CorsOptions Cors { get; set; } = new();

    /// <summary>Bearer token settings.</summary>
    public sealed class AuthOptions
    {
        /// <summary>The HMAC-SHA256 signing key, at least 32 bytes. Required outside Development.</summary>
        public string? SigningKey { get; set; }

        /// <summary>The token issuer.</summary>
        public string Issuer { get; set; } = "aftersales";

        /// <summary>The audience tokens must be for.</summary>
        public string Audience { get; set; } = "aftersales-api";
    }

    /// <summary>Rate limiting per caller (token subject, or IP address when anonymous).</summary>
    public sealed class RateLimitOptions
    {
        /// <summary>Requests per caller per minute (default 600).</summary>
        public int PermitsPerMinute { get; set; } = 600;
    }

    /// <summary>Evidence uploads.</summary>
    public sealed class UploadOptions
    {
        /// <summary>The largest accepted file (default 10 MB).</summary>
        public long MaxBytes { get; set; } = 10 * 1024 * 1024;

        /// <summary>How long a file uploaded before its request waits to be named by one before it is removed (default a day).</summary>
        public TimeSpan UnusedAttachmentLifetime { get; set; } = TimeSpan.FromDays(1);
    }

    /// <summary>What is wrong with these settings, each naming its setting (<c>AfterSales:RateLimit:PermitsPerMinute …</c>).</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(Auth.SigningKey) || System.Text.Encoding.UTF8.GetByteCount(Auth.SigningKey) < 32)
        {
            problems.Add("AfterSales:Auth:SigningKey must be configured with at least 32 bytes (for example through the AfterSales__Auth__SigningKey environment variable). Development has a key of its own.");
        }

        if (Database is not ("Sqlite" or "Postgres"))
        {
            problems.Add($"AfterSales:Database is Sqlite or Postgres, not \"{Database}\".");
        }
        else if (Database == "Postgres" && string.IsNullOrWhiteSpace(PostgresConnection))
        {
            problems.Add("AfterSales:PostgresConnection is required when AfterSales:Database is Postgres.");
        }

        if (RateLimit.PermitsPerMinute < 1)
        {
            problems.Add($"AfterSales:RateLimit:PermitsPerMinute must be at least 1 (it is {RateLimit.PermitsPerMinute}).");
        }

        if (Uploads.MaxBytes is < 1 or > int.MaxValue)
        {
            problems.Add($"AfterSales:Uploads:MaxBytes must be between 1 and {int.MaxValue} (it is {Uploads.MaxBytes}).");
        }

        if (Uploads.UnusedAttachmentLifetime <= TimeSpan.Zero)
        {
            problems.Add($"AfterSales:Uploads:UnusedAttachmentLifetime must be a positive duration (it is {Uploads.UnusedAttachmentLifetime}).");
        }

        foreach (var origin in Cors.AllowedOrigins.Where(o => !Uri.TryCreate(o, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.AbsolutePath != "/"))
        {
            problems.Add($"AfterSales:Cors:AllowedOrigins holds \"{origin}\", which is not an origin such as https://shop.example.");
        }

        if (Telemetry.OtlpProtocol is not ("grpc" or "http/protobuf"))
        {
            problems.Add($"AfterSales:Telemetry:OtlpProtocol is grpc or http/protobuf, not \"{Telemetry.OtlpProtocol}\".");
        }

        if (Telemetry.OtlpEndpoint is { IsAbsoluteUri: false } or { Scheme: not ("http" or "https") })
        {
            problems.Add($"AfterSales:Telemetry:OtlpEndpoint must be an absolute http or https URL (it is {Telemetry.OtlpEndpoint}).");
        }

        return problems;
    }

    /// <summary>Where traces and metrics go.</summary>
    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>Traces and metrics are always collected in process; they leave it over OTLP when an endpoint is set.</summary>
    public sealed class TelemetryOptions
    {
        /// <summary>The OTLP collector, such as <c>http://collector:4317</c>; none by default (no export).</summary>
        public Uri? OtlpEndpoint { get; set; }

        /// <summary><c>grpc</c> (default) or <c>http/protobuf</c>.</summary>
        public string OtlpProtocol { get; set; } = "grpc";
    }

    /// <summary>Which web pages (a buyer front end, a seller console) a browser may call the API from.</summary>
    public sealed class CorsOptions
    {
        /// <summary>The allowed origins, such as <c>https://shop.example</c>; none by default, so browsers call only from the host's own pages.</summary>
        public IReadOnlyList<string> AllowedOrigins { get; set; } = [];
    }
}
