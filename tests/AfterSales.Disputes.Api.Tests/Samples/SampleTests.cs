using System.Diagnostics;
using AfterSales.Disputes.Api.Auth;
using AfterSales.Disputes.Api.Tests.Support;

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
        var token = await host.TokenAsync(Roles.Seller, "store-linkwave-flagship");

        var (exitCode, output) = await RunSampleAsync("SellerAutoResponder",
            "--api", host.BaseAddress.ToString(), "--token", token, "--approve-under", "100", "--wait-seconds", "30");

        exitCode.Should().Be(0, output);
        output.Should().Contain("offered 199.50 CNY on dsp_demo_return (399.00 CNY asked)")
            .And.Contain("answered 1 request(s)")
            .And.MatchRegex(@"webhook dispute\.[a-z\-\.]+ \S+: signature verified")
            .And.NotContain("INVALID");
    }

    private static async Task<(int ExitCode, string Output)> RunSampleAsync(string sample, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = HostProcess.BuildOutput($"samples/{sample}"),
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add($"{sample}.dll");
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }
}
