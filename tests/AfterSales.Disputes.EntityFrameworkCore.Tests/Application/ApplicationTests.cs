using AfterSales.Disputes.Application;
using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using AfterSales.Disputes.Policies;
using Microsoft.Extensions.DependencyInjection;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Application;

public class ApplicationTests
{
    [SkippableFact]
    public async Task AMalformedRequest_IsRejectedByTheValidationBehaviour_BeforeAnyHandlerRuns()
    {
        await using var host = await TestHost.StartAsync("sqlite");

        var open = () => host.SendAsync(new OpenDispute(" ", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(1)) with { LineId = "" }));
        var register = () => host.SendAsync(new RegisterOrder(RouterOrder() with { Lines = [] }));
        var act = () => host.SendAsync(new TakeDisputeAction(" ", null!, DisputeAction.Approve));

        (await open.Should().ThrowAsync<RequestValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal("orderId", "lineId");
        (await register.Should().ThrowAsync<RequestValidationException>()).Which.Errors.Should().ContainSingle()
            .Which.Message.Should().Be("An order needs at least one line.");
        (await act.Should().ThrowAsync<RequestValidationException>()).Which.Errors.Select(e => e.Field).Should().Equal("disputeId", "actor");
    }

    [SkippableFact]
    public async Task OpeningOnAnUnregisteredOrder_IsNotFound_AndAnUnknownDisputeToo()
    {
        await using var host = await TestHost.StartAsync("sqlite");

        (await host.SendAsync(new OpenDispute("nope", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(1))))).Status.Should().Be(CommandStatus.NotFound);
        (await host.SendAsync(new TakeDisputeAction("nope", Actor.Seller(Flagship), DisputeAction.Approve))).Status.Should().Be(CommandStatus.NotFound);
        (await host.SendAsync(new GetTimeline("nope"))).Should().BeNull();
        (await host.SendAsync(new GetAllowedActions("nope", Actor.Buyer(Buyer)))).Should().BeNull();
    }

    [SkippableFact]
    public async Task Observers_AreHandedTheEventsOnlyAfterTheTransactionCommits()
    {
        await using var host = await TestHost.StartAsync("sqlite");
        var recorder = host.Services.GetRequiredService<CommittedEvents>();
        await host.SendAsync(new RegisterOrder(RouterOrder()));

        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Approve));
        var refused = await host.SendAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Approve));

        refused.Status.Should().Be(CommandStatus.Refused);
        recorder.Seen.Select(s => (s.Action, s.StoredVersion)).Should().Equal((DisputeAction.Open, 1), (DisputeAction.Approve, 2));
    }

    [SkippableFact]
    public async Task AllowedActions_Eligibility_AndTimeline_AreAnsweredFromTheStore()
    {
        await using var host = await TestHost.StartAsync("sqlite");
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));

        var allowed = await host.SendAsync(new GetAllowedActions("dispute-1", Actor.Seller(Flagship)));
        var stranger = await host.SendAsync(new GetAllowedActions("dispute-1", Actor.Seller(Reseller)));
        var preview = await host.SendAsync(new PreviewEligibility("order-1", "line-router", RequestKind.ReturnAndRefund, RequestReason.NoReason,
            ConditionIssue.VisibleWear, IncludedLineIds: ["line-gift"]));
        var timeline = await host.SendAsync(new GetTimeline("dispute-1"));

        allowed!.Where(a => a.IsAllowed).Select(a => a.Action).Should().Equal(
            DisputeAction.Approve, DisputeAction.Reject, DisputeAction.ProposeOffer, DisputeAction.SendMessage);
        stranger.Should().BeEmpty();
        preview!.IsEligible.Should().BeFalse();
        preview.Failures.Single().Rule.Should().Be("goods-intact");
        timeline.Should().ContainSingle().Which.Party.Should().Be(Party.Buyer);
    }

    [SkippableFact]
    public async Task AStoreWithoutPolicy_CannotOpenRequests()
    {
        await using var host = await TestHost.StartAsync("sqlite");
        await host.SendAsync(new RegisterOrder(RouterOrder() with { StoreId = "store-unknown" }));

        var refused = await host.SendAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));

        refused.Refusal!.Message.Should().Be("No after-sales policy is configured for store store-unknown in region CN.");
    }

    [SkippableFact]
    public async Task SixtyFourConcurrentWriters_OnDistinctDisputes_AllSucceed_AndNoBusyErrorReachesThem()
    {
        await using var host = await TestHost.StartAsync("sqlite");
        for (var i = 1; i <= 64; i++)
        {
            await host.SendAsync(new RegisterOrder(RouterOrder(orderId: $"o-{i}")));
            await host.DoAsync(new OpenDispute($"o-{i}", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399), disputeId: $"d-{i}")));
        }

        var results = await Task.WhenAll(Enumerable.Range(1, 64).Select(i => Task.Run(async () =>
        {
            await host.DoAsync(new TakeDisputeAction($"d-{i}", Actor.Buyer(Buyer), DisputeAction.SendMessage, new MessageText("Any news?")));
            return await host.SendAsync(new TakeDisputeAction($"d-{i}", Actor.Seller(Flagship), DisputeAction.Approve));
        })));

        results.Should().OnlyContain(r => r.Status == CommandStatus.Succeeded);
    }
}

/// <summary>Records, when committed events arrive, what the store holds for the dispute at that moment.</summary>
public sealed class CommittedEvents
{
    public List<(DisputeAction Action, int StoredVersion)> Seen { get; } = [];
}

/// <summary>An observer of the platform: checks that the events it is handed are already in the store.</summary>
public sealed class CommittedEventsObserver(CommittedEvents recorder, IServiceScopeFactory scopes) : AfterSales.Disputes.Application.Ports.IDisputeEventsObserver
{
    public async Task OnCommittedAsync(DisputeEventsCommitted committed, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<AfterSales.Disputes.Application.Ports.IDisputeStore>().FindAsync(committed.Dispute.Id, cancellationToken);
        lock (recorder.Seen)
        {
            recorder.Seen.Add((committed.Events[^1].Action, stored?.Version ?? 0));
        }
    }
}
