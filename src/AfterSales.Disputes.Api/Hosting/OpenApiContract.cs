using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Problems;
using AfterSales.Disputes.Disputes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AfterSales.Disputes.Api.Hosting;

/// <summary>Marks a route that needs <c>If-Match</c> with the dispute's ETag (428 without it, 412 when stale).</summary>
internal sealed record RequiresIfMatch;

/// <summary>Marks a route whose successful answer carries the dispute's version as its <c>ETag</c>.</summary>
internal sealed record SendsETag;


/// <summary>Marks a route whose successful answer is a list of at most <paramref name="Max"/> items, or a text of at most that many characters.</summary>
/// <param name="Max">The bound.</param>
internal sealed record AnswersAtMost(int Max);

/// <summary>Marks a route whose parameter <paramref name="Name"/> takes one of <paramref name="Values"/> (the document lists them).</summary>
/// <param name="Name">The parameter.</param>
/// <param name="Values">What it accepts.</param>
internal sealed record TakesOneOf(string Name, IReadOnlyList<string> Values);

/// <summary>Marks a route whose parameter <paramref name="Name"/> has <paramref name="Example"/> as its document example.</summary>
/// <param name="Name">The parameter.</param>
/// <param name="Example">A value the demo marketplace answers.</param>
internal sealed record ExampleOf(string Name, string Example);

/// <summary>
/// Makes the OpenAPI document say exactly what the host does, from the same sources the host uses: which members
/// are required and which may be null (the API's JSON metadata), every bound (<see cref="ContractLimits"/>), the
/// headers each route reads and sends, and every error it answers with, as problem details.
/// </summary>
/// <param name="json">The API's JSON options.</param>
/// <param name="maxUploadBytes">The largest evidence file the host takes.</param>
/// <param name="corsOrigins">The origins a browser may call the API from.</param>
internal sealed class OpenApiContract(JsonSerializerOptions json, long maxUploadBytes, IReadOnlyCollection<string> corsOrigins) : ISchemaFilter, IOperationFilter, IDocumentFilter
{
    private const string ProblemSchema = "ProblemDetails";
    private const string CorsHeader = "Access-Control-Allow-Origin";

    private static readonly (string Name, string Description)[] s_rateLimitHeaders =
    [
        ("RateLimit-Limit", "Requests the caller may make in a minute."),
        ("RateLimit-Remaining", "Requests left in the current minute."),
        ("RateLimit-Reset", "Seconds until the current minute ends."),
    ];

    private static readonly Dictionary<int, string> s_errors = new()
    {
        [StatusCodes.Status400BadRequest] = "The request is malformed or a member is missing, null where not allowed, unknown or out of bounds.",
        [StatusCodes.Status401Unauthorized] = "No valid bearer token.",
        [StatusCodes.Status429TooManyRequests] = "Too many requests this minute; retry after Retry-After seconds.",
        [StatusCodes.Status500InternalServerError] = "Something went wrong on the host's side; nothing of the host's internals is shown.",
    };

