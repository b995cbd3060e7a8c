using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Application.Payments;

/// <summary>
/// How a payment service's answer is recorded on its dispute, whether it came back from the call (the outbox) or
/// later (the service's callback): the one place that names the actions a payment's end takes.
/// </summary>
internal static class PaymentAnswers
{
    /// <summary>The system's action that records the answer: paid or failed refund, charge, or a repair fee paid back.</summary>
    public static TakeDisputeAction Record(string disputeId, PaymentKind kind, bool succeeded, string? reference, string? failure) => kind switch
    {
        PaymentKind.Refund => new(disputeId, Actor.System, succeeded ? DisputeAction.RecordRefundSuccess : DisputeAction.RecordRefundFailure,
            new RefundResult(reference, failure)),
        PaymentKind.Charge => new(disputeId, Actor.System, succeeded ? DisputeAction.RecordChargeSuccess : DisputeAction.RecordChargeFailure,
            new ChargeResult(reference, failure)),
        _ => new(disputeId, Actor.System, DisputeAction.RecordFeeRefund, new ChargeResult(reference)),
    };
}
