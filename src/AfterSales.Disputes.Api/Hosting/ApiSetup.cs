using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Endpoints;
using AfterSales.Disputes.Api.Payments;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Application.Serialization;
using AfterSales.Disputes.Application.Telemetry;
using AfterSales.Disputes.EntityFrameworkCore;
using AfterSales.Disputes.Localization;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.HttpLogging;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.IdentityModel.Tokens;
using Microsoft.OpenApi;
using OpenTelemetry;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;
using Polly;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AfterSales.Disputes.Api.Hosting;

/// <summary>Wires the host: the engine, tokens, errors, limits, Swagger, health and the routes.</summary>
public static class ApiSetup
{
    /// <summary>Reads the <c>AfterSales</c> section, resolving the data folder against the content root.</summary>
    public static ApiOptions ReadOptions(IConfiguration configuration, IHostEnvironment environment)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(environment);
        ApiOptions options;
        try
        {
            options = configuration.GetSection("AfterSales").Get<ApiOptions>() ?? new ApiOptions();
        }
        catch (InvalidOperationException unreadable)
        {
            throw new InvalidSettingsException([unreadable.Message]); // the binder's message names the setting and the type it wanted
        }

        options.DataFolder = Path.GetFullPath(Path.Combine(environment.ContentRootPath, options.DataFolder));
        if (options.Marketplace.SeedFile is { Length: > 0 } seed)
        {
            options.Marketplace.SeedFile = Path.GetFullPath(Path.Combine(environment.ContentRootPath, seed));
        }

