namespace AfterSales.Disputes.EntityFrameworkCore.Rows;

/// <summary>One revision of one marketplace setting; revisions are only ever added.</summary>
internal sealed class MarketplaceSettingRow
{
    /// <summary>Increases with every revision stored: the history's order.</summary>
    public long Id { get; set; }

    public required string Kind { get; set; }

    public required string Key { get; set; }

    public int Revision { get; set; }

    /// <summary>The setting as JSON.</summary>
    public required string Document { get; set; }

    public DateTimeOffset ChangedAt { get; set; }

    public required string ChangedBy { get; set; }
}
