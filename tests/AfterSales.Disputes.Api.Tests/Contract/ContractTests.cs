using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Disputes;
using Json.Schema;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Contract;

/// <summary>
/// The served OpenAPI document is the contract: for every operation, each role sends a minimal valid request built
/// from the document alone (its required parameters, headers and body members, from the schemas' examples and
/// bounds), and every answer must be one the document lists for the operation, with the headers it says are
/// required and a body its schema accepts.
/// </summary>
public sealed class ContractTests : IClassFixture<ContractTests.Marketplace>
{
    private static readonly string[] s_roles = [Roles.Platform, Roles.Seller, Roles.Buyer, Roles.ServiceCenter, Roles.Arbitrator];
    private readonly Marketplace _world;

    public ContractTests(Marketplace world) => _world = world;

    /// <summary>The cases and resources the requests name: each role's own, so that answers get past 404s.</summary>
    public sealed class Marketplace : IAsyncLifetime, IDisposable
    {
        public ApiFactory Api { get; } = new();

        public Dictionary<string, string> Own { get; } = [];

        public async Task InitializeAsync()
        {
            await RegisterAsync(Api, Router("ord-1001")); // the order the document's examples name (the demo's first)
            var ret = (await OpenAsync(Api, "c-return")).Id;
            var escalated = (await OpenAsync(Api, "c-escalated")).Id;
            await ActAsync(Api, Roles.Seller, Flagship, escalated, "reject", new RejectionReason("no-fault"));
            await ActAsync(Api, Roles.Buyer, Ana, escalated, "escalation", new EscalationRequest("Faulty"));
            var repair = (await OpenAsync(Api, "c-repair", buyer: Ben, kind: RequestKind.Repair,
                repair: new RepairApplication("AX3000", "SN-1", "wifi", "Drops", null, []))).Id;
            await ActAsync(Api, Roles.Seller, Flagship, repair, "approve");
            using var buyer = Api.As(Roles.Buyer, Ana);
            var upload = await buyer.PostAsync($"/api/v1/disputes/{ret}/evidence-files", Jpeg());
            var attachment = await buyer.PostAsync("/api/v1/attachments", Jpeg());
            using var seller = Api.As(Roles.Seller, Flagship);
            var subscription = await seller.PostJsonAsync("/api/v1/webhooks/subscriptions", new { url = "http://127.0.0.1:9/hooks" });
            foreach (var role in s_roles)
            {
                Own[$"{role}:disputeId"] = role switch { Roles.Arbitrator => escalated, Roles.ServiceCenter => repair, _ => ret };
            }

            Own["fileId"] = (await upload.ReadAsync<Application.Ports.EvidenceFile>())!.Id;
            Own["attachment"] = (await attachment.ReadAsync<Application.Ports.EvidenceFile>())!.Id;
            Own["subscriptionId"] = (await subscription.ReadAsync<Application.Ports.WebhookSubscription>())!.Id;

            // A delivery to redeliver: the store's next event, fanned out by the host's worker within seconds.
            await ActAsync(Api, Roles.Buyer, Ana, ret, "messages", new MessageText("Is it on its way?"));
            for (var attempt = 0; attempt < 100 && !Own.ContainsKey("deliveryId"); attempt++)
            {
                var deliveries = await seller.GetFromJsonAsync<List<Application.Ports.WebhookDelivery>>(
                    $"/api/v1/webhooks/subscriptions/{Own["subscriptionId"]}/deliveries", ApiJson.Options);
                if (deliveries is [var first, ..])
                {
                    Own["deliveryId"] = first.Id;
                }
                else
                {
                    await Task.Delay(100);
                }
            }
            Own["orderId"] = "c-return";
            Own["storeId"] = Flagship;
        }

        public string PartyOf(string role) => role switch
        {
            Roles.Buyer => Ana,
            Roles.Seller => Flagship,
            Roles.ServiceCenter => ServiceCenter,
            Roles.Arbitrator => "arb-lee",
            _ => "platform",
        };

        public Task DisposeAsync() => Task.CompletedTask;