        return options;
    }

    /// <summary>Adds everything the host needs.</summary>
    /// <exception cref="InvalidSettingsException">A setting cannot run; each problem names its setting.</exception>
    public static WebApplicationBuilder AddAfterSalesApi(this WebApplicationBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = ReadOptions(builder.Configuration, builder.Environment);
        var developmentTokens = TakesDevelopmentTokens(builder.Environment, options);
        var problems = options.Problems(developmentTokens, builder.Environment.IsProduction(), builder.Environment.IsDevelopment()).ToList();
        var services = builder.Services;
        services.AddSingleton(options);
        if (options.Uploads.Storage == ApiOptions.UploadOptions.FolderStorage)
        {
            services.AddScoped<IEvidenceContent, FolderEvidenceContent>(); // before the engine's store, which adds the database's otherwise
        }

        services.AddAfterSalesDisputes(engine =>
        {
            try
            {
                builder.Configuration.GetSection("AfterSales:Engine").Bind(engine.Options); // worker batches, retries, lease
            }
            catch (InvalidOperationException unreadable)
            {
                problems.Add(unreadable.Message); // the binder's message names the setting and the type it wanted
            }

            // Every bad setting at once, each by its name, before anything starts.
            problems.AddRange(engine.Options.Problems().Select(problem => "AfterSales:Engine:" + problem));
            if (problems.Count > 0)
            {
                throw new InvalidSettingsException(problems);
            }

            if (string.Equals(options.Database, "Postgres", StringComparison.OrdinalIgnoreCase))
            {
                engine.UsePostgres(options.PostgresConnection!); // required with Postgres (ApiOptions.Problems)
            }
            else
            {
                engine.UseSqlite($"Data Source={Path.Combine(options.DataFolder, "aftersales.db")}");
            }

            engine.Options.WebhookLoopbackAllowed = builder.Environment.IsDevelopment(); // a local receiver; never elsewhere, whatever the settings say
            if (HasTestClock(builder.Environment, options))
            {
                engine.Options.WebhookSigningClock = TimeProvider.System; // receivers check signatures' age on their own clocks
            }
        });
        AddPayments(services, options.Payments, builder.Environment);

        if (HasTestClock(builder.Environment, options))
        {
            services.AddSingleton<TestClock>();
            services.Replace(ServiceDescriptor.Singleton<TimeProvider>(provider => provider.GetRequiredService<TestClock>()));
        }

        AddTelemetry(services, options.Telemetry);
        services.AddSingleton<UnusedAttachmentSweeper>();
        services.AddHostedService(provider => provider.GetRequiredService<UnusedAttachmentSweeper>());
        services.ConfigureHttpJsonOptions(json => Strict(json.SerializerOptions));
        services.Configure<RouteHandlerOptions>(routes => routes.ThrowOnBadRequest = true);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = null); // BodySizeLimit decides per route
        services.AddProblemDetails();
        services.AddExceptionHandler<ErrorHandling>();

        services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme).AddJwtBearer(jwt =>
        {
            // Tokens of the OpenID Connect authority (RS256, ES256, keys from its JWKS) and, on Development and sandbox
            // hosts, the token command's (HS256 with the host's key). Nothing else, and nothing unsigned.
            jwt.MapInboundClaims = false;
            jwt.Authority = options.Auth.Authority?.ToString();
            jwt.MetadataAddress = options.Auth.MetadataAddress?.ToString() ?? "";
            jwt.RequireHttpsMetadata = options.Auth.RequireHttpsMetadata;
            jwt.RefreshInterval = options.Auth.KeyRefreshInterval;
            jwt.Audience = options.Auth.Audience;
            jwt.TokenValidationParameters = new TokenValidationParameters
            {
                ValidIssuers = developmentTokens ? [options.Auth.Issuer] : [],
                ValidAudience = options.Auth.Audience,
                IssuerSigningKeys = developmentTokens ? [TokenIssuer.SigningKey(options.Auth.SigningKey)] : [],
                ValidAlgorithms = developmentTokens
                    ? [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.HmacSha256]
                    : [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.EcdsaSha256],
                RequireSignedTokens = true,
                RequireExpirationTime = true,
                ClockSkew = TimeSpan.FromSeconds(30),
                NameClaimType = options.Auth.PartyClaim,
                RoleClaimType = options.Auth.RoleClaim,
            };
            jwt.Events = new JwtBearerEvents
            {
                OnChallenge = async context =>
                {
                    context.HandleResponse();
                    await ApiProblems.Problem(StatusCodes.Status401Unauthorized, "unauthorized", "Unauthorized",
                        "A valid bearer token is required: signed with the host's key, for this audience, not expired.").ExecuteAsync(context.HttpContext);
                },
            };
        });
        services.AddAuthorizationBuilder().SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddRolePolicies();
        services.AddSingleton<Microsoft.AspNetCore.Authorization.IAuthorizationMiddlewareResultHandler, ForbiddenAsProblem>();

        if (options.Proxy.Enabled)
        {
            services.Configure<ForwardedHeadersOptions>(forwarded =>
            {
                forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
                forwarded.KnownProxies.Clear();
                forwarded.KnownIPNetworks.Clear();
                foreach (var proxy in options.Proxy.KnownProxies)
                {
                    forwarded.KnownProxies.Add(System.Net.IPAddress.Parse(proxy));
                }

                foreach (var network in options.Proxy.KnownNetworks)
                {
                    forwarded.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(network));
                }
            });
        }

        var rateLimits = new CallerRateLimits(options.RateLimit.PermitsPerMinute, TimeProvider.System);
        services.AddSingleton(rateLimits);
        services.AddRateLimiter(rateLimits.Configure);

        services.AddHttpLogging(logging =>
        {
            logging.LoggingFields = HttpLoggingFields.RequestMethod | HttpLoggingFields.RequestPath | HttpLoggingFields.ResponseStatusCode | HttpLoggingFields.Duration;
            logging.CombineLogs = true;
        });
        // A browser may call from the configured origins only, with the headers the API reads, and may read the headers it sends.
        services.AddCors(cors => cors.AddDefaultPolicy(policy => policy.WithOrigins([.. options.Cors.AllowedOrigins])
            .WithMethods(HttpMethods.Get, HttpMethods.Post, HttpMethods.Put, HttpMethods.Delete)
            .WithHeaders("Authorization", "Content-Type", "If-Match", "If-None-Match", "Idempotency-Key", "Accept-Language", "Last-Event-ID")
            .WithExposedHeaders("ETag", "Location", "Retry-After", "RateLimit-Limit", "RateLimit-Remaining", "RateLimit-Reset")
            .SetPreflightMaxAge(TimeSpan.FromHours(1))));
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        services.AddEndpointsApiExplorer();
        services.AddSwaggerGen(swagger => SwaggerSetup.Configure(swagger, options));
        return builder;
    }

    // The platform's payment service when configured (required in Production); else Development pays at once and other
    // hosts fail payments visibly.
    private static void AddPayments(IServiceCollection services, ApiOptions.PaymentOptions payments, IHostEnvironment environment)
    {
        if (payments.BaseUrl is not { } service)
        {
            services.Replace(environment.IsDevelopment()
                ? ServiceDescriptor.Scoped<IRefundGateway, DevelopmentRefundGateway>()
                : ServiceDescriptor.Scoped<IRefundGateway, UnconfiguredRefundGateway>());
            if (environment.IsDevelopment())
            {
                services.Replace(ServiceDescriptor.Scoped<IPaymentGateway, DevelopmentPaymentGateway>());
            }

            return;
        }

        services.AddHttpClient(HttpPaymentGateway.ClientName, http =>
        {
            http.BaseAddress = new Uri(service.AbsoluteUri.TrimEnd('/') + "/");
            http.Timeout = Timeout.InfiniteTimeSpan; // the resilience pipeline times each attempt
        }).AddResilienceHandler(HttpPaymentGateway.ClientName, pipeline =>
        {
            // Retrying a payment is safe: the payment service keys it by its id. Each attempt has its own timeout.
            if (payments.Retries > 0)
            {
                pipeline.AddRetry(new Microsoft.Extensions.Http.Resilience.HttpRetryStrategyOptions
                {
                    MaxRetryAttempts = payments.Retries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = TimeSpan.FromMilliseconds(200),
                });
            }

            pipeline.AddTimeout(payments.Timeout);
        });
        services.AddScoped<HttpPaymentGateway>();
        services.Replace(ServiceDescriptor.Scoped<IRefundGateway>(provider => provider.GetRequiredService<HttpPaymentGateway>()));
        services.Replace(ServiceDescriptor.Scoped<IPaymentGateway>(provider => provider.GetRequiredService<HttpPaymentGateway>()));
    }

    // Texts in the language Accept-Language asks for among those the engine has (DisputeTexts), English by default;
    // zh-CN and zh-Hans read the Simplified Chinese resources. Only the header decides: no cookie, no query string.
    // Only the UI culture follows it: numbers and dates (CSV exports, ids) are written the same for every caller.
    private static void Languages(RequestLocalizationOptions languages)
    {
        languages.SetDefaultCulture(DisputeTexts.English.Name)
            .AddSupportedUICultures([.. DisputeTexts.SupportedCultures.Select(c => c.Name), "zh-Hans"]);
        languages.FallBackToParentUICultures = true;
        languages.RequestCultureProviders = [new AcceptLanguageHeaderRequestCultureProvider()];
    }

    /// <summary>The middleware pipeline and the routes.</summary>
    public static WebApplication UseAfterSalesApi(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<ApiOptions>().Proxy.Enabled)
        {
            app.UseForwardedHeaders(); // first: everything after sees the client's address and scheme
        }

        // Before the error handlers, so that their problems are in the caller's language too: a culture set further in
        // does not flow back out to them.
        app.UseRequestLocalization(Languages);
        // Headers every answer carries, set as the answer starts: the exception handler clears the headers set before
        // it writes its problem, and a 400 for a malformed body is such a problem.
        app.Use((context, next) =>
        {
            var language = CultureInfo.CurrentUICulture.Name;
            context.Response.OnStarting(() =>
            {
                context.Response.Headers.ContentLanguage = language;
                context.Response.Headers.XContentTypeOptions = "nosniff";
                return Task.CompletedTask;
            });
            return next(context);
        });
        app.UseExceptionHandler();
        app.UseStatusCodePages();
        app.UseHttpLogging();

        // The arbitration desk (wwwroot/desk): static files, public like any web page, served before authentication.
        // Everything it shows comes from the API with the signed-in arbitrator's token.
        app.UseDefaultFiles();
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = file => file.Context.Response.Headers.ContentSecurityPolicy =
                "default-src 'self'; img-src 'self' blob:; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
        });
        app.UseSwagger(swagger => swagger.PreSerializeFilters.Add((document, request) => document.Servers = [SwaggerSetup.Server(app.Environment)]));
        app.UseSwaggerUI(ui => ui.DocumentTitle = "AfterSales.Disputes API");
        app.UseCors();
        app.UseAuthentication();
        app.UseRateLimiter();
        app.Use(app.Services.GetRequiredService<CallerRateLimits>().WriteHeadersAsync);
        app.UseAuthorization();
        app.UseMiddleware<BodySizeLimit>();
        app.UseMiddleware<IdempotencyKeys>();

        app.MapHealthChecks("/health/live", new() { Predicate = _ => false }).AllowAnonymous();
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") }).AllowAnonymous();
        var api = app.MapGroup("/api/v1");
        api.AddEndpointFilterFactory(ContractLimits.Filter);
        api.MapOrderEndpoints();
        api.MapDisputeEndpoints();
        api.MapDisputeActionEndpoints();
        api.MapArbitrationEndpoints();
        api.MapFlowEndpoints();
        api.MapLabelEndpoints();
        api.MapScorecardEndpoints();
        api.MapServiceLevelEndpoints();
        api.MapStoreEndpoints();
        api.MapMarketplaceEndpoints();
        api.MapPaymentCallbackEndpoints();
        api.MapWebhookEndpoints();
        api.MapEventFeedEndpoints();
        api.MapEvidenceEndpoints(app.Services.GetRequiredService<ApiOptions>());
        if (app.Services.GetService<TestClock>() is not null)
        {
            api.MapTestClockEndpoints();
        }

        return app;
    }

    /// <summary>Whether the host takes the token command's HS256 tokens: on Development and sandbox hosts only.</summary>
    /// <exception cref="InvalidOperationException"><c>AfterSales:Sandbox</c> is set in Production.</exception>
    public static bool TakesDevelopmentTokens(IHostEnvironment environment, ApiOptions options) => HasTestClock(environment, options);

    /// <summary>Whether the host has the test clock: in Development, and on a sandbox host; a sandbox in Production is refused.</summary>
    /// <exception cref="InvalidOperationException"><c>AfterSales:Sandbox</c> is set in Production.</exception>
    public static bool HasTestClock(IHostEnvironment environment, ApiOptions options)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(options);
        if (options.Sandbox && environment.IsProduction())
        {
            throw new InvalidOperationException("AfterSales:Sandbox is refused in Production: a sandbox's test clock lets a caller move every deadline. "
                + "Run a sandbox host in another environment (ASPNETCORE_ENVIRONMENT=Sandbox, for example).");
        }

        return options.Sandbox || environment.IsDevelopment();
    }

    // The engine's spans and metrics with ASP.NET Core's and HttpClient's, always collected; exported over OTLP when an
    // endpoint is configured (AfterSales:Telemetry:OtlpEndpoint).
    private static void AddTelemetry(IServiceCollection services, ApiOptions.TelemetryOptions telemetry)
    {
        var builder = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("AfterSales.Disputes.Api"))
            .WithTracing(tracing => tracing.AddSource(DisputeTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation())
            .WithMetrics(metrics => metrics.AddMeter(DisputeTelemetry.Name).AddAspNetCoreInstrumentation().AddHttpClientInstrumentation());
        if (telemetry.OtlpEndpoint is { } endpoint)
        {
            var protocol = telemetry.OtlpProtocol switch
            {
                "grpc" => OtlpExportProtocol.Grpc,
                "http/protobuf" => OtlpExportProtocol.HttpProtobuf,
                _ => throw new InvalidOperationException($"AfterSales:Telemetry:OtlpProtocol is grpc or http/protobuf, not {telemetry.OtlpProtocol}."),
            };
            builder.UseOtlpExporter(protocol, endpoint);
        }
    }

    /// <summary>The API's JSON options on their own (web defaults, <see cref="Strict"/>), for what describes or checks the API's JSON outside a request.</summary>
    public static System.Text.Json.JsonSerializerOptions CreateJsonOptions()
    {
        var json = new System.Text.Json.JsonSerializerOptions(System.Text.Json.JsonSerializerDefaults.Web);
        Strict(json);
        return json;
    }

    /// <summary>The API's JSON: the engine's converters, strict about unknown properties, missing and null values.</summary>
    public static void Strict(System.Text.Json.JsonSerializerOptions json)
    {
        ArgumentNullException.ThrowIfNull(json);
        foreach (var converter in DisputeJson.Options.Converters)
        {
            json.Converters.Add(converter);
        }

        json.TypeInfoResolver = DisputeJson.Options.TypeInfoResolver;
        json.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        json.RespectNullableAnnotations = true;
        json.RespectRequiredConstructorParameters = true;
    }
}

