using System.Diagnostics;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Endpoints;

/// <summary>The host's OpenTelemetry pipeline carries the engine's spans and metrics beside ASP.NET Core's.</summary>
public sealed class TelemetryTests
{
    [Fact]
    public async Task AnActionOverHttp_IsASpanUnderItsRequest_AndATransitionInTheMetrics()
    {
        var metrics = new List<MetricSnapshot>();
        var spans = new List<Activity>();
        await using var api = new ApiFactory
        {
            TestServices = services =>
            {
                services.ConfigureOpenTelemetryMeterProvider(meters => meters.AddInMemoryExporter(metrics));
                services.ConfigureOpenTelemetryTracerProvider(tracing => tracing.AddInMemoryExporter(spans));
            },
        };
        var dispute = await OpenAsync(api, "o-telemetry");

        await ActAsync(api, Roles.Seller, Flagship, dispute.Id, "approve");
        api.Services.GetRequiredService<MeterProvider>().ForceFlush();
        api.Services.GetRequiredService<TracerProvider>().ForceFlush();

        var transitions = metrics.Where(m => m.Name == "aftersales.dispute.transitions").SelectMany(m => m.MetricPoints)
            .Select(point => Tags(point)).ToList();
        transitions.Should().Contain(tags => tags["action"] == "Approve" && tags["party"] == "Seller");
        transitions.Should().Contain(tags => tags["action"] == "Open" && tags["party"] == "Buyer");
        metrics.Should().Contain(m => m.Name == "http.server.request.duration", "ASP.NET Core's own metrics are in the same pipeline");

        // An activity source is the process's: hosts that other tests run at the same time approve cases too, and
        // their spans reach this listener as well. This case's is the one with its id.
        var command = spans.Should().ContainSingle(span => span.OperationName == "dispute command"
            && (string?)span.GetTagItem("aftersales.command") == "Approve" && (string?)span.GetTagItem("aftersales.dispute.id") == dispute.Id).Subject;
        spans.Should().Contain(span => span.SpanId == command.ParentSpanId && span.Kind == ActivityKind.Server,
            "the engine's span is a child of the request that took the action");
    }

    private static Dictionary<string, string?> Tags(MetricPoint point)
    {
        var tags = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var tag in point.Tags)
        {
            tags[tag.Key] = tag.Value?.ToString();
        }

        return tags;
    }
}
