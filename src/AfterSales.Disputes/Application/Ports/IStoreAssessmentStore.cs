using AfterSales.Disputes.Merchants;

namespace AfterSales.Disputes.Application.Ports;

/// <summary>
/// Where store assessments are kept, one per store and period (the store refuses a second, so hosts that assess the
/// same period at once store it once), with the figures they are made from.
/// </summary>
public interface IStoreAssessmentStore
{
    /// <summary>When the first order was placed or the first request opened; null on an empty marketplace.</summary>
    Task<DateTimeOffset?> FirstActivityAsync(CancellationToken cancellationToken);

    /// <summary>The end of the latest period any store was assessed for; null before the first assessment.</summary>
    Task<DateTimeOffset?> LastAssessedEndAsync(CancellationToken cancellationToken);

    /// <summary>The stores already assessed for <paramref name="period"/>.</summary>
    Task<IReadOnlySet<string>> AssessedAsync(string period, CancellationToken cancellationToken);

    /// <summary>
    /// The figures of every store with an order placed or a request opened before <paramref name="end"/>, over the orders
    /// and requests of [<paramref name="start"/>, <paramref name="end"/>), with the penalty points counting at the end.
    /// </summary>
    Task<IReadOnlyDictionary<string, StoreFigures>> FiguresAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>Each store's level in its latest assessment of a period that ended by <paramref name="end"/>.</summary>
    Task<IReadOnlyDictionary<string, StoreLevel>> LevelsAtAsync(DateTimeOffset end, CancellationToken cancellationToken);

    /// <summary>
    /// Stores <paramref name="assessment"/>, with <paramref name="message"/> (its level change's event) in the same
    /// transaction; false, storing neither, when the store was already assessed for the period.
    /// </summary>
    Task<bool> TryAddAsync(StoreAssessment assessment, OutboxMessage? message, CancellationToken cancellationToken);

    /// <summary>The store's assessments, newest first.</summary>
    Task<IReadOnlyList<StoreAssessment>> HistoryAsync(string storeId, int limit, CancellationToken cancellationToken);

    /// <summary>Every store's assessment for <paramref name="period"/>, or for the latest assessed period when null.</summary>
    Task<IReadOnlyList<StoreAssessment>> PeriodAsync(string? period, CancellationToken cancellationToken);

    /// <summary>The level of the latest assessment of the store of <paramref name="orderId"/>; null when it was never assessed.</summary>
    Task<StoreLevel?> LevelForOrderAsync(string orderId, CancellationToken cancellationToken);
}
