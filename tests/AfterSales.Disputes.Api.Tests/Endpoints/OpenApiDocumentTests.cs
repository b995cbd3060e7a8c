using System.Text.Json;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Testing;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

public class OpenApiDocumentTests : IClassFixture<ApiFactory>
{
    private readonly ApiFactory _api;

    public OpenApiDocumentTests(ApiFactory api) => _api = api;

    /// <summary>
    /// The document Swagger serves describes every route with an operation id, a summary, its tag, the Bearer
    /// scheme and examples. It is written to TestResults/openapi-v1.json, where CI lints it with Spectral.
    /// </summary>
    [Fact]
    public async Task TheOpenApiDocument_DescribesEveryRoute_AndIsWrittenForLinting()
    {
        using var client = _api.CreateClient();

        var json = await client.GetStringAsync("/swagger/v1/swagger.json");

        using var document = JsonDocument.Parse(json);
        var operations = document.RootElement.GetProperty("paths").EnumerateObject()
            .SelectMany(path => path.Value.EnumerateObject().Select(operation => (Path: path.Name, Operation: operation.Value))).ToList();
        operations.Should().HaveCountGreaterThan(45);
        operations.Where(o => !o.Operation.TryGetProperty("operationId", out _) || !o.Operation.TryGetProperty("summary", out _))
            .Select(o => o.Path).Should().BeEmpty("every operation has an id and a summary");
        document.RootElement.GetProperty("components").GetProperty("securitySchemes").GetProperty("Bearer").GetProperty("scheme").GetString().Should().Be("bearer");
        json.Should().Contain("\"example\"");
        var folder = Directory.CreateDirectory(Path.Combine(Repository.Root, "TestResults")).FullName;
        await File.WriteAllTextAsync(Path.Combine(folder, "openapi-v1.json"), json);
    }
}
