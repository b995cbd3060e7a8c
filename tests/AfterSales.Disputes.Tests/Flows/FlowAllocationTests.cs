using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Tests.Flows;

/// <summary>
/// Firing on an in-memory case must allocate nothing: the result is a struct and rules are looked
/// up without LINQ or reflection. Allocation is counted, not timed, so this is deterministic;
/// speed itself is measured by the benchmark harness.
/// </summary>
public class FlowAllocationTests
{
    private static readonly DateTimeOffset s_now = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Fire_AcceptedRefusedParameterisedAndExpiring_AllocatesNothing()
    {
        var flow = FlowBuilder<RefundState, RefundAction, Party, RefundCase>.Create("no-effects", 1, RefundState.AwaitingSeller, system: Party.System)
            .Takes<Ruling>(RefundAction.Rule)
            .In(RefundState.AwaitingSeller)
                .Deadline(c => c.SellerResponse, RefundAction.AutoApprove, "seller response window")
                .PermitIf(RefundAction.Approve, RefundState.Rejected, Party.Seller, c => c.ReasonCode is null, "no reason code")
                .Permit(RefundAction.AutoApprove, RefundState.Refunded, Party.System)
                .PermitIf<Ruling>(RefundAction.Rule, RefundState.Refunded, Party.Arbitrator, (c, r) => r.RefundCents <= c.RefundableCents, "within refundable")
            .In(RefundState.Rejected)
                .Deadline(c => c.EscalationWindow, RefundAction.Withdraw, "escalation window")
                .Permit(RefundAction.Withdraw, RefundState.Refunded, Party.System)
            .In(RefundState.Refunded).Terminal()
            .Build();
        var refundCase = new RefundCase();
        var ruling = new Ruling(100);
        var deadline = flow.StartDeadline(RefundState.AwaitingSeller, refundCase, s_now);
        var accepted = 0;

        void FireAll()
        {
            accepted += flow.Fire(RefundState.AwaitingSeller, deadline, RefundAction.Approve, Party.Seller, refundCase, s_now).IsAccepted ? 1 : 0;
            accepted += flow.Fire(RefundState.AwaitingSeller, deadline, RefundAction.Approve, Party.Buyer, refundCase, s_now).IsAccepted ? 1 : 0;
            accepted += flow.Fire(RefundState.AwaitingSeller, deadline, RefundAction.Rule, Party.Arbitrator, refundCase, ruling, s_now).IsAccepted ? 1 : 0;
            accepted += flow.FireExpiry(RefundState.AwaitingSeller, deadline, refundCase, s_now.AddDays(3)).IsAccepted ? 1 : 0;
        }

        FireAll();
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1_000; i++)
        {
            FireAll();
        }

        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        accepted.Should().Be(3 * 1_001);
        allocated.Should().Be(0);
    }
}
