using AfterSales.Disputes.Merchants;

namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>One store's assessment for one period; (store, period) is unique, so hosts racing for a period store it once.</summary>
internal sealed class StoreAssessmentRow
{
    public long Id { get; set; }

    public required string StoreId { get; set; }

    public required string Period { get; set; }

    public DateTimeOffset PeriodStart { get; set; }

    public DateTimeOffset PeriodEnd { get; set; }

    public StoreLevel Level { get; set; }

    /// <summary>The whole assessment as JSON (figures, reasons, the level before).</summary>
    public required string Document { get; set; }

    public DateTimeOffset AssessedAt { get; set; }
}
