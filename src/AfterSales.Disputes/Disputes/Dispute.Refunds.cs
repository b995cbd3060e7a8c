using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Money;
using AfterSales.Disputes.Policies;

namespace AfterSales.Disputes.Disputes;

/// <content>Money: one refund per dispute, paid through the platform's gateway with the same id on every retry, and the charges the buyer pays (repair fees, dearer variants) through its payment service.</content>
public sealed partial class Dispute
{
    /// <summary>The refund gateway paid the refund.</summary>
    public DisputeResult RecordRefundSuccess(RefundResult result, DateTimeOffset now) => Take(Actor.System, DisputeAction.RecordRefundSuccess, result, now);

    /// <summary>The refund gateway failed; the refund will be retried with the same refund id.</summary>
    public DisputeResult RecordRefundFailure(RefundResult result, DateTimeOffset now) => Take(Actor.System, DisputeAction.RecordRefundFailure, result, now);

    /// <summary>Retries a failed refund now (an arbitrator or the seller may, besides the automatic retry).</summary>
    public DisputeResult RetryRefund(Actor actor, DateTimeOffset now) => Take(actor, DisputeAction.RetryRefund, null, now);

    private static ActionTable RefundActions() => new ActionTable()
        .Action<RefundResult>(DisputeAction.RecordRefundSuccess, route: null, "record a paid refund",
            new RefundResult("gw-20261102-0001"),
            validate: (_, result) => Blank(result.GatewayReference) ? Invalid(Say("Invalid.RefundReference")) : null,
            record: (d, result, _) => d.Refund = d.Refund! with { Status = RefundStatus.Succeeded, GatewayReference = result.GatewayReference },
            closes: ClosureReason.Refunded)
        .Action<RefundResult>(DisputeAction.RecordRefundFailure, route: null, "record a failed refund",
            new RefundResult(null, "The bank is offline"),
            validate: (_, result) => Blank(result.Failure) ? Invalid(Say("Invalid.RefundFailure")) : null,
            record: (d, result, _) => d.Refund = d.Refund! with { Status = RefundStatus.Failed, LastFailure = result.Failure })
        .Action(DisputeAction.TimeOutRefund, route: null, "count an unanswered refund as failed", record: (d, _) => d.Refund = d.Refund! with
        {
            Status = RefundStatus.Failed,
            LastFailure = $"The refund gateway did not answer within the {d.Policy.Windows.RefundAnswer.Length.TotalHours:0}-hour refund answer window.",
        })
        .Action(DisputeAction.RetryRefund, "refund/retry", "retry a refund")
        .Action<ChargeResult>(DisputeAction.RecordChargeSuccess, route: null, "record a completed charge",
            new ChargeResult("pay-20261102-0001"),
            validate: (_, result) => Blank(result.PaymentReference) ? Invalid(Say("Invalid.ChargeReference")) : null,
            record: (d, result, _) => d.UpdateCharge(charge => charge with { Status = ChargeStatus.Succeeded, PaymentReference = result.PaymentReference }))
        .Action<ChargeResult>(DisputeAction.RecordChargeFailure, route: null, "record a failed charge",
            new ChargeResult(null, "Card declined"),
            validate: (_, result) => Blank(result.Failure) ? Invalid(Say("Invalid.ChargeFailure")) : null,
            record: (d, result, _) => d.UpdateCharge(charge => charge with { Status = ChargeStatus.Failed, LastFailure = result.Failure }))
        .Action(DisputeAction.TimeOutCharge, route: null, "count an unanswered charge as failed", record: (d, _) => d.UpdateCharge(charge => charge with
        {
            Status = ChargeStatus.Failed,
            LastFailure = $"The payment service did not answer within the {d.Policy.Windows.ChargeAnswer.Length.TotalHours:0}-hour charge answer window.",
        }))
        .Action(DisputeAction.RetryCharge, "charge/retry", "charge the buyer again")
        .OnEntering(DisputeState.ChargingBuyer, (d, transition) => d.ChargeBuyer(transition))
        .OnEntering(DisputeState.AwaitingReplacementShipment, (d, transition) =>
        {
            // The difference for the dearer variant could not be charged: the same item is sent instead.
            if (transition.From == DisputeState.ChargeFailed)
            {
                d.ExchangeVariant = null;
            }
        })
        .OnEntering(DisputeState.Refunding, (d, transition) => d.Refund = d.Refund is { } earlier
            ? earlier with { Status = RefundStatus.Pending, Attempts = earlier.Attempts + 1 }
            : d.NewRefund(transition.At));

