namespace AfterSales.Disputes.EntityFrameworkCore.Configurations;

/// <summary>Column sizes shared by the configurations.</summary>
internal static class Lengths
{
    public const int Id = 64;
    public const int Enum = 48;
    public const int Worker = 128;
    public const int Text = 1000;

    /// <summary>An error text cut to the <see cref="Text"/> columns that keep it.</summary>
    public static string FitText(string text) => text.Length <= Text ? text : text[..Text];
}

/// <summary>
/// Index filters, in SQL that SQLite and PostgreSQL both accept (quoted column names, boolean literals).
/// </summary>
internal static class Filters
{
    public const string NotCompleted = "\"CompletedAt\" IS NULL";
    public const string Unattached = "\"DisputeId\" IS NULL";
}