/// <summary>Swagger: every route with its schemas and XML docs, and a Bearer "Authorize" button.</summary>
internal static class SwaggerSetup
{
    /// <summary>The host itself, where the document is served; marked for the public, with the environment it runs in.</summary>
    public static OpenApiServer Server(IHostEnvironment environment) => new()
    {
        Url = "/",
        Description = environment.IsProduction() ? "This host (production)." : $"This host (not production: {environment.EnvironmentName}, for local testing).",
        Extensions = new Dictionary<string, IOpenApiExtension> { ["x-internal"] = new JsonNodeExtension(false) },
    };

    private static OpenApiSchema AmountSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "An amount in minor units (cents, fen) of an ISO 4217 currency.",
        Required = new HashSet<string> { "minorUnits", "currency" },
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["minorUnits"] = new OpenApiSchema
            {
                Type = JsonSchemaType.Integer, Format = "int64",
                Minimum = (-ContractLimits.MaxMinorUnits).ToString(CultureInfo.InvariantCulture), Maximum = ContractLimits.MaxMinorUnits.ToString(CultureInfo.InvariantCulture),
            },
            ["currency"] = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Z]{3}$", MaxLength = 3 },
        },
    };

    private static OpenApiSchema DeadlineSpanSchema() => new()
    {
        Type = JsonSchemaType.Object,
        Description = "A deadline's length: elapsed time, or business days in a calendar.",
        Required = new HashSet<string> { "kind", "length", "calendar" },
        AdditionalPropertiesAllowed = false,
        Properties = new Dictionary<string, IOpenApiSchema>
        {
            ["kind"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. Enum.GetNames<Flows.DeadlineKind>().Select(n => (JsonNode)JsonValue.Create(n))] },
            ["length"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ContractLimits.TimeLength, Description = "A duration, d.hh:mm:ss." },
            ["calendar"] = new OpenApiSchema
            {
                OneOf = [new OpenApiSchemaReference(nameof(Calendars.BusinessCalendar))], Type = JsonSchemaType.Object | JsonSchemaType.Null,
                Description = "The calendar business days are counted in; null for elapsed time.",
            },
        },
    };

    private static OpenApiSchema CalendarSchema()
    {
        OpenApiSchema Days(string description) => new()
        {
            Type = JsonSchemaType.Array, MaxItems = ContractLimits.MaxTimelineEvents, Description = description,
            Items = new OpenApiSchema { Type = JsonSchemaType.String, Format = "date", MaxLength = ContractLimits.TimeLength },
        };
        return new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "A region's business calendar: its time zone, weekend days, public holidays and make-up working days.",
            Required = new HashSet<string> { "region", "timeZone", "weekendDays", "holidays", "makeUpWorkingDays" },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["region"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ContractLimits.IdLength },
                ["timeZone"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ContractLimits.IdLength, Description = "An IANA time zone id." },
                ["weekendDays"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array, MaxItems = 7,
                    Items = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [.. Enum.GetNames<DayOfWeek>().Select(n => (JsonNode)JsonValue.Create(n))] },
                },
                ["holidays"] = Days("Public holidays."),
                ["makeUpWorkingDays"] = Days("Weekend days worked to make up for a holiday."),
            },
        };
    }

    public static void Configure(SwaggerGenOptions swagger, ApiOptions options)
    {
        swagger.SwaggerDoc("v1", new OpenApiInfo
        {
            Title = "AfterSales.Disputes API",
            Version = "v1",
            Description = "Refund, return, exchange and warranty-repair requests between buyers, sellers and the marketplace.",
            Contact = new OpenApiContact { Name = "AfterSales.Disputes maintainers" },
        });
        swagger.MapType<Money.Currency>(() => new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^[A-Z]{3}$", MaxLength = 3, Description = "An ISO 4217 currency code." });

        // Amounts, calendars and deadline spans are written by the engine's converters (DisputeJson) in these shapes, each
        // one named component: a generated client has one class for each, not one per member that holds one.
        var written = new WrittenTypes();
        written.Map<Money.Amount>(swagger, AmountSchema);
        written.Map<Calendars.BusinessCalendar>(swagger, CalendarSchema);
        written.Map<Flows.DeadlineSpan>(swagger, DeadlineSpanSchema);
        swagger.AddDocumentFilterInstance(written);
        swagger.AddSecurityDefinition("Bearer", new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "A JWT following RFC8725's best practices: signed with RS256 or ES256 by the marketplace's OpenID Connect authority (no other algorithm, "
                + "no unsigned or expired token). Development and sandbox hosts also take HS256 tokens of the token command: "
                + "`dotnet run --project src/AfterSales.Disputes.Api -- token --role <role> --party <id>`.",
        });
        swagger.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference("Bearer", document)] = [] });
        swagger.SchemaFilter<SwaggerExamples>();
        var contract = new OpenApiContract(ApiSetup.CreateJsonOptions(), options.Uploads.MaxBytes, options.Cors.AllowedOrigins);
        swagger.AddSchemaFilterInstance(contract);
        swagger.AddOperationFilterInstance(contract);
        swagger.AddDocumentFilterInstance(contract);
        foreach (var assembly in new[] { typeof(ApiSetup).Assembly, typeof(ServiceCollectionExtensions).Assembly })
        {
            var xml = Path.Combine(AppContext.BaseDirectory, assembly.GetName().Name + ".xml");
            if (File.Exists(xml))
            {
                swagger.IncludeXmlComments(xml);
            }
        }
    }
}

/// <summary>Types the engine's converters write, each mapped to one named component of the document.</summary>
internal sealed class WrittenTypes : IDocumentFilter
{
    private readonly Dictionary<string, Func<OpenApiSchema>> _schemas = new(StringComparer.Ordinal);

    public void Map<T>(SwaggerGenOptions swagger, Func<OpenApiSchema> schema)
    {
        _schemas[typeof(T).Name] = schema;
        swagger.MapType<T>(() => new OpenApiSchemaReference(typeof(T).Name));
    }

    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        foreach (var (name, schema) in _schemas)
        {
            document.Components.Schemas[name] = schema();
        }
    }
}

/// <summary>The host's settings cannot run: each problem names its setting. The host stops before it starts.</summary>
public sealed class InvalidSettingsException(IReadOnlyList<string> problems)
    : Exception("Invalid settings: " + string.Join(" ", problems))
{
    /// <summary>Each problem, naming its setting.</summary>
    public IReadOnlyList<string> Problems { get; } = problems;
}
