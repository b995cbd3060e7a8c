using AfterSales.Disputes.Application.Disputes;
using AfterSales.Disputes.Application.Ports;
using MediatR;

namespace AfterSales.Disputes.Application.Payments;

/// <summary>What a payment the engine asked for pays.</summary>
public enum PaymentKind
{
    /// <summary>A dispute's refund (<see cref="RefundPurpose.Dispute"/>).</summary>
    Refund,

    /// <summary>A failed repair's fee paid back (<see cref="RefundPurpose.RepairFee"/>).</summary>
    RepairFeeRefund,

    /// <summary>A charge to the buyer: a repair fee or an exchange's price difference.</summary>
    Charge,
}

/// <summary>
/// The payment service's answer to a refund or charge it accepted earlier (its callback): recorded on the dispute as the
/// gateway's answer would have been, once. A second answer for the same payment finds the dispute past that step and
/// changes nothing; so does an answer for a payment the dispute is not waiting for.
/// </summary>
/// <param name="DisputeId">The dispute the payment was asked for.</param>
/// <param name="Kind">What it pays.</param>
/// <param name="PaymentId">The refund or charge id the engine sent (its idempotency key).</param>
/// <param name="Succeeded">Whether it was paid or charged.</param>
/// <param name="Reference">The payment service's reference.</param>
/// <param name="Failure">Why it failed.</param>
public sealed record RecordPaymentAnswer(string DisputeId, PaymentKind Kind, string PaymentId, bool Succeeded, string? Reference, string? Failure)
    : IRequest<PaymentAnswer>;

/// <summary>What recording a payment answer did.</summary>
public enum PaymentAnswer
{
    /// <summary>Recorded on the dispute (or, for a failed fee refund, left to the retries that ask again).</summary>
    Recorded,

    /// <summary>The dispute is past that payment (a duplicate or late answer) or was not waiting for it: nothing changed.</summary>
    AlreadyRecorded,

    /// <summary>No such dispute.</summary>
    NotFound,

    /// <summary>The dispute changed at the same moment: send the answer again.</summary>
    Conflict,
}

/// <summary>Records payment answers through the dispute's own flow, as the system.</summary>
internal sealed class RecordPaymentAnswerHandler : IRequestHandler<RecordPaymentAnswer, PaymentAnswer>
{
    private readonly IDisputeStore _disputes;
    private readonly IMediator _mediator;

    public RecordPaymentAnswerHandler(IDisputeStore disputes, IMediator mediator)
    {
        _disputes = disputes;
        _mediator = mediator;
    }

    public async Task<PaymentAnswer> Handle(RecordPaymentAnswer request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (await _disputes.FindAsync(request.DisputeId, cancellationToken).ConfigureAwait(false) is not { } dispute)
        {
            return PaymentAnswer.NotFound;
        }

        var known = request.Kind switch
        {
            PaymentKind.Refund => dispute.Refund?.RefundId == request.PaymentId,
            PaymentKind.Charge => dispute.Charge?.ChargeId == request.PaymentId,
            _ => dispute.Charges.Any(charge => $"{charge.ChargeId}-refund" == request.PaymentId),
        };
        if (!known)
        {
            return PaymentAnswer.AlreadyRecorded;
        }

        if (request.Kind == PaymentKind.RepairFeeRefund && !request.Succeeded)
        {
            return PaymentAnswer.Recorded; // the outbox asks again with the same id until the fee is paid back
        }

        var result = await _mediator.Send(PaymentAnswers.Record(dispute.Id, request.Kind, request.Succeeded, request.Reference, request.Failure), cancellationToken)
            .ConfigureAwait(false);
        return result.Status switch
        {
            CommandStatus.Succeeded => PaymentAnswer.Recorded,
            CommandStatus.Conflict or CommandStatus.StaleVersion => PaymentAnswer.Conflict,
            CommandStatus.NotFound => PaymentAnswer.NotFound,
            _ => PaymentAnswer.AlreadyRecorded,
        };
    }
}