        public void Dispose() => Api.Dispose();
    }

    [Fact]
    public async Task EveryOperation_AnswersEveryRole_AsTheDocumentSays()
    {
        using var platform = _world.Api.As(Roles.Platform, "platform");
        using var document = JsonDocument.Parse(await platform.GetStringAsync("/swagger/v1/swagger.json"));
        var contract = new Contract(document.RootElement);
        var operations = contract.Operations().ToList();
        var problems = new List<string>();
        var answered = new Dictionary<string, List<int>>();
        var refusals = new Dictionary<string, string>();

        // Reads first, then changes, removals last: a removal would take away what later requests name.
        foreach (var (method, path, operation) in operations.OrderBy(o => o.Method switch { "get" => 0, "delete" => 2, _ => 1 }))
        {
            foreach (var role in s_roles)
            {
                using var client = _world.Api.As(role, _world.PartyOf(role));
                using var request = await BuildRequestAsync(contract, client, role, method, path, operation);
                using var response = await client.SendAsync(request);
                var status = (int)response.StatusCode;
                answered.TryAdd($"{method.ToUpperInvariant()} {path}", []);
                answered[$"{method.ToUpperInvariant()} {path}"].Add(status);
                if (status == 400)
                {
                    // Refused for the shape (the contract's own check), or for what the details say about this case.
                    var refusal = await response.Content.ReadAsStringAsync();
                    answered[$"{method.ToUpperInvariant()} {path}"][^1] = refusal.Contains("\"/problems/validation\"", StringComparison.Ordinal) ? 400 : 422;
                    refusals.TryAdd($"{method.ToUpperInvariant()} {path}", refusal);
                }
                problems.AddRange((await contract.CheckAsync(operation, response)).Select(p => $"{method.ToUpperInvariant()} {path} as {role} → {status}: {p}"));
            }
        }

        operations.Should().HaveCountGreaterThan(60, "the document lists every route of the host");
        problems.Should().BeEmpty(string.Join(Environment.NewLine, problems.Prepend("")));
        answered.Where(a => !a.Value.Any(status => status is >= 200 and < 300 or 409 or 422))
            .Select(a => $"{a.Key}: {string.Join(", ", a.Value)} {refusals.GetValueOrDefault(a.Key)}").Should().BeEmpty(
                "each operation's minimal request is taken by some role, or refused for the case's state or the business rules (409, 422, or 400 for "
                + "what the details say about the case), never for its shape");
    }

