using AfterSales.Disputes.Application.Ports;
using AfterSales.Disputes.Disputes;
using AfterSales.Disputes.Flows;
using AfterSales.Disputes.Policies;
using MediatR;

namespace AfterSales.Disputes.Application.Disputes;

/// <summary>The dispute with this id (with its timeline), or null.</summary>
/// <param name="DisputeId">The dispute.</param>
public sealed record GetDispute(string DisputeId) : IRequest<Dispute?>;

/// <summary>A page of dispute summaries.</summary>
/// <param name="Query">Filters and cursor.</param>
public sealed record ListDisputes(DisputeQuery Query) : IRequest<DisputePage>, IValidatable
{
    /// <inheritdoc/>
    public IEnumerable<ValidationError> Validate()
    {
        if (Query is null)
        {
            yield return new ValidationError("query", "A query is required.");
        }
        else if (Query.Limit is < 1 or > 200)
        {
            yield return new ValidationError("limit", "A page has 1 to 200 items.");
        }
    }
}

/// <summary>The timeline of a dispute, or null when there is no such dispute.</summary>
/// <param name="DisputeId">The dispute.</param>
public sealed record GetTimeline(string DisputeId) : IRequest<IReadOnlyList<DisputeEvent>?>;

/// <summary>For every action, whether <paramref name="Actor"/> may take it now and why not; null when there is no such dispute.</summary>
/// <param name="DisputeId">The dispute.</param>
/// <param name="Actor">Who asks.</param>
public sealed record GetAllowedActions(string DisputeId, Actor Actor) : IRequest<IReadOnlyList<ActionAvailability<DisputeState, DisputeAction, Party>>?>;

/// <summary>What eligibility would decide for a request before it is opened; null when the order or its policy is unknown.</summary>
/// <param name="OrderId">The order.</param>
/// <param name="LineId">The line.</param>
/// <param name="Kind">What the buyer would ask for.</param>
/// <param name="Reason">Why.</param>
/// <param name="Condition">The state of the goods.</param>
/// <param name="FaultCause">For repairs, the cause if known.</param>
/// <param name="HasProofOfPurchase">Whether proof of purchase would be attached.</param>
/// <param name="IncludedLineIds">Lines sent back with this one.</param>
/// <param name="SerialNumber">The serial number the buyer would give, if any.</param>
public sealed record PreviewEligibility(
    string OrderId,
    string LineId,
    RequestKind Kind,
    RequestReason Reason,
    ConditionIssue Condition = ConditionIssue.None,
    FaultCause? FaultCause = null,
    bool HasProofOfPurchase = false,
    IReadOnlyList<string>? IncludedLineIds = null,
    string? SerialNumber = null) : IRequest<EligibilityDecision?>;

/// <summary>Answers the dispute queries from the store.</summary>
internal sealed class DisputeQueryHandler :
    IRequestHandler<GetDispute, Dispute?>,
    IRequestHandler<ListDisputes, DisputePage>,
    IRequestHandler<GetTimeline, IReadOnlyList<DisputeEvent>?>,
    IRequestHandler<GetAllowedActions, IReadOnlyList<ActionAvailability<DisputeState, DisputeAction, Party>>?>,
    IRequestHandler<PreviewEligibility, EligibilityDecision?>
{
    private readonly IDisputeStore _disputes;
    private readonly IOrderStore _orders;
    private readonly IPolicyCatalog _policies;
    private readonly TimeProvider _time;

    /// <summary>Creates the handler.</summary>
    public DisputeQueryHandler(IDisputeStore disputes, IOrderStore orders, IPolicyCatalog policies, TimeProvider time)
    {
        _disputes = disputes;
        _orders = orders;
        _policies = policies;
        _time = time;
    }

    /// <inheritdoc/>
    public Task<Dispute?> Handle(GetDispute request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _disputes.FindAsync(request.DisputeId, cancellationToken);
    }

    /// <inheritdoc/>
    public Task<DisputePage> Handle(ListDisputes request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _disputes.ListAsync(request.Query, cancellationToken);
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<DisputeEvent>?> Handle(GetTimeline request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return (await _disputes.FindAsync(request.DisputeId, cancellationToken).ConfigureAwait(false))?.Timeline;
    }

    /// <inheritdoc/>
    public async Task<IReadOnlyList<ActionAvailability<DisputeState, DisputeAction, Party>>?> Handle(GetAllowedActions request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var dispute = await _disputes.FindAsync(request.DisputeId, cancellationToken).ConfigureAwait(false);
        return dispute?.Explain(request.Actor, _time.GetUtcNow());
    }

    /// <inheritdoc/>
    public async Task<EligibilityDecision?> Handle(PreviewEligibility request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var order = await _orders.FindAsync(request.OrderId, cancellationToken).ConfigureAwait(false);
        if (order is null || _policies.For(order, request.LineId) is not { } policy)
        {
            return null;
        }

        return Eligibility.Evaluate(
            new EligibilityQuery(order, request.LineId, request.Kind, request.Reason, request.Condition, request.FaultCause,
                request.HasProofOfPurchase, request.IncludedLineIds, request.SerialNumber),
            policy,
            _time.GetUtcNow());
    }
}