    /// <summary>Required members, nullability and bounds of every object schema, read from the API's JSON metadata.</summary>
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema flags && context.Type.IsEnum && context.Type.IsDefined(typeof(FlagsAttribute), inherit: false))
        {
            // A set of flags is written as its names joined by ", " (JsonStringEnumConverter), not as one of them.
            var names = string.Join('|', Enum.GetNames(context.Type));
            flags.Enum = null;
            flags.Pattern = $"^({names})(, ({names}))*$";
            flags.MaxLength = Enum.GetNames(context.Type).Sum(name => name.Length + 2);
            return;
        }

        if (schema is OpenApiSchema polymorphic && json.GetTypeInfo(context.Type).PolymorphismOptions is { } kinds)
        {
            // Event details are one of their kinds, told apart by the discriminator the API writes: the base names the
            // kind, each kind's answer schema extends the base (the inheritance generated clients read). A request body
            // is the kind itself, without the discriminator: its route names the kind.
            var discriminatorName = kinds.TypeDiscriminatorPropertyName;
            var names = kinds.DerivedTypes.Select(kind => (string)kind.TypeDiscriminator!).ToList();
            polymorphic.Properties = new Dictionary<string, IOpenApiSchema>
            {
                [discriminatorName] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, Enum = [.. names.Select(name => (JsonNode)JsonValue.Create(name))],
                    MaxLength = names.Max(name => name.Length), Description = "The kind of details.",
                },
            };
            polymorphic.Required = new HashSet<string> { discriminatorName };
            polymorphic.AdditionalPropertiesAllowed = true;
            var baseReference = new OpenApiSchemaReference(context.SchemaGenerator.GenerateSchema(context.Type, context.SchemaRepository) is OpenApiSchemaReference self
                ? self.Reference.Id! : context.Type.Name);
            polymorphic.Discriminator = new OpenApiDiscriminator
            {
                PropertyName = discriminatorName,
                Mapping = kinds.DerivedTypes.ToDictionary(kind => (string)kind.TypeDiscriminator!,
                    kind => AsAnswer((OpenApiSchemaReference)context.SchemaGenerator.GenerateSchema(kind.DerivedType, context.SchemaRepository), baseReference, context.SchemaRepository)),
            };
            return;
        }

        if (schema is not OpenApiSchema concrete || concrete.Properties is not { Count: > 0 } properties
            || json.GetTypeInfo(context.Type) is not { Kind: JsonTypeInfoKind.Object } info)
        {
            return;
        }

        concrete.Required ??= new HashSet<string>();
        foreach (var property in info.Properties)
        {
            if (!properties.TryGetValue(property.Name, out var member))
            {
                continue;
            }

            if (property.IsRequired || property.AssociatedParameter is { HasDefaultValue: false })
            {
                concrete.Required.Add(property.Name);
            }

            // An optional member's default is what the host takes when it is left out, so a client that fills every
            // member (a generated one does) sends what leaving it out would mean.
            var fallback = property.AssociatedParameter is { HasDefaultValue: true, DefaultValue: { } taken }
                ? JsonSerializer.SerializeToNode(taken, property.PropertyType, json) : null;
            // Null is accepted where the member is nullable (the JSON options respect nullable annotations).
            var nullable = property.AssociatedParameter?.IsNullable ?? property.IsSetNullable;
            if (member is OpenApiSchemaReference reference)
            {
                // OpenAPI 3.0 says a reference may be null or have a default only by wrapping it. Null: one of the
                // reference, with its type and nullable (a generated client reads it as the referenced class, where an
                // allOf with a type would make a class of its own). A default: allOf the reference, which keeps an enum.
                if (nullable || fallback is not null)
                {
                    var target = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
                    properties[property.Name] = nullable
                        ? new OpenApiSchema
                        {
                            OneOf = [reference],
                            Type = (target.IsEnum ? JsonSchemaType.String : JsonSchemaType.Object) | JsonSchemaType.Null,
                            MaxLength = target.IsEnum ? Enum.GetNames(target).Sum(name => name.Length + 2) : null,
                        }
                        : new OpenApiSchema { AllOf = [reference], Default = fallback };
                }

                continue;
            }

            if (member is not OpenApiSchema described)
            {
                continue;
            }

            // A map (per fault code, per member): as many keys as a list of its kind holds, each value bounded by its own kind.
            if (json.GetTypeInfo(property.PropertyType) is { Kind: JsonTypeInfoKind.Dictionary, ElementType: { } valueType })
            {
                described.MaxProperties = ContractLimits.For(property.Name, typeof(List<>).MakeGenericType(valueType), context.Type).MaxItems;
                if (described.AdditionalProperties is OpenApiSchema value)
                {
                    Bound(value, ContractLimits.For(property.Name, valueType, context.Type));
                }
            }

            described.Type = nullable ? described.Type | JsonSchemaType.Null : described.Type & ~JsonSchemaType.Null;
            described.Default = fallback ?? described.Default;
            described.ReadOnly = property.Name == "files" || (property.Set is null && property.AssociatedParameter is null);
            Bound(described, ContractLimits.For(property.Name, property.PropertyType, context.Type));
        }
    }

    // A kind of event details as an event carries it: the base (which names the kind) and the kind's members.
    private static OpenApiSchemaReference AsAnswer(OpenApiSchemaReference kind, OpenApiSchemaReference baseSchema, SchemaRepository repository)
    {
        var details = (OpenApiSchema)repository.Schemas[kind.Reference.Id!];
        return repository.AddDefinition(kind.Reference.Id + "Event", new OpenApiSchema
        {
            Description = details.Description,
            AllOf =
            [
                baseSchema,
                new OpenApiSchema { Type = JsonSchemaType.Object, Properties = details.Properties, Required = details.Required },
            ],
        });
    }

    /// <summary>Headers, bounds of parameters and every error answer of one operation.</summary>
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        var metadata = context.ApiDescription.ActionDescriptor.EndpointMetadata;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        operation.Parameters ??= [];
        foreach (var parameter in operation.Parameters.OfType<OpenApiParameter>())
        {
            var type = context.ApiDescription.ParameterDescriptions.FirstOrDefault(p => p.Name == parameter.Name)?.Type ?? typeof(string);
            if (parameter.In == ParameterLocation.Query && type.IsArray)
            {
                // A list in the query may be left out, and is then empty; the handlers generated at compile time
                // describe every array parameter as required, whatever its nullability.
                parameter.Required = false;
            }

            if (parameter.Schema is OpenApiSchema schema)
            {
                Bound(schema, ContractLimits.For(parameter.Name!, type));
                if (metadata.OfType<TakesOneOf>().FirstOrDefault(t => t.Name == parameter.Name) is { } values)
                {
                    schema.Enum = [.. values.Values.Select(v => (JsonNode)JsonValue.Create(v))];
                    schema.MaxLength = values.Values.Max(v => v.Length);
                }

                if (metadata.OfType<ExampleOf>().FirstOrDefault(e => e.Name == parameter.Name) is { } example)
                {
                    schema.Examples = [JsonValue.Create(example.Example)];
                }
            }
        }

        if (metadata.OfType<RequiresIfMatch>().Any())
        {
            operation.Parameters.Add(Header("If-Match", "The dispute's ETag as last read, such as \"3\": the action is refused (412) if the dispute changed since.", required: true, maxLength: 16));
        }

        var post = string.Equals(context.ApiDescription.HttpMethod, "POST", StringComparison.OrdinalIgnoreCase);
        if (post && !anonymous)
        {
            operation.Parameters.Add(Header("Idempotency-Key", "Makes a retry safe: the same key with the same body replays the first answer for 24 hours; with another body it is refused (422).",
                required: false, maxLength: 255));
        }

        // An uploaded file is at most the configured size.
        foreach (var body in operation.RequestBody?.Content?.Values ?? [])
        {
            foreach (var field in body.Schema?.Properties?.Values.OfType<OpenApiSchema>() ?? [])
            {
                if (field.Format == "binary")
                {
                    field.MaxLength = (int)Math.Min(maxUploadBytes, int.MaxValue);
                }
            }
        }

        operation.Responses ??= [];
        var errors = s_errors.Keys.Where(status => status != StatusCodes.Status401Unauthorized || !anonymous).ToList();
        if (post && !anonymous)
        {
            errors.Add(StatusCodes.Status409Conflict);
            errors.Add(StatusCodes.Status422UnprocessableEntity);
        }

        foreach (var status in errors)
        {
            var key = status.ToString(CultureInfo.InvariantCulture);
            if (!operation.Responses.ContainsKey(key))
            {
                operation.Responses[key] = new OpenApiResponse { Description = s_errors.GetValueOrDefault(status, "See the problem's detail.") };
            }
        }

        foreach (var (status, answer) in operation.Responses)
        {
            if (answer is not OpenApiResponse response)
            {
                continue;
            }

            if (status[0] is '4' or '5')
            {
                response.Content = new Dictionary<string, IOpenApiMediaType>
                {
                    ["application/problem+json"] = new OpenApiMediaType { Schema = new OpenApiSchemaReference(ProblemSchema, context.Document) },
                };
            }

            // A downloaded file is at most the size an upload may have.
            foreach (var file in (response.Content?.Values ?? []).Select(c => c.Schema).OfType<OpenApiSchema>().Where(s => s.Format == "binary"))
            {
                file.MaxLength = (int)Math.Min(maxUploadBytes, int.MaxValue);
            }

            if (status[0] == '2' && metadata.OfType<AnswersAtMost>().FirstOrDefault() is { } most)
            {
                foreach (var body in (response.Content?.Values ?? []).Select(c => c.Schema).OfType<OpenApiSchema>())
                {
                    if (body.Type?.HasFlag(JsonSchemaType.Array) == true)
                    {
                        body.MaxItems ??= most.Max;
                    }
                    else if (body.Type?.HasFlag(JsonSchemaType.String) == true)
                    {
                        body.MaxLength ??= most.Max;
                    }
                }
            }

            // The headers every answer may carry are described once, in components, and referred to here.
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            response.Headers[CorsHeader] = new OpenApiHeaderReference(CorsHeader, context.Document);
            if (status[0] is '2' or '4')
            {
                foreach (var (name, _) in s_rateLimitHeaders)
                {
                    response.Headers[name] = new OpenApiHeaderReference(name, context.Document);
                }
            }

            if (status == "429")
            {
                response.Headers["Retry-After"] = new OpenApiHeaderReference("Retry-After", context.Document);
            }

            if ((status[0] == '2' || status == "304") && metadata.OfType<SendsETag>().Any())
            {
                response.Headers["ETag"] = new OpenApiHeader { Description = "The dispute's version, to send back in If-Match.", Required = true, Schema = Text(16) };
            }

            if (status == "201")
            {
                response.Headers["Location"] = new OpenApiHeader { Description = "Where the created resource is read.", Required = true, Schema = Text(ContractLimits.UrlLength) };
            }
        }
    }

    /// <summary>The headers answers share, and the problem-details schema with the members the host adds to it.</summary>
    public void Apply(OpenApiDocument document, DocumentFilterContext context)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Headers ??= new Dictionary<string, IOpenApiHeader>();
        document.Components.Headers[CorsHeader] = new OpenApiHeader
        {
            Description = corsOrigins.Count == 0
                ? "Sent to a browser's cross-origin request from an origin the host allows (AfterSales:Cors:AllowedOrigins); none are allowed on this host."
                : $"Sent to a browser's cross-origin request from an origin the host allows: {string.Join(", ", corsOrigins)}.",
            Schema = Text(ContractLimits.UrlLength),
        };
        foreach (var (name, description) in s_rateLimitHeaders)
        {
            document.Components.Headers[name] = new OpenApiHeader { Description = description, Required = true, Schema = Integer(0, int.MaxValue) };
        }

        document.Components.Headers["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before retrying.", Required = true, Schema = Integer(1, 60) };
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        document.Components.Schemas[ProblemSchema] = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Description = "An RFC 9457 problem: every error the API gives.",
            Required = new HashSet<string> { "type", "title", "status", "detail" },
            AdditionalPropertiesAllowed = false,
            Properties = new Dictionary<string, IOpenApiSchema>
            {
                ["type"] = Text(64, "A stable URI reference under /problems/ naming the kind of problem, such as /problems/not-allowed."),
                ["title"] = Text(120, "A short title of the kind of problem."),
                ["status"] = Integer(400, 599, "The HTTP status."),
                ["detail"] = Text(ContractLimits.TextLength, "What went wrong in this request, in words for a person."),
                ["instance"] = Text(ContractLimits.UrlLength, "The request's path."),
                ["traceId"] = Text(128, "The request's trace id, for the host's logs."),
                ["code"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.String, Description = "For a refused dispute action: why it was refused.",
                    Enum = [.. Enum.GetNames<DisputeRefusalCode>().Select(name => (JsonNode)JsonValue.Create(name))],
                },
                ["allowedActions"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Array, Description = "For a refused dispute action: the actions the caller may take now.",
                    MaxItems = Enum.GetValues<DisputeAction>().Length, Items = new OpenApiSchemaReference(nameof(DisputeAction), document),
                },
                ["currentVersion"] = Integer(1, ContractLimits.MaxTimelineEvents, "For a stale If-Match (412): the dispute's version now."),
                ["errors"] = new OpenApiSchema
                {
                    Type = JsonSchemaType.Object, Description = "For a request outside the contract (400): the messages per member, by its path (otherLines[1].quantity).",
                    MaxProperties = ApiProblems.MaxInvalidMembers,
                    AdditionalProperties = new OpenApiSchema { Type = JsonSchemaType.Array, MaxItems = ApiProblems.MaxMessagesPerMember, Items = Text(ContractLimits.TextLength) },
                },
            },
        };
        DropKindsOnlyEventsCarry(document);
    }

    // A kind no request sends (a refund's result, the opening) exists only as its event schema.
    private static void DropKindsOnlyEventsCarry(OpenApiDocument document)
    {
        var schemas = document.Components!.Schemas!;
        var referenced = new HashSet<string>(StringComparer.Ordinal);
        foreach (var operation in document.Paths.Values.SelectMany(path => path.Operations?.Values.AsEnumerable() ?? []))
        {
            foreach (var body in operation.RequestBody?.Content?.Values ?? [])
            {
                References(body.Schema, referenced);
            }
        }

        foreach (var schema in schemas.Values)
        {
            References(schema, referenced);
        }

        foreach (var kind in schemas.Keys.Where(name => schemas.ContainsKey(name + "Event") && !referenced.Contains(name)).ToList())
        {
            schemas.Remove(kind);
        }
    }

    private static void References(IOpenApiSchema? schema, HashSet<string> into)
    {
        if (schema is OpenApiSchemaReference reference)
        {
            into.Add(reference.Reference.Id!);
            return;
        }

        if (schema is not OpenApiSchema described)
        {
            return;
        }

        IEnumerable<IOpenApiSchema?> parts = [described.Items, described.AdditionalProperties, .. described.Properties?.Values ?? [],
            .. described.AllOf ?? [], .. described.OneOf ?? [], .. described.AnyOf ?? []];
        foreach (var part in parts)
        {
            References(part, into);
        }
    }

    private static void Bound(OpenApiSchema schema, Bounds bounds)
    {
        var isString = schema.Type?.HasFlag(JsonSchemaType.String) == true;
        if (isString && schema.Enum is not { Count: > 0 } && bounds.MaxLength is { } length)
        {
            schema.MaxLength = length;
        }

        if (schema.Type?.HasFlag(JsonSchemaType.Integer) == true && schema.Type?.HasFlag(JsonSchemaType.Array) != true && bounds.Minimum is { } minimum)
        {
            schema.Minimum = minimum.ToString(CultureInfo.InvariantCulture);
            schema.Maximum = bounds.Maximum!.Value.ToString(CultureInfo.InvariantCulture);
        }

        if (schema.Type?.HasFlag(JsonSchemaType.Array) == true && bounds.MaxItems is { } items)
        {
            schema.MaxItems = items;
            if (schema.Items is OpenApiSchema item && item.Type?.HasFlag(JsonSchemaType.String) == true && item.Enum is not { Count: > 0 } && bounds.MaxLength is { } itemLength)
            {
                item.MaxLength = itemLength;
            }

            if (schema.Items is OpenApiSchema number && number.Type?.HasFlag(JsonSchemaType.Integer) == true && bounds.Minimum is { } least)
            {
                number.Minimum = least.ToString(CultureInfo.InvariantCulture);
                number.Maximum = bounds.Maximum!.Value.ToString(CultureInfo.InvariantCulture);
            }
        }
    }

    private static OpenApiParameter Header(string name, string description, bool required, int maxLength) =>
        new() { Name = name, In = ParameterLocation.Header, Required = required, Description = description, Schema = Text(maxLength) };

    private static OpenApiSchema Text(int maxLength, string? description = null) =>
        new() { Type = JsonSchemaType.String, MaxLength = maxLength, Description = description };

    private static OpenApiSchema Integer(long minimum, long maximum, string? description = null) => new()
    {
        Type = JsonSchemaType.Integer, Format = "int32", Description = description,
        Minimum = minimum.ToString(CultureInfo.InvariantCulture), Maximum = maximum.ToString(CultureInfo.InvariantCulture),
    };
}
