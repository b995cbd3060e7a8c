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
}
