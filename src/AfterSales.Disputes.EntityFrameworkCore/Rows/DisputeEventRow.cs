using AfterSales.Disputes.Disputes;

namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>One timeline event; (dispute, sequence) is the key, so two writers cannot both append event N.</summary>
internal sealed class DisputeEventRow
{
    public required string DisputeId { get; set; }

    public int Sequence { get; set; }

    public DateTimeOffset At { get; set; }

    public Party Party { get; set; }

    public required string ActorId { get; set; }

    public DisputeAction Action { get; set; }

    public DisputeState From { get; set; }

    public DisputeState To { get; set; }

    /// <summary>The details as JSON (see <c>DisputeJson</c>), or null.</summary>
    public string? Data { get; set; }

    /// <summary>
    /// The event's place in the feed of every case's events (<c>EfEventFeed</c>): the database numbers it at insert,
    /// increasing within a <see cref="TransactionId"/>.
    /// </summary>
    public long Position { get; set; }

    /// <summary>
    /// The PostgreSQL transaction that wrote the event, so the feed can hold back events of transactions not yet
    /// committed; 0 on SQLite, whose one writer commits in <see cref="Position"/> order.
    /// </summary>
    public long TransactionId { get; set; }
}