    private async Task<HttpRequestMessage> BuildRequestAsync(Contract contract, HttpClient client, string role, string method, string path, JsonElement operation)
    {
        var url = new StringBuilder();
        var query = new List<string>();
        var headers = new List<(string Name, string Value)>();
        var disputeId = _world.Own[$"{role}:disputeId"];
        foreach (var parameter in operation.TryGetProperty("parameters", out var list) ? list.EnumerateArray() : [])
        {
            var name = parameter.GetProperty("name").GetString()!;
            var schema = parameter.TryGetProperty("schema", out var s) ? s : default;
            switch (parameter.GetProperty("in").GetString())
            {
                case "path":
                    path = path.Replace($"{{{name}}}", Uri.EscapeDataString(name switch
                    {
                        "disputeId" => disputeId,
                        "fileId" when path.StartsWith("/api/v1/attachments", StringComparison.Ordinal) => _world.Own["attachment"],
                        _ when _world.Own.TryGetValue(name, out var own) => own,
                        _ => contract.Minimal(schema)?.ToString() ?? "x",
                    }), StringComparison.Ordinal);
                    break;
                case "query" when parameter.TryGetProperty("required", out var required) && required.GetBoolean():
                    query.Add($"{name}={Uri.EscapeDataString(contract.Minimal(schema)?.ToString() ?? "x")}");
                    break;
                case "header" when name == "If-Match":
                    var current = await client.GetAsync($"/api/v1/disputes/{disputeId}");
                    headers.Add((name, current.Headers.ETag?.Tag ?? "\"0\""));
                    break;
            }
        }

        url.Append(path).Append(query.Count == 0 ? "" : "?" + string.Join('&', query));
        var request = new HttpRequestMessage(new HttpMethod(method.ToUpperInvariant()), url.ToString());
        foreach (var (name, value) in headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (operation.TryGetProperty("requestBody", out var body) && body.GetProperty("content") is var content)
        {
            if (content.TryGetProperty("application/json", out var json))
            {
                request.Content = new StringContent(contract.Minimal(json.GetProperty("schema"))?.ToJsonString() ?? "{}", Encoding.UTF8, "application/json");
            }
            else if (content.TryGetProperty("multipart/form-data", out _))
            {
                request.Content = Jpeg();
            }
        }

        return request;
    }

    private static MultipartFormDataContent Jpeg()
    {
        var file = new ByteArrayContent([0xFF, 0xD8, 0xFF, 0xE0, 1, 2]);
        file.Headers.ContentType = new MediaTypeHeaderValue("image/jpeg");
        return new MultipartFormDataContent { { file, "file", "photo.jpg" } };
    }

    /// <summary>The served document read as a contract: its operations, minimal values from its schemas, and checks of answers.</summary>
    private sealed class Contract
    {
        private const string Base = "urn:aftersales:contract";
        private readonly JsonElement _document;
        private readonly JsonElement _schemas;
        private readonly BuildOptions _build = new() { SchemaRegistry = new SchemaRegistry() };
        private int _built;

        public Contract(JsonElement document)
        {
            _document = document;
            _schemas = document.GetProperty("components").GetProperty("schemas");

            // OpenAPI 3.0 schemas as JSON Schema 2020-12: every component under $defs, nullable as a "null" type.
            var definitions = new JsonObject();
            foreach (var schema in _schemas.EnumerateObject())
            {
                definitions[schema.Name] = ToJsonSchema(JsonNode.Parse(schema.Value.GetRawText())!, relative: true);
            }

            // A base with a discriminator (event details) is exactly one of the kinds its mapping names, told apart by the
            // discriminator's value; each kind extends the base's own members (kept as "{base}Members", so the
            // kinds do not refer back to the one-of).
            foreach (var schema in _schemas.EnumerateObject().Where(s => s.Value.TryGetProperty("discriminator", out var d) && d.TryGetProperty("mapping", out _)))
            {
                var discriminator = schema.Value.GetProperty("discriminator");
                var name = discriminator.GetProperty("propertyName").GetString()!;
                var members = schema.Name + "Members";
                definitions[members] = definitions[schema.Name]!.DeepClone();
                var kinds = new JsonArray();
                foreach (var kind in discriminator.GetProperty("mapping").EnumerateObject())
                {
                    var target = kind.Value.GetString()!.Split('/')[^1];
                    foreach (var part in (JsonArray)definitions[target]!["allOf"]!)
                    {
                        if (part!["$ref"]?.GetValue<string>() == "#/$defs/" + schema.Name)
                        {
                            part["$ref"] = "#/$defs/" + members;
                        }
                    }

                    kinds.Add(new JsonObject
                    {
                        ["allOf"] = new JsonArray(new JsonObject { ["$ref"] = "#/$defs/" + target },
                            new JsonObject { ["properties"] = new JsonObject { [name] = new JsonObject { ["const"] = kind.Name } } }),
                    });
                }

                definitions[schema.Name] = new JsonObject { ["oneOf"] = kinds };
            }

            using var root = JsonDocument.Parse(new JsonObject { ["$defs"] = definitions }.ToJsonString());
            JsonSchema.Build(root.RootElement.Clone(), _build, new Uri(Base));
        }

        public IEnumerable<(string Method, string Path, JsonElement Operation)> Operations() =>
            from path in _document.GetProperty("paths").EnumerateObject()
            from operation in path.Value.EnumerateObject()
            select (operation.Name, path.Name, operation.Value);

        /// <summary>A smallest valid value of <paramref name="schema"/>: its example, or its required members made smallest.</summary>
        public JsonNode? Minimal(JsonElement schema)
        {
            if (schema.ValueKind != JsonValueKind.Object)
            {
                return null;
            }

            if (schema.TryGetProperty("$ref", out var reference))
            {
                return Minimal(_schemas.GetProperty(reference.GetString()!.Split('/')[^1]));
            }

            // An example that names uploaded files would be refused for files the caller does not have: then only the
            // required members, made smallest.
            if (schema.TryGetProperty("example", out var example) && !NamesFiles(JsonNode.Parse(example.GetRawText())))
            {
                return JsonNode.Parse(example.GetRawText());
            }

            if (schema.TryGetProperty("enum", out var values))
            {
                return JsonNode.Parse(values[0].GetRawText());
            }

            var type = schema.TryGetProperty("type", out var t) ? t.GetString() : schema.TryGetProperty("properties", out _) ? "object" : null;
            var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
            return type switch
            {
                "object" => Members(schema),
                "array" => new JsonArray(),
                "boolean" => false,
                "integer" or "number" => schema.TryGetProperty("minimum", out var minimum) ? Math.Max(minimum.GetInt64(), 1) : 1,
                "string" => format switch
                {
                    "date-time" => DateTimeOffset.UtcNow.AddDays(1).ToString("O"),
                    "date" => DateOnly.FromDateTime(DateTime.UtcNow).ToString("O"),
                    "uri" => "https://203.0.113.10/hooks", // a public (documentation) address: webhook URLs must resolve
                    _ => schema.TryGetProperty("pattern", out var pattern) ? FirstMatch(pattern.GetString()!) : "x",
                },
                _ => null,
            };
        }

        // The patterns the document uses: a currency code, and a set of flags (their names joined by ", ").
        private static string FirstMatch(string pattern) => pattern switch
        {
            "^[A-Z]{3}$" => "CNY",
            _ when pattern.StartsWith("^(", StringComparison.Ordinal) => pattern[2..pattern.IndexOfAny(['|', ')'])],
            _ => throw new InvalidOperationException($"No minimal value for the pattern {pattern}: teach the contract test one."),
        };

        private static bool NamesFiles(JsonNode? node) => node switch
        {
            JsonObject members => members.Any(m => (m.Key.EndsWith("Ids", StringComparison.Ordinal) && m.Value is JsonArray { Count: > 0 })
                || m.Key == "proofOfPurchaseId" || NamesFiles(m.Value)),
            JsonArray items => items.Any(NamesFiles),
            _ => false,
        };

        private JsonObject Members(JsonElement schema)
        {
            var members = new JsonObject();
            foreach (var name in schema.TryGetProperty("required", out var required) ? required.EnumerateArray().Select(r => r.GetString()!) : [])
            {
                members[name] = Minimal(schema.GetProperty("properties").GetProperty(name));
            }

            return members;
        }

        /// <summary>What is wrong with <paramref name="response"/> as an answer of <paramref name="operation"/>; nothing when it is as documented.</summary>
        public async Task<List<string>> CheckAsync(JsonElement operation, HttpResponseMessage response)
        {
            var problems = new List<string>();
            var responses = operation.GetProperty("responses");
            var status = ((int)response.StatusCode).ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (!responses.TryGetProperty(status, out var documented) && !responses.TryGetProperty("default", out documented))
            {
                return [$"status not in the document ({string.Join(", ", responses.EnumerateObject().Select(r => r.Name))}): {await response.Content.ReadAsStringAsync()}"];
            }

            foreach (var header in documented.TryGetProperty("headers", out var headers) ? headers.EnumerateObject() : [])
            {
                var definition = Resolve(header.Value);
                if (definition.TryGetProperty("required", out var required) && required.GetBoolean()
                    && !response.Headers.Contains(header.Name) && !response.Content.Headers.Contains(header.Name))
                {
                    problems.Add($"required header {header.Name} missing");
                }
            }

            var media = response.Content.Headers.ContentType?.MediaType;
            var body = await response.Content.ReadAsStringAsync();
            if (!documented.TryGetProperty("content", out var content))
            {
                if (body.Length > 0)
                {
                    problems.Add($"a body ({media}) where the document lists none");
                }

                return problems;
            }

            if (media is null || !content.TryGetProperty(media, out var described))
            {
                problems.Add($"content type {media} not in the document ({string.Join(", ", content.EnumerateObject().Select(c => c.Name))})");
                return problems;
            }

            if (media.EndsWith("json", StringComparison.Ordinal) && described.TryGetProperty("schema", out var schema))
            {
                var validator = JsonSchema.Build(JsonDocument.Parse(ToJsonSchema(JsonNode.Parse(schema.GetRawText())!, relative: false).ToJsonString()).RootElement.Clone(),
                    _build, new Uri($"urn:aftersales:answer:{Interlocked.Increment(ref _built)}"));
                using var answer = JsonDocument.Parse(body);
                var results = validator.Evaluate(answer.RootElement, new EvaluationOptions { OutputFormat = OutputFormat.Hierarchical });
                if (!results.IsValid)
                {
                    problems.AddRange(Flatten(results).Where(d => d.Errors is { Count: > 0 })
                        .SelectMany(d => d.Errors!.Select(e => $"{d.InstanceLocation} ({d.EvaluationPath}): {e.Value}")).Distinct().Take(8));
                }
            }

            return problems;
        }

        private static IEnumerable<EvaluationResults> Flatten(EvaluationResults results) =>
            [results, .. (results.Details ?? []).SelectMany(Flatten)];

        private JsonElement Resolve(JsonElement header) =>
            header.TryGetProperty("$ref", out var reference)
                ? _document.GetProperty("components").GetProperty("headers").GetProperty(reference.GetString()!.Split('/')[^1])
                : header;

        // OpenAPI 3.0 to JSON Schema 2020-12: nullable becomes a "null" in the type (and the enum), the OpenAPI-only
        // example goes, component references point into $defs. Only schemas are rewritten, never the maps of members.
        private static JsonNode ToJsonSchema(JsonNode node, bool relative)
        {
            if (node is not JsonObject schema)
            {
                return node;
            }

            schema.Remove("example");
            schema.Remove("discriminator"); // rewritten as a one-of in the constructor
            if (schema["$ref"] is JsonValue referenceValue && referenceValue.TryGetValue<string>(out var reference)
                && reference.StartsWith("#/components/schemas/", StringComparison.Ordinal))
            {
                schema["$ref"] = (relative ? "" : Base) + "#/$defs/" + reference["#/components/schemas/".Length..];
            }

            if (schema["nullable"] is JsonValue nullable && nullable.TryGetValue<bool>(out var isNullable))
            {
                schema.Remove("nullable");
                if (isNullable && (schema["allOf"] is not null || schema["oneOf"] is not null))
                {
                    // A nullable reference (one of it, with its type, nullable): null, or what the reference says.
                    schema.Remove("type");
                    var inner = new JsonObject();
                    foreach (var (keyword, value) in schema.ToList())
                    {
                        schema.Remove(keyword);
                        inner[keyword] = value;
                    }

                    schema["anyOf"] = new JsonArray(new JsonObject { ["type"] = "null" }, inner);
                }
                else if (isNullable && schema["type"] is JsonValue typeValue && typeValue.TryGetValue<string>(out var type))
                {
                    schema["type"] = new JsonArray(type, "null");
                    if (schema["enum"] is JsonArray values)
                    {
                        values.Add(null);
                    }
                }
            }

            foreach (var (keyword, value) in schema.ToList())
            {
                IEnumerable<JsonNode?> subschemas = keyword switch
                {
                    "properties" or "patternProperties" => ((JsonObject)value!).Select(member => member.Value),
                    "items" or "additionalProperties" or "not" => [value],
                    "allOf" or "anyOf" or "oneOf" => (JsonArray)value!,
                    _ => [],
                };
                foreach (var subschema in subschemas.OfType<JsonNode>())
                {
                    ToJsonSchema(subschema, relative);
                }
            }

            return node;
        }
    }
}
