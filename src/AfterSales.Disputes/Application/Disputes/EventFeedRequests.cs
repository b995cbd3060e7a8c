using AfterSales.Disputes.Application.Ports;
using MediatR;

namespace AfterSales.Disputes.Application.Disputes;

/// <summary>A page of the event feed: the events of the query's cases after its cursor.</summary>
/// <param name="Query">Which cases, from where, how many.</param>
public sealed record ReadEventFeed(EventFeedQuery Query) : IRequest<EventFeedPage>, IValidatable
{
    /// <summary>The most events one page holds.</summary>
    public const int MaxLimit = 200;

    /// <inheritdoc/>
    public IEnumerable<ValidationError> Validate()
    {
        if (Query is null)
        {
            yield return new ValidationError("query", "A query is required.");
        }
        else if (Query.Limit is < 1 or > MaxLimit)
        {
            yield return new ValidationError("limit", $"A page has 1 to {MaxLimit} events.");
        }
    }
}

/// <summary>Reads the event feed from the store.</summary>
internal sealed class EventFeedHandler : IRequestHandler<ReadEventFeed, EventFeedPage>
{
    private readonly IEventFeed _feed;

    /// <summary>Creates the handler.</summary>
    public EventFeedHandler(IEventFeed feed) => _feed = feed;

    /// <inheritdoc/>
    public Task<EventFeedPage> Handle(ReadEventFeed request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return _feed.ReadAsync(request.Query, cancellationToken);
    }
}
