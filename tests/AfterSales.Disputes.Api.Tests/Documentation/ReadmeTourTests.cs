using System.Net.Http.Json;
using System.Text.RegularExpressions;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Testing;

namespace AfterSales.Disputes.Api.Tests.Documentation;

/// <summary>The README's quick start and curl tour, run as a newcomer runs them, against a host on a port of its own.</summary>
public sealed class ReadmeTourTests
{
    /// <summary>
    /// The tour's bash block, taken from the README as it stands, runs with the port it is given: the offer is accepted,
    /// the escalated case is ruled on, no answer is a problem, and every request shows in the host's log.
    /// </summary>
    [Fact]
    public async Task TheCurlTour_RunsAsWritten_OnThePortItIsGiven()
    {
        await using var host = await HostProcess.StartAsync(seedDemoData: true);
        var tour = Regex.Match(Repository.ReadText("README.md"), @"### A tour with curl\n.*?```bash\n(?<script>.*?)\n```", RegexOptions.Singleline)
            .Groups["script"].Value;
        tour.Should().Contain("PORT=${PORT:-5080}", "the tour takes its port from the environment");

        var (exitCode, output) = await DotnetCommand.RunProgramAsync("bash", Repository.Root, TimeSpan.FromMinutes(3),
            new Dictionary<string, string> { ["PORT"] = host.BaseAddress.Port.ToString(System.Globalization.CultureInfo.InvariantCulture) },
            "-euo", "pipefail", "-c", tour);

        exitCode.Should().Be(0, output);
        output.Should().NotContain("/problems/", "every request of the tour is a valid one");
        using var buyer = await host.ClientAsync(Roles.Buyer, "buyer-ana");
        var returned = await buyer.GetFromJsonAsync<List<DisputeEvent>>("/api/v1/disputes/dsp_demo_return/timeline", ApiJson.Options);
        var escalated = await buyer.GetFromJsonAsync<List<DisputeEvent>>("/api/v1/disputes/dsp_demo_escalated/timeline", ApiJson.Options);
        returned!.Select(e => e.Action).Should().Contain([DisputeAction.ProposeOffer, DisputeAction.AcceptOffer]);
        escalated!.Select(e => e.Action).Should().Contain([DisputeAction.AssignArbitrator, DisputeAction.Rule]);
        host.Output.Should().MatchRegex(@"Method: POST\s+PathBase:\s+Path: /api/v1/disputes/dsp_demo_escalated/ruling\s+StatusCode: 200", "the shipped settings log every request");
    }

    /// <summary>The demo case on its way back is waiting for the reseller when the host is ready, not already refunded.</summary>
    [Fact]
    public async Task TheDemoReturnOnItsWayBack_WaitsForTheResellersReceipt()
    {
        await using var host = await HostProcess.StartAsync(seedDemoData: true);
        using var seller = await host.ClientAsync(Roles.Seller, Hosting.DemoMarketplace.Reseller);

        var dispute = await seller.GetFromJsonAsync<Contracts.DisputeResponse>("/api/v1/disputes/dsp_demo_refund", ApiJson.Options);

        dispute!.State.Should().Be(DisputeState.AwaitingReturnReceipt);
        dispute.AllowedActions.Should().Contain(DisputeAction.ConfirmReceipt);
    }
}
