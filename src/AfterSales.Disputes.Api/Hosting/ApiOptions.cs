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
        /// <summary>
        /// The HMAC-SHA256 key of the token command's tokens, at least 32 bytes: Development and sandbox hosts only
        /// (Development has one in its settings). Refused elsewhere, where tokens come from <see cref="Authority"/>.
        /// </summary>
        public string? SigningKey { get; set; }

        /// <summary>The token command's issuer.</summary>
        public string Issuer { get; set; } = "aftersales";

        /// <summary>The audience tokens must be for (the token command's and the authority's).</summary>
        public string Audience { get; set; } = "aftersales-api";

        /// <summary>
        /// The OpenID Connect authority (its issuer, such as <c>https://login.marketplace.example/</c>) whose RS256 or
        /// ES256 tokens the host accepts, with the keys its metadata's JWKS lists (rotated keys are fetched when a token
        /// names a key not seen yet). Required outside Development and sandbox hosts.
        /// </summary>
        public Uri? Authority { get; set; }

        /// <summary>The authority's metadata document, when not at <c>{Authority}/.well-known/openid-configuration</c>.</summary>
        public Uri? MetadataAddress { get; set; }

        /// <summary>Whether the metadata must come over https (default true; false only for a local test authority).</summary>
        public bool RequireHttpsMetadata { get; set; } = true;

        /// <summary>The claim that holds the caller's role (default <c>role</c>).</summary>
        public string RoleClaim { get; set; } = "role";

        /// <summary>The claim that holds the caller's party id (default <c>sub</c>).</summary>
        public string PartyClaim { get; set; } = "sub";

        /// <summary>The shortest time between two fetches of the authority's keys (default 5 minutes).</summary>
        public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromMinutes(5);
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

        /// <summary>The <see cref="Storage"/> that keeps files in the data folder.</summary>
        public const string FolderStorage = "Folder";

        /// <summary>The <see cref="Storage"/> that keeps files in the database (the default).</summary>
        public const string DatabaseStorage = "Database";

        /// <summary>How long a file uploaded before its request waits to be named by one before it is removed (default a day).</summary>
        public TimeSpan UnusedAttachmentLifetime { get; set; } = TimeSpan.FromDays(1);

        /// <summary>
        /// Where uploaded files' bytes are kept: <c>Database</c> (default; every host on the database serves every
        /// upload) or <c>Folder</c> (the data folder's <c>evidence/</c>). Files a host kept in its folder move into the
        /// database at start.
        /// </summary>
        public string Storage { get; set; } = DatabaseStorage;
    }

    /// <summary>The platform's payment service, which pays refunds and takes charges (the HTTP payment adapter).</summary>
    public PaymentOptions Payments { get; set; } = new();

    /// <summary>
    /// The HTTP payment adapter: refunds and charges are POSTed to the platform's payment service, signed and keyed by
    /// the payment id, and completed by its answer, a status poll or its signed callback. Required in Production;
    /// Development without it pays everything at once (a demo gateway), other hosts without it fail payments visibly.
    /// </summary>
    public sealed class PaymentOptions
    {
        /// <summary>The payment service, such as <c>https://payments.marketplace.example/v1/</c> (it serves <c>refunds</c> and <c>charges</c> below it).</summary>
        public Uri? BaseUrl { get; set; }

        /// <summary>The secret shared with the payment service (<c>whsec_</c> and base64): it signs the host's calls and the service's callbacks.</summary>
        public string? Secret { get; set; }

        /// <summary>The URL the service calls back with a payment's end: this host's <c>/api/v1/payments/callbacks</c> as the service reaches it.</summary>
        public Uri? CallbackUrl { get; set; }

        /// <summary>How long one call may take before it is abandoned and tried again (default 10 s).</summary>
        public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);

        /// <summary>How many more times a call that failed for the network or the service (5xx, 408, 429, a timeout) is tried at once (default 2).</summary>
        public int Retries { get; set; } = 2;

        /// <summary>How long a payment the service accepted as pending is polled before its callback is left to tell (default 5 s).</summary>
        public TimeSpan PollFor { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>How far a callback's signed timestamp may be from now (default 5 minutes).</summary>
        public TimeSpan CallbackTolerance { get; set; } = TimeSpan.FromMinutes(5);
    }

    /// <summary>The marketplace's configuration.</summary>
    public MarketplaceOptions Marketplace { get; set; } = new();

    /// <summary>Where the marketplace's configuration starts from.</summary>
    public sealed class MarketplaceOptions
    {
        /// <summary>
        /// A JSON file in the shape of <c>GET /api/v1/marketplace</c> (regions, calendars, stores, warranties), imported
        /// through the same checks as <c>POST /api/v1/marketplace/changes</c> when the database holds no marketplace
        /// configuration yet: a marketplace's existing catalogue of stores, or Development's demo
        /// (<c>marketplace/demo.json</c>). Relative to the host's folder. Later changes are made over the API.
        /// </summary>
        public string? SeedFile { get; set; }
    }

    /// <summary>What is wrong with these settings, each naming its setting (<c>AfterSales:RateLimit:PermitsPerMinute …</c>).</summary>
    /// <param name="developmentTokens">Whether the host takes the token command's HS256 tokens (Development and sandbox hosts).</param>
    /// <param name="production">Whether the host runs in Production, where payments need the payment service.</param>
    /// <param name="development">Whether the host runs in Development, where the payment service may be plain http.</param>
    public IReadOnlyList<string> Problems(bool developmentTokens, bool production = false, bool development = false)
    {
        var problems = new List<string>();
        if (production && Payments.BaseUrl is null)
        {
            problems.Add("AfterSales:Payments:BaseUrl must be configured in Production: refunds and charges go through the platform's payment service.");
        }

        if (Payments.BaseUrl is { } payments)
        {
            if (!payments.IsAbsoluteUri || payments.Scheme is not ("https" or "http") || (payments.Scheme == "http" && !development && !payments.IsLoopback))
            {
                problems.Add($"AfterSales:Payments:BaseUrl must be an absolute https URL (http only to a loopback address, such as a local sidecar, or in Development), not {payments}.");
            }

            var prefix = Application.Webhooks.WebhookSignature.SecretPrefix;
            if (Payments.Secret is not { } secret || !secret.StartsWith(prefix, StringComparison.Ordinal)
                || !Convert.TryFromBase64String(secret[prefix.Length..], new byte[secret.Length], out var keyBytes) || keyBytes < 24)
            {
                problems.Add("AfterSales:Payments:Secret must be the secret shared with the payment service: whsec_ and the base64 of at least 24 bytes.");
            }
        }

        if (Payments.Timeout <= TimeSpan.Zero || Payments.PollFor < TimeSpan.Zero || Payments.CallbackTolerance <= TimeSpan.Zero || Payments.Retries is < 0 or > 10)
        {
            problems.Add("AfterSales:Payments:Timeout and CallbackTolerance must be positive, PollFor not negative, and Retries from 0 to 10.");
        }
        if (developmentTokens && (string.IsNullOrWhiteSpace(Auth.SigningKey) || System.Text.Encoding.UTF8.GetByteCount(Auth.SigningKey) < 32))
        {
            problems.Add("AfterSales:Auth:SigningKey must be configured with at least 32 bytes (for example through the AfterSales__Auth__SigningKey environment variable). Development has a key of its own.");
        }

        if (!developmentTokens && !string.IsNullOrEmpty(Auth.SigningKey))
        {
            problems.Add("AfterSales:Auth:SigningKey is for Development and sandbox hosts (the token command's tokens); here tokens come from AfterSales:Auth:Authority.");
        }

        if (!developmentTokens && Auth.Authority is null && Auth.MetadataAddress is null)
        {
            problems.Add("AfterSales:Auth:Authority must be configured outside Development and sandbox hosts: the OpenID Connect authority whose tokens the host accepts.");
        }

        foreach (var (name, url) in new[] { ("Authority", Auth.Authority), ("MetadataAddress", Auth.MetadataAddress) })
        {
            if (url is not null && (!url.IsAbsoluteUri || url.Scheme is not ("https" or "http") || (url.Scheme == "http" && Auth.RequireHttpsMetadata)))
            {
                problems.Add($"AfterSales:Auth:{name} must be an absolute https URL (http only with AfterSales:Auth:RequireHttpsMetadata false), not {url}.");
            }
        }

        if (string.IsNullOrWhiteSpace(Auth.RoleClaim) || string.IsNullOrWhiteSpace(Auth.PartyClaim))
        {
            problems.Add("AfterSales:Auth:RoleClaim and AfterSales:Auth:PartyClaim name the token's claims and cannot be empty.");
        }

        var postgres = string.Equals(Database, "Postgres", StringComparison.OrdinalIgnoreCase);
        if (!postgres && !string.Equals(Database, "Sqlite", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add($"AfterSales:Database is Sqlite or Postgres, not \"{Database}\".");
        }
        else if (postgres && string.IsNullOrWhiteSpace(PostgresConnection))
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

        if (Uploads.Storage is not (UploadOptions.DatabaseStorage or UploadOptions.FolderStorage))
        {
            problems.Add($"AfterSales:Uploads:Storage is Database or Folder, not \"{Uploads.Storage}\".");
        }

        if (Uploads.UnusedAttachmentLifetime <= TimeSpan.Zero)
        {
            problems.Add($"AfterSales:Uploads:UnusedAttachmentLifetime must be a positive duration (it is {Uploads.UnusedAttachmentLifetime}).");
        }

        foreach (var origin in Cors.AllowedOrigins.Where(o => !Uri.TryCreate(o, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.AbsolutePath != "/"))
        {
            problems.Add($"AfterSales:Cors:AllowedOrigins holds \"{origin}\", which is not an origin such as https://shop.example.");
        }

        if (Marketplace.SeedFile is { Length: > 0 } seed && !File.Exists(seed))
        {
            problems.Add($"AfterSales:Marketplace:SeedFile names {seed}, which is not a file.");
        }

        if (Telemetry.OtlpProtocol is not ("grpc" or "http/protobuf"))
        {
            problems.Add($"AfterSales:Telemetry:OtlpProtocol is grpc or http/protobuf, not \"{Telemetry.OtlpProtocol}\".");
        }

        if (Telemetry.OtlpEndpoint is { IsAbsoluteUri: false } or { Scheme: not ("http" or "https") })
        {
            problems.Add($"AfterSales:Telemetry:OtlpEndpoint must be an absolute http or https URL (it is {Telemetry.OtlpEndpoint}).");
        }

        foreach (var proxy in Proxy.KnownProxies.Where(p => !System.Net.IPAddress.TryParse(p, out _)))
        {
            problems.Add($"AfterSales:Proxy:KnownProxies holds \"{proxy}\", which is not an IP address.");
        }

        foreach (var network in Proxy.KnownNetworks.Where(n => !System.Net.IPNetwork.TryParse(n, out _)))
        {
            problems.Add($"AfterSales:Proxy:KnownNetworks holds \"{network}\", which is not a network such as 10.0.0.0/24.");
        }

        return problems;
    }

    /// <summary>Where traces and metrics go.</summary>
    public TelemetryOptions Telemetry { get; set; } = new();

    /// <summary>The reverse proxies in front of the host, whose X-Forwarded-For and X-Forwarded-Proto it believes.</summary>
    public ProxyOptions Proxy { get; set; } = new();

    /// <summary>
    /// Behind a reverse proxy the connection comes from the proxy; the client's address (rate limits, logs) and the
    /// scheme come from the proxy's X-Forwarded-For and X-Forwarded-Proto, believed only from the proxies listed here.
    /// None by default: the headers are ignored.
    /// </summary>
    public sealed class ProxyOptions
    {
        /// <summary>The proxies' addresses, such as <c>10.0.0.5</c>.</summary>
        public IReadOnlyList<string> KnownProxies { get; set; } = [];

        /// <summary>The proxies' networks, such as <c>10.0.0.0/24</c>.</summary>
        public IReadOnlyList<string> KnownNetworks { get; set; } = [];

        /// <summary>Whether any proxy is listed.</summary>
        public bool Enabled => KnownProxies.Count > 0 || KnownNetworks.Count > 0;
    }

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