    // What the buyer pays: the difference for a dearer variant of an exchange, or an accepted repair fee. A retry
    // sends the same charge again, with its id; a new charge gets the next id.
    private void ChargeBuyer(Transition<DisputeState, DisputeAction, Party> transition)
    {
        if (transition.From == DisputeState.ChargeFailed && Charge is { } earlier)
        {
            UpdateCharge(charge => charge with { Status = ChargeStatus.Pending, Attempts = earlier.Attempts + 1 });
            return;
        }

        var amount = Remedy == Remedy.Exchange ? PriceDifference!.Value : RepairFile!.Diagnosis!.Fee!.Value;
        _charges.Add(new ChargeRecord($"{Id}-charge-{_charges.Count + 1}", amount, ChargeStatus.Pending, Attempts: 1, RequestedAt: transition.At));
    }

    private void UpdateCharge(Func<ChargeRecord, ChargeRecord> change) => _charges[^1] = change(_charges[^1]);

    // The amount agreed (or the full refund), split into the items and the claimed shipping; the item part is
    // shared among the lines in order, each up to its ceiling for the units received back (all, if none came back).
    private RefundRecord NewRefund(DateTimeOffset now)
    {
        var amount = AgreedRefund ?? FullRefundAmount;
        var itemPart = Amount.Min(amount, ItemCeiling);
        var left = itemPart;
        var parts = new Amount[Lines.Count];
        for (var i = 0; i < Lines.Count; i++)
        {
            parts[i] = Amount.Min(left, UnitsReceived(Lines[i]) is { } received ? Lines[i].CeilingFor(received) : Lines[i].Ceiling);
            left -= parts[i];
        }

        // A ruling may refund more than the units received are worth: the rest goes to the lines up to their whole ceilings.
        for (var i = 0; i < Lines.Count; i++)
        {
            var more = Amount.Min(left, Lines[i].Ceiling - parts[i]);
            parts[i] += more;
            left -= more;
        }

        var lines = Lines.Select((line, i) => new RefundLine(line.LineId, UnitsReceived(line) ?? line.Units, parts[i])).ToList();
        var postage = ReturnPostageSettled(amount);
        return new RefundRecord($"{Id}-refund", amount + postage, itemPart, amount - itemPart, RefundStatus.Pending, Attempts: 1, RequestedAt: now)
        {
            Lines = lines,
            ReturnPostage = postage.IsZero ? null : postage,
        };
    }

    // Who pays return shipping moves money: the seller reimburses postage the buyer paid (up to the store's cap); a buyer
    // who pays but sent the return with the seller's prepaid label has the label's cost deducted, leaving at least one
    // minor unit of the refund. Otherwise each side has paid its own.
    private Amount ReturnPostageSettled(Amount refund)
    {
        var none = Amount.Zero(refund.Currency);
        if (ReturnShipment?.Details is not { Postage: { IsPositive: true } cost } shipment)
        {
            return none;
        }

        return (ReturnShippingPayer, shipment.PrepaidLabel) switch
        {
            (ShippingPayer.Seller, false) => Amount.Min(cost, Policy.ReturnPostageCap ?? none),
            (ShippingPayer.Buyer, true) => -Amount.Min(cost, refund - new Amount(1, refund.Currency)),
            _ => none,
        };
    }

    private Problem? CheckRefund(Amount refund, string notPositiveKey)
    {
        if (refund.Currency != Ceiling.Currency)
        {
            return Currency(refund);
        }

        if (!refund.IsPositive)
        {
            return Invalid(Say(notPositiveKey));
        }

        return refund > Ceiling
            ? new Problem(DisputeRefusalCode.OverRefund, Say("Invalid.OverRefund", refund, Ceiling))
            : null;
    }

    private Problem Currency(Amount amount) => Invalid(Say("Invalid.Currency", amount.Currency, Ceiling.Currency));
}
