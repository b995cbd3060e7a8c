using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Endpoints;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;
using Microsoft.OpenApi;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace AfterSales.Disputes.Api.Hosting;

/// <summary>
/// Examples for the request bodies in Swagger, serialised from real objects with the API's own JSON
/// options, so they cannot drift from the types.
/// </summary>
internal sealed class SwaggerExamples : ISchemaFilter
{
    private static readonly Amount s_price = Amount.Of(39900, "CNY");

    // The request bodies of dispute actions take the example their declaration gives (the first action's,
    // when several actions take the same type); the other bodies are here.
    private static readonly Dictionary<Type, object> s_examples = new(DisputeActions.All
        .Where(a => a.Example is not null).DistinctBy(a => a.ArgumentType).ToDictionary(a => a.ArgumentType!, a => (object)a.Example!))
    {
        [typeof(Amount)] = Amount.Of(12000, "CNY"),
        [typeof(RequestedLine)] = new RequestedLine("line-2", 2),
        [typeof(ProductVariant)] = new ProductVariant("LW-AX3000-W", "white", Amount.Of(37900, "CNY")),
        [typeof(OpenDisputeBody)] = new OpenDisputeBody("ord-1001", "line-1", RequestKind.ReturnAndRefund, RequestReason.Defective,
            "It reboots every hour", s_price, IncludedLineIds: []),
        [typeof(NewSubscription)] = new NewSubscription(new Uri("https://203.0.113.10/hooks/aftersales")) /* a documentation address: a host name must resolve, to public addresses only */,
        [typeof(Endpoints.AdvanceTestClock)] = new Endpoints.AdvanceTestClock(BySeconds: 3 * 24 * 3600),
        [typeof(Order)] = new Order("ord-1001", "buyer-ana", DemoMarketplace.Flagship, "CN", Currency.CNY,
            [new OrderLine("line-1", "LW-AX3000", "Linkwave AX3000 router", ItemCategory.Electronics, s_price, 1, s_price, "LW3000-77821", "Linkwave")],
            Amount.Of(1000, "CNY"), new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 11, 2, 8, 0, 0, TimeSpan.Zero),
            new DateTimeOffset(2026, 11, 4, 8, 0, 0, TimeSpan.Zero), new DateOnly(2026, 11, 1)),
    };

    private static readonly JsonSerializerOptions s_json = CreateOptions();

    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && s_examples.TryGetValue(context.Type, out var example))
        {
            concrete.Examples = [JsonNode.Parse(JsonSerializer.Serialize(example, context.Type, s_json))!];
        }
    }

    private static JsonSerializerOptions CreateOptions()
    {
        var options = ApiSetup.CreateJsonOptions();
        options.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull; // optional fields are left out of examples
        return options;
    }
}
