namespace AfterSales.Disputes.Flows;

/// <summary>
/// Counts business time for <see cref="DeadlineSpan.BusinessDays"/>: which hours of which days count
/// towards a deadline. A region's calendar implements it with its weekend, holidays and make-up days.
/// </summary>
public interface IBusinessCalendar
{
    /// <summary>The instant at which <paramref name="amount"/> of business time has passed since <paramref name="start"/>.</summary>
    DateTimeOffset AddBusinessTime(DateTimeOffset start, TimeSpan amount);

    /// <summary>How much business time lies between two instants (zero if <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    TimeSpan BusinessTimeBetween(DateTimeOffset from, DateTimeOffset to);
}
