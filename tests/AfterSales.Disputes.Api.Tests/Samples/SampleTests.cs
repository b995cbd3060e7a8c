using System.Net;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Contracts;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Disputes;
using static AfterSales.Disputes.Api.Tests.Support.World;

namespace AfterSales.Disputes.Api.Tests.Samples;

/// <summary>The samples in <c>samples/</c>, built and run as their README says, exit 0 with the lines they promise.</summary>
public sealed class SampleTests
{
    [Fact]
    public async Task EmbeddedMarketplace_TellsBothStoriesWithDeadlinesFiringOnSimulatedTime()
    {
        var (exitCode, output) = await RunSampleAsync("EmbeddedMarketplace");

        exitCode.Should().Be(0, output);
        output.Should().Contain("No-reason return, store silent twice: return-1 (return-and-refund v1), now Closed")
            .And.MatchRegex(@"2026-11-07 01:00  System\s+AutoApprove\s+AwaitingSellerResponse\s+AwaitingReturnShipment")
            .And.MatchRegex(@"2026-11-17 01:00  System\s+AutoConfirmReceipt\s+AwaitingReturnReceipt\s+Refunding")
            .And.Contain("refund gateway: paid 399.00 CNY for return-1")
            .And.Contain("Warranty repair: repair-1 (repair v1), now RepairCompleted")
            .And.MatchRegex(@"ServiceCenter\s+Diagnose\s+AwaitingDiagnosis\s+Repairing")
            .And.MatchRegex(@"System\s+AutoConfirmRepair\s+AwaitingRepairConfirmation\s+RepairCompleted");
    }

    [Fact]
    public async Task SellerAutoResponder_AnswersTheStoresRequestsAndVerifiesTheWebhooksItReceives()
    {
        await using var host = await HostProcess.StartAsync(seedDemoData: true);
        // Besides the demo's 399.00 CNY return, a 20.00 CNY refund for a missing cable: one under the threshold, one above.
        using var platform = await host.ClientAsync(Roles.Platform, "platform");
        (await platform.PostJsonAsync("/api/v1/orders", Router("auto-order"))).StatusCode.Should().Be(HttpStatusCode.Created);
        using var buyer = await host.ClientAsync(Roles.Buyer, Ana);
        var opened = await buyer.PostJsonAsync("/api/v1/disputes",
            new OpenDisputeBody("auto-order", "line-2", RequestKind.RefundOnly, RequestReason.MissingParts, "One cable is missing", Yuan(20)));
        opened.StatusCode.Should().Be(HttpStatusCode.Created, await opened.Content.ReadAsStringAsync());
        var cable = (await opened.ReadAsync<DisputeResponse>())!.Id;
        var token = await host.TokenAsync(Roles.Seller, Flagship);

        var (exitCode, output) = await RunSampleAsync("SellerAutoResponder",
            "--api", host.BaseAddress.ToString(), "--token", token, "--approve-under", "100", "--wait-seconds", "30");

        exitCode.Should().Be(0, output);
        output.Should().Contain("offered 199.50 CNY on dsp_demo_return (399.00 CNY asked)")
            .And.Contain($"approved {cable} (20.00 CNY)")
            .And.Contain("answered 2 request(s)")
            .And.MatchRegex(@"webhook dispute\.[a-z\-\.]+ \S+: signature verified")
            .And.NotContain("INVALID");
        (await host.GetAsync(Roles.Seller, Flagship, cable)).State.Should().NotBe(DisputeState.AwaitingSellerResponse, "the store approved it");
    }

    private static Task<(int ExitCode, string Output)> RunSampleAsync(string sample, params string[] arguments) =>
        DotnetCommand.RunAsync(HostProcess.BuildOutput($"samples/{sample}"), TimeSpan.FromMinutes(2), [$"{sample}.dll", .. arguments]);
}
