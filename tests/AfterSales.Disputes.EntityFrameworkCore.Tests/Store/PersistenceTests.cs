using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Orders;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.EntityFrameworkCore.Tests.Support;
using Microsoft.EntityFrameworkCore;
using static AfterSales.Disputes.Testing.Marketplace;

namespace AfterSales.Disputes.EntityFrameworkCore.Tests.Store;

public class PersistenceTests
{
    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task RegisteringTheSameOrderTwice_IsIdempotent_AndADifferentSnapshotIsRefused(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        var order = RouterOrder();

        (await host.SendAsync(new RegisterOrder(order))).Should().Be(OrderRegistration.Registered);
        (await host.SendAsync(new RegisterOrder(order))).Should().Be(OrderRegistration.AlreadyRegistered);
        (await host.SendAsync(new RegisterOrder(order with { ShippingPaid = Yuan(12) }))).Should().Be(OrderRegistration.ConflictsWithRegistered);

        (await host.SendAsync(new GetOrder(order.OrderId))).Should().BeEquivalentTo(order);
        (await host.QueryAsync(db => db.Orders.CountAsync())).Should().Be(1);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ADispute_IsStoredAsItsTimeline_AndReloadsEqualToTheLiveOne(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        var opened = await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399))));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.ProposeOffer, new OfferTerms(Remedy.RefundKeepItem, Yuan(80), "Keep it")));
        var countered = await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.CounterOffer, new OfferTerms(Remedy.RefundKeepItem, Yuan(150), "150 then")));

        var reloaded = await host.SendAsync(new GetDispute("dispute-1"));

        opened.Dispute!.Version.Should().Be(1);
        reloaded.Should().BeEquivalentTo(countered.Dispute, o => o.ComparingByMembers<Dispute>());
        reloaded!.Deadline!.Value.DueAt.Should().Be(host.Clock.GetUtcNow().AddDays(5));
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AHostThatReadATimelineBefore_LoadsTheEventsAnotherHostAppendedSince(string provider)
    {
        await using var first = await TestHost.StartAsync(provider);
        await using var second = await TestHost.StartAsync(first.Database, now: first.Clock.GetUtcNow());
        await first.SendAsync(new RegisterOrder(RouterOrder()));
        await first.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399))));
        (await first.SendAsync(new GetDispute("dispute-1")))!.Version.Should().Be(1, "the first host has now read (and keeps) the timeline");

        await second.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.ProposeOffer, new OfferTerms(Remedy.RefundKeepItem, Yuan(80), "Keep it")));
        var seenByFirst = await first.SendAsync(new GetDispute("dispute-1"));
        var countered = await first.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.CounterOffer, new OfferTerms(Remedy.RefundKeepItem, Yuan(150), "150 then")) { ExpectedVersion = 2 });

        seenByFirst!.Version.Should().Be(2);
        seenByFirst.State.Should().Be(DisputeState.AwaitingBuyerOnOffer);
        countered.Status.Should().Be(CommandStatus.Succeeded);
        (await second.SendAsync(new GetDispute("dispute-1"))).Should().BeEquivalentTo(countered.Dispute, o => o.ComparingByMembers<Dispute>());
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task EnumsAreStoredAsNames_MoneyAsMinorUnits_TimesAsUtc(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));

        var row = await host.QueryAsync(db => db.Disputes.AsNoTracking().SingleAsync());
        var raw = await host.QueryAsync(db => db.Database.SqlQueryRaw<string>("SELECT \"State\" AS \"Value\" FROM \"Disputes\"").SingleAsync());

        raw.Should().Be("AwaitingSellerResponse");
        row.RequestedRefundMinor.Should().Be(39900);
        row.Currency.Should().Be("CNY");
        row.OpenedAt.Should().Be(host.Clock.GetUtcNow());
        row.OpenedAt.Offset.Should().Be(TimeSpan.Zero);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TwoConcurrentUpdatesOfOneDispute_GiveOneSuccessAndOneTypedConflict_NeverALostUpdate(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));
        var now = host.Clock.GetUtcNow();

        // Both writers read version 1, then both act and save.
        var first = (await host.WithStoreAsync(s => s.FindAsync("dispute-1", default)))!;
        var second = (await host.WithStoreAsync(s => s.FindAsync("dispute-1", default)))!;
        first.Approve(Flagship, now).Succeeded.Should().BeTrue();
        second.Withdraw(Buyer, now).Succeeded.Should().BeTrue();

        await host.WithStoreAsync(async s => { await s.SaveAsync(first, 1, [], default); return true; });
        var conflict = async () => await host.WithStoreAsync(async s => { await s.SaveAsync(second, 1, [], default); return true; });

        (await conflict.Should().ThrowAsync<ConcurrencyConflictException>()).Which.ExpectedVersion.Should().Be(1);
        var stored = await host.SendAsync(new GetDispute("dispute-1"));
        stored!.State.Should().Be(DisputeState.AwaitingReturnShipment);
        stored.Timeline.Select(e => e.Action).Should().Equal(DisputeAction.Open, DisputeAction.Approve);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task SavingSeveralDisputesAtOnce_SavesNoneWhenOneChangedMeanwhile_AndNamesIt(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.SendAsync(new RegisterOrder(RouterOrder(orderId: "order-2")));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399), disputeId: "d-1")));
        await host.DoAsync(new OpenDispute("order-2", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399), disputeId: "d-2")));
        var now = host.Clock.GetUtcNow();
        var loaded = await host.WithStoreAsync(s => s.FindManyAsync(["d-1", "d-2", "no-such-dispute"], default));
        loaded.Select(d => d.Id).Should().BeEquivalentTo(["d-1", "d-2"]);

        await host.DoAsync(new TakeDisputeAction("d-2", Actor.Buyer(Buyer), DisputeAction.Withdraw)); // someone acts on d-2 after the batch loaded it
        foreach (var dispute in loaded)
        {
            dispute.Approve(Flagship, now).Succeeded.Should().BeTrue();
        }

        var save = async () => await host.WithStoreAsync(async s =>
        {
            await s.SaveManyAsync([.. loaded.Select(d => new DisputeChanges(d, 1, []))], default);
            return true;
        });

        (await save.Should().ThrowAsync<ConcurrencyConflictException>()).Which.DisputeId.Should().Be("d-2");
        (await host.SendAsync(new GetDispute("d-1")))!.State.Should().Be(DisputeState.AwaitingSellerResponse, "nothing of the batch was saved");
        (await host.SendAsync(new GetDispute("d-2")))!.State.Should().Be(DisputeState.Closed);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ACommandWithAStaleExpectedVersion_ChangesNothing(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399))));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.SendMessage, new MessageText("Hello")));

        var stale = await host.SendAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Approve) { ExpectedVersion = 1 });

        stale.Status.Should().Be(CommandStatus.StaleVersion);
        stale.Dispute!.Version.Should().Be(2);
        (await host.SendAsync(new GetDispute("dispute-1")))!.State.Should().Be(DisputeState.AwaitingSellerResponse);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task TwoRequestsOnOneLineAtOnce_OpenOnlyOne(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await host.SendAsync(new RegisterOrder(RouterOrder()));

        var results = await Task.WhenAll(Enumerable.Range(1, 6).Select(i =>
            host.SendAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399), disputeId: $"d-{i}")))));

        results.Count(r => r.Status == CommandStatus.Succeeded).Should().Be(1);
        results.Where(r => r.Status != CommandStatus.Succeeded)
            .Should().OnlyContain(r => r.Status == CommandStatus.Conflict || r.Refusal!.Code == DisputeRefusalCode.LineAlreadyDisputed);
        (await host.QueryAsync(db => db.Disputes.CountAsync())).Should().Be(1);
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ListDisputes_FiltersByParty_AndPagesWithACursor(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        for (var i = 1; i <= 5; i++)
        {
            await host.SendAsync(new RegisterOrder(RouterOrder(orderId: $"o-{i}", storeId: i <= 3 ? Flagship : Reseller)));
            await host.DoAsync(new OpenDispute($"o-{i}", Request(RequestKind.ReturnAndRefund, RequestReason.NoReason, Yuan(399), disputeId: $"d-{i}")));
            host.Clock.Advance(TimeSpan.FromMinutes(1));
        }

        var first = await host.SendAsync(new ListDisputes(new DisputeQuery(StoreId: Flagship, Limit: 2)));
        var second = await host.SendAsync(new ListDisputes(new DisputeQuery(StoreId: Flagship, Limit: 2, After: first.NextCursor)));
        var reseller = await host.SendAsync(new ListDisputes(new DisputeQuery(StoreId: Reseller)));
        var none = await host.SendAsync(new ListDisputes(new DisputeQuery(BuyerId: OtherBuyer)));

        first.Items.Select(d => d.Id).Should().Equal("d-3", "d-2");
        second.Items.Select(d => d.Id).Should().Equal("d-1");
        second.NextCursor.Should().BeNull();
        reseller.Items.Select(d => d.Id).Should().Equal("d-5", "d-4");
        none.Items.Should().BeEmpty();
        first.Items[0].Should().BeEquivalentTo(new { StoreId = Flagship, State = DisputeState.AwaitingSellerResponse, RequestedRefund = Yuan(399), Version = 1 });
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task ListDisputes_FiltersByStateAndEscalation(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);
        await host.SendAsync(new RegisterOrder(RouterOrder()));
        await host.DoAsync(new OpenDispute("order-1", Request(RequestKind.ReturnAndRefund, RequestReason.Defective, Yuan(399))));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Seller(Flagship), DisputeAction.Reject, new RejectionReason("no-fault")));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Buyer(Buyer), DisputeAction.Escalate, new EscalationRequest("Faulty")));
        await host.DoAsync(new TakeDisputeAction("dispute-1", Actor.Arbitrator(Arbitrator), DisputeAction.AssignArbitrator));

        var escalated = await host.SendAsync(new ListDisputes(new DisputeQuery(Escalated: true, States: [DisputeState.CollectingEvidence])));
        var mine = await host.SendAsync(new ListDisputes(new DisputeQuery(ArbitratorId: Arbitrator)));
        var notEscalated = await host.SendAsync(new ListDisputes(new DisputeQuery(Escalated: false)));

        escalated.Items.Should().ContainSingle().Which.ArbitratorId.Should().Be(Arbitrator);
        mine.Items.Should().ContainSingle();
        notEscalated.Items.Should().BeEmpty();
    }

    [SkippableTheory]
    [InlineData("sqlite")]
    [InlineData("postgres")]
    public async Task AForgedCursor_IsAValidationError(string provider)
    {
        await using var host = await TestHost.StartAsync(provider);

        var list = () => host.SendAsync(new ListDisputes(new DisputeQuery(After: "not-a-cursor")));

        (await list.Should().ThrowAsync<AfterSales.Disputes.Application.RequestValidationException>()).Which.Errors.Single().Field.Should().Be("after");
    }
}
