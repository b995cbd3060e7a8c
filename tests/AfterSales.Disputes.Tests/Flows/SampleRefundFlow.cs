using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;

namespace AfterSales.Disputes.Tests.Flows;

public enum RefundState
{
    AwaitingSeller,
    Rejected,
    Refunding,
    Refunded,
    Withdrawn,
    Escalated,
}

public enum RefundAction
{
    Approve,
    AutoApprove,
    Reject,
    Withdraw,
    SendMessage,
    Escalate,
    RefundSucceeded,
    Rule,
}

/// <summary>What the sample flow's guards, deadlines and effects read; effects write to <see cref="Log"/>.</summary>
public sealed class RefundCase
{
    public string? ReasonCode { get; set; }

    public bool EvidenceAttached { get; set; }

    public long RefundableCents { get; set; } = 10_000;

    public DeadlineSpan SellerResponse { get; set; } = DeadlineSpan.Hours(48);

    public DeadlineSpan EscalationWindow { get; set; } = DeadlineSpan.Days(3);

    public List<string> Log { get; } = [];
}

/// <summary>A ruling's argument: a refund of some cents.</summary>
public sealed record Ruling(long RefundCents);

/// <summary>
/// A small refund flow exercising every engine feature: deadlines, guards, an internal action, a
/// parameterised action with an argument guard, entry and exit effects, terminal states.
/// </summary>
public static class SampleRefundFlow
{
    public static FlowDefinition<RefundState, RefundAction, Party, RefundCase> Build(int version = 1) =>
        Builder(version).Build();

    public static FlowBuilder<RefundState, RefundAction, Party, RefundCase> Builder(int version = 1)
    {
        var builder = FlowBuilder<RefundState, RefundAction, Party, RefundCase>.Create("sample-refund", version, RefundState.AwaitingSeller, system: Party.System);
        builder.Takes<Ruling>(RefundAction.Rule);
        builder
            .In(RefundState.AwaitingSeller)
                .Deadline(c => c.SellerResponse, expiresWith: RefundAction.AutoApprove, "seller response window")
                .Permit(RefundAction.Approve, RefundState.Refunding, by: Party.Seller)
                .Permit(RefundAction.AutoApprove, RefundState.Refunding, by: Party.System)
                .PermitIf(RefundAction.Reject, RefundState.Rejected, by: Party.Seller, c => c.ReasonCode is not null, "a reason code is given")
                .Permit(RefundAction.Withdraw, RefundState.Withdrawn, by: Party.Buyer)
                .PermitInternal(RefundAction.SendMessage, by: Party.Buyer | Party.Seller)
                .OnExit((c, t) => c.Log.Add($"exit {t.From} by {t.Action}"))
            .In(RefundState.Rejected)
                .Deadline(c => c.EscalationWindow, expiresWith: RefundAction.Withdraw, "escalation window")
                .PermitIf(RefundAction.Escalate, RefundState.Escalated, Party.Buyer,
                    new Guard<RefundCase>("evidence is attached", c => c.EvidenceAttached))
                .Permit(RefundAction.Withdraw, RefundState.Withdrawn, by: Party.Buyer | Party.System)
            .In(RefundState.Escalated)
                .PermitIf<Ruling>(RefundAction.Rule, RefundState.Refunding, by: Party.Arbitrator,
                    (c, ruling) => ruling.RefundCents <= c.RefundableCents, "the refund does not exceed the refundable amount")
                .OnEntry((c, t) => c.Log.Add($"enter {t.To} from {t.From}"))
            .In(RefundState.Refunding)
                .Permit(RefundAction.RefundSucceeded, RefundState.Refunded, by: Party.System)
                .OnEntryFrom<Ruling>(RefundAction.Rule, (c, ruling, t) => c.Log.Add($"ruled {ruling.RefundCents} by {t.By}"))
                .OnEntryFrom(RefundAction.AutoApprove, (c, _) => c.Log.Add("approved automatically"))
            .In(RefundState.Refunded).Terminal()
                .PermitInternal(RefundAction.SendMessage, by: Party.Buyer | Party.Seller)
            .In(RefundState.Withdrawn).Terminal();
        return builder;
    }
}
