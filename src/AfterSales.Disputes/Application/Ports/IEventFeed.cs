using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.Application.Ports;

/// <summary>
/// Every case's events in one order, for followers (a buyer's front end, a store's system, a service center): each
/// reads the events of the cases it may see from its cursor on, and never misses one that commits later.
/// </summary>
public interface IEventFeed
{
    /// <summary>Up to <see cref="EventFeedQuery.Limit"/> events of the matching cases after the query's cursor, in feed order.</summary>
    Task<EventFeedPage> ReadAsync(EventFeedQuery query, CancellationToken cancellationToken);
}

/// <summary>Which cases' events to read, from where.</summary>
/// <param name="Cases">The cases whose events to read: the party filters of a dispute listing (its states, kind,
/// paging and opening time are not used). The API sets them from the caller's token.</param>
/// <param name="After">The cursor a previous page answered; null reads from the first event.</param>
/// <param name="Limit">How many events at most (1 to 200).</param>
public sealed record EventFeedQuery(DisputeQuery Cases, FeedPosition? After = null, int Limit = 100);

/// <summary>Events in feed order, and the cursor to read on from.</summary>
/// <param name="Events">The events, each with its dispute's id.</param>
/// <param name="Cursor">Pass as <see cref="EventFeedQuery.After"/> for the events after these; the same cursor when there were none.</param>
public sealed record EventFeedPage(IReadOnlyList<DisputeEvent> Events, FeedPosition? Cursor);

/// <summary>A place in the event feed: the transaction that wrote an event and the event's number in the feed.</summary>
/// <param name="Transaction">The writing transaction's order (0 where the database commits in number order).</param>
/// <param name="Number">The event's number.</param>
public readonly record struct FeedPosition(long Transaction, long Number)
{
    /// <summary>The position as a cursor: <c>Transaction.Number</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Transaction}.{Number}");

    /// <summary>Reads a cursor <see cref="ToString"/> wrote; false for anything else.</summary>
    public static bool TryParse(string? cursor, [NotNullWhen(true)] out FeedPosition? position)
    {
        position = null;
        if (cursor?.Split('.') is not [var transaction, var number]
            || !long.TryParse(transaction, NumberStyles.None, CultureInfo.InvariantCulture, out var t)
            || !long.TryParse(number, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return false;
        }

        position = new FeedPosition(t, n);
        return true;
    }
}
