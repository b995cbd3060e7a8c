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

    /// <summary>Which web pages (a buyer front end, a seller console) a browser may call the API from.</summary>
    public sealed class CorsOptions
    {
        /// <summary>The allowed origins, such as <c>https://shop.example</c>; none by default, so browsers call only from the host's own pages.</summary>
        public IReadOnlyList<string> AllowedOrigins { get; set; } = [];
    }
}
