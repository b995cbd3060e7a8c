using AfterSales.Disputes.Application.Evidence;
using AfterSales.Disputes.Application.Outbox;
using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Merchants;
using MediatR;

namespace AfterSales.Disputes.Application.Disputes;

/// <summary>A buyer opens a request on an order line.</summary>
/// <param name="OrderId">The registered order.</param>
/// <param name="Request">What the buyer submits.</param>
public sealed record OpenDispute(string OrderId, OpenDisputeRequest Request) : IRequest<DisputeCommandResult>, IValidatable
{
    /// <inheritdoc/>
    public IEnumerable<ValidationError> Validate()
    {
        if (string.IsNullOrWhiteSpace(OrderId))
        {
            yield return new ValidationError("orderId", "An order id is required.");
        }

        if (Request is null)
        {
            yield return new ValidationError("request", "The request is required.");
            yield break;
        }

        if (string.IsNullOrWhiteSpace(Request.DisputeId))
        {
            yield return new ValidationError("disputeId", "A dispute id is required.");
        }

        if (string.IsNullOrWhiteSpace(Request.LineId))
        {
            yield return new ValidationError("lineId", "An order line is required.");
        }
    }
}

/// <summary>
/// Opens the dispute while the store holds the order, so that two requests on the same line (or two
/// claims of the shipping fee) cannot both pass the checks.
/// </summary>
internal sealed class OpenDisputeHandler : IRequestHandler<OpenDispute, DisputeCommandResult>
{
    private readonly IDisputeStore _disputes;
    private readonly IEvidenceStore _evidence;
    private readonly IPolicyCatalog _policies;
    private readonly IStoreAssessmentStore _assessments;
    private readonly CommittedEventsPublisher _committed;
    private readonly TimeProvider _time;

    public OpenDisputeHandler(IDisputeStore disputes, IEvidenceStore evidence, IPolicyCatalog policies, IStoreAssessmentStore assessments,
        CommittedEventsPublisher committed, TimeProvider time)
    {
        _disputes = disputes;
        _evidence = evidence;
        _policies = policies;
        _assessments = assessments;
        _committed = committed;
        _time = time;
    }

    /// <inheritdoc/>
    public async Task<DisputeCommandResult> Handle(OpenDispute request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var now = _time.GetUtcNow();
        var (files, fileProblem) = await FileChecks.CheckAsync(_evidence, Actor.Buyer(request.Request.BuyerId), request.Request.DisputeId,
            request.Request.FileReferences(), cancellationToken).ConfigureAwait(false);
        if (fileProblem is not null)
        {
            return new DisputeCommandResult(CommandStatus.Refused, null, new DisputeRefusal(DisputeRefusalCode.InvalidInput, fileProblem, []), []);
        }

        // A store its latest assessment restricted opens under the platform's restricted policy, frozen in the case.
        var level = await _assessments.LevelForOrderAsync(request.OrderId, cancellationToken).ConfigureAwait(false) ?? StoreLevel.Good;

        // The store attaches the files the opening names to the new dispute, in the transaction that opens it.
        OpenOutcome Decide(OrderRefunds refunds) => _policies.For(refunds.Order, request.Request.LineId, level) is { } policy
            ? Dispute.Open(request.Request, refunds, policy, now, files)
            : new OpenOutcome(null, new DisputeRefusal(DisputeRefusalCode.NotEligible,
                $"No after-sales policy is configured for store {refunds.Order.StoreId} in region {refunds.Order.Region}.", []), null);

        OpenOutcome? outcome;
        try
        {
            outcome = await _disputes.OpenAsync(request.OrderId, Decide, opened => DisputeOutbox.For(opened, opened.Timeline), cancellationToken)
                .ConfigureAwait(false);
        }
        catch (ConcurrencyConflictException)
        {
            return new DisputeCommandResult(CommandStatus.Conflict, null, null, []);
        }

        if (outcome is null)
        {
            return DisputeCommandResult.NotFound;
        }

        if (outcome.Dispute is not { } dispute)
        {
            return new DisputeCommandResult(CommandStatus.Refused, null, outcome.Refusal, []);
        }

        await _committed.PublishAsync(new DisputeEventsCommitted(dispute, dispute.Timeline), cancellationToken).ConfigureAwait(false);
        return new DisputeCommandResult(CommandStatus.Succeeded, dispute, null, dispute.Timeline);
    }
}
