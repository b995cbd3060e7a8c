using System.Text.Json;
using System.Text.Json.Nodes;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Endpoints;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Orders;
using AfterSales.Disputes.Policies;
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

    private static readonly Dictionary<Type, object> s_examples = new()
    {
        [typeof(Amount)] = Amount.Of(12000, "CNY"),
        [typeof(OpenDisputeBody)] = new OpenDisputeBody("ord-1001", "line-1", RequestKind.ReturnAndRefund, RequestReason.Defective,
            "It reboots every hour", s_price, IncludedLineIds: []),
        [typeof(RejectionReason)] = new RejectionReason("no-fault-found", "Works on our bench"),
        [typeof(OfferTerms)] = new OfferTerms(Remedy.RefundKeepItem, Amount.Of(8000, "CNY"), "Keep the router, 80 back"),
        [typeof(ShipmentDetails)] = new ShipmentDetails("SF Express", "SF1400228811"),
        [typeof(ConditionReport)] = new ConditionReport(ConditionIssue.VisibleWear, ["ev_2f0c9b6a1d3e4f5a6b7c8d9e"], Amount.Of(30000, "CNY"), "Scratched case"),
        [typeof(EvidenceSubmission)] = new EvidenceSubmission("Video of three reboots", ["ev_2f0c9b6a1d3e4f5a6b7c8d9e"]),
        [typeof(EscalationRequest)] = new EscalationRequest("The store ignores a real fault"),
        [typeof(MoreEvidenceRequest)] = new MoreEvidenceRequest(Party.Seller, "The bench test log"),
        [typeof(RulingTerms)] = new RulingTerms(RulingOutcome.PartialRefund, Amount.Of(12000, "CNY"), "Intermittent fault shown on video",
            ShippingPayer.Seller, 3, "Rejected a documented fault"),
        [typeof(AppealRequest)] = new AppealRequest("The buyer dropped it"),
        [typeof(ReviewDecision)] = new ReviewDecision("The video shows a factory fault"),
        [typeof(Diagnosis)] = new Diagnosis(false, "Corrosion on the power board", Amount.Of(18000, "CNY"), FaultCause.LiquidDamage),
        [typeof(RepairReport)] = new RepairReport(RepairResult.Repaired, "Replaced the Wi-Fi module"),
        [typeof(RepeatFault)] = new RepeatFault("wifi-drops", "Wi-Fi drops again"),
        [typeof(MessageText)] = new MessageText("The parcel left today."),
        [typeof(RatingInput)] = new RatingInput(4, "Fair in the end"),
        [typeof(NewSubscription)] = new NewSubscription(new Uri("https://store.example/hooks/aftersales")),
        [typeof(Order)] = new Order("ord-1001", "buyer-ana", MarketplacePolicies.Flagship, "CN", Currency.CNY,
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
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web);
        ApiSetup.Strict(options);
        options.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull; // optional fields are left out of examples
        return options;
    }
}
